// Who sees and who directs an incident. An incident is seen by every viewer whose area holds one of
// its grids (a township station sees the district's flood where it touches its community); it is
// directed (log, broadcast, close) only by a declaring centre whose area holds all of it. Outside the
// viewer's area an incident answers 404, like a case.
import { can } from "@civicgrid/domain";
import type { DivisionLevel } from "@civicgrid/shared";
import { type ExpressionBuilder, sql } from "kysely";
import type { Actor } from "../access/actor.ts";
import { divisionColumn, scopeOf } from "../access/case-scope.ts";
import type { Database, IncidentRow } from "../db/schema.ts";
import { divisionPrefix, type PlaceDirectory } from "../places/directory.ts";

export interface IncidentArea {
  level: DivisionLevel;
  code: string;
  /** the NBS prefix every grid code of the area starts with */
  prefix: string;
}

/** The caller's area (its case scope's division), or null for departments and administrators. */
export function areaOf(actor: Actor): IncidentArea | null {
  const scope = scopeOf(actor);
  if (scope.kind !== "division") return null;
  return { level: scope.level, code: scope.code, prefix: divisionPrefix(scope.code, scope.level) };
}

/** The WHERE condition on `incidents` for incidents touching an area (none without one). */
export function incidentVisible(area: IncidentArea | null) {
  return (eb: ExpressionBuilder<Database, "incidents">) => {
    if (!area) return eb.val(false);
    // wholly inside the area (indexed), or wider than it with at least one grid inside
    return eb.or([
      eb(`incidents.${divisionColumn(area.level)}`, "=", area.code),
      eb.exists(sql`(select 1 from unnest(incidents.grid_codes) as g(code) where starts_with(g.code, ${area.prefix}))`),
    ]);
  };
}

/**
 * May the caller direct this incident (log, broadcast, close): a role holding incident:declare whose
 * area holds every grid of it. A leader or a station sees the incident but does not direct it.
 */
export function directs(actor: Actor, area: IncidentArea | null, row: Pick<IncidentRow, DivisionColumn>): boolean {
  return can(actor.roles, "incident:declare") && area !== null && row[divisionColumn(area.level)] === area.code;
}

type DivisionColumn = "city_code" | "district_code" | "township_code" | "community_code";

/** Grid codes of the incident inside the caller's area (all of them for a wider area). */
export function gridsInArea(area: IncidentArea | null, gridCodes: readonly string[]): string[] {
  return area ? gridCodes.filter((g) => g.startsWith(area.prefix)) : [];
}

export interface IncidentDivisions {
  city: string;
  district: string | null;
  township: string | null;
  community: string | null;
  scopeLevel: DivisionLevel;
  scopeCode: string;
  /** every division touched, city to communities: what the live stream filters on */
  all: string[];
}

/** The smallest division holding every grid, and every division the grids touch. */
export function divisionsOf(places: PlaceDirectory, gridCodes: readonly string[]): IncidentDivisions {
  const levels = ["city", "district", "township", "community"] as const;
  const seen: Record<DivisionLevel, Set<string>> = {
    city: new Set(),
    district: new Set(),
    township: new Set(),
    community: new Set(),
  };
  for (const code of gridCodes) {
    const place = places.placeOfGrid(code);
    if (!place) continue;
    for (const level of levels) seen[level].add(place[level]);
  }
  const only = (level: DivisionLevel) => (seen[level].size === 1 ? ([...seen[level]][0] as string) : null);
  const city = only("city") ?? "";
  const district = only("district");
  const township = district ? only("township") : null;
  const community = township ? only("community") : null;
  const scopeLevel: DivisionLevel = community ? "community" : township ? "township" : district ? "district" : "city";
  const scopeCode = community ?? township ?? district ?? city;
  const all = levels.flatMap((level) => [...seen[level]].sort());
  return { city, district, township, community, scopeLevel, scopeCode, all };
}
