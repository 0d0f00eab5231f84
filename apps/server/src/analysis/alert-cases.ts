// The cases behind an alert: those the sweep counted for it — in its place, of its category (or any
// category of its class), reported in its window, neither merged into another case nor refused —
// seen through the caller's own jurisdiction like every case list.
import type { Actor } from "../access/actor.ts";
import { scopeCases } from "../access/case-scope.ts";
import type { Db } from "../db/connect.ts";
import type { AnalysisAlertRow } from "../db/schema.ts";
import { addDays } from "../stats/days.ts";
import type { CategoryTree } from "./categories.ts";
import { dayStart } from "./counts.ts";

const PLACE_COLUMN = {
  city: "city_code",
  district: "district_code",
  township: "township_code",
  community: "community_code",
  grid: "grid_code",
} as const;

export type AlertWindow = Pick<
  AnalysisAlertRow,
  "level" | "code" | "category_code" | "category_level" | "window_from" | "window_to"
>;

export function alertCases(db: Db, actor: Actor | null, alert: AlertWindow, categories: CategoryTree) {
  const column = PLACE_COLUMN[alert.level as keyof typeof PLACE_COLUMN];
  const codes = alert.category_level === "class" ? categories.within(alert.category_code) : [alert.category_code];
  const base = db.selectFrom("cases");
  return (actor ? scopeCases(base, actor) : base)
    .where(column, "=", alert.code)
    .where("category_code", "in", codes)
    .where("reported_at", ">=", dayStart(alert.window_from))
    .where("reported_at", "<", dayStart(addDays(alert.window_to, 1)))
    .where("status", "not in", ["merged", "rejected"]);
}
