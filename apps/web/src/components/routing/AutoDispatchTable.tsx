// The auto-dispatch switch per category, with the threshold the active version measured for it
// (the unit confidence from which precision stayed ≥ 0.95 on held-out cases, or none).
import { App, Input, Switch, Table, Tooltip, Typography } from "antd";
import { useState } from "react";
import { useI18n } from "../../i18n/index.tsx";
import { put, qs } from "../../lib/api.ts";
import { fmtTime } from "../../lib/format.ts";
import type { Page } from "../../lib/types.ts";
import { ErrorAlert } from "../admin/ErrorAlert.tsx";
import { tablePagination } from "../admin/paging.ts";
import { asApiError, useFetch } from "../admin/useFetch.ts";
import { share } from "./format.ts";
import type { AutoDispatchSetting } from "./types.ts";

/** Remounted (key) when the active version changes: its thresholds are then the new ones. */
export function AutoDispatchTable() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [q, setQ] = useState("");
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(10);
  const [busy, setBusy] = useState<string | null>(null);
  const list = useFetch<Page<AutoDispatchSetting>>(`/admin/auto-dispatch${qs({ q, page, pageSize })}`);

  const toggle = async (s: AutoDispatchSetting, enabled: boolean) => {
    setBusy(s.categoryCode);
    try {
      await put(`/admin/auto-dispatch/${encodeURIComponent(s.categoryCode)}`, { enabled });
      message.success(t(enabled ? "rtAutoOn" : "rtAutoOff", { name: s.name }));
      if (enabled && s.threshold === null) message.warning(t("rtAutoNoThreshold"));
      list.reload();
    } catch (e) {
      message.error(asApiError(e).text(lang));
    } finally {
      setBusy(null);
    }
  };

  return (
    <div data-testid="auto-dispatch-settings">
      <Input.Search
        allowClear
        placeholder={t("rtSearchCategory")}
        onSearch={(v) => {
          setQ(v.trim());
          setPage(1);
        }}
        style={{ width: 240, marginBottom: 8 }}
      />
      <ErrorAlert error={list.error} onRetry={list.reload} />
      <Table<AutoDispatchSetting>
        rowKey="categoryCode"
        size="small"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        pagination={tablePagination(t, page, pageSize, list.data?.total ?? 0, (p, s) => {
          setPage(p);
          setPageSize(s);
        })}
        columns={[
          {
            title: t("category"),
            dataIndex: "name",
            render: (name: string, s) => (
              <span>
                {name} <Typography.Text type="secondary">{s.categoryCode}</Typography.Text>
              </span>
            ),
          },
          {
            title: t("rtThreshold"),
            dataIndex: "threshold",
            width: 200,
            render: (x: number | null, s) =>
              x === null ? (
                <Typography.Text type="secondary">{t("rtThresholdNone")}</Typography.Text>
              ) : (
                <Tooltip title={`${t("rtPrecision")} ${share(s.precision)} · ${t("rtCoverage")} ${share(s.coverage)}`}>
                  <span data-testid="auto-threshold">{share(x)}</span>
                </Tooltip>
              ),
          },
          { title: t("rtSupport"), dataIndex: "support", width: 90, render: (n: number | null) => n ?? "—" },
          {
            title: t("rtAutoEnabled"),
            dataIndex: "enabled",
            width: 120,
            render: (on: boolean, s) => (
              <Tooltip title={s.updatedBy ? `${s.updatedBy} · ${fmtTime(s.updatedAt)}` : undefined}>
                <Switch
                  checked={on}
                  loading={busy === s.categoryCode}
                  onChange={(v) => void toggle(s, v)}
                  data-testid={`auto-switch-${s.categoryCode}`}
                />
              </Tooltip>
            ),
          },
        ]}
      />
    </div>
  );
}
