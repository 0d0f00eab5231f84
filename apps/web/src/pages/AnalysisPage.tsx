// 共性问题与分析研判: hotspots (the same category recurring in one place) on a map and in a list,
// trend alerts (a category rising above its usual level in the city or a district), each opened with
// the cases behind it and the centre's actions; and the monthly common-problem report. The tab and
// the open alert live in the URL, so a link from the inbox banner or a colleague lands on it.
import { Card, Col, Row, Space, Switch, Tabs, Typography } from "antd";
import { useMemo, useState } from "react";
import { useSearchParams } from "react-router-dom";
import { ErrorAlert } from "../components/admin/ErrorAlert.tsx";
import { AlertDetailPanel } from "../components/analysis/AlertDetailPanel.tsx";
import { AlertTable } from "../components/analysis/AlertTable.tsx";
import { analysisApi } from "../components/analysis/api.ts";
import { MonthlyReport } from "../components/analysis/MonthlyReport.tsx";
import type { Alert, AlertKind } from "../components/analysis/types.ts";
import { VectorMap } from "../components/map/index.tsx";
import { useI18n } from "../i18n/index.tsx";
import type { ApiError } from "../lib/api.ts";
import { useAuth } from "../lib/auth.tsx";
import { useLoad } from "../lib/hooks.ts";
import { pagesFor } from "../lib/menu.ts";

type Tab = "hotspots" | "trends" | "monthly";
const TABS: Tab[] = ["hotspots", "trends", "monthly"];
const MANAGERS = ["city_centre", "district_centre", "township_centre"];
const MARKER: Record<string, string> = {
  open: "#cf1322",
  acknowledged: "#d48806",
  tasked: "#1f5fbf",
  dismissed: "#8c8c8c",
};

function AlertsTab({
  kind,
  selected,
  onSelect,
}: {
  kind: AlertKind;
  selected: string | null;
  onSelect: (id: string) => void;
}) {
  const { t } = useI18n();
  const { me } = useAuth();
  const canManage = Boolean(me?.roles.some((r) => MANAGERS.includes(r)));
  const [liveOnly, setLiveOnly] = useState(true);
  const [paging, setPaging] = useState({ page: 1, pageSize: 10 });
  const [tick, setTick] = useState(0);
  const list = useLoad(`${kind}:${liveOnly}:${paging.page}:${paging.pageSize}:${tick}`, () =>
    analysisApi.alerts({ kind, active: liveOnly ? true : undefined, ...paging }),
  );
  const points = useMemo(
    () =>
      (list.data?.items ?? [])
        .filter((a): a is Alert & { location: { lat: number; lng: number } } => a.location !== null)
        .map((a) => ({
          id: a.id,
          lat: a.location.lat,
          lng: a.location.lng,
          color: MARKER[a.status] ?? "#cf1322",
          radius: a.id === selected ? 11 : 8,
          tooltip: `${a.placeName} · ${a.category.name}: ${a.observed}`,
          onClick: () => onSelect(a.id),
        })),
    [list.data, selected, onSelect],
  );
  const table = (
    <AlertTable
      testId={`alerts-${kind}`}
      data={list.data}
      loading={list.loading}
      selectedId={selected}
      onSelect={(a) => onSelect(a.id)}
      onPage={(page, pageSize) => setPaging({ page, pageSize })}
    />
  );
  return (
    <Space orientation="vertical" size={12} style={{ width: "100%" }}>
      <Space>
        <Switch
          checked={liveOnly}
          onChange={(v) => {
            setLiveOnly(v);
            setPaging((p) => ({ ...p, page: 1 }));
          }}
        />
        <span>{t("anLiveOnly")}</span>
        {Object.entries(MARKER).map(([s, c]) => (
          <Typography.Text key={s} type="secondary" style={{ fontSize: 12 }}>
            <span
              style={{ display: "inline-block", width: 8, height: 8, borderRadius: 4, background: c, marginRight: 4 }}
            />
            {t(`anStatus_${s}` as never)}
          </Typography.Text>
        ))}
      </Space>
      <ErrorAlert error={list.error as ApiError | undefined} onRetry={list.reload} />
      {kind === "hotspot" ? (
        <Row gutter={12}>
          <Col xs={24} xl={10}>
            <VectorMap
              height={420}
              testId="hotspot-map"
              points={points}
              fit={points.length ? "points" : "districts"}
              fitKey={points.map((p) => p.id).join(",")}
              fitPadding={40}
            />
          </Col>
          <Col xs={24} xl={14}>
            {table}
          </Col>
        </Row>
      ) : (
        table
      )}
      {selected ? (
        <AlertDetailPanel key={selected} id={selected} canManage={canManage} onChanged={() => setTick((n) => n + 1)} />
      ) : (
        <Card size="small">
          <Typography.Text type="secondary">{t("anSelectHint")}</Typography.Text>
        </Card>
      )}
    </Space>
  );
}

export function AnalysisPage() {
  const { t } = useI18n();
  const { me } = useAuth();
  const [params, setParams] = useSearchParams();
  const tab = (TABS.includes(params.get("tab") as Tab) ? params.get("tab") : "hotspots") as Tab;
  const alert = params.get("alert");
  const select = (id: string) => setParams({ tab, alert: id });
  const canPdf = me ? pagesFor(me.roles).includes("assessment") : false;
  return (
    <div data-testid="analysis-page">
      <Typography.Title level={4} style={{ margin: "0 0 12px" }}>
        {t("anTitle")}
      </Typography.Title>
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams({ tab: k })}
        items={[
          {
            key: "hotspots",
            label: t("anTabHotspots"),
            children: tab === "hotspots" && <AlertsTab kind="hotspot" selected={alert} onSelect={select} />,
          },
          {
            key: "trends",
            label: t("anTabTrends"),
            children: tab === "trends" && <AlertsTab kind="trend" selected={alert} onSelect={select} />,
          },
          {
            key: "monthly",
            label: t("anTabMonthly"),
            children: tab === "monthly" && <MonthlyReport canPdf={canPdf} />,
          },
        ]}
      />
    </div>
  );
}
