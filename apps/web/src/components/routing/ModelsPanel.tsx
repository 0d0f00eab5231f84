// 智能分派模型: the routing models' versions with their held-out figures (accuracy, macro-F1, top-3,
// per label precision and threshold), retrain now, activate a version, the auto-dispatch switch per
// category, and how auto-dispatch did in the last 30 days (share of dispatches, precision). Shown in
// 系统管理 for the system admin and on its own page for the city centre (permission models:manage).
import { ReloadOutlined } from "@ant-design/icons";
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Popconfirm,
  Row,
  Space,
  Statistic,
  Table,
  Tag,
  Tooltip,
  Typography,
} from "antd";
import { useEffect, useState } from "react";
import { useI18n } from "../../i18n/index.tsx";
import { post, qs } from "../../lib/api.ts";
import { fmtTime } from "../../lib/format.ts";
import { ErrorAlert } from "../admin/ErrorAlert.tsx";
import { tablePagination } from "../admin/paging.ts";
import { asApiError, useFetch } from "../admin/useFetch.ts";
import { AutoDispatchTable } from "./AutoDispatchTable.tsx";
import { share, versionNote } from "./format.ts";
import { ModelLabelsTable } from "./ModelLabelsTable.tsx";
import type { KindFigures, ModelVersion, VersionsPage } from "./types.ts";

function Figures({ f }: { f: KindFigures | null }) {
  const { t } = useI18n();
  if (!f) return <>—</>;
  return (
    <Typography.Text style={{ fontSize: 12 }}>
      {t("rtAccuracy")} {share(f.accuracy)} · F1 {share(f.macroF1)} · {t("rtTop3")} {share(f.top3)}
      <br />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t("rtTrainedOn")} {f.trainedOn.toLocaleString()} · {t("rtHeldOut")} {f.heldOut.toLocaleString()} · {f.labels} ·{" "}
        {f.trainer}
      </Typography.Text>
    </Typography.Text>
  );
}

export function ModelsPanel() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(10);
  const list = useFetch<VersionsPage>(`/admin/models${qs({ page, pageSize })}`);
  const training = list.data?.training;
  const figures = list.data?.autoDispatch;
  const active = list.data?.items.find((v) => v.active)?.version ?? null;

  // while a run is going on, look again every few seconds
  useEffect(() => {
    if (!training?.running) return;
    const id = window.setInterval(list.reload, 5000);
    return () => window.clearInterval(id);
  }, [training?.running, list.reload]);

  const retrain = async () => {
    try {
      await post("/admin/models/retrain");
      message.success(t("rtRetrainStarted"));
      list.reload();
    } catch (e) {
      message.error(asApiError(e).text(lang));
    }
  };
  const activate = async (v: ModelVersion) => {
    try {
      await post(`/admin/models/${v.version}/activate`);
      message.success(t("rtActivated", { v: v.version }));
      list.reload();
    } catch (e) {
      message.error(asApiError(e).text(lang));
    }
  };

  return (
    <div data-testid="models-panel">
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={24} md={14}>
          <Card size="small" title={t("rtFigures", { d: figures?.days ?? 30 })} data-testid="auto-dispatch-figures">
            <Space size={32} wrap>
              <Statistic title={t("rtShareAuto")} value={share(figures?.share)} />
              <Statistic title={t("rtAutoPrecision")} value={share(figures?.precision)} />
            </Space>
            {figures && (
              <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0, fontSize: 12 }}>
                {t("rtAutoCounts", {
                  auto: figures.auto,
                  dispatched: figures.dispatched,
                  right: figures.right,
                  wrong: figures.wrong,
                  pending: figures.pending,
                })}
              </Typography.Paragraph>
            )}
          </Card>
        </Col>
        <Col xs={24} md={10}>
          <Card size="small" title={t("rtVersions")}>
            <Space orientation="vertical" style={{ width: "100%" }}>
              <Button
                type="primary"
                icon={<ReloadOutlined />}
                loading={training?.running}
                onClick={() => void retrain()}
                data-testid="models-retrain"
              >
                {t("rtRetrain")}
              </Button>
              {training?.running && training.startedAt && (
                <Typography.Text type="secondary">
                  {t("rtTraining", { t: fmtTime(training.startedAt) })}
                </Typography.Text>
              )}
              {training?.lastError && !training.running && (
                <Alert type="warning" showIcon title={t("rtLastError", { e: training.lastError })} />
              )}
            </Space>
          </Card>
        </Col>
      </Row>
      <ErrorAlert error={list.error} onRetry={list.reload} />
      <Table<ModelVersion>
        rowKey="version"
        size="small"
        loading={list.loading && !list.data}
        dataSource={list.data?.items ?? []}
        data-testid="model-versions"
        expandable={{ expandedRowRender: (v) => <ModelLabelsTable version={v.version} /> }}
        pagination={tablePagination(t, page, pageSize, list.data?.total ?? 0, (p, s) => {
          setPage(p);
          setPageSize(s);
        })}
        columns={[
          {
            title: t("rtVersion"),
            dataIndex: "version",
            width: 110,
            render: (n: number, v) => (
              <Space size={4} data-testid={`model-version-${n}`}>
                v{n}
                {v.active && <Tag color="green">{t("rtActive")}</Tag>}
                {v.pruned && <Tag>{t("rtPruned")}</Tag>}
              </Space>
            ),
          },
          { title: t("rtTrainedAt"), dataIndex: "trainedAt", width: 150, render: (x: string | null) => fmtTime(x) },
          { title: t("rtCategoryModel"), key: "category", render: (_, v) => <Figures f={v.category} /> },
          { title: t("rtUnitModel"), key: "unit", render: (_, v) => <Figures f={v.unit} /> },
          {
            title: t("rtThresholdsSet"),
            key: "thresholds",
            width: 110,
            render: (_, v) => `${v.thresholdsSet} / ${v.thresholdCategories}`,
          },
          {
            title: t("rtNote"),
            dataIndex: "note",
            render: (x: string | null, v) => (
              <Tooltip title={x}>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {versionNote(t, v)}
                </Typography.Text>
              </Tooltip>
            ),
          },
          {
            key: "actions",
            width: 100,
            render: (_, v) =>
              v.active || v.pruned ? null : (
                <Popconfirm title={t("rtActivateConfirm", { v: v.version })} onConfirm={() => void activate(v)}>
                  <Button size="small" data-testid={`model-activate-${v.version}`}>
                    {t("rtActivate")}
                  </Button>
                </Popconfirm>
              ),
          },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t("rtAutoSettings")}
      </Typography.Title>
      <AutoDispatchTable key={active ?? 0} />
    </div>
  );
}
