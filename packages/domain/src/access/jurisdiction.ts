// Who may see which cases, and who counts as coordinator or on site. The one place these rules live;
// the server turns a CaseScope into a WHERE clause on every case query.
import type { DivisionLevel, Role, UnitType } from "@civicgrid/shared";
import { ADMIN_ROLES } from "@civicgrid/shared";
import type { Place } from "../routing/route-case.ts";

export interface ActorUnit {
  code: string;
  type: UnitType;
  level: DivisionLevel;
  divisionCode: string;
}

export type CaseScope =
  | { kind: "division"; level: DivisionLevel; code: string }
  | { kind: "unit"; unitCode: string }
  | { kind: "none" };

export const LEVEL_RANK: Record<DivisionLevel, number> = { city: 0, district: 1, township: 2, community: 3 };

/** The cases a user may read: its unit's division subtree, or for departments the cases given to it. */
export function caseScopeFor(roles: readonly Role[], unit: ActorUnit): CaseScope {
  if (roles.length === 0 || roles.every((r) => ADMIN_ROLES.includes(r))) return { kind: "none" };
  if (roles.includes("department_handler") || unit.type === "department") return { kind: "unit", unitCode: unit.code };
  return { kind: "division", level: unit.level, code: unit.divisionCode };
}

export function placeCodeAt(place: Place, level: DivisionLevel): string {
  return place[level];
}

/** Whether a division-scoped unit's area contains the place. */
export function contains(unit: Pick<ActorUnit, "level" | "divisionCode">, place: Place): boolean {
  return placeCodeAt(place, unit.level) === unit.divisionCode;
}

const CENTRE_TYPES: readonly UnitType[] = ["city_centre", "district_centre", "township_centre"];

/**
 * A coordinator is the case's own centre, or a centre above it whose area contains the case: a
 * superior centre may always step in (督办、改派), a lower one may not act on a case taken up.
 */
export function isCoordinator(unit: ActorUnit, caseCentre: { code: string; level: DivisionLevel }, place: Place) {
  if (!CENTRE_TYPES.includes(unit.type)) return false;
  if (unit.code === caseCentre.code) return true;
  return LEVEL_RANK[unit.level] < LEVEL_RANK[caseCentre.level] && contains(unit, place);
}

/**
 * isCoordinator as data, for queries over many cases: a centre coordinates the cases whose centre is
 * itself, and those inside its area whose centre sits at one of `lowerLevels`. Null for non-centres.
 */
export interface CoordinatorReach {
  ownCentreCode: string;
  area: { level: DivisionLevel; code: string };
  lowerLevels: DivisionLevel[];
}

export function coordinatorReach(unit: ActorUnit): CoordinatorReach | null {
  if (!CENTRE_TYPES.includes(unit.type)) return null;
  const lowerLevels = (Object.keys(LEVEL_RANK) as DivisionLevel[]).filter(
    (l) => LEVEL_RANK[l] > LEVEL_RANK[unit.level],
  );
  return { ownCentreCode: unit.code, area: { level: unit.level, code: unit.divisionCode }, lowerLevels };
}

/** On site: stations and grid workers act (verify) on cases inside their own area. */
export function isInTerritory(unit: ActorUnit, place: Place): boolean {
  return unit.type !== "department" && contains(unit, place);
}

/**
 * May a centre dispatch a case to `target`? Any unit that serves the case's place — seated on the
 * chain of divisions above it (the city's departments, the district's, the township centre, the
 * community station) — as 治理中心+部门进驻 lets every level reach the departments.
 */
export function mayDispatchTo(dispatcher: ActorUnit, target: ActorUnit, place: Place): boolean {
  if (!CENTRE_TYPES.includes(dispatcher.type)) return false;
  if (!DISPATCH_TARGETS.includes(target.type)) return false;
  return placeCodeAt(place, target.level) === target.divisionCode;
}

const DISPATCH_TARGETS: readonly UnitType[] = ["department", "community_station", "township_centre", "district_centre"];
