// Where a made-up grid worker walks: points that the live locator puts inside the worker's own grid,
// each a short step from the last. Shared by the seeded patrol history and the demo's live activity,
// so both stay inside the grid exactly as the screen and the assessment check it.
import type { Box } from "../spatial/polygon.ts";

/** Anything with a uniform [0, 1) source: the seeded Rng or Math.random. */
export interface Random {
  next(): number;
}

/** The grid a point falls in (the live locator), or null. */
export type LocateGrid = (lat: number, lng: number) => string | null;

const METRES_PER_DEGREE = 111_195;
/** a phone reports 6 decimals (~0.1 m); rounding before the check keeps the stored point in the grid */
const round6 = (v: number) => Math.round(v * 1e6) / 1e6;

export interface WalkPoint {
  lat: number;
  lng: number;
}

/** A random point of the grid (drawn in its box until one falls inside), or null after 60 misses. */
export function pointInGrid(rng: Random, gridCode: string, box: Box, locate: LocateGrid): WalkPoint | null {
  for (let i = 0; i < 60; i++) {
    const lng = round6(box.minX + rng.next() * (box.maxX - box.minX));
    const lat = round6(box.minY + rng.next() * (box.maxY - box.minY));
    if (locate(lat, lng) === gridCode) return { lat, lng };
  }
  return null;
}

/** One step of `metres` (min, max) from `from` that stays in the grid; standing still when no direction does. */
export function stepInGrid(
  rng: Random,
  from: WalkPoint,
  gridCode: string,
  locate: LocateGrid,
  metres: readonly [number, number] = [40, 160],
): WalkPoint {
  for (let i = 0; i < 16; i++) {
    const r = metres[0] + rng.next() * (metres[1] - metres[0]);
    const a = rng.next() * 2 * Math.PI;
    const lat = round6(from.lat + (r * Math.sin(a)) / METRES_PER_DEGREE);
    const lng = round6(from.lng + (r * Math.cos(a)) / (METRES_PER_DEGREE * Math.cos((from.lat * Math.PI) / 180)));
    if (locate(lat, lng) === gridCode) return { lat, lng };
  }
  return from;
}

/** A deterministic 32-bit seed from a text (FNV-1a): the same grid always gets the same worker. */
export function seedOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
