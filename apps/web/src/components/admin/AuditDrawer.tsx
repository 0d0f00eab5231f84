// One audit record in full: every field with a Chinese label, and the detail as pretty JSON — the
// auditor's evidence view, so nothing is summarised away.
import { Descriptions, Drawer, Tag, Typography } from "antd";
import { useI18n } from "../../i18n/index.tsx";
import { fmtTime } from "../../lib/format.ts";
import { auditActionLabel, label } from "./labels.ts";
import type { AuditRecord } from "./types.ts";

export const OUTCOME_COLOR: Record<string, string> = { success: "green", failure: "orange", denied: "red" };

export function AuditDrawer({ record, onClose }: { record: AuditRecord | null; onClose: () => void }) {
  const { t } = useI18n();
  return (
    <Drawer
      open={record !== null}
      onClose={onClose}
      title={t("admAuditDetail")}
      size={520}
      data-testid="audit-drawer"
      destroyOnHidden
    >
      {record ? (
        <>
          <Descriptions
            size="small"
            column={1}
            bordered
            items={[
              { key: "id", label: t("admAuditId"), children: String(record.id) },
              { key: "at", label: t("admAuditAt"), children: `${fmtTime(record.at)} (${record.at})` },
              { key: "user", label: t("username"), children: record.username ?? "—" },
              { key: "unit", label: t("unit"), children: record.unitCode ?? "—" },
              {
                key: "role",
                label: t("admRole"),
                children: record.role
                  ? record.role
                      .split(",")
                      .map((r) => label(t, "role_", r))
                      .join("、")
                  : "—",
              },
              {
                key: "action",
                label: t("admAuditAction"),
                children: `${auditActionLabel(t, record.action)} (${record.action})`,
              },
              {
                key: "object",
                label: t("admAuditObject"),
                children: record.objectType
                  ? `${label(t, "admObjectType_", record.objectType)} ${record.objectId ?? ""}`
                  : "—",
              },
              {
                key: "outcome",
                label: t("admOutcome"),
                children: <Tag color={OUTCOME_COLOR[record.outcome]}>{label(t, "admOutcome_", record.outcome)}</Tag>,
              },
              { key: "ip", label: t("admIpAddress"), children: record.ip ?? "—" },
            ]}
          />
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t("admAuditDetailData")}
          </Typography.Title>
          <pre
            data-testid="audit-detail-json"
            style={{
              background: "#f6f8fa",
              padding: 12,
              borderRadius: 4,
              overflow: "auto",
              fontSize: 12,
              maxHeight: 400,
            }}
          >
            {JSON.stringify(record.detail ?? {}, null, 2)}
          </pre>
        </>
      ) : null}
    </Drawer>
  );
}
