// 工单导入: tickets exported by the 12345 system (CSV or XLSX) → choose which column is which →
// import → the row-by-row report (the refused rows and why). Below, the history of imports.
import { InboxOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Descriptions, Space, Table, Tag, Typography, Upload } from "antd";
import { useState } from "react";
import { errorText } from "../components/cases/errors.ts";
import { ImportMapping, type Mapping } from "../components/hotline/ImportMapping.tsx";
import { ImportReport } from "../components/hotline/ImportReport.tsx";
import type { HotlineImport } from "../components/hotline/types.ts";
import "../components/hotline/hotline.css";
import { type MessageKey, useI18n } from "../i18n/index.tsx";
import { api, get, post, qs } from "../lib/api.ts";
import { fmtTime } from "../lib/format.ts";
import { useLoad } from "../lib/hooks.ts";
import type { Page } from "../lib/types.ts";

const MAX_BYTES = 5 * 1024 * 1024;

export function HotlineImportPage() {
  const { t, lang } = useI18n();
  const [current, setCurrent] = useState<HotlineImport | null>(null);
  const [mapping, setMapping] = useState<Mapping>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [page, setPage] = useState({ page: 1, pageSize: 10 });
  const history = useLoad(`${page.page}:${page.pageSize}:${current?.id ?? ""}:${current?.status ?? ""}`, () =>
    get<Page<HotlineImport>>(`/hotline/imports${qs(page)}`),
  );

  const show = (imp: HotlineImport) => {
    setCurrent(imp);
    setMapping(imp.mapping ?? imp.suggestedMapping ?? {});
    setError(null);
  };

  const upload = async (file: File) => {
    const form = new FormData();
    form.append("file", file);
    setBusy(true);
    setError(null);
    try {
      show(await api<HotlineImport>("POST", "/hotline/imports", form));
    } catch (e) {
      setCurrent(null);
      setError(errorText(e, lang, t));
    } finally {
      setBusy(false);
    }
  };

  const commit = async () => {
    if (!current) return;
    setBusy(true);
    setError(null);
    try {
      const clean = Object.fromEntries(Object.entries(mapping).filter(([, v]) => v));
      show(await post<HotlineImport>(`/hotline/imports/${current.id}/commit`, { mapping: clean }));
    } catch (e) {
      setError(errorText(e, lang, t));
    } finally {
      setBusy(false);
    }
  };

  const open = async (id: string) => {
    try {
      show(await get<HotlineImport>(`/hotline/imports/${id}`));
    } catch (e) {
      setError(errorText(e, lang, t));
    }
  };

  return (
    <div data-testid="hotline-import">
      <Typography.Title level={4} style={{ margin: "0 0 12px" }}>
        {t("navHotlineImport")}
      </Typography.Title>
      <Space orientation="vertical" size={16} style={{ width: "100%" }}>
        <Card size="small" title={t("hlImpUpload")}>
          <div data-testid="import-upload">
            <Upload.Dragger
              accept=".csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              multiple={false}
              showUploadList={false}
              disabled={busy}
              beforeUpload={(file) => {
                if (file.size > MAX_BYTES) setError(t("hlImpTooBig"));
                else void upload(file);
                return Upload.LIST_IGNORE;
              }}
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p className="ant-upload-text">{t("hlImpDrop")}</p>
              <p className="ant-upload-hint">{t("hlImpFormats")}</p>
            </Upload.Dragger>
          </div>
          {error && <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} data-testid="import-error" />}
        </Card>

        {current && (
          <Card
            size="small"
            title={current.fileName}
            extra={<Tag>{t(`hlImpState_${current.status}` as MessageKey)}</Tag>}
            data-testid="import-current"
            data-status={current.status}
          >
            <Descriptions size="small" column={{ xs: 1, sm: 3 }} style={{ marginBottom: 12 }}>
              <Descriptions.Item label={t("hlImpFormat")}>
                {current.format.toUpperCase()}
                {current.encoding ? ` · ${current.encoding.toUpperCase()}` : ""}
              </Descriptions.Item>
              <Descriptions.Item label={t("hlImpRows")}>{current.rowCount}</Descriptions.Item>
              <Descriptions.Item label={t("hlImpUploaded")}>
                {fmtTime(current.uploadedAt)} {current.uploadedBy ?? ""}
              </Descriptions.Item>
            </Descriptions>
            {current.status === "uploaded" ? (
              <Space orientation="vertical" style={{ width: "100%" }}>
                <ImportMapping upload={current} mapping={mapping} onChange={setMapping} />
                <Button type="primary" loading={busy} onClick={() => void commit()} data-testid="import-commit">
                  {t("hlImpCommit", { n: current.rowCount })}
                </Button>
              </Space>
            ) : current.report ? (
              <ImportReport result={current} />
            ) : (
              <Typography.Text type="secondary">{t("hlImpInProgress")}</Typography.Text>
            )}
          </Card>
        )}

        <Card size="small" title={t("hlImpHistory")}>
          <Table<HotlineImport>
            size="small"
            rowKey="id"
            data-testid="import-history"
            loading={history.loading}
            dataSource={history.data?.items ?? []}
            pagination={{
              current: page.page,
              pageSize: page.pageSize,
              total: history.data?.total ?? 0,
              onChange: (p, s) => setPage({ page: p, pageSize: s }),
            }}
            onRow={(r) => ({ onClick: () => void open(r.id), style: { cursor: "pointer" } })}
            columns={[
              { title: t("hlImpUploaded"), dataIndex: "uploadedAt", width: 150, render: fmtTime },
              { title: t("hlImpFile"), dataIndex: "fileName", ellipsis: true },
              { title: t("hlImpBy"), dataIndex: "uploadedBy", width: 140 },
              { title: t("hlImpRows"), dataIndex: "rowCount", width: 80 },
              {
                title: t("hlImpResult"),
                key: "counts",
                width: 240,
                render: (_, r) =>
                  r.status === "committed" ? (
                    <Space size={4}>
                      <Tag color="green">{t("hlImpCreatedN", { n: r.counts.created })}</Tag>
                      <Tag color="red">{t("hlImpInvalidN", { n: r.counts.invalid })}</Tag>
                      <Tag>{t("hlImpDuplicateN", { n: r.counts.duplicate })}</Tag>
                    </Space>
                  ) : (
                    <Tag>{t(`hlImpState_${r.status}` as MessageKey)}</Tag>
                  ),
              },
            ]}
          />
        </Card>
      </Space>
    </div>
  );
}
