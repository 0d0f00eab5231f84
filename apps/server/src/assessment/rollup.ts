// Sums over the case rollup (017): one query per ranking, over the current and the previous period
// at once, grouped by scope code. The figures of an area or unit never scan `cases`. Read from
// case_day_rollup (one row per scope and report day: case_rollup summed over class and source, kept
// by the same trigger), since rankings split by neither.
import { COUNT_KEYS, emptyCounts, type IndicatorCounts } from "@civicgrid/domain";
import { sql } from "kysely";
import type { Db } from "../db/connect.ts";
import type { CaseRollupTable } from "../db/schema.ts";
import { type Periods, spanOf } from "./period.ts";

/** The rollup column of each count. */
export const ROLLUP_COLUMNS: Readonly<Record<keyof IndicatorCounts, keyof CaseRollupTable>> = {
  reported: "reported",
  registered: "registered",
  dispatched: "dispatched",
  dispatches: "dispatches",
  returns: "returns",
  acceptedInTime: "accepted_in_time",
  handled: "handled",
  handledOnTime: "handled_on_time",
  dueToHandle: "due_to_handle",
  reworked: "reworked",
  closed: "closed",
  closedOnTime: "closed_on_time",
  dueToClose: "due_to_close",
  open: "open",
  overdueOpen: "overdue_open",
  overdueEver: "overdue_ever",
  evaluated: "evaluated",
  satisfied: "satisfied",
  basically: "basically",
  unsatisfied: "unsatisfied",
  solved: "solved",
  handlingDaysSum: "handling_days_sum",
  handlingDaysN: "handling_days_n",
};

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
  const sums = COUNT_KEYS.map((k) => sql`sum(${sql.ref(ROLLUP_COLUMNS[k])})::float8 as ${sql.ref(k)}`);
  // a prefix as a range of digit strings, not LIKE: the primary key's btree serves a range under any
  // collation, a LIKE pattern only under "C"
  const codes =
    "prefix" in filter
      ? sql`scope_code between ${filter.prefix.padEnd(filter.length, "0")} and ${filter.prefix.padEnd(filter.length, "9")}`
      : sql`scope_code = any(${[...filter.codes]}::text[])`;
  const { rows } = await sql<{ scope_code: string; current: boolean } & IndicatorCounts>`
    select scope_code, day >= ${periods.current.from}::date as current, ${sql.join(sums)}
    from case_day_rollup
    where scope = ${scope} and ${codes} and day between ${span.from}::date and ${span.to}::date
    group by 1, 2`.execute(db);
  for (const row of rows) {
    let entry = out.get(row.scope_code);
    if (!entry) {
      entry = { current: emptyCounts(), previous: emptyCounts() };
      out.set(row.scope_code, entry);
    }
    const target = row.current ? entry.current : entry.previous;
    for (const k of COUNT_KEYS) target[k] = Number(row[k]);
  }
  return out;
}

export function countsOf(map: ReadonlyMap<string, PeriodCounts>, code: string): PeriodCounts {
  return map.get(code) ?? { current: emptyCounts(), previous: emptyCounts() };
}
