// Sums over the case rollup (017): one query per ranking, over the current and the previous period
// at once, grouped by scope code. The figures of an area or unit never scan `cases`. Read from
// case_day_rollup (one row per scope and report day: case_rollup summed over class and source, kept
// by the same trigger), since rankings split by neither.
import { emptyCounts, type IndicatorCounts } from "@civicgrid/domain";
import { sql } from "kysely";
import type { Db } from "../db/connect.ts";
import type { CaseRollupTable } from "../db/schema.ts";
import { COUNT_SUMS, countsOfRow } from "../stats/rollup-counts.ts";
import { type Periods, spanOf } from "./period.ts";

export interface PeriodCounts {
  current: IndicatorCounts;
  previous: IndicatorCounts;
}

export type RollupScope = CaseRollupTable["scope"];

/**
 * Which scope codes to sum: the codes of `length` digits under a prefix (areas: divisions have 12,
 * grids 14), or a list (units, people).
 */
export type CodeFilter = { prefix: string; length: number } | { codes: readonly string[] };

/** The summed counts of each scope code with any rows in either period. */
export async function sumRollup(
  db: Db,
  scope: RollupScope,
  filter: CodeFilter,
  periods: Periods,
): Promise<Map<string, PeriodCounts>> {
  const out = new Map<string, PeriodCounts>();
  if ("codes" in filter && filter.codes.length === 0) return out;
  const span = spanOf(periods);
  // a prefix as a range of digit strings, not LIKE: the primary key's btree serves a range under any
  // collation, a LIKE pattern only under "C"
  const codes =
    "prefix" in filter
      ? sql`scope_code between ${filter.prefix.padEnd(filter.length, "0")} and ${filter.prefix.padEnd(filter.length, "9")}`
      : sql`scope_code = any(${[...filter.codes]}::text[])`;
  const { rows } = await sql<{ scope_code: string; current: boolean } & Record<string, unknown>>`
    select scope_code, day >= ${periods.current.from}::date as current, ${COUNT_SUMS}
    from case_day_rollup
    where scope = ${scope} and ${codes} and day between ${span.from}::date and ${span.to}::date
    group by 1, 2`.execute(db);
  for (const row of rows) {
    let entry = out.get(row.scope_code);
    if (!entry) {
      entry = { current: emptyCounts(), previous: emptyCounts() };
      out.set(row.scope_code, entry);
    }
    entry[row.current ? "current" : "previous"] = countsOfRow(row);
  }
  return out;
}

export function countsOf(map: ReadonlyMap<string, PeriodCounts>, code: string): PeriodCounts {
  return map.get(code) ?? { current: emptyCounts(), previous: emptyCounts() };
}
