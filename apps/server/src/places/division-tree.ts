// Children of each division, built once per directory (the directory is replaced, never mutated, so a
// WeakMap keyed by it drops the index together with the directory it came from).
import type { Division, PlaceDirectory } from "./directory.ts";

const trees = new WeakMap<PlaceDirectory, Map<string, Division[]>>();

function treeOf(places: PlaceDirectory): Map<string, Division[]> {
  let tree = trees.get(places);
  if (!tree) {
    tree = new Map();
    for (const d of places.divisions.values()) {
      if (!d.parentCode) continue;
      const siblings = tree.get(d.parentCode);
      if (siblings) siblings.push(d);
      else tree.set(d.parentCode, [d]);
    }
    for (const children of tree.values()) children.sort((a, b) => a.code.localeCompare(b.code));
    trees.set(places, tree);
  }
  return tree;
}

export function childrenOf(places: PlaceDirectory, code: string): readonly Division[] {
  return treeOf(places).get(code) ?? [];
}

/** The top of the tree: divisions without a parent (the city). */
export function rootsOf(places: PlaceDirectory): Division[] {
  return [...places.divisions.values()].filter((d) => !d.parentCode).sort((a, b) => a.code.localeCompare(b.code));
}

/** From the top down to the division itself. */
export function pathTo(places: PlaceDirectory, division: Division): Division[] {
  const path: Division[] = [division];
  let parent = division.parentCode ? places.division(division.parentCode) : null;
  while (parent && path.length < 8) {
    path.unshift(parent);
    parent = parent.parentCode ? places.division(parent.parentCode) : null;
  }
  return path;
}
