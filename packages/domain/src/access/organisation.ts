// The organisation's shape rules, checked when the system admin edits units and accounts.
// Units: each type sits at one division level (a department at city or district), so that the
// jurisdiction rules (caseScopeFor, mayDispatchTo) read a unit's level and division correctly.
// Accounts: a role is a seat in one kind of unit — a department handler sits in a department, a grid
// worker in a community work station, the three admins in the admin unit.
import type { DivisionLevel, Role, UnitType } from "@civicgrid/shared";

const CENTRES: readonly UnitType[] = ["city_centre", "district_centre", "township_centre"];

export const ROLE_UNIT_TYPES: Readonly<Record<Role, readonly UnitType[]>> = {
  grid_worker: ["community_station"],
  community_station: ["community_station"],
  township_centre: ["township_centre"],
  district_centre: ["district_centre"],
  city_centre: ["city_centre"],
  department_handler: ["department"],
  hotline_agent: ["hotline"],
  // leaders read the area of the centre they belong to
  leader: CENTRES,
  system_admin: ["admin"],
  security_admin: ["admin"],
  auditor: ["admin"],
};

export function roleFitsUnit(role: Role, unitType: UnitType): boolean {
  return ROLE_UNIT_TYPES[role].includes(unitType);
}

/** The roles that do not fit a unit of this type (empty when all fit). */
export function rolesMisfitting(roles: readonly Role[], unitType: UnitType): Role[] {
  return roles.filter((r) => !roleFitsUnit(r, unitType));
}

/** Unit types the system admin may create; the hotline and the admin unit exist once, seeded. */
export const CREATABLE_UNIT_TYPES = [
  "city_centre",
  "district_centre",
  "township_centre",
  "community_station",
  "department",
] as const satisfies readonly UnitType[];
export type CreatableUnitType = (typeof CREATABLE_UNIT_TYPES)[number];

export const UNIT_TYPE_LEVELS: Readonly<Record<CreatableUnitType, readonly DivisionLevel[]>> = {
  city_centre: ["city"],
  district_centre: ["district"],
  township_centre: ["township"],
  community_station: ["community"],
  department: ["city", "district"],
};

export type UnitPlacementProblem = "level" | "department_kind_required" | "department_kind_not_allowed";

/** Why a unit of this type cannot sit on a division of this level, or null when it can. */
export function unitPlacementProblem(
  type: CreatableUnitType,
  divisionLevel: DivisionLevel,
  departmentKind: string | null,
): UnitPlacementProblem | null {
  if (!UNIT_TYPE_LEVELS[type].includes(divisionLevel)) return "level";
  if (type === "department" && !departmentKind) return "department_kind_required";
  if (type !== "department" && departmentKind) return "department_kind_not_allowed";
  return null;
}

/** Readable unit codes, as the seed makes them: `<division code>-<centre|station|department kind>`. */
export function unitCodeFor(type: CreatableUnitType, divisionCode: string, departmentKind: string | null): string {
  const suffix = type === "department" ? departmentKind : type === "community_station" ? "station" : "centre";
  return `${divisionCode}-${suffix}`;
}
