// The held-out figures per label of one model version (a row of the versions table opened): the
// categories with their auto-dispatch threshold, or the unit model's seats.
import { Input, Segmented, Space, Table, Typography } from "antd";
import { useState } from "react";
import { useI18n } from "../../i18n/index.tsx";
import { qs } from "../../lib/api.ts";
import type { Page } from "../../lib/types.ts";
import { ErrorAlert } from "../admin/ErrorAlert.tsx";
import { tablePagination } from "../admin/paging.ts";
import { useFetch } from "../admin/useFetch.ts";
import { seatText, share } from "./format.ts";
import type { ModelLabel } from "./types.ts";

export function ModelLabelsTable({ version }: { version: number }) {
  const { t } = useI18n();
  const [kind, setKind] = useState<"category" | "unit">("category");
  const [q, setQ] = useState("");
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(10);
  const list = useFetch<Page<ModelLabel>>(`/admin/models/${version}/labels${qs({ kind, q, page, pageSize })}`);
  return (
    <div data-testid={`model-labels-${version}`}>
      <Space wrap style={{ marginBottom: 8 }}>
        <Segmented
          value={kind}
          onChange={(v) => {
            setKind(v as "category" | "unit");
            setPage(1);
          }}
          options={[
            { value: "category", label: t("rtCategoryModel") },
            { value: "unit", label: t("rtUnitModel") },
          ]}
        />
        <Input.Search
          allowClear
          size="small"
          placeholder={t("rtSearchCategory")}
          onSearch={(v) => {
            setQ(v.trim());
            setPage(1);
          }}
          style={{ width: 220 }}
        />
      </Space>
      <ErrorAlert error={list.error} onRetry={list.reload} />
      <Table<ModelLabel>
        rowKey="label"
        size="small"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        pagination={tablePagination(t, page, pageSize, list.data?.total ?? 0, (p, s) => {
          setPage(p);
          setPageSize(s);
        })}
        columns={[
          {
            title: t("rtLabel"),
            dataIndex: "label",
            render: (label: string, l) =>
              kind === "unit" ? (
                seatText(t, label)
              ) : (
                <span>
                  {l.name ?? label} <Typography.Text type="secondary">{label}</Typography.Text>
                </span>
              ),
          },
          { title: t("rtPrecision"), dataIndex: "precision", width: 90, render: (x: number) => share(x) },
          { title: t("rtRecall"), dataIndex: "recall", width: 90, render: (x: number) => share(x) },
          { title: "F1", dataIndex: "f1", width: 80, render: (x: number) => share(x) },
          { title: t("rtSupport"), dataIndex: "support", width: 90 },
          ...(kind === "category"
            ? [
                {
                  title: t("rtThreshold"),
                  key: "threshold",
                  width: 200,
                  render: (_: unknown, l: ModelLabel) =>
                    l.threshold?.threshold == null ? (
                      <Typography.Text type="secondary">{t("rtThresholdNone")}</Typography.Text>
                    ) : (
                      `${share(l.threshold.threshold)} (${t("rtPrecision")} ${share(l.threshold.precision)}, ${t("rtCoverage")} ${share(l.threshold.coverage)})`
                    ),
                },
              ]
            : []),
        ]}
      />
    </div>
  );
}
