// A representative point per grid for the heat map: the centre of the grid outline's box, computed
// once per directory (the directory is replaced after edits, never mutated).
import type { PlaceDirectory } from "../places/directory.ts";

const centres = new WeakMap<PlaceDirectory, Map<string, { lat: number; lng: number } | null>>();

export function gridCentre(places: PlaceDirectory, code: string): { lat: number; lng: number } | null {
  let cache = centres.get(places);
  if (!cache) {
    cache = new Map();
    centres.set(places, cache);
  }
  let centre = cache.get(code);
  if (centre === undefined) {
    const box = places.gridBounds([code]);
    centre = box ? { lat: (box.minY + box.maxY) / 2, lng: (box.minX + box.maxX) / 2 } : null;
    cache.set(code, centre);
  }
  return centre;
}
