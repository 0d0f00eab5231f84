// Where a viewer may look: the assessment is scoped like the case lists (access/case-scope.ts). A
// division, unit or person outside the viewer's division answers 404, as a missing one would.
import { LEVEL_RANK } from "@civicgrid/domain";
import type { DivisionLevel } from "@civicgrid/shared";
import type { Actor } from "../access/actor.ts";
import { scopeOf } from "../access/case-scope.ts";
import { requirePermission } from "../access/require.ts";
import { AppError } from "../errors.ts";
import { type Division, divisionPrefix, type PlaceDirectory } from "../places/directory.ts";

/** The four area levels of a ranking: the division levels below the city, and the grid. */
export type AreaLevel = Exclude<DivisionLevel, "city"> | "grid";
export const AREA_LEVELS: readonly AreaLevel[] = ["district", "township", "community", "grid"];
const AREA_RANK: Record<AreaLevel | DivisionLevel, number> = { ...LEVEL_RANK, grid: 4 };

export interface ViewerArea {
  division: Division;
  /** code prefix shared by every division and grid inside the viewer's area */
  prefix: string;
}

/** The viewer's own area; 404 for anyone whose cases are not scoped by a division. */
export function viewerArea(actor: Actor, places: PlaceDirectory): ViewerArea {
  requirePermission(actor, "assessment:view");
  const scope = scopeOf(actor);
  const division = scope.kind === "division" ? places.division(scope.code) : null;
  if (!division) throw new AppError("DIVISION_NOT_FOUND");
  return { division, prefix: divisionPrefix(division.code, division.level) };
}

/** Whether a division, grid or unit seat code lies inside the area (NBS codes nest by prefix). */
export function insideArea(area: ViewerArea, code: string): boolean {
  return code.startsWith(area.prefix);
}

/** A division of the viewer's area (default: the area itself); 404 when outside or unknown. */
export function divisionIn(area: ViewerArea, places: PlaceDirectory, code: string | undefined): Division {
  if (code === undefined) return area.division;
  const division = places.division(code);
  if (!division || !insideArea(area, code)) throw new AppError("DIVISION_NOT_FOUND", { code });
  return division;
}

/** The level of the rows under a parent: the one below it by default; 400 when not below it. */
export function levelBelow(parent: Division, level: AreaLevel | undefined): AreaLevel {
  const next = AREA_LEVELS.find((l) => AREA_RANK[l] === AREA_RANK[parent.level] + 1) as AreaLevel;
  const chosen = level ?? next;
  if (AREA_RANK[chosen] <= AREA_RANK[parent.level]) {
    throw new AppError("VALIDATION_FAILED", { field: "level", problem: `not below ${parent.level}`, level });
  }
  return chosen;
}

/** The level a child of this area level sits at (null below the grid). */
export function childLevel(level: AreaLevel): AreaLevel | null {
  return AREA_LEVELS[AREA_LEVELS.indexOf(level) + 1] ?? null;
}
