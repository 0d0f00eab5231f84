// Fills `cases.search_tokens` (020) where it is still null: cases written before the migration, the
// demo history and bulk loads, which go in without the application's tokenizer. Batched, newest cases
// first, rows locked with SKIP LOCKED: a transition on a case waits for its batch (and appends to the
// tokens only once they exist, apply-patch.ts), so no note is lost or indexed twice. Idempotent.
import { sql } from "kysely";
import type { Db } from "../db/connect.ts";
import { CASE_DOCUMENT_COLUMNS, fullCaseVector, SYSTEM_EVENT_ACTIONS } from "../search/case-document.ts";

export interface IndexCaseTextsOptions {
  db: Db;
  batchSize?: number;
  /** stop after about this many cases (the sweep's share of a tick); the next run goes on */
  limit?: number;
}

export async function indexCaseTexts({
  db,
  batchSize = 2_000,
  limit = Number.POSITIVE_INFINITY,
}: IndexCaseTextsOptions): Promise<{ cases: number }> {
  let cases = 0;
  while (cases < limit) {
    const n = await db.transaction().execute(async (trx) => {
      const rows = await trx
        .selectFrom("cases")
        .select(CASE_DOCUMENT_COLUMNS)
        .where("search_tokens", "is", null)
        .orderBy("reported_at", "desc")
        .limit(batchSize)
        .forUpdate()
        .skipLocked()
        .execute();
      if (rows.length === 0) return 0;
      const ids = rows.map((r) => r.id);
      const events = await trx
        .selectFrom("case_events")
        .select(["case_id", "note"])
        .where("case_id", "=", sql<string>`any(${ids}::uuid[])`)
        .where("note", "is not", null)
        .where("action", "not in", SYSTEM_EVENT_ACTIONS)
        .orderBy("case_id")
        .orderBy("seq")
        .execute();
      const notes = new Map<string, string[]>();
      for (const e of events) {
        const list = notes.get(e.case_id);
        if (list) list.push(e.note!);
        else notes.set(e.case_id, [e.note!]);
      }
      const vectors = rows.map((r) => fullCaseVector(r, notes.get(r.id) ?? []));
      // only the tokens change: the rollup triggers (017) have nothing to count
      await sql`set local civicgrid.rollup_bulk = 'on'`.execute(trx);
      await sql`
        update cases set search_tokens = v.tokens::tsvector
        from unnest(${ids}::uuid[], ${vectors}::text[]) as v(id, tokens)
        where cases.id = v.id`.execute(trx);
      return rows.length;
    });
    cases += n;
    if (n < batchSize) break;
  }
  return { cases };
}
