import type { Division, PlaceDirectory } from "../places/directory.ts";
import { childrenOf } from "../places/division-tree.ts";

export function presentDivision(d: Division, places: PlaceDirectory) {
  return {
    code: d.code,
    name: d.name,
    level: d.level,
    parentCode: d.parentCode,
    childCount: childrenOf(places, d.code).length,
  };
}

export function presentDivisionDetail(d: Division, path: Division[]) {
  return {
    code: d.code,
    name: d.name,
    level: d.level,
    parentCode: d.parentCode,
    path: path.map((p) => ({ code: p.code, name: p.name, level: p.level })),
  };
}
