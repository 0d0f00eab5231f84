// Rows written before the hash chain existed (012_audit_chain.sql) are chained at start, in id order,
// as the owner: the append-only trigger lets exactly this through (hash still null, nothing else
// changed, a transaction-local switch on). Afterwards every row is covered by the verifier.
import { sql } from "kysely";
import type { Config } from "../config.ts";
import type { Db } from "../db/connect.ts";
import type { Logger } from "../logger.ts";
import { AUDIT_CHAIN_LOCK, auditKey, chainHash } from "./chain.ts";

const BATCH = 1000;

export async function chainUnhashedAudit(ownerDb: Db, config: Config, logger: Logger): Promise<number> {
  const first = await ownerDb
    .selectFrom("audit_log")
    .select("id")
    .where("hash", "is", null)
    .limit(1)
    .executeTakeFirst();
  if (!first) return 0;
  const key = auditKey(config);
  let total = 0;
  for (;;) {
    const n = await ownerDb.transaction().execute(async (trx) => {
      await sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`.execute(trx);
      await sql`select set_config('civicgrid.audit_chain', 'on', true)`.execute(trx);
      const rows = await trx
        .selectFrom("audit_log")
        .selectAll()
        .where("hash", "is", null)
        .orderBy("id")
        .limit(BATCH)
        .execute();
      if (rows.length === 0) return 0;
      const before = await trx
        .selectFrom("audit_log")
        .select("hash")
        .where("id", "<", rows[0]!.id)
        .orderBy("id", "desc")
        .limit(1)
        .executeTakeFirst();
      let prev = before?.hash ?? null;
      for (const row of rows) {
        const hash = chainHash(key, prev, row);
        await trx.updateTable("audit_log").set({ prev_hash: prev, hash }).where("id", "=", row.id).execute();
        prev = hash;
      }
      return rows.length;
    });
    total += n;
    if (n < BATCH) break;
  }
  logger.info({ rows: total }, "audit rows written before the hash chain are now chained");
  return total;
}
