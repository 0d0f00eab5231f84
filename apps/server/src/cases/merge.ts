// Helpers of the merge (并案): the two cases locked together, and the family of a case — every case
// merged into it, directly or through a case that had itself taken in others.
import { sql } from "kysely";
import type { Db } from "../db/connect.ts";

/**
 * Locks both cases of a merge, in id order, before either is read. Two dispatchers merging A into B
 * and B into A at the same moment then queue on the same first row instead of each locking one and
 * reading the other's old state (which would leave a cycle); the second finds its target merged and
 * is refused. The locks carry no data: jurisdiction is still checked on each row afterwards.
 */
export async function lockMergePair(trx: Db, caseId: string, targetId: string): Promise<void> {
  await trx.selectFrom("cases").select("id").where("id", "in", [caseId, targetId]).orderBy("id").forUpdate().execute();
}

/** The cases merged into `survivorId`, through chains, as ids (the survivor itself excluded). */
export async function mergedFamilyOf(db: Db, survivorId: string): Promise<string[]> {
  const rows = await sql<{ id: string }>`
    with recursive family(id) as (
      select id from cases where merged_into_id = ${survivorId} and status = 'merged'
      union
      select c.id from cases c join family f on c.merged_into_id = f.id where c.status = 'merged'
    )
    select id from family order by id`.execute(db);
  return rows.rows.map((r) => r.id);
}
