// Once a day: purge audit records past their retention, then verify the whole chain and record the
// outcome as an `audit.verify` row (a broken chain is also logged as an error for the operators).
import { auditKey } from "../audit/chain.ts";
import { purgeAudit } from "../audit/purge-audit.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { verifyAuditChain } from "../audit/verify-chain.ts";
import type { Services } from "../services.ts";

export const AUDIT_DAILY_MS = 24 * 3600_000;

export async function runAuditDaily(services: Pick<Services, "db" | "clock" | "logger" | "config">) {
  const purged = await purgeAudit({ services });
  if (purged.deleted > 0) services.logger.info(purged, "audit records past retention purged");
  const report = await verifyAuditChain(services.db, auditKey(services.config));
  if (!report.ok) services.logger.error({ broken: report.broken }, "audit chain verification FAILED");
  await recordAudit(services, {
    actor: null,
    action: "audit.verify",
    outcome: report.ok ? "success" : "failure",
    detail: { rows: report.rows, firstId: report.firstId, lastId: report.lastId, broken: report.broken },
    failClosed: true,
  });
  return { purged, report };
}
