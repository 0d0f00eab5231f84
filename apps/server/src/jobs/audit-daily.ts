// Once a day: purge audit records past their retention, then verify the whole chain (and the heads
// recorded outside the database on earlier days), record the outcome as an `audit.verify` row (a
// broken chain is also logged as an error for the operators) and, when intact, record today's head
// outside the database (DATA_DIR/audit-anchors.jsonl).
import { appendAnchor, readAnchors } from "../audit/anchors.ts";
import { auditKey } from "../audit/chain.ts";
import { purgeAudit } from "../audit/purge-audit.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { verifyAuditChain } from "../audit/verify-chain.ts";
import type { Services } from "../services.ts";

export const AUDIT_DAILY_MS = 24 * 3600_000;

export async function runAuditDaily(services: Pick<Services, "db" | "clock" | "logger" | "config">) {
  const purged = await purgeAudit({ services });
  if (purged.deleted > 0) services.logger.info(purged, "audit records past retention purged");
  const { dataDir } = services.config;
  const report = await verifyAuditChain(services.db, auditKey(services.config), undefined, await readAnchors(dataDir));
  if (!report.ok) services.logger.error({ broken: report.broken }, "audit chain verification FAILED");
  await recordAudit(services, {
    actor: null,
    action: "audit.verify",
    outcome: report.ok ? "success" : "failure",
    detail: { rows: report.rows, firstId: report.firstId, lastId: report.lastId, broken: report.broken },
    failClosed: true,
  });
  if (report.ok && report.lastId !== null && report.lastHash) {
    await appendAnchor(dataDir, { at: services.clock.now().toISOString(), id: report.lastId, hash: report.lastHash });
  }
  return { purged, report };
}
