// The big screen's KPI tiles for one scope: today's reports and closures, open and overdue now, and
// the 365-day cohort's found / resolved and rates (the indicator module's formulas), plus the grid
// workers on patrol now. Every count comes from the rollups (stats/rollup-queries.ts).
import { computeIndicators, emptyCounts } from "@civicgrid/domain";
import type { Actor } from "../access/actor.ts";
import { autoDispatchFigures } from "../routing/auto-dispatch-figures.ts";
import type { Services } from "../services.ts";
import { addDays, cstDay } from "../stats/days.ts";
import { countPatrollingWorkers } from "../stats/live-queries.ts";
import { closedOn, cohortCounts, openNow } from "../stats/rollup-queries.ts";
import { resolveScreenScope } from "../stats/screen-scope.ts";

/** The cohort the rates describe: cases reported in the last 365 days (today included). */
export const RATE_WINDOW_DAYS = 365;
/** A worker counts as patrolling while the patrol's last point is this recent. */
export const PATROL_FRESH_MS = 30 * 60_000;

export interface GetScreenSummaryOptions {
  services: Services;
  actor: Actor;
  division?: string;
}

export async function getScreenSummary({ services, actor, division }: GetScreenSummaryOptions) {
  const scope = resolveScreenScope({ places: services.places, actor, division });
  const { db } = services;
  const now = services.clock.now();
  const today = cstDay(now);
  const from = addDays(today, -(RATE_WINDOW_DAYS - 1));
  const [todayCounts, cohort, open, closedToday, workers, autoDispatch] = await Promise.all([
    cohortCounts(db, { level: scope.level, codes: [scope.code], from: today, to: today }),
    cohortCounts(db, { level: scope.level, codes: [scope.code], from, to: today }),
    openNow(db, scope.level, [scope.code]),
    closedOn(db, scope.level, scope.code, today),
    countPatrollingWorkers(db, scope.prefix, new Date(now.getTime() - PATROL_FRESH_MS)),
    // 智能分派: share of the last 30 days' dispatched cases the platform dispatched itself, and its precision
    autoDispatchFigures(db, scope, now),
  ]);
  const indicators = computeIndicators(cohort.get(scope.code) ?? emptyCounts());
  const openCounts = open.get(scope.code) ?? { open: 0, overdue: 0 };
  return {
    scope,
    kpis: {
      reportedToday: todayCounts.get(scope.code)?.reported ?? 0,
      open: openCounts.open,
      overdue: openCounts.overdue,
      closedToday,
      found: indicators.found,
      resolved: indicators.resolved,
      resolvedRate: indicators.resolvedRate,
      onTimeClosureRate: indicators.onTimeClosureRate,
      satisfactionRate: indicators.satisfactionRate,
      patrollingNow: workers,
    },
    period: { from, to: today },
    autoDispatch,
    asOf: now,
  };
}
