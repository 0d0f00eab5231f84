// 审计日志 (auditor): search the audit log by time, account, action and outcome; a row opens the
// full record, its detail pretty-printed as the auditor's evidence.
import {
  AutoComplete,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  Result,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from "antd";
import type { Dayjs } from "dayjs";
import { useState } from "react";
import { AuditChainCheck } from "../components/admin/AuditChainCheck.tsx";
import { AuditDrawer, OUTCOME_COLOR } from "../components/admin/AuditDrawer.tsx";
import { ErrorAlert } from "../components/admin/ErrorAlert.tsx";
import { auditActionLabel, label } from "../components/admin/labels.ts";
import { tablePagination } from "../components/admin/paging.ts";
import type { AuditRecord } from "../components/admin/types.ts";
import { useFetch } from "../components/admin/useFetch.ts";
import { useI18n } from "../i18n/index.tsx";
import { qs } from "../lib/api.ts";
import { useAuth } from "../lib/auth.tsx";
import { fmtTime } from "../lib/format.ts";
import type { Page } from "../lib/types.ts";

interface Filters {
  range?: [Dayjs | null, Dayjs | null] | null;
  username?: string;
  action?: string;
  outcome?: string;
}

// the actions the server records (docs/api-workbench.md), offered as suggestions
const KNOWN_ACTIONS = [
  "auth.login",
  "auth.logout",
  "case.register",
  "case.dispatch",
  "case.return",
  "case.verify",
  "case.export",
  "case.view",
  "case.reporter-phone",
  "access.denied",
  "audit.verify",
  "audit.purge",
  "admin.unit.create",
  "admin.unit.update",
  "admin.user.create",
  "admin.user.update",
  "admin.user.reset-password",
  "config.responsibility",
  "config.calendar",
];

export function AuditPage() {
  const { t } = useI18n();
  const { me } = useAuth();
  const [form] = Form.useForm<Filters>();
  const [filters, setFilters] = useState<Filters>({});
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [open, setOpen] = useState<AuditRecord | null>(null);
  const allowed = me?.roles.includes("auditor") ?? false;
  const [from, to] = filters.range ?? [];
  const path = `/audit${qs({
    from: from?.toISOString(),
    to: to?.toISOString(),
    username: filters.username?.trim(),
    action: filters.action?.trim(),
    outcome: filters.outcome,
    page,
    pageSize,
  })}`;
  const list = useFetch<Page<AuditRecord>>(allowed ? path : null);
  if (!allowed) return <Result status="403" title={t("admAuditorOnly")} />;

  return (
    <Card size="small" title={t("admAuditTitle")} data-testid="audit-page">
      <AuditChainCheck />
      <Form<Filters>
        form={form}
        layout="inline"
        onFinish={(v) => {
          setFilters(v);
          setPage(1);
        }}
        style={{ marginBottom: 12, rowGap: 8 }}
        data-testid="audit-filters"
      >
        <Form.Item name="range" label={t("admTimeRange")}>
          <DatePicker.RangePicker showTime={{ format: "HH:mm" }} format="YYYY-MM-DD HH:mm" allowEmpty={[true, true]} />
        </Form.Item>
        <Form.Item name="username" label={t("username")} rules={[{ max: 64, message: t("admMaxChars", { n: 64 }) }]}>
          <Input allowClear style={{ width: 140 }} />
        </Form.Item>
        <Form.Item
          name="action"
          label={t("admAuditAction")}
          rules={[{ max: 64, message: t("admMaxChars", { n: 64 }) }]}
        >
          <AutoComplete
            allowClear
            style={{ width: 200 }}
            options={KNOWN_ACTIONS.map((a) => ({ value: a, label: `${auditActionLabel(t, a)} · ${a}` }))}
            showSearch={{
              filterOption: (input, o) =>
                String(o?.value ?? "").includes(input) || String(o?.label ?? "").includes(input),
            }}
          />
        </Form.Item>
        <Form.Item name="outcome" label={t("admOutcome")}>
          <Select
            allowClear
            style={{ width: 110 }}
            options={["success", "failure", "denied"].map((o) => ({ value: o, label: label(t, "admOutcome_", o) }))}
          />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" data-testid="audit-search">
            {t("search")}
          </Button>
          <Button
            onClick={() => {
              form.resetFields();
              setFilters({});
              setPage(1);
            }}
          >
            {t("reset")}
          </Button>
        </Space>
      </Form>
      <ErrorAlert error={list.error} onRetry={list.reload} />
      <Table<AuditRecord>
        data-testid="audit-table"
        rowKey="id"
        size="small"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 1000 }}
        onRow={(r) => ({
          onClick: () => setOpen(r),
          onKeyDown: (e) => {
            if (e.key === "Enter") setOpen(r);
          },
          tabIndex: 0,
          style: { cursor: "pointer" },
        })}
        pagination={tablePagination(t, page, pageSize, list.data?.total ?? 0, (p, s) => {
          setPage(p);
          setPageSize(s);
        })}
        columns={[
          { title: t("admAuditAt"), dataIndex: "at", width: 150, render: (v: string) => fmtTime(v) },
          { title: t("username"), dataIndex: "username", width: 130, render: (v: string | null) => v ?? "—" },
          {
            title: t("admRole"),
            dataIndex: "role",
            width: 140,
            render: (v: string | null) =>
              v
                ? v
                    .split(",")
                    .map((r) => label(t, "role_", r))
                    .join("、")
                : "—",
          },
          {
            title: t("admAuditAction"),
            dataIndex: "action",
            render: (v: string) => (
              <span>
                {auditActionLabel(t, v)}{" "}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {v}
                </Typography.Text>
              </span>
            ),
          },
          {
            title: t("admAuditObject"),
            key: "object",
            width: 200,
            ellipsis: true,
            render: (_: unknown, r: AuditRecord) =>
              r.objectType ? `${label(t, "admObjectType_", r.objectType)} ${r.objectId ?? ""}` : "—",
          },
          {
            title: t("admOutcome"),
            dataIndex: "outcome",
            width: 80,
            render: (v: string) => <Tag color={OUTCOME_COLOR[v]}>{label(t, "admOutcome_", v)}</Tag>,
          },
          { title: t("admIpAddress"), dataIndex: "ip", width: 120, render: (v: string | null) => v ?? "—" },
        ]}
      />
      <AuditDrawer record={open} onClose={() => setOpen(null)} />
    </Card>
  );
}
