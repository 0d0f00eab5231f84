// Retention: audit records older than AUDIT_RETENTION_DAYS (≥ 180) go, through the database's
// audit_purge() (012_audit_chain.sql), which refuses any cutoff younger than 180 days and deletes
// only a prefix of the chain. The purge is recorded in the same transaction with the last purged
// hash, so the verifier can tell a purge from a deletion.
import { sql } from "kysely";
import type { Services } from "../services.ts";
import { recordAudit } from "./record-audit.ts";
import { PURGE_ACTION } from "./verify-chain.ts";

const DAY_MS = 86_400_000;

export interface PurgeAuditOptions {
  services: Pick<Services, "db" | "clock" | "logger" | "config">;
  /** defaults to config.AUDIT_RETENTION_DAYS */
  retentionDays?: number;
}

export async function purgeAudit({ services, retentionDays }: PurgeAuditOptions) {
  const days = retentionDays ?? services.config.AUDIT_RETENTION_DAYS;
  const cutoff = new Date(services.clock.now().getTime() - days * DAY_MS);
  return services.db.transaction().execute(async (trx) => {
    const r = await sql<{ deleted: number; last_id: number | null; last_hash: Buffer | null }>`
      select deleted, last_id, last_hash from audit_purge(${cutoff})`.execute(trx);
    const row = r.rows[0];
    const deleted = Number(row?.deleted ?? 0);
    if (deleted > 0) {
      await recordAudit(
        services,
        {
          actor: null,
          action: PURGE_ACTION,
          outcome: "success",
          detail: {
            cutoff: cutoff.toISOString(),
            retentionDays: days,
            deleted,
            lastPurgedId: Number(row?.last_id),
            lastPurgedHash: row?.last_hash?.toString("hex") ?? null,
          },
        },
        trx,
      );
    }
    return { deleted, cutoff };
  });
}
