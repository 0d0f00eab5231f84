// Reads of the rollups (017_rollups.sql) for the big screen. Every figure is a sum over rollup rows
// keyed by (scope, scope_code, …) — never a scan of `cases`:
//   case_day_rollup   one row per scope and report day: cohort counts, the daily series, the ranking
//   case_rollup       … per class and source as well: the category and source charts (short windows)
//   case_open_rollup  open / overdue now per scope and owning unit
//   case_close_rollup closures per scope and the day they happened
import { emptyCounts, type IndicatorCounts } from "@civicgrid/domain";
import { sql } from "kysely";
import type { Db } from "../db/connect.ts";
import { COUNT_SUMS, countsOfRow } from "./rollup-counts.ts";
import type { ScreenLevel } from "./screen-scope.ts";

export interface CohortQuery {
  level: ScreenLevel;
  codes: readonly string[];
  /** report days, both included ('YYYY-MM-DD') */
  from: string;
  to: string;
}

/** Cohort counts of each code over the report days [from, to]; codes without rows get zeros. */
export async function cohortCounts(db: Db, q: CohortQuery): Promise<Map<string, IndicatorCounts>> {
  const out = new Map<string, IndicatorCounts>(q.codes.map((c) => [c, emptyCounts()]));
  if (!q.codes.length) return out;
  const r = await sql<Record<string, unknown>>`
    select scope_code, ${COUNT_SUMS} from case_day_rollup
    where scope = ${q.level} and scope_code = any(${q.codes}::text[]) and day between ${q.from}::date and ${q.to}::date
    group by scope_code`.execute(db);
  for (const row of r.rows) out.set(String(row.scope_code), countsOfRow(row));
  return out;
}

export interface OpenNow {
  open: number;
  overdue: number;
}

/** Open and overdue cases now, per code. */
export async function openNow(db: Db, level: ScreenLevel, codes: readonly string[]): Promise<Map<string, OpenNow>> {
  const out = new Map<string, OpenNow>(codes.map((c) => [c, { open: 0, overdue: 0 }]));
  if (!codes.length) return out;
  const r = await sql<{ scope_code: string; open: number; overdue: number }>`
    select scope_code, coalesce(sum(open), 0)::int as open, coalesce(sum(overdue_open), 0)::int as overdue
    from case_open_rollup where scope = ${level} and scope_code = any(${codes}::text[])
    group by scope_code`.execute(db);
  for (const row of r.rows) out.set(row.scope_code, { open: row.open, overdue: row.overdue });
  return out;
}

/** The units with the most overdue open cases inside one scope. */
export async function overdueByUnit(db: Db, level: ScreenLevel, code: string, limit: number) {
  const r = await sql<{ unit_code: string; count: number }>`
    select unit_code, overdue_open as count from case_open_rollup
    where scope = ${level} and scope_code = ${code} and unit_code <> '' and overdue_open > 0
    order by overdue_open desc, unit_code limit ${limit}`.execute(db);
  return r.rows;
}

/** Reports per report day and closures per closing day, over [from, to]. */
export async function dailySeries(db: Db, level: ScreenLevel, code: string, from: string, to: string) {
  const r = await sql<{ day: string; reported: number; closed: number }>`
    select day::text as day, sum(reported)::int as reported, sum(closed)::int as closed from (
      select day, reported, 0 as closed from case_day_rollup
        where scope = ${level} and scope_code = ${code} and day between ${from}::date and ${to}::date
      union all
      select day, 0, closed from case_close_rollup
        where scope = ${level} and scope_code = ${code} and day between ${from}::date and ${to}::date
    ) t group by day`.execute(db);
  return new Map(r.rows.map((row) => [row.day, { reported: row.reported, closed: row.closed }]));
}

/** Closures on one day. */
export async function closedOn(db: Db, level: ScreenLevel, code: string, day: string): Promise<number> {
  const r = await sql<{ n: number }>`
    select coalesce(sum(closed), 0)::int as n from case_close_rollup
    where scope = ${level} and scope_code = ${code} and day = ${day}::date`.execute(db);
  return r.rows[0]?.n ?? 0;
}

/** Reports per top-level category class and per source over [from, to] (one pass, two groupings). */
export async function breakdown(db: Db, level: ScreenLevel, code: string, from: string, to: string) {
  const r = await sql<{ category_class: string | null; source: string | null; n: number }>`
    select category_class, source, sum(reported)::int as n from case_rollup
    where scope = ${level} and scope_code = ${code} and day between ${from}::date and ${to}::date
    group by grouping sets ((category_class), (source))`.execute(db);
  const classes: { code: string; count: number }[] = [];
  const sources: { source: string; count: number }[] = [];
  for (const row of r.rows) {
    if (row.n <= 0) continue;
    if (row.category_class !== null) classes.push({ code: row.category_class, count: row.n });
    else if (row.source !== null) sources.push({ source: row.source, count: row.n });
  }
  classes.sort((a, b) => b.count - a.count || a.code.localeCompare(b.code));
  sources.sort((a, b) => b.count - a.count || a.source.localeCompare(b.source));
  return { classes, sources };
}

/**
 * Reports per grid over [from, to] for the heat map. The grids of a city or district are read through
 * the (scope, day) index (a few thousand grids × days); smaller scopes list their grids by prefix.
 */
export async function reportsPerGrid(db: Db, prefix: string, from: string, to: string) {
  const r = await sql<{ grid: string; n: number }>`
    select scope_code as grid, sum(reported)::int as n from case_day_rollup
    where scope = 'grid' and day between ${from}::date and ${to}::date
      and scope_code >= ${prefix} and scope_code < ${`${prefix}~`}
    group by scope_code having sum(reported) > 0`.execute(db);
  return r.rows;
}
