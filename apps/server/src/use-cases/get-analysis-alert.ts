// One alert with what explains it: its counts over time (daily around a hotspot's window, weekly for
// a trend), the points of the cases behind it for the map, and its governance task if one was opened.
import { sql } from "kysely";
import type { Actor } from "../access/actor.ts";
import { alertCases } from "../analysis/alert-cases.ts";
import { alertAreaOf, alertInArea } from "../analysis/alert-scope.ts";
import { type CategoryTree, loadCategoryTree } from "../analysis/categories.ts";
import { type CountLevel, dailyCounts } from "../analysis/counts.ts";
import type { AnalysisAlertRow } from "../db/schema.ts";
import { AppError } from "../errors.ts";
import type { Services } from "../services.ts";
import { addDays, daysBetween } from "../stats/days.ts";

/** Most case points sent with an alert (the map); the list of cases is paged separately. */
export const ALERT_POINTS_CAP = 500;
export const HOTSPOT_SERIES_DAYS = 60;
export const TREND_SERIES_WEEKS = 26;

export interface SeriesPoint {
  /** the day, or the last day of the week */
  day: string;
  count: number;
}

export async function findAlertInArea(services: Services, actor: Actor, id: string): Promise<AnalysisAlertRow> {
  const area = alertAreaOf(actor);
  const row = await services.db
    .selectFrom("analysis_alerts")
    .selectAll()
    .where("id", "=", id)
    .where(alertInArea(area))
    .executeTakeFirst();
  if (!row) throw new AppError("ANALYSIS_ALERT_NOT_FOUND", { id });
  return row;
}

export async function alertSeries(services: Services, alert: AnalysisAlertRow, categories: CategoryTree) {
  const codes = alert.category_level === "class" ? categories.within(alert.category_code) : [alert.category_code];
  const level = (alert.level === "township" ? "district" : alert.level) as CountLevel;
  const weekly = alert.kind === "trend";
  const days = weekly ? TREND_SERIES_WEEKS * 7 : HOTSPOT_SERIES_DAYS;
  const from = addDays(alert.window_to, -(days - 1));
  const daily = await dailyCounts(services.db, {
    level,
    code: alert.code,
    categories: codes,
    from,
    to: alert.window_to,
  });
  const all = daysBetween(from, alert.window_to).map((day) => ({ day, count: daily.get(day) ?? 0 }));
  if (!weekly) return { unit: "day" as const, points: all };
  const points: SeriesPoint[] = [];
  for (let i = 0; i < all.length; i += 7) {
    const week = all.slice(i, i + 7);
    points.push({ day: (week[week.length - 1] as SeriesPoint).day, count: week.reduce((s, p) => s + p.count, 0) });
  }
  return { unit: "week" as const, points };
}

export interface GetAnalysisAlertOptions {
  services: Services;
  actor: Actor;
  id: string;
}

export async function getAnalysisAlert({ services, actor, id }: GetAnalysisAlertOptions) {
  const alert = await findAlertInArea(services, actor, id);
  const categories = await loadCategoryTree(services.db);
  const cases = alertCases(services.db, actor, alert, categories);
  const [series, points, count, task] = await Promise.all([
    alertSeries(services, alert, categories),
    cases
      .select(["id", "code", "lat", "lng", "status", "grid_code"])
      .orderBy("reported_at", "desc")
      .limit(ALERT_POINTS_CAP)
      .execute(),
    cases.select(sql<number>`count(*)::int`.as("n")).executeTakeFirstOrThrow(),
    alert.task_case_id
      ? services.db
          .selectFrom("cases")
          .select(["id", "code", "status", "owner_unit_code", "title"])
          .where("id", "=", alert.task_case_id)
          .executeTakeFirst()
      : Promise.resolve(undefined),
  ]);
  return { alert, categories, series, points, caseCount: count.n, task: task ?? null };
}
