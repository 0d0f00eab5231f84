// The auditor checks the audit log's hash chain on demand (the same verifier as the daily job and
// `npm run audit:verify`); the check itself is recorded.
import type { Actor } from "../access/actor.ts";
import { requirePermissionAudited } from "../access/require-audited.ts";
import { readAnchors } from "../audit/anchors.ts";
import { auditKey } from "../audit/chain.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { verifyAuditChain } from "../audit/verify-chain.ts";
import type { Services } from "../services.ts";

export interface VerifyAuditChainOptions {
  services: Services;
  actor: Actor;
  ip: string | null;
}

export async function verifyAuditChainFor({ services, actor, ip }: VerifyAuditChainOptions) {
  await requirePermissionAudited(services, actor, "audit:read", { action: "audit.verify", ip });
  const heads = await readAnchors(services.config.dataDir);
  const report = await verifyAuditChain(services.db, auditKey(services.config), undefined, heads);
  await recordAudit(services, {
    actor,
    action: "audit.verify",
    outcome: report.ok ? "success" : "failure",
    ip,
    detail: { rows: report.rows, firstId: report.firstId, lastId: report.lastId, broken: report.broken },
    failClosed: true,
  });
  return report;
}
