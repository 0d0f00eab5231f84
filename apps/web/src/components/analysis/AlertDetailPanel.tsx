// One alert opened: why it was raised (in words and as a chart against the usual level), where (the
// cases behind it on the map, its grids outlined), the cases themselves (paged), and the centre's
// actions: acknowledge, dismiss, reopen, open a governance task.
import { App, Button, Card, Col, Flex, Input, Modal, Row, Space, Table, Tag, Typography } from "antd";
import type { GeoJsonObject } from "geojson";
import { useMemo, useState } from "react";
import { Link } from "react-router-dom";
import { type MessageKey, useI18n } from "../../i18n/index.tsx";
import { ApiError, get, qs } from "../../lib/api.ts";
import { fmtTime } from "../../lib/format.ts";
import { useLoad } from "../../lib/hooks.ts";
import { ErrorAlert } from "../admin/ErrorAlert.tsx";
import { StatusTag } from "../cases/StatusTag.tsx";
import type { MapOverlay } from "../map/index.tsx";
import { VectorMap } from "../map/index.tsx";
import { analysisApi, type CaseWithPoint } from "./api.ts";
import { explainAlert, STATUS_COLOR } from "./format.ts";
import { LightChart, type LightChartOption } from "./LightChart.tsx";
import type { Alert, AlertDetail } from "./types.ts";

interface Props {
  id: string;
  canManage: boolean;
  /** after a change: the list refreshes */
  onChanged: (a: Alert) => void;
}

function seriesOption(d: AlertDetail, t: ReturnType<typeof useI18n>["t"]): LightChartOption {
  const weekly = d.series.unit === "week";
  const usual = weekly ? d.expected : d.expected / d.window.days;
  const upper = weekly ? d.explanation.upper : null;
  return {
    tooltip: { trigger: "axis" },
    grid: { left: 36, right: 12, top: 20, bottom: 28 },
    xAxis: { type: "category", data: d.series.points.map((p) => p.day.slice(5)) },
    yAxis: { type: "value", minInterval: 1 },
    series: [
      {
        name: t(weekly ? "anSeriesWeek" : "anSeriesDay"),
        type: "bar",
        data: d.series.points.map((p) => ({
          value: p.count,
          itemStyle: { color: p.day >= d.window.from && p.day <= d.window.to ? "#cf1322" : "#8c8c8c" },
        })),
        barMaxWidth: 14,
        markLine: {
          symbol: "none",
          silent: true,
          lineStyle: { type: "dashed" },
          data: [
            {
              yAxis: Math.round(usual * 100) / 100,
              name: t("anUsual"),
              label: { formatter: t("anUsual"), position: "insideEndTop" },
            },
            ...(upper
              ? [{ yAxis: Math.round(upper * 10) / 10, label: { formatter: "μ+3σ", position: "insideEndTop" } }]
              : []),
          ],
        },
      },
    ],
  };
}

/** The outline(s) of the alert's place: its grid, or the grids of its community. */
function useOutline(a: AlertDetail | undefined) {
  const key = a && (a.level === "grid" || a.level === "community") ? `${a.level}:${a.code}` : null;
  const loaded = useLoad(key, () =>
    a?.level === "grid"
      ? get<GeoJsonObject>(`/geo/grids/${a.code}`)
      : get<GeoJsonObject>(`/geo/grids${qs({ communityCode: a?.code })}`),
  );
  return useMemo<MapOverlay[] | undefined>(
    () =>
      loaded.data
        ? [
            {
              id: "place",
              data: loaded.data,
              style: { color: "#cf1322", weight: 2, dashArray: "6 4", fillOpacity: 0.06 },
            },
          ]
        : undefined,
    [loaded.data],
  );
}

export function AlertDetailPanel({ id, canManage, onChanged }: Props) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [tick, setTick] = useState(0);
  const detail = useLoad(`${id}:${tick}`, () => analysisApi.alert(id));
  const [paging, setPaging] = useState({ page: 1, pageSize: 10 });
  const cases = useLoad(`${id}:${paging.page}:${paging.pageSize}:${tick}`, () =>
    analysisApi.cases(id, paging.page, paging.pageSize),
  );
  const [busy, setBusy] = useState(false);
  const [tasking, setTasking] = useState(false);
  const [note, setNote] = useState("");
  const d = detail.data;
  const overlays = useOutline(d);
  const option = useMemo(() => (d ? seriesOption(d, t) : null), [d, t]);
  const points = useMemo(
    () => d?.points.map((p) => ({ id: p.id, lat: p.lat, lng: p.lng, color: "#cf1322", radius: 5, tooltip: p.code })),
    [d],
  );

  const act = async (run: () => Promise<Alert>) => {
    setBusy(true);
    try {
      const a = await run();
      onChanged(a);
      setTick((n) => n + 1);
    } catch (err) {
      message.error(err instanceof ApiError ? err.text(lang) : String(err));
    } finally {
      setBusy(false);
    }
  };
  const openTask = async () => {
    setBusy(true);
    try {
      const r = await analysisApi.task(id, note.trim() || undefined);
      if (r.dispatched) message.success(t("anTaskDone", { code: r.taskCase.code }));
      else message.warning(t("anTaskNotDispatched", { code: r.taskCase.code }));
      setTasking(false);
      setNote("");
      onChanged(r.alert);
      setTick((n) => n + 1);
    } catch (err) {
      message.error(err instanceof ApiError ? err.text(lang) : String(err));
    } finally {
      setBusy(false);
    }
  };

  if (detail.error) return <ErrorAlert error={detail.error as ApiError} onRetry={detail.reload} />;
  if (!d) return <Card loading />;
  const columns = [
    {
      title: t("caseCode"),
      dataIndex: "code",
      width: 170,
      render: (code: string, c: CaseWithPoint) => (
        <Link to={`/cases/${c.id}`} data-testid="alert-case-link" data-code={code}>
          {code}
        </Link>
      ),
    },
    { title: t("title"), dataIndex: "title", ellipsis: true },
    {
      title: t("status"),
      dataIndex: "status",
      width: 90,
      render: (s: CaseWithPoint["status"]) => <StatusTag status={s} />,
    },
    { title: t("reportedAt"), dataIndex: "reportedAt", width: 140, render: (v: string) => fmtTime(v) },
  ];
  return (
    <Card
      size="small"
      data-testid="alert-detail"
      data-id={d.id}
      title={
        <Space wrap>
          <Tag color={d.kind === "hotspot" ? "volcano" : "purple"}>{t(`anKind_${d.kind}` as MessageKey)}</Tag>
          <span>
            {d.placeName} · {d.category.name}
          </span>
          <Tag color={STATUS_COLOR[d.status]} data-testid="alert-status" data-status={d.status}>
            {t(`anStatus_${d.status}` as MessageKey)}
          </Tag>
          {!d.active && <Tag>{t("anEnded")}</Tag>}
        </Space>
      }
      extra={
        canManage && (
          <Space wrap>
            {d.status === "open" && (
              <Button
                size="small"
                loading={busy}
                onClick={() => act(() => analysisApi.review(id, "acknowledge", undefined, d.version))}
              >
                {t("anAcknowledge")}
              </Button>
            )}
            {(d.status === "open" || d.status === "acknowledged") && (
              <Button
                size="small"
                loading={busy}
                onClick={() => act(() => analysisApi.review(id, "dismiss", undefined, d.version))}
              >
                {t("anDismiss")}
              </Button>
            )}
            {(d.status === "acknowledged" || d.status === "dismissed") && (
              <Button
                size="small"
                loading={busy}
                onClick={() => act(() => analysisApi.review(id, "reopen", undefined, d.version))}
              >
                {t("anReopen")}
              </Button>
            )}
            {d.status !== "tasked" && (
              <Button size="small" type="primary" data-testid="alert-task" onClick={() => setTasking(true)}>
                {t("anTask")}
              </Button>
            )}
          </Space>
        )
      }
    >
      <Typography.Paragraph data-testid="alert-explanation">{explainAlert(d, t)}</Typography.Paragraph>
      {d.task && (
        <Typography.Paragraph data-testid="alert-task-case">
          {t("anTaskCase")}: <Link to={`/cases/${d.task.id}`}>{d.task.code}</Link>{" "}
          <StatusTag status={d.task.status as never} /> {d.task.ownerUnit?.name ?? ""}
        </Typography.Paragraph>
      )}
      <Row gutter={12}>
        <Col xs={24} lg={12}>
          <LightChart
            option={option}
            testId="alert-series"
            ariaLabel={t(d.series.unit === "week" ? "anSeriesWeek" : "anSeriesDay")}
          />
        </Col>
        <Col xs={24} lg={12}>
          <VectorMap
            height={240}
            testId="alert-map"
            points={points}
            overlays={overlays}
            fit={points?.length ? "points" : "districts"}
            fitKey={`${d.id}:${points?.length ?? 0}:${overlays ? 1 : 0}`}
            fitPadding={32}
          />
        </Col>
      </Row>
      <Flex justify="space-between" align="baseline" style={{ marginTop: 12 }}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t("anCases")}
        </Typography.Title>
        <Typography.Text type="secondary" data-testid="alert-case-count">
          {t("anCaseCount", { n: d.caseCount })}
        </Typography.Text>
      </Flex>
      <Table<CaseWithPoint>
        size="small"
        rowKey="id"
        data-testid="alert-cases"
        columns={columns}
        dataSource={cases.data?.items ?? []}
        loading={cases.loading}
        pagination={{
          current: paging.page,
          pageSize: paging.pageSize,
          total: cases.data?.total ?? 0,
          size: "small",
          onChange: (page, pageSize) => setPaging({ page, pageSize }),
        }}
      />
      <Modal
        open={tasking}
        title={t("anTask")}
        onCancel={() => setTasking(false)}
        onOk={openTask}
        okButtonProps={{ loading: busy, "data-testid": "alert-task-confirm" } as never}
        destroyOnHidden
      >
        <Typography.Paragraph>{t("anTaskHelp")}</Typography.Paragraph>
        <Input.TextArea
          rows={3}
          maxLength={2000}
          value={note}
          placeholder={t("anTaskNote")}
          onChange={(e) => setNote(e.target.value)}
        />
      </Modal>
    </Card>
  );
}
