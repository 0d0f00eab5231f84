// 综合评价: rankings of the areas below the viewer (district → township → community → grid, with
// drill-down), of the units seated in its area and of its grid workers and handlers, over a month,
// quarter, year or any period, each figure with its change against the previous period of equal
// length; the whole table as XLSX and the monthly report as PDF (both made by the server).
import { DownloadOutlined, FilePdfOutlined } from "@ant-design/icons";
import { App, Breadcrumb, Button, Card, DatePicker, Flex, Result, Space, Tabs, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { ErrorAlert } from "../components/admin/ErrorAlert.tsx";
import { type PeriodChoice, PeriodPicker, periodOf } from "../components/assessment/PeriodPicker.tsx";
import { RankingTable } from "../components/assessment/RankingTable.tsx";
import {
  AREA_LEVELS,
  type AreaLevel,
  type FigureKey,
  type RankingPage,
  type RankingRow,
  type TabKey,
} from "../components/assessment/types.ts";
import { type MessageKey, useI18n } from "../i18n/index.tsx";
import { ApiError, get, qs } from "../lib/api.ts";
import { useAuth } from "../lib/auth.tsx";
import { downloadFile } from "../lib/download.ts";
import { useLoad } from "../lib/hooks.ts";
import { pagesFor } from "../lib/menu.ts";

const RANK: Record<string, number> = { city: 0, district: 1, township: 2, community: 3, grid: 4 };
const rankOf = (level: string) => RANK[level] ?? 0;
const isArea = (tab: TabKey): tab is AreaLevel => (AREA_LEVELS as readonly string[]).includes(tab);

interface Crumb {
  code: string;
  name: string;
  level: string;
}

/** The API path and query of the table on screen (paging left out for the export). */
function tablePath(tab: TabKey, parent: Crumb | undefined) {
  if (isArea(tab)) return { path: "/assessment/areas", extra: { level: tab, parent: parent?.code } };
  if (tab === "units") return { path: "/assessment/units", extra: {} };
  return { path: "/assessment/people", extra: { kind: tab } };
}

export function AssessmentPage() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const { me } = useAuth();
  const viewerLevel = me?.jurisdiction.kind === "division" ? me.jurisdiction.level : "city";
  const levels = AREA_LEVELS.filter((l) => rankOf(l) > rankOf(viewerLevel));
  const [period, setPeriod] = useState<PeriodChoice>({
    kind: "month",
    anchor: dayjs(),
    range: [dayjs().subtract(29, "day"), dayjs()],
  });
  const [tab, setTab] = useState<TabKey>(levels[0] ?? "units");
  const [path, setPath] = useState<Crumb[]>([]);
  const [sort, setSort] = useState<{ key: FigureKey; order?: "asc" | "desc" } | null>(null);
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const [reportMonth, setReportMonth] = useState<Dayjs>(dayjs().subtract(1, "month"));
  const [busy, setBusy] = useState<"xlsx" | "pdf" | null>(null);

  const parent = path[path.length - 1];
  const { from, to } = periodOf(period);
  const { path: apiPath, extra } = tablePath(tab, parent);
  const query = { ...extra, from, to, sort: sort?.key, order: sort?.order };
  const url = `${apiPath}${qs({ ...query, ...paging })}`;
  const allowed = me ? pagesFor(me.roles).includes("assessment") : false;
  const table = useLoad(allowed ? url : null, () => get<RankingPage>(url));

  const choose = (next: TabKey) => {
    setTab(next);
    setSort(null);
    setPaging((p) => ({ ...p, page: 1 }));
    // keep the drill path only as far as it stays above the chosen level
    if (isArea(next)) setPath((p) => p.filter((c) => rankOf(c.level) < rankOf(next)));
  };
  const drill = (row: RankingRow) => {
    const below = AREA_LEVELS[AREA_LEVELS.indexOf(row.kind as AreaLevel) + 1];
    if (!below) return;
    setPath((p) => [...p, { code: row.code, name: row.name, level: row.kind }]);
    setTab(below);
    setSort(null);
    setPaging((p) => ({ ...p, page: 1 }));
  };
  const download = async (kind: "xlsx" | "pdf") => {
    setBusy(kind);
    try {
      const res =
        kind === "xlsx"
          ? await downloadFile(`${apiPath}/export${qs(query)}`, "assessment.xlsx")
          : await downloadFile(
              `/assessment/report.pdf${qs({ month: reportMonth.format("YYYY-MM"), division: parent?.code })}`,
              "assessment-report.pdf",
            );
      message.success(t("asExported", { file: res.filename }));
    } catch (e) {
      message.error(e instanceof ApiError ? e.text(lang) : t("unexpectedError"));
    } finally {
      setBusy(null);
    }
  };

  if (!allowed) return <Result status="403" title={t("asNoAccess")} />;
  const tabs: TabKey[] = [...levels, "units", "grid_worker", "handler"];
  const data = table.data;
  const viewerName = me?.jurisdiction.kind === "division" ? (me.jurisdiction.name ?? "") : "";
  return (
    <Card
      size="small"
      data-testid="assessment-page"
      title={t("asTitle")}
      extra={
        <Space wrap>
          <Button
            icon={<DownloadOutlined />}
            loading={busy === "xlsx"}
            onClick={() => download("xlsx")}
            data-testid="assessment-export"
          >
            {t("asExport")}
          </Button>
          <DatePicker
            picker="month"
            value={reportMonth}
            allowClear={false}
            disabledDate={(d) => d.isAfter(dayjs(), "month")}
            onChange={(d) => d && setReportMonth(d)}
            aria-label={t("asReportMonth")}
            style={{ width: 120 }}
          />
          <Button
            icon={<FilePdfOutlined />}
            loading={busy === "pdf"}
            onClick={() => download("pdf")}
            data-testid="assessment-report"
          >
            {t("asReport")}
          </Button>
        </Space>
      }
    >
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 8 }}>
        <PeriodPicker
          value={period}
          onChange={(p) => {
            setPeriod(p);
            setPaging((x) => ({ ...x, page: 1 }));
          }}
        />
        {data && (
          <Typography.Text type="secondary" data-testid="assessment-period-text">
            {t("asPeriodText", {
              from: data.period.from,
              to: data.period.to,
              pfrom: data.previous.from,
              pto: data.previous.to,
            })}
          </Typography.Text>
        )}
      </Flex>
      <Tabs
        activeKey={tab}
        onChange={(k) => choose(k as TabKey)}
        items={tabs.map((k) => ({
          key: k,
          label: <span data-testid={`assessment-tab-${k}`}>{t(`asTab_${k}` as MessageKey)}</span>,
        }))}
      />
      {isArea(tab) && (
        <Breadcrumb
          style={{ marginBottom: 8 }}
          data-testid="assessment-breadcrumb"
          items={[{ code: "", name: viewerName, level: viewerLevel }, ...path].map((c, i) => ({
            key: c.code || "own",
            title:
              i < path.length ? (
                <Typography.Link
                  onClick={() => {
                    setPath(path.slice(0, i));
                    choose(AREA_LEVELS[AREA_LEVELS.indexOf(c.level as AreaLevel) + 1] ?? levels[0] ?? "units");
                  }}
                >
                  {c.name}
                </Typography.Link>
              ) : (
                c.name
              ),
          }))}
        />
      )}
      <ErrorAlert error={table.error instanceof ApiError ? table.error : undefined} onRetry={table.reload} />
      <RankingTable
        tab={tab}
        data={data}
        loading={table.loading}
        onSort={(key, order) => {
          setSort(order ? { key, order } : null);
          setPaging((p) => ({ ...p, page: 1 }));
        }}
        onPage={(page, pageSize) => setPaging({ page, pageSize })}
        onDrill={isArea(tab) ? drill : undefined}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0, fontSize: 12 }}>
        {t("asChangeHint")}
        {isArea(tab) && tab !== "grid" ? `;${t("asDrillHint")}` : ""}
      </Typography.Paragraph>
    </Card>
  );
}
