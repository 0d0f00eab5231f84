// Which alerts a caller sees: those whose place lies inside the caller's division, found by the same
// division columns as cases (an alert about the city as a whole is the city's; a district centre sees
// its district's and those below). Out of jurisdiction is a 404 like a missing id.
import type { ExpressionBuilder } from "kysely";
import type { Actor } from "../access/actor.ts";
import { scopeOf } from "../access/case-scope.ts";
import { requirePermission } from "../access/require.ts";
import type { Database } from "../db/schema.ts";
import { AppError } from "../errors.ts";
import type { PlaceDirectory } from "../places/directory.ts";

type Column = "city_code" | "district_code" | "township_code" | "community_code" | "grid_code";
const COLUMN = {
  city: "city_code",
  district: "district_code",
  township: "township_code",
  community: "community_code",
  grid: "grid_code",
} as const satisfies Record<string, Column>;

export interface AlertArea {
  column: Column;
  code: string;
}

/** The caller's area for alerts; 403 without analysis:view or without a division (departments). */
export function alertAreaOf(actor: Actor): AlertArea {
  requirePermission(actor, "analysis:view");
  const scope = scopeOf(actor);
  if (scope.kind !== "division") throw new AppError("FORBIDDEN", { permission: "analysis:view" });
  return { column: COLUMN[scope.level], code: scope.code };
}

/** A narrower area inside the caller's (a division or a grid code): 404 when unknown or outside. */
export function narrowArea(places: PlaceDirectory, area: AlertArea, division: string | undefined): AlertArea {
  if (!division) return area;
  const notFound = new AppError("DIVISION_NOT_FOUND", { code: division });
  if (division.length === 14) {
    const p = places.placeOfGrid(division);
    if (!p || !within(area, { ...p })) throw notFound;
    return { column: "grid_code", code: division };
  }
  const d = places.division(division);
  if (!d) throw notFound;
  const chain: Record<string, string> = {};
  for (let cur: typeof d | null = d; cur; cur = cur.parentCode ? places.division(cur.parentCode) : null) {
    chain[cur.level] = cur.code;
  }
  if (!within(area, chain)) throw notFound;
  return { column: COLUMN[d.level], code: d.code };
}

function within(area: AlertArea, chain: Record<string, string | undefined>): boolean {
  const level = (Object.keys(COLUMN) as (keyof typeof COLUMN)[]).find((l) => COLUMN[l] === area.column);
  return level !== undefined && chain[level] === area.code;
}

export function alertInArea(area: AlertArea) {
  return (eb: ExpressionBuilder<Database, "analysis_alerts">) => eb(`analysis_alerts.${area.column}`, "=", area.code);
}
