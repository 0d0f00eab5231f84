// 安全管理 (security admin): the role × permission matrix as the domain rules define it, with the
// number of accounts per role, and what 三员 separation means.
import { CheckOutlined } from "@ant-design/icons";
import { CASE_ACTIONS, type Role } from "@civicgrid/shared";
import { Alert, Card, Result, Table, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { ErrorAlert } from "../components/admin/ErrorAlert.tsx";
import { label } from "../components/admin/labels.ts";
import type { RolePermissions } from "../components/admin/types.ts";
import { useFetch } from "../components/admin/useFetch.ts";
import { SecurityPolicies } from "../components/identity/SecurityPolicies.tsx";
import { useI18n } from "../i18n/index.tsx";
import { useAuth } from "../lib/auth.tsx";

interface Row {
  key: string;
  name: string;
  code: string;
  /** role → the relations on which it is granted ([] when granted outright) */
  holders: ReadonlyMap<Role, string[]>;
}

// business permissions first, then the three administrators' own, in the order of 三员
const PERMISSION_ORDER = [
  "case:create",
  "attachment:upload",
  "mobile:use",
  "pii:unmask",
  "config:read",
  "config:write",
  "admin:units",
  "admin:users",
  "security:roles",
  "security:policies",
  "security:accounts",
  "audit:read",
];
const rank = (p: string) => {
  const i = PERMISSION_ORDER.indexOf(p);
  return i < 0 ? PERMISSION_ORDER.length : i;
};

export function SecurityPage() {
  const { t } = useI18n();
  const { me } = useAuth();
  const data = useFetch<{ roles: RolePermissions[] }>(me?.roles.includes("security_admin") ? "/security/roles" : null);
  if (!me?.roles.includes("security_admin")) return <Result status="403" title={t("admSecurityOnly")} />;

  const roles = data.data?.roles ?? [];
  const permissionCodes = [...new Set(roles.flatMap((r) => r.permissions))].sort(
    (a, b) => rank(a) - rank(b) || a.localeCompare(b),
  );
  const actionCodes = CASE_ACTIONS.filter((a) => roles.some((r) => r.caseActions.includes(a)));
  const rows = (codes: readonly string[], pick: (r: RolePermissions) => string[], prefix: string): Row[] =>
    codes.map((code) => ({
      key: code,
      code,
      name: label(t, prefix, code),
      holders: new Map(
        roles
          .filter((r) => pick(r).includes(code))
          .map((r) => [r.role, r.caseActionGrants?.find((g) => g.action === code)?.relations ?? []]),
      ),
    }));

  const columns: ColumnsType<Row> = [
    {
      title: t("admCapability"),
      dataIndex: "name",
      fixed: "left",
      width: 160,
      render: (name: string, row) => (
        <span>
          {name}
          <br />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {row.code}
          </Typography.Text>
        </span>
      ),
    },
    ...roles.map((r) => ({
      key: r.role,
      title: (
        <div style={{ textAlign: "center" }}>
          <div>{t(`role_${r.role}`)}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 400 }}>
            {t("admUserCountN", { n: r.users })}
          </Typography.Text>
        </div>
      ),
      width: 84,
      align: "center" as const,
      render: (_: unknown, row: Row) =>
        row.holders.has(r.role) ? (
          <span>
            <CheckOutlined style={{ color: "#389e0d" }} aria-label={t("admGranted")} />
            {row.holders.get(r.role)?.length ? (
              <Typography.Text type="secondary" style={{ display: "block", fontSize: 11, lineHeight: 1.3 }}>
                {row.holders
                  .get(r.role)
                  ?.map((rel) => label(t, "admRelation_", rel))
                  .join("、")}
              </Typography.Text>
            ) : null}
          </span>
        ) : (
          <span role="img" aria-label={t("admNotGranted")} style={{ color: "#ccc" }}>
            —
          </span>
        ),
    })),
  ];

  return (
    <div data-testid="security-page">
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t("admSecurityTitle")}
      </Typography.Title>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title={t("admThreeAdminsTitle")}
        description={
          <ul style={{ margin: 0, paddingLeft: 18 }}>
            <li>{t("admThreeAdminsSys")}</li>
            <li>{t("admThreeAdminsSec")}</li>
            <li>{t("admThreeAdminsAudit")}</li>
            <li>{t("admThreeAdminsExclusive")}</li>
          </ul>
        }
      />
      <SecurityPolicies />
      <ErrorAlert error={data.error} onRetry={data.reload} />
      <Card size="small" title={t("admPermissionMatrix")} style={{ marginBottom: 16 }}>
        <Table<Row>
          data-testid="permission-matrix"
          size="small"
          bordered
          loading={data.loading}
          pagination={false}
          columns={columns}
          dataSource={rows(permissionCodes, (r) => r.permissions, "admPerm_")}
          scroll={{ x: 160 + roles.length * 84 }}
        />
      </Card>
      <Card size="small" title={t("admCaseActionMatrix")}>
        <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
          {t("admCaseActionMatrixHint")}
        </Typography.Paragraph>
        <Table<Row>
          data-testid="case-action-matrix"
          size="small"
          bordered
          loading={data.loading}
          pagination={false}
          columns={columns}
          dataSource={rows(actionCodes, (r) => r.caseActions, "action_")}
          scroll={{ x: 160 + roles.length * 84 }}
        />
      </Card>
    </div>
  );
}
