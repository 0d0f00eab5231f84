// The analysis counts (022): problems per level, place, CST day and leaf category, recounted from
// `cases` by the sweep. Recent days every run (a report today, a case reclassified yesterday), the
// whole history once a day. Duplicates joined to another case (merged) and refused reports
// (rejected) are not problems of their own and do not count. Reads of the counts live here too.
import { sql } from "kysely";
import type { Db } from "../db/connect.ts";
import { addDays, cstDay } from "../stats/days.ts";

/** Three years of weeks (the seasonal trend baseline) and a few more: how far back the counts go. */
export const HISTORY_DAYS = 3 * 371 + 14;
/** Days recounted on every run: the longest hotspot window and a margin. */
export const RECOUNT_DAYS = 35;
/** A full recount at most this often. */
export const FULL_RECOUNT_MS = 24 * 3_600_000;

export type CountLevel = "city" | "district" | "community" | "grid";

/** The first instant of a CST day. */
export const dayStart = (day: string) => new Date(`${day}T00:00:00+08:00`);

export interface RecountResult {
  full: boolean;
  from: string;
  rows: number;
  /** the first day with any count (the start of the usable history), or null when there is none */
  countsFrom: string | null;
}

/**
 * Recounts the days from `from` on (all of them when full). One transaction, under an advisory lock
 * so that two servers' sweeps recount one after the other rather than interleaving deletes.
 */
export async function recountAnalysis(db: Db, now: Date, opts: { full?: boolean } = {}): Promise<RecountResult> {
  const today = cstDay(now);
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(hashtext('civicgrid.analysis.counts'))`.execute(trx);
    const state = await trx.selectFrom("analysis_state").selectAll().executeTakeFirst();
    const full =
      opts.full ?? (!state?.counts_full_at || now.getTime() - state.counts_full_at.getTime() >= FULL_RECOUNT_MS);
    const from = addDays(today, full ? -HISTORY_DAYS : -RECOUNT_DAYS);
    if (full) await sql`delete from analysis_counts`.execute(trx);
    else await sql`delete from analysis_counts where day >= ${from}::date`.execute(trx);
    // one scan of the recent cases, grouped four ways at once; grouping() tells the level apart
    // (bits city, district, community, grid: 7 = by city, 11 = district, 13 = community, 14 = grid)
    const inserted = await sql`
      insert into analysis_counts (level, code, day, category_code, reported)
      select case grouping(city, district, community, grid)
               when 7 then 'city' when 11 then 'district' when 13 then 'community' else 'grid' end,
             coalesce(city, district, community, grid), day, category_code, count(*)::int
      from (
        select c.city_code::text as city, c.district_code::text as district, c.community_code::text as community,
          c.grid_code::text as grid, (c.reported_at at time zone 'Asia/Shanghai')::date as day, c.category_code
        from cases c
        where c.reported_at >= ${dayStart(from)} and c.category_code is not null
          and c.status not in ('merged', 'rejected')
      ) f
      group by grouping sets ((city, day, category_code), (district, day, category_code),
        (community, day, category_code), (grid, day, category_code))`.execute(trx);
    const first = await sql<{ day: string | null }>`
      select min(day)::text as day from analysis_counts where level = 'city'`.execute(trx);
    const countsFrom = first.rows[0]?.day ?? null;
    await trx
      .updateTable("analysis_state")
      .set({ counts_from: countsFrom, ...(full ? { counts_full_at: now } : {}) })
      .execute();
    return { full, from, rows: Number(inserted.numAffectedRows ?? 0), countsFrom };
  });
}

export interface PairCount {
  code: string;
  category: string;
  window: number;
  baseline: number;
}

/** Per place and category of a level: the count in [windowFrom, to] and in [baselineFrom, windowFrom). */
export async function pairCounts(
  db: Db,
  level: CountLevel,
  range: { baselineFrom: string; windowFrom: string; to: string },
): Promise<PairCount[]> {
  const r = await sql<{ code: string; category_code: string; w: number; b: number }>`
    select code, category_code,
      coalesce(sum(reported) filter (where day >= ${range.windowFrom}::date), 0)::int as w,
      coalesce(sum(reported) filter (where day < ${range.windowFrom}::date), 0)::int as b
    from analysis_counts
    where level = ${level} and day between ${range.baselineFrom}::date and ${range.to}::date
    group by code, category_code`.execute(db);
  return r.rows.map((row) => ({ code: row.code, category: row.category_code, window: row.w, baseline: row.b }));
}

export interface WeekCount {
  level: CountLevel;
  code: string;
  category: string;
  /** weeks before the last one (0 = the week ending `to`) */
  weeksAgo: number;
  n: number;
}

/** Weekly counts per place and category of the city and its districts, weeks ending on `to`. */
export async function weeklyCounts(db: Db, from: string, to: string): Promise<WeekCount[]> {
  const r = await sql<{ level: CountLevel; code: string; category_code: string; ago: number; n: number }>`
    select level, code, category_code, ((${to}::date - day) / 7)::int as ago, sum(reported)::int as n
    from analysis_counts
    where level in ('city', 'district') and day between ${from}::date and ${to}::date
    group by level, code, category_code, ago`.execute(db);
  return r.rows.map((row) => ({
    level: row.level,
    code: row.code,
    category: row.category_code,
    weeksAgo: row.ago,
    n: row.n,
  }));
}

/** Daily counts of one place and a set of categories over [from, to] (an alert's chart). */
export async function dailyCounts(
  db: Db,
  q: { level: CountLevel; code: string; categories: readonly string[]; from: string; to: string },
): Promise<Map<string, number>> {
  if (!q.categories.length) return new Map();
  const r = await sql<{ day: string; n: number }>`
    select day::text as day, sum(reported)::int as n from analysis_counts
    where level = ${q.level} and code = ${q.code} and category_code = any(${q.categories}::text[])
      and day between ${q.from}::date and ${q.to}::date
    group by day`.execute(db);
  return new Map(r.rows.map((row) => [row.day, row.n]));
}
