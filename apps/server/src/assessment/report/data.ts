// What the monthly report shows, gathered from the rollups: the division's month against the month
// before (环比), its areas, units and grid workers ranked, the daily flow, categories and channels.
import { monthPeriod, type Period } from "@civicgrid/domain";
import { sql } from "kysely";
import { type CommonProblemsMonth, gatherCommonProblems } from "../../analysis/monthly.ts";
import type { Db } from "../../db/connect.ts";
import { type Division, divisionPrefix, type PlaceDirectory } from "../../places/directory.ts";
import { SOURCE_ZH } from "../../presenters/labels-zh.ts";
import { type AreaRanking, rankAreas } from "../areas.ts";
import { rankGridWorkers } from "../grid-workers.ts";
import type { ViewerArea } from "../jurisdiction.ts";
import type { Periods } from "../period.ts";
import type { Ranking } from "../ranking.ts";
import { countsOf, type PeriodCounts, sumRollup } from "../rollup.ts";
import { rankUnits } from "../units.ts";
import type { DailyPoint, Share } from "./charts.ts";

export interface ReportData {
  division: Division;
  month: string;
  periods: Periods;
  summary: PeriodCounts;
  areas: AreaRanking;
  units: Ranking;
  gridWorkers: Ranking;
  daily: DailyPoint[];
  categories: Share[];
  sources: Share[];
  /** 共性问题与趋势研判 of the month (analysis/monthly.ts) */
  commonProblems?: CommonProblemsMonth;
}

/** The month and the calendar month before it (a monthly report compares month with month). */
export function monthPeriods(month: string): Periods | null {
  const current = monthPeriod(month);
  if (!current) return null;
  const [y, m] = month.split("-").map(Number) as [number, number];
  const before = m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, "0")}`;
  return { current, previous: monthPeriod(before) as Period };
}

export async function gatherReport(
  db: Db,
  places: PlaceDirectory,
  division: Division,
  month: string,
  periods: Periods,
  now: Date,
): Promise<ReportData> {
  const area: ViewerArea = { division, prefix: divisionPrefix(division.code, division.level) };
  const scope = division.level;
  const { from, to } = periods.current;
  const [own, areas, units, gridWorkers, daily, closedDaily, categories, sources, commonProblems] = await Promise.all([
    sumRollup(db, scope, { codes: [division.code] }, periods),
    rankAreas({ db, places, area, periods, sort: "reported" }),
    rankUnits({ db, places, area, periods, sort: "reported" }),
    rankGridWorkers({ db, places, area, periods, sort: "reported", now }),
    sql<{ day: string; n: number }>`
      select day::text as day, reported as n from case_day_rollup
      where scope = ${scope} and scope_code = ${division.code} and day between ${from}::date and ${to}::date`.execute(
      db,
    ),
    sql<{ day: string; n: number }>`
      select day::text as day, sum(closed)::int as n from case_close_rollup
      where scope = ${scope} and scope_code = ${division.code} and day between ${from}::date and ${to}::date
      group by 1`.execute(db),
    sql<{ name: string; n: number }>`
      select coalesce(c.name, '未分类') as name, sum(r.reported)::int as n from case_rollup r
      left join categories c on c.code = r.category_class
      where r.scope = ${scope} and r.scope_code = ${division.code} and r.day between ${from}::date and ${to}::date
      group by 1 order by 2 desc`.execute(db),
    sql<{ source: string; n: number }>`
      select source, sum(reported)::int as n from case_rollup
      where scope = ${scope} and scope_code = ${division.code} and day between ${from}::date and ${to}::date
      group by 1 order by 2 desc`.execute(db),
    gatherCommonProblems(db, places, division, month),
  ]);
  const reportedBy = new Map(daily.rows.map((r) => [r.day, r.n]));
  const closedBy = new Map(closedDaily.rows.map((r) => [r.day, r.n]));
  return {
    division,
    month,
    periods,
    summary: countsOf(own, division.code),
    areas,
    units,
    gridWorkers,
    daily: daysOf(periods.current).map((day) => ({
      day,
      reported: reportedBy.get(day) ?? 0,
      closed: closedBy.get(day) ?? 0,
    })),
    categories: topShares(
      categories.rows.map((r) => ({ name: r.name, value: r.n })),
      8,
    ),
    sources: sources.rows.map((r) => ({ name: SOURCE_ZH[r.source as keyof typeof SOURCE_ZH] ?? r.source, value: r.n })),
    commonProblems,
  };
}

function daysOf(p: Period): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${p.from}T00:00:00Z`); t <= Date.parse(`${p.to}T00:00:00Z`); t += 86_400_000) {
    out.push(new Date(t).toISOString().slice(0, 10));
  }
  return out;
}

/** The largest shares, the rest summed as 其他. */
function topShares(shares: Share[], n: number): Share[] {
  const kept = shares.filter((s) => s.value > 0);
  if (kept.length <= n) return kept;
  const rest = kept.slice(n - 1).reduce((sum, s) => sum + s.value, 0);
  return [...kept.slice(0, n - 1), { name: "其他", value: rest }];
}
