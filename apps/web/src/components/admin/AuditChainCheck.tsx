// 校验审计链: the auditor asks the server to recompute the audit log's hash chain and sees either
// "intact" with the number of records, or the first broken link (record id and what differs).
import { Alert, Button, Space } from "antd";
import { useState } from "react";
import { useI18n } from "../../i18n/index.tsx";
import { ApiError, get } from "../../lib/api.ts";
import { ErrorAlert } from "./ErrorAlert.tsx";
import { label } from "./labels.ts";

interface ChainReport {
  ok: boolean;
  rows: number;
  firstId: number | null;
  lastId: number | null;
  anchoredAfterPurge: number | null;
  broken: { id: number; problem: string; message: string } | null;
}

export function AuditChainCheck() {
  const { t } = useI18n();
  const [report, setReport] = useState<ChainReport>();
  const [error, setError] = useState<ApiError>();
  const [loading, setLoading] = useState(false);
  const run = () => {
    setLoading(true);
    setError(undefined);
    get<ChainReport>("/audit/verify")
      .then(setReport, (e) => setError(e instanceof ApiError ? e : undefined))
      .finally(() => setLoading(false));
  };
  return (
    <Space direction="vertical" style={{ width: "100%", marginBottom: 12 }} data-testid="audit-chain">
      <Button onClick={run} loading={loading} data-testid="audit-verify">
        {t("admAuditVerify")}
      </Button>
      <ErrorAlert error={error} onRetry={run} />
      {report?.ok && (
        <Alert
          type="success"
          showIcon
          data-testid="audit-chain-ok"
          message={t("admAuditChainOk", { n: report.rows })}
          description={
            report.anchoredAfterPurge ? t("admAuditChainAnchored", { id: report.anchoredAfterPurge }) : undefined
          }
        />
      )}
      {report && !report.ok && report.broken && (
        <Alert
          type="error"
          showIcon
          data-testid="audit-chain-broken"
          message={t("admAuditChainBroken", { id: report.broken.id })}
          description={`${label(t, "admAuditProblem_", report.broken.problem)} — ${report.broken.message}`}
        />
      )}
    </Space>
  );
}
