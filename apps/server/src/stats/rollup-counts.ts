// The rollup's counter columns (017_rollups.sql) as the indicator module's counts: one mapping, one
// SUM list and one row reader, shared by the big screen's reads (rollup-queries.ts) and the
// assessment's rankings (assessment/rollup.ts), so both sum the same columns the same way.
import { COUNT_KEYS, emptyCounts, type IndicatorCounts } from "@civicgrid/domain";
import { sql } from "kysely";
import type { CaseRollupTable } from "../db/schema.ts";

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

/**
 * `sum(column) as "count"` for every count, for a grouped select over case_rollup or
 * case_day_rollup; float8 so that bigint and numeric sums arrive as numbers, 0 for an empty group.
 */
export const COUNT_SUMS = sql.join(
  COUNT_KEYS.map((k) => sql`coalesce(sum(${sql.ref(ROLLUP_COLUMNS[k])}), 0)::float8 as ${sql.ref(k)}`),
);

/** The counts of a row selected with COUNT_SUMS (zeros for a missing row or column). */
export function countsOfRow(row: Readonly<Record<string, unknown>> | undefined): IndicatorCounts {
  const out = emptyCounts();
  if (row) for (const k of COUNT_KEYS) out[k] = Number(row[k] ?? 0);
  return out;
}
