// The big screen's charts for one scope: reports and closures per day, the week-on-week change,
// the top category classes and the sources over the window, the children's ranking (365-day cohort,
// as the KPI tiles) and the units with the most overdue cases now. All from the rollups.
import { computeIndicators, emptyCounts } from "@civicgrid/domain";
import { sql } from "kysely";
import type { Actor } from "../access/actor.ts";
import type { Services } from "../services.ts";
import { addDays, cstDay, daysBetween } from "../stats/days.ts";
import { breakdown, cohortCounts, dailySeries, openNow, overdueByUnit } from "../stats/rollup-queries.ts";
import { childLevel, resolveScreenScope } from "../stats/screen-scope.ts";
import { RATE_WINDOW_DAYS } from "./get-screen-summary.ts";

export const CHART_DAYS_MIN = 7;
export const CHART_DAYS_MAX = 90;
export const CHART_DAYS_DEFAULT = 30;
const TOP = 10;

export interface GetScreenChartsOptions {
  services: Services;
  actor: Actor;
  division?: string;
  /** the window of the daily series and the breakdowns, 7..90 (the route validates) */
  days: number;
}

export async function getScreenCharts({ services, actor, division, days }: GetScreenChartsOptions) {
  const scope = resolveScreenScope({ places: services.places, actor, division });
  const { db, places } = services;
  const now = services.clock.now();
  const today = cstDay(now);
  const from = addDays(today, -(days - 1));
  // the trend compares the last 7 days with the 7 before, whatever the window
  const seriesFrom = addDays(today, -(Math.max(days, 2 * CHART_DAYS_MIN) - 1));
  const cohortFrom = addDays(today, -(RATE_WINDOW_DAYS - 1));
  const level = childLevel(scope.level);
  const childCodes = scope.children.map((c) => c.code);
  const [series, parts, childCohorts, childOpen, overdue] = await Promise.all([
    dailySeries(db, scope.level, scope.code, seriesFrom, today),
    breakdown(db, scope.level, scope.code, from, today),
    level ? cohortCounts(db, { level, codes: childCodes, from: cohortFrom, to: today }) : new Map(),
    level ? openNow(db, level, childCodes) : new Map(),
    overdueByUnit(db, scope.level, scope.code, TOP),
  ]);

  const daily = daysBetween(from, today).map((day) => ({ day, ...(series.get(day) ?? { reported: 0, closed: 0 }) }));
  const sumReported = (a: string, b: string) =>
    daysBetween(a, b).reduce((n, day) => n + (series.get(day)?.reported ?? 0), 0);
  const last = sumReported(addDays(today, -6), today);
  const previous = sumReported(addDays(today, -13), addDays(today, -7));

  const topClasses = parts.classes.slice(0, TOP);
  const names = await categoryNames(
    services,
    topClasses.map((c) => c.code),
  );
  const ranking = scope.children.map((child) => {
    const ind = computeIndicators(childCohorts.get(child.code) ?? emptyCounts());
    return {
      ...child,
      reported: ind.reported,
      closed: ind.closed,
      overdue: childOpen.get(child.code)?.overdue ?? 0,
      resolvedRate: ind.resolvedRate,
      onTimeClosureRate: ind.onTimeClosureRate,
      satisfactionRate: ind.satisfactionRate,
    };
  });
  // best first: the resolved rate, then the volume; children without a rate last
  ranking.sort(
    (a, b) =>
      (b.resolvedRate ?? -1) - (a.resolvedRate ?? -1) || b.reported - a.reported || a.code.localeCompare(b.code),
  );
  return {
    scope,
    days,
    period: { from, to: today },
    rankingPeriod: { from: cohortFrom, to: today },
    daily,
    trend: {
      last7: last,
      previous7: previous,
      // per cent, one decimal; null when the previous week had nothing to compare with
      changePct: previous > 0 ? Math.round(((last - previous) / previous) * 1000) / 10 : null,
    },
    categories: topClasses.map((c) => ({ code: c.code, name: names.get(c.code) ?? c.code, count: c.count })),
    sources: parts.sources,
    ranking,
    overdueByUnit: overdue.map((u) => ({
      unitCode: u.unit_code,
      unitName: places.unit(u.unit_code)?.name ?? u.unit_code,
      count: u.count,
    })),
    asOf: now,
  };
}

/** Names of category classes ('' = no category: 未分类). */
async function categoryNames(services: Services, codes: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>([["", "未分类"]]);
  const wanted = codes.filter((c) => c !== "");
  if (!wanted.length) return out;
  const r = await sql<{ code: string; name: string }>`
    select code, name from categories where code = any(${wanted}::text[])`.execute(services.db);
  for (const row of r.rows) out.set(row.code, row.name);
  return out;
}
