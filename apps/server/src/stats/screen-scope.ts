// The big screen's scope: a division (12 digits) or a grid (14 digits) inside the viewer's
// jurisdiction, with its breadcrumb (from the viewer's own division down) and its children for the
// drill-down. Out of jurisdiction is a 404 like an unknown code, as for cases.
import type { Place } from "@civicgrid/domain";
import type { DivisionLevel } from "@civicgrid/shared";
import type { Actor } from "../access/actor.ts";
import { scopeOf } from "../access/case-scope.ts";
import { requirePermission } from "../access/require.ts";
import { AppError } from "../errors.ts";
import type { Division, PlaceDirectory } from "../places/directory.ts";
import { childrenOf, pathTo } from "../places/division-tree.ts";

export type ScreenLevel = DivisionLevel | "grid";

export interface ScreenPlace {
  level: ScreenLevel;
  code: string;
  name: string;
}

export interface ScreenScope extends ScreenPlace {
  /** from the viewer's own division down to this scope, both included */
  breadcrumb: ScreenPlace[];
  children: ScreenPlace[];
  /** the code prefix shared by every division and grid inside (NBS codes are hierarchical) */
  prefix: string;
}

/** Code prefix length of each level: 2103 / 210302 / 210302002 / 210302002001 / the whole grid code. */
const PREFIX_LENGTH: Record<ScreenLevel, number> = { city: 4, district: 6, township: 9, community: 12, grid: 14 };
const LEVEL_RANK: Record<ScreenLevel, number> = { city: 0, district: 1, township: 2, community: 3, grid: 4 };

const gridIndexes = new WeakMap<PlaceDirectory, Map<string, string[]>>();

/** The grids of each community, ascending (built once per directory; the directory is replaced, never mutated). */
export function gridsOfCommunity(places: PlaceDirectory, community: string): readonly string[] {
  let index = gridIndexes.get(places);
  if (!index) {
    index = new Map();
    for (const [grid, comm] of places.gridCommunities()) {
      const list = index.get(comm);
      if (list) list.push(grid);
      else index.set(comm, [grid]);
    }
    for (const list of index.values()) list.sort();
    gridIndexes.set(places, index);
  }
  return index.get(community) ?? [];
}

export function prefixOf(level: ScreenLevel, code: string): string {
  return code.slice(0, PREFIX_LENGTH[level]);
}

/** Whether a place (grid up to city) lies inside the scope. */
export function placeInScope(place: Place, scope: { level: ScreenLevel; code: string }): boolean {
  return place[scope.level] === scope.code;
}

function gridPlace(places: PlaceDirectory, code: string): ScreenPlace {
  return { level: "grid", code, name: places.gridName(code) ?? code };
}

const divisionPlace = (d: Division): ScreenPlace => ({ level: d.level, code: d.code, name: d.name });

/** The viewer's own area: the root of what the screen may show. */
function rootOf(actor: Actor): { level: DivisionLevel; code: string } {
  const scope = scopeOf(actor);
  // screen:view is only given to division-scoped roles; anything else sees nothing
  if (scope.kind !== "division") throw new AppError("FORBIDDEN", { permission: "screen:view" });
  return { level: scope.level, code: scope.code };
}

export interface ResolveScreenScopeOptions {
  places: PlaceDirectory;
  actor: Actor;
  /** a 12-digit division or 14-digit grid code; default: the viewer's own division */
  division?: string;
}

/** Checks the permission and the jurisdiction; 404 DIVISION_NOT_FOUND when unknown or outside. */
export function resolveScreenScope({ places, actor, division }: ResolveScreenScopeOptions): ScreenScope {
  requirePermission(actor, "screen:view");
  const root = rootOf(actor);
  const code = division ?? root.code;
  const notFound = () => new AppError("DIVISION_NOT_FOUND", { code });
  let self: ScreenPlace;
  let chain: Division[];
  if (code.length === 14) {
    const place = places.placeOfGrid(code);
    if (!place || place[root.level] !== root.code) throw notFound();
    const community = places.division(place.community);
    if (!community) throw notFound();
    self = gridPlace(places, code);
    chain = pathTo(places, community);
  } else {
    const d = places.division(code);
    if (!d) throw notFound();
    chain = pathTo(places, d);
    // inside the viewer's area: the viewer's division is on the path from the top to it
    if (!chain.some((p) => p.code === root.code && p.level === root.level)) throw notFound();
    chain = chain.slice(0, -1);
    self = divisionPlace(d);
  }
  const fromRoot = chain.slice(chain.findIndex((p) => p.code === root.code)).map(divisionPlace);
  const breadcrumb = [...(self.code === root.code ? [] : fromRoot), self];
  return { ...self, breadcrumb, children: childrenOfScope(places, self), prefix: prefixOf(self.level, self.code) };
}

function childrenOfScope(places: PlaceDirectory, scope: ScreenPlace): ScreenPlace[] {
  if (scope.level === "grid") return [];
  if (scope.level === "community") return gridsOfCommunity(places, scope.code).map((g) => gridPlace(places, g));
  return childrenOf(places, scope.code).map(divisionPlace);
}

/** The level below (the children's level), or null under a grid. */
export function childLevel(level: ScreenLevel): ScreenLevel | null {
  const order: ScreenLevel[] = ["city", "district", "township", "community", "grid"];
  return order[LEVEL_RANK[level] + 1] ?? null;
}
