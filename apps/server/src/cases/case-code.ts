import { sql } from "kysely";
import type { Db } from "../db/connect.ts";

/** China Standard Time calendar day of an instant, as YYYY-MM-DD. */
export function cstDay(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/**
 * Next human-readable case number for the day (AS-20261127-000123). The counter row is locked by the
 * upsert until the surrounding transaction ends, so numbers are unique and never reused.
 */
export async function nextCaseCode(trx: Db, at: Date): Promise<string> {
  const day = cstDay(at);
  const row = await trx
    .insertInto("case_code_counters")
    .values({ day, n: 1 })
    .onConflict((oc) => oc.column("day").doUpdateSet({ n: sql`case_code_counters.n + 1` }))
    .returning("n")
    .executeTakeFirstOrThrow();
  return `AS-${day.replaceAll("-", "")}-${String(row.n).padStart(6, "0")}`;
}
