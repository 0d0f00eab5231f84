// The rollup (017_rollups.sql) recomputed independently from `cases` with plain GROUP BYs, and
// compared with what the trigger (or the rebuild) left in case_rollup / case_close_rollup. Rows whose
// counters are all zero may linger after updates; only non-zero rows are compared.
import { COUNT_KEYS, emptyCounts, type IndicatorCounts } from "@civicgrid/domain";
import { sql } from "kysely";
import { expect } from "vitest";
import type { Db } from "../src/db/connect.ts";

/** The rollup's counters as aggregates over `cases` (an independent spelling of 017's vector). */
export const COUNTERS = `
  count(*) as reported,
  count(*) filter (where registered_at is not null) as registered,
  count(*) filter (where dispatched_at is not null) as dispatched,
  coalesce(sum((dispatched_at is not null)::int + return_count), 0) as dispatches,
  coalesce(sum(return_count), 0) as returns,
  count(*) filter (where accepted_at is not null and (accept_due_at is null or accepted_at <= accept_due_at)) as accepted_in_time,
  count(*) filter (where handled_at is not null) as handled,
  count(*) filter (where handled_at is not null and (due_at is null or handled_at <= due_at)) as handled_on_time,
  count(*) filter (where handled_at is not null or overdue_at is not null) as due_to_handle,
  count(*) filter (where rework_count > 0) as reworked,
  count(*) filter (where status in ('closed', 'evaluated')) as closed,
  count(*) filter (where status in ('closed', 'evaluated') and (due_at is null or closed_at <= due_at)) as closed_on_time,
  count(*) filter (where status in ('closed', 'evaluated') or overdue_at is not null) as due_to_close,
  count(*) filter (where status not in ('closed', 'evaluated', 'rejected', 'merged')) as open,
  count(*) filter (where status not in ('closed', 'evaluated', 'rejected', 'merged') and overdue_at is not null) as overdue_open,
  count(*) filter (where overdue_at is not null) as overdue_ever,
  count(*) filter (where rating is not null) as evaluated,
  count(*) filter (where rating = 'satisfied') as satisfied,
  count(*) filter (where rating = 'basically') as basically,
  count(*) filter (where rating = 'unsatisfied') as unsatisfied,
  count(*) filter (where rating is not null and solved) as solved,
  coalesce(sum(handling_work_days), 0) as handling_days_sum,
  count(handling_work_days) as handling_days_n`;

export const ROLLUP_COUNTERS = [
  "reported",
  "registered",
  "dispatched",
  "dispatches",
  "returns",
  "accepted_in_time",
  "handled",
  "handled_on_time",
  "due_to_handle",
  "reworked",
  "closed",
  "closed_on_time",
  "due_to_close",
  "open",
  "overdue_open",
  "overdue_ever",
  "evaluated",
  "satisfied",
  "basically",
  "unsatisfied",
  "solved",
  "handling_days_sum",
  "handling_days_n",
] as const;

/** scope → the column of `cases` that keys it */
export const SCOPE_COLUMNS = {
  city: "city_code",
  district: "district_code",
  township: "township_code",
  community: "community_code",
  grid: "grid_code",
  unit: "owner_unit_code",
  reporter: "reported_by::text",
} as const;

type Row = Record<string, unknown>;

/** SQL aliases of COUNTERS → the indicator module's count names. */
export function indicatorCountsOf(row: Record<string, unknown>): IndicatorCounts {
  const out = emptyCounts();
  for (const col of ROLLUP_COUNTERS) {
    const key = col.replace(/_(\w)/g, (_, c: string) => c.toUpperCase()) as keyof IndicatorCounts;
    expect(COUNT_KEYS).toContain(key);
    out[key] = Number(row[col] ?? 0);
  }
  return out;
}

const keyOf = (r: Row) =>
  `${r.scope}|${r.scope_code}|${r.day ?? ""}|${r.category_class ?? ""}|${r.source ?? ""}|${r.unit_code ?? ""}`;
const norm = (r: Row, cols: readonly string[]) => Object.fromEntries(cols.map((c) => [c, Number(r[c])]));
const nonZero = (r: Row, cols: readonly string[]) => cols.some((c) => Number(r[c]) !== 0);

function byKey(rows: Row[], cols: readonly string[]) {
  const m = new Map<string, Record<string, number>>();
  for (const r of rows) if (nonZero(r, cols)) m.set(keyOf(r), norm(r, cols));
  return m;
}

/** The rollup recomputed from `cases` for every scope, with the category's top-level class. */
export async function recomputeRollup(db: Db) {
  const parts = Object.entries(SCOPE_COLUMNS).map(
    ([scope, col]) => `
      select '${scope}' as scope, (${col})::text as scope_code, (reported_at at time zone 'Asia/Shanghai')::date::text as day,
        coalesce(k.class, '') as category_class, source, ${COUNTERS}
      from cases c left join classes k on k.code = c.category_code
      where ${col} is not null
      group by 1, 2, 3, 4, 5`,
  );
  const cohort = await sql
    .raw<Row>(`with recursive classes(code, class) as (
        select code, code from categories where parent_code is null
        union all select ch.code, classes.class from categories ch join classes on ch.parent_code = classes.code)
      ${parts.join(" union all ")}`)
    .execute(db);
  const closeParts = Object.entries(SCOPE_COLUMNS).map(
    ([scope, col]) => `
      select '${scope}' as scope, (${col})::text as scope_code, (closed_at at time zone 'Asia/Shanghai')::date::text as day, count(*) as closed
      from cases where ${col} is not null and status in ('closed', 'evaluated') and closed_at is not null
      group by 1, 2, 3`,
  );
  const flow = await sql.raw<Row>(closeParts.join(" union all ")).execute(db);
  const dayParts = Object.entries(SCOPE_COLUMNS).map(
    ([scope, col]) => `
      select '${scope}' as scope, (${col})::text as scope_code, (reported_at at time zone 'Asia/Shanghai')::date::text as day, ${COUNTERS}
      from cases c where ${col} is not null group by 1, 2, 3`,
  );
  const byDay = await sql.raw<Row>(dayParts.join(" union all ")).execute(db);
  const openParts = GEO_SCOPES.map(
    (scope) => `
      select '${scope}' as scope, (${SCOPE_COLUMNS[scope]})::text as scope_code, coalesce(owner_unit_code, '') as unit_code,
        count(*) as open, count(*) filter (where overdue_at is not null) as overdue_open
      from cases where status not in ('closed', 'evaluated', 'rejected', 'merged') group by 1, 2, 3`,
  );
  const open = await sql.raw<Row>(openParts.join(" union all ")).execute(db);
  return { cohort: cohort.rows, flow: flow.rows, byDay: byDay.rows, open: open.rows };
}

const GEO_SCOPES = ["city", "district", "township", "community", "grid"] as const;

export async function readRollup(db: Db) {
  const cohort = await sql<Row>`select *, day::text as day from case_rollup`.execute(db);
  const flow = await sql<Row>`select *, day::text as day from case_close_rollup`.execute(db);
  const byDay = await sql<Row>`select *, day::text as day from case_day_rollup`.execute(db);
  const open = await sql<Row>`select * from case_open_rollup`.execute(db);
  return { cohort: cohort.rows, flow: flow.rows, byDay: byDay.rows, open: open.rows };
}

/** Asserts that the stored rollups equal the recomputation, row by row, for every scope. */
export async function expectRollupConsistent(db: Db) {
  const [want, got] = await Promise.all([recomputeRollup(db), readRollup(db)]);
  const diffs: string[] = [];
  const compare = (table: string, wantRows: Row[], gotRows: Row[], cols: readonly string[]) => {
    const w = byKey(wantRows, cols);
    const g = byKey(gotRows, cols);
    for (const [k, v] of w) {
      const have = g.get(k);
      if (!have) diffs.push(`${table} missing ${k}`);
      else if (JSON.stringify(have) !== JSON.stringify(v))
        diffs.push(`${table} ${k}: got ${JSON.stringify(have)} want ${JSON.stringify(v)}`);
    }
    for (const k of g.keys()) if (!w.has(k)) diffs.push(`${table} extra ${k}: ${JSON.stringify(g.get(k))}`);
    return w.size;
  };
  const cohortRows = compare("case_rollup", want.cohort, got.cohort, ROLLUP_COUNTERS);
  const flowRows = compare("case_close_rollup", want.flow, got.flow, ["closed"]);
  compare("case_day_rollup", want.byDay, got.byDay, ROLLUP_COUNTERS);
  compare("case_open_rollup", want.open, got.open, ["open", "overdue_open"]);
  expect(diffs.slice(0, 20)).toEqual([]);
  return { cohortRows, flowRows };
}
