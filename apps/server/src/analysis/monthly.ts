// The monthly common-problem report (共性问题月报) of a division: which categories made the month,
// which rose against the months before, where the same problem kept coming back (the month as a
// hotspot window against the year before it), and what became of the month's alerts. Read by the
// workbench (GET /analysis/monthly) and by the assessment PDF (report/model.ts). docs/analysis.md.
import {
  benjaminiHochberg,
  detectHotspots,
  type Hotspot,
  monthPeriod,
  poissonUpperTail,
  strongestPerCommunity,
} from "@civicgrid/domain";
import type { CategoryMonth, CommonProblemsMonth, MonthAlert, MonthHotspot, RisingCategory } from "@civicgrid/shared";
import { sql } from "kysely";
import type { Db } from "../db/connect.ts";
import type { Division, PlaceDirectory } from "../places/directory.ts";
import { divisionPrefix } from "../places/directory.ts";
import { addDays } from "../stats/days.ts";
import { loadCategoryTree } from "./categories.ts";
import { dayStart, pairCounts } from "./counts.ts";
import { type AlertLevel, placeChain, placeName } from "./place-chain.ts";

export const MONTHLY_TOP = 10;
/** Rising categories: at least this many reports and this ratio to the three months before. */
export const RISING_MIN = 10;
export const RISING_RATIO = 1.5;
export const RISING_MAX_Q = 0.01;

export type { CategoryMonth, CommonProblemsMonth, MonthAlert, MonthHotspot, RisingCategory };

/** The counts' rows of a division: its own level, or its communities for a township (not counted apart). */
function countFilter(division: Division) {
  if (division.level === "township") {
    const prefix = divisionPrefix(division.code, "township");
    return sql`level = 'community' and code >= ${prefix} and code < ${`${prefix}~`}`;
  }
  return sql`level = ${division.level} and code = ${division.code}`;
}

async function categoryTotals(db: Db, division: Division, from: string, to: string) {
  const r = await sql<{ category_code: string; n: number }>`
    select category_code, sum(reported)::int as n from analysis_counts
    where ${countFilter(division)} and day between ${from}::date and ${to}::date
    group by category_code`.execute(db);
  return new Map(r.rows.map((row) => [row.category_code, row.n]));
}

const sum = (m: Map<string, number>) => [...m.values()].reduce((s, v) => s + v, 0);
const daysIn = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000) + 1;

export async function gatherCommonProblems(
  db: Db,
  places: PlaceDirectory,
  division: Division,
  month: string,
): Promise<CommonProblemsMonth> {
  const period = monthPeriod(month);
  if (!period) throw new Error(`gatherCommonProblems: bad month ${month}`);
  // read only: before the first analysis sweep (at start, then hourly) there is nothing to report yet
  const state = await db.selectFrom("analysis_state").selectAll().executeTakeFirst();
  const countsFrom = state?.counts_from ?? null;
  const categories = await loadCategoryTree(db);
  const name = (code: string) => categories.name(code) ?? code;
  const prevTo = addDays(period.from, -1);
  const prevFrom = monthPeriod(prevTo.slice(0, 7))?.from ?? addDays(period.from, -30);
  const baseFrom = addDays(period.from, -91);
  const [current, previous, before] = await Promise.all([
    categoryTotals(db, division, period.from, period.to),
    categoryTotals(db, division, prevFrom, prevTo),
    categoryTotals(db, division, baseFrom, prevTo),
  ]);

  const top = [...current]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, MONTHLY_TOP)
    .map(([code, count]) => ({ code, name: name(code), count, previous: previous.get(code) ?? 0 }));

  // rising: the month against the daily rate of the 91 days before it (+½ report, so a category new
  // this month is not infinitely surprising), a Poisson tail, Benjamini–Hochberg over the categories
  const monthDays = daysIn(period.from, period.to);
  const baseDays = countsFrom && countsFrom > baseFrom ? daysIn(countsFrom, prevTo) : 91;
  const tested = baseDays >= 28 ? [...new Set([...current.keys(), ...before.keys()])] : [];
  const scored = tested
    .map((code) => {
      const count = current.get(code) ?? 0;
      const expected = (((before.get(code) ?? 0) + 0.5) * monthDays) / baseDays;
      return {
        code,
        name: name(code),
        count,
        expected,
        ratio: count / expected,
        pValue: poissonUpperTail(count, expected),
      };
    })
    .filter((c) => c.count > 0);
  const q = benjaminiHochberg(
    scored.map((c) => c.pValue),
    tested.length,
  );
  const rising = scored
    .filter((c, i) => c.count >= RISING_MIN && c.ratio >= RISING_RATIO && (q[i] as number) <= RISING_MAX_Q)
    .sort((a, b) => a.pValue - b.pValue)
    .slice(0, 5);

  return {
    month,
    from: period.from,
    to: period.to,
    division: { level: division.level, code: division.code, name: division.name },
    analysedAt: state?.swept_at?.toISOString() ?? null,
    total: sum(current),
    previousTotal: sum(previous),
    categories: top,
    rising,
    hotspots: await monthHotspots(db, places, division, period, countsFrom, name),
    alerts: await monthAlerts(db, places, division, period, name),
  };
}

/** The month as one hotspot window, tested city-wide (as the sweep does) and kept inside the division. */
async function monthHotspots(
  db: Db,
  places: PlaceDirectory,
  division: Division,
  period: { from: string; to: string },
  countsFrom: string | null,
  name: (code: string) => string,
): Promise<MonthHotspot[]> {
  if (!countsFrom) return [];
  const wanted = addDays(period.from, -365);
  const baselineFrom = wanted.localeCompare(countsFrom) > 0 ? wanted : countsFrom;
  const baselineDays = daysIn(baselineFrom, period.from) - 1;
  if (baselineDays < 28) return [];
  const prefix = divisionPrefix(division.code, division.level);
  let communities = 0;
  for (const d of places.divisions.values()) if (d.level === "community") communities++;
  const totals = { community: communities, grid: places.gridCommunities().size };
  const found: (Hotspot & { level: "community" | "grid" })[] = [];
  for (const level of ["community", "grid"] as const) {
    const pairs = await pairCounts(db, level, { baselineFrom, windowFrom: period.from, to: period.to });
    const hits = detectHotspots({
      counts: pairs.map((p) => ({ place: p.code, category: p.category, window: p.window, baseline: p.baseline })),
      places: totals[level],
      windowDays: daysIn(period.from, period.to),
      baselineDays,
    });
    for (const h of hits) if (h.place.startsWith(prefix)) found.push({ ...h, level });
  }
  return strongestPerCommunity(found, (p) => p.slice(0, 12))
    .slice(0, MONTHLY_TOP)
    .map((h) => {
      const chain = placeChain(places, h.level, h.place);
      return {
        level: h.level,
        code: h.place,
        place: chain ? placeName(places, chain) : h.place,
        categoryCode: h.category,
        categoryName: name(h.category),
        observed: h.observed,
        expected: h.expected,
        ratio: h.ratio,
      };
    });
}

/** The alerts live at any time in the month inside the division, and what was done about them. */
async function monthAlerts(
  db: Db,
  places: PlaceDirectory,
  division: Division,
  period: { from: string; to: string },
  name: (code: string) => string,
): Promise<CommonProblemsMonth["alerts"]> {
  const column = `analysis_alerts.${division.level}_code` as const;
  const rows = await db
    .selectFrom("analysis_alerts")
    .leftJoin("cases", "cases.id", "analysis_alerts.task_case_id")
    .select([
      "analysis_alerts.id",
      "analysis_alerts.kind",
      "analysis_alerts.level",
      "analysis_alerts.code",
      "analysis_alerts.category_code",
      "analysis_alerts.observed",
      "analysis_alerts.expected",
      "analysis_alerts.status",
      "analysis_alerts.peak_score",
      "cases.code as task_code",
      "cases.status as task_status",
    ])
    .where(column, "=", division.code)
    .where("analysis_alerts.first_seen_at", "<", dayStart(addDays(period.to, 1)))
    .where((eb) =>
      eb.or([eb("analysis_alerts.ended_at", "is", null), eb("analysis_alerts.ended_at", ">=", dayStart(period.from))]),
    )
    .orderBy("analysis_alerts.peak_score", "desc")
    .orderBy("analysis_alerts.id")
    .limit(1_000)
    .execute();
  const byKind: Record<string, number> = { hotspot: 0, trend: 0 };
  const byStatus: Record<string, number> = { open: 0, acknowledged: 0, tasked: 0, dismissed: 0 };
  for (const r of rows) {
    byKind[r.kind] = (byKind[r.kind] ?? 0) + 1;
    byStatus[r.status] = (byStatus[r.status] ?? 0) + 1;
  }
  const top = rows.slice(0, MONTHLY_TOP).map((r) => {
    const chain = placeChain(places, r.level as AlertLevel, r.code);
    return {
      id: r.id,
      kind: r.kind,
      place: chain ? placeName(places, chain) : r.code,
      categoryName: name(r.category_code),
      observed: r.observed,
      expected: r.expected,
      status: r.status,
      taskCode: r.task_code ?? null,
      taskStatus: r.task_status ?? null,
    };
  });
  return { total: rows.length, byKind, byStatus, top };
}
