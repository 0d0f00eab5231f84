// 共性问题月报 in the workbench: the month told in words (in the user's language), the main
// categories against last month, the hotspots against their usual level, the rising categories and
// the month's alerts — the same content as the PDF's section (apps/server/src/assessment/report).
import { FilePdfOutlined } from "@ant-design/icons";
import { App, Button, Card, Col, DatePicker, Empty, Row, Space, Table, Tag, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useMemo, useState } from "react";
import { type MessageKey, useI18n } from "../../i18n/index.tsx";
import { ApiError, qs } from "../../lib/api.ts";
import { downloadFile } from "../../lib/download.ts";
import { useLoad } from "../../lib/hooks.ts";
import { ErrorAlert } from "../admin/ErrorAlert.tsx";
import { analysisApi } from "./api.ts";
import { one, STATUS_COLOR } from "./format.ts";
import { LightChart, type LightChartOption } from "./LightChart.tsx";
import type { Monthly } from "./types.ts";

type T = ReturnType<typeof useI18n>["t"];

/** The month in words, built from the figures with the dictionary's sentences. */
export function monthlyText(m: Monthly, t: T): string {
  if (!m.analysedAt) return t("anNotAnalysed");
  const sep = t("anListSep");
  const diff = m.total - m.previousTotal;
  const change =
    m.previousTotal > 0
      ? t(diff >= 0 ? "anMText_up" : "anMText_down", { pct: Math.abs((diff / m.previousTotal) * 100).toFixed(1) })
      : "";
  const parts = [t("anMText_total", { name: m.division.name, total: m.total, change })];
  if (m.categories.length) {
    const top = m.categories.slice(0, 3);
    const share = m.total ? ((top.reduce((s, c) => s + c.count, 0) / m.total) * 100).toFixed(1) : "0";
    parts.push(
      t("anMText_top", { list: top.map((c) => t("anMText_cat", { name: c.name, count: c.count })).join(sep), share }),
    );
  }
  parts.push(
    m.rising.length
      ? t("anMText_rising", {
          list: m.rising
            .map((r) => t("anMText_risingItem", { name: r.name, count: r.count, ratio: one(r.ratio) }))
            .join(sep),
        })
      : t("anMText_noRising"),
  );
  parts.push(
    m.hotspots.length
      ? t("anMText_hotspots", {
          n: m.hotspots.length,
          list: m.hotspots
            .slice(0, 3)
            .map((h) =>
              t("anMText_hotItem", {
                place: h.place,
                category: h.categoryName,
                observed: h.observed,
                expected: one(h.expected),
              }),
            )
            .join(t("anItemSep")),
        })
      : t("anMText_noHotspots"),
  );
  const a = m.alerts;
  if (a.total) {
    parts.push(
      t("anMText_alerts", {
        total: a.total,
        hotspot: a.byKind.hotspot ?? 0,
        trend: a.byKind.trend ?? 0,
        tasked: a.byStatus.tasked ?? 0,
        acknowledged: a.byStatus.acknowledged ?? 0,
        dismissed: a.byStatus.dismissed ?? 0,
        open: a.byStatus.open ?? 0,
      }),
    );
  }
  return parts.join("");
}

const cut = (s: string, n = 8) => (s.length > n ? `${s.slice(0, n)}…` : s);

function bars(
  names: string[],
  a: { name: string; data: number[] },
  b: { name: string; data: number[] },
): LightChartOption {
  return {
    tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
    legend: { bottom: 0 },
    grid: { left: 36, right: 12, top: 16, bottom: 80 },
    xAxis: { type: "category", data: names.map((n) => cut(n)), axisLabel: { interval: 0, rotate: 30 } },
    yAxis: { type: "value", minInterval: 1 },
    series: [
      { name: a.name, type: "bar", data: a.data, barMaxWidth: 16 },
      { name: b.name, type: "bar", data: b.data, barMaxWidth: 16 },
    ],
  };
}

export function MonthlyReport({ division, canPdf }: { division?: string; canPdf: boolean }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [month, setMonth] = useState<Dayjs>(dayjs().subtract(1, "month"));
  const key = month.format("YYYY-MM");
  const report = useLoad(`${key}:${division ?? ""}`, () => analysisApi.monthly(key, division));
  const m = report.data;
  const categories = useMemo(
    () =>
      m?.categories.length
        ? bars(
            m.categories.slice(0, 8).map((c) => c.name),
            { name: t("anThisMonth"), data: m.categories.slice(0, 8).map((c) => c.count) },
            { name: t("anLastMonth"), data: m.categories.slice(0, 8).map((c) => c.previous) },
          )
        : null,
    [m, t],
  );
  const hotspots = useMemo(
    () =>
      m?.hotspots.length
        ? bars(
            m.hotspots.slice(0, 8).map((h) => `${h.place.split(" / ").pop()}·${h.categoryName}`),
            { name: t("anObserved"), data: m.hotspots.slice(0, 8).map((h) => h.observed) },
            { name: t("anExpected"), data: m.hotspots.slice(0, 8).map((h) => Math.round(h.expected * 10) / 10) },
          )
        : null,
    [m, t],
  );
  const pdf = async () => {
    try {
      await downloadFile(`/assessment/report.pdf${qs({ month: key, division })}`, "assessment-report.pdf");
    } catch (err) {
      message.error(err instanceof ApiError ? err.text(lang) : String(err));
    }
  };
  return (
    <div data-testid="monthly-report">
      <Space style={{ marginBottom: 12 }} wrap>
        <span>{t("anMonth")}</span>
        <DatePicker
          picker="month"
          value={month}
          allowClear={false}
          onChange={(v) => v && setMonth(v)}
          disabledDate={(d) => d.isAfter(dayjs(), "month")}
        />
        {canPdf && (
          <Button icon={<FilePdfOutlined />} onClick={pdf}>
            {t("anDownloadPdf")}
          </Button>
        )}
      </Space>
      <ErrorAlert error={report.error as ApiError | undefined} onRetry={report.reload} />
      {m && (
        <>
          <Card size="small" title={t("anMonthlyTitle", { name: m.division.name, month: m.month })}>
            <Typography.Paragraph data-testid="monthly-text">{monthlyText(m, t)}</Typography.Paragraph>
          </Card>
          <Row gutter={12} style={{ marginTop: 12 }}>
            <Col xs={24} lg={12}>
              <Card size="small" title={t("anTopCategories")}>
                {categories ? (
                  <LightChart option={categories} height={280} ariaLabel={t("anTopCategories")} />
                ) : (
                  <Empty />
                )}
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card size="small" title={t("anHotspotsMonth")}>
                {hotspots ? <LightChart option={hotspots} height={280} ariaLabel={t("anHotspotsMonth")} /> : <Empty />}
              </Card>
            </Col>
          </Row>
          <Card size="small" title={t("anRising")} style={{ marginTop: 12 }}>
            <Table
              size="small"
              rowKey="code"
              pagination={false}
              dataSource={m.rising}
              columns={[
                { title: t("anCategory"), dataIndex: "name" },
                { title: t("anObserved"), dataIndex: "count", align: "right" },
                { title: t("anExpected"), dataIndex: "expected", align: "right", render: one },
                { title: t("anRatio"), dataIndex: "ratio", align: "right", render: (r: number) => `${one(r)}×` },
              ]}
            />
          </Card>
          <Card size="small" title={t("anAlertsMonth")} style={{ marginTop: 12 }}>
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={m.alerts.top}
              columns={[
                {
                  title: t("anKind_hotspot"),
                  dataIndex: "kind",
                  render: (k: string) => t(`anKind_${k}` as MessageKey),
                },
                { title: t("anPlace"), dataIndex: "place" },
                { title: t("anCategory"), dataIndex: "categoryName" },
                {
                  title: `${t("anObserved")} / ${t("anExpected")}`,
                  key: "f",
                  align: "right",
                  render: (_: unknown, a: Monthly["alerts"]["top"][number]) => `${a.observed} / ${one(a.expected)}`,
                },
                {
                  title: t("anStatus"),
                  dataIndex: "status",
                  render: (s: string) => <Tag color={STATUS_COLOR[s]}>{t(`anStatus_${s}` as MessageKey)}</Tag>,
                },
                { title: t("anTaskCase"), dataIndex: "taskCode", render: (c: string | null) => c ?? "—" },
              ]}
            />
          </Card>
        </>
      )}
    </div>
  );
}
