// Outlines of areas made of grids (a community is the union of its grids, a township of its
// communities): the union itself, a light simplification for the wire, the box and a point to put
// the area's name on. Coordinates are GeoJSON MultiPolygons of [lng, lat]; degrees are treated as a
// plane, which is exact enough for shapes a few hundred metres to a few tens of kilometres across.
import pointInPolygon from "point-in-polygon-hao";
import polygonClipping from "polygon-clipping";

export type Position = [number, number];
export type MultiPolygon = Position[][][];
export type BBox = [minX: number, minY: number, maxX: number, maxY: number];

/** 5 decimals of a degree ≈ 1 m: finer than any map zoom the outlines are drawn at. */
export const OUTLINE_DECIMALS = 5;
/** Douglas–Peucker tolerance in degrees (≈ 1.5 m): drops vertices no screen would show. */
export const OUTLINE_TOLERANCE = 1.5e-5;

const roundTo = (v: number, decimals: number) => {
  const k = 10 ** decimals;
  return Math.round(v * k) / k;
};

/** Every vertex rounded; consecutive repeats (rounding can make them) dropped. */
export function roundMultiPolygon(mp: readonly (readonly (readonly (readonly number[])[])[])[], decimals: number) {
  return mp.map((poly) =>
    poly.map((ring) => {
      const out: Position[] = [];
      for (const p of ring) {
        const q: Position = [roundTo(p[0] as number, decimals), roundTo(p[1] as number, decimals)];
        const last = out[out.length - 1];
        if (!last || last[0] !== q[0] || last[1] !== q[1]) out.push(q);
      }
      return out;
    }),
  );
}

/**
 * The union of some MultiPolygons. The inputs are rounded first, so that edges two grids share
 * (equal at 6 decimals in the seed) stay equal and dissolve, and centimetre-scale gaps close.
 */
export function unionOf(
  parts: readonly (readonly (readonly (readonly number[])[])[])[][],
  decimals = OUTLINE_DECIMALS,
) {
  const rounded = parts.map((mp) => roundMultiPolygon(mp, decimals)).filter((mp) => mp.length > 0);
  if (!rounded.length) return [];
  const [first, ...rest] = rounded as [MultiPolygon, ...MultiPolygon[]];
  return polygonClipping.union(first, ...rest) as MultiPolygon;
}

/** Squared distance from p to the segment a–b. */
function segmentDist2(p: Position, a: Position, b: Position): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len2 = dx * dx + dy * dy;
  const t = len2 > 0 ? Math.min(Math.max(((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2, 0), 1) : 0;
  const x = a[0] + t * dx - p[0];
  const y = a[1] + t * dy - p[1];
  return x * x + y * y;
}

/** Douglas–Peucker on a closed ring (first point = last point), iterative. Keeps both ends. */
export function simplifyRing(ring: readonly Position[], tolerance: number): Position[] {
  if (ring.length <= 4) return [...ring];
  const keep = new Uint8Array(ring.length);
  keep[0] = 1;
  keep[ring.length - 1] = 1;
  const tol2 = tolerance * tolerance;
  const stack: [number, number][] = [[0, ring.length - 1]];
  while (stack.length) {
    const [from, to] = stack.pop() as [number, number];
    let worst = -1;
    let worstD = tol2;
    for (let i = from + 1; i < to; i++) {
      const d = segmentDist2(ring[i] as Position, ring[from] as Position, ring[to] as Position);
      if (d > worstD) {
        worstD = d;
        worst = i;
      }
    }
    if (worst > 0) {
      keep[worst] = 1;
      stack.push([from, worst], [worst, to]);
    }
  }
  return ring.filter((_, i) => keep[i] === 1);
}

/** Twice the signed area of a closed ring. */
function area2(ring: readonly Position[]): number {
  let s = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const a = ring[i] as Position;
    const b = ring[i + 1] as Position;
    s += a[0] * b[1] - b[0] * a[1];
  }
  return s;
}

/** Each ring simplified; a ring left without area is dropped (a part with its outer ring, too). */
export function simplifyMultiPolygon(mp: MultiPolygon, tolerance = OUTLINE_TOLERANCE): MultiPolygon {
  const out: MultiPolygon = [];
  for (const poly of mp) {
    const [outer, ...holes] = poly.map((r) => simplifyRing(r, tolerance));
    const hasArea = (r: Position[]) => r.length >= 4 && area2(r) !== 0;
    if (outer && hasArea(outer)) out.push([outer, ...holes.filter(hasArea)]);
  }
  return out;
}

export function bboxOf(mp: MultiPolygon): BBox {
  const b: BBox = [Infinity, Infinity, -Infinity, -Infinity];
  for (const poly of mp) {
    for (const [x, y] of poly[0] ?? []) {
      if (x < b[0]) b[0] = x;
      if (y < b[1]) b[1] = y;
      if (x > b[2]) b[2] = x;
      if (y > b[3]) b[3] = y;
    }
  }
  return b;
}

/**
 * A point inside the area for its name: in the largest part, its centroid when that lies inside,
 * else the middle of the widest stretch of the horizontal line through the centroid that is inside
 * (an L-shaped or crescent-shaped area has its centroid outside). Null for an empty outline.
 */
export function labelPoint(mp: MultiPolygon, decimals = OUTLINE_DECIMALS): Position | null {
  let best: Position[][] | null = null;
  let bestArea = 0;
  for (const poly of mp) {
    const a = Math.abs(area2(poly[0] ?? []));
    if (a > bestArea) {
      bestArea = a;
      best = poly;
    }
  }
  if (!best) return null;
  const outer = best[0] as Position[];
  let cx = 0;
  let cy = 0;
  let a = 0;
  for (let i = 0; i + 1 < outer.length; i++) {
    const p = outer[i] as Position;
    const q = outer[i + 1] as Position;
    const cross = p[0] * q[1] - q[0] * p[1];
    a += cross;
    cx += (p[0] + q[0]) * cross;
    cy += (p[1] + q[1]) * cross;
  }
  const centroid: Position = [cx / (3 * a), cy / (3 * a)];
  const round = (p: Position): Position => [roundTo(p[0], decimals), roundTo(p[1], decimals)];
  if (pointInPolygon(centroid, best) === true) return round(centroid);
  // the scan line: nudged off vertex heights so that every crossing is a clean one
  let y = centroid[1];
  const ys = new Set(best.flatMap((r) => r.map((p) => p[1])));
  for (let k = 1; ys.has(y) && k < 10; k++) y += 1e-9 * k;
  const xs: number[] = [];
  for (const ring of best) {
    for (let i = 0; i + 1 < ring.length; i++) {
      const p = ring[i] as Position;
      const q = ring[i + 1] as Position;
      if (p[1] > y !== q[1] > y) xs.push(p[0] + ((y - p[1]) / (q[1] - p[1])) * (q[0] - p[0]));
    }
  }
  xs.sort((m, n) => m - n);
  let mid: Position | null = null;
  let widest = -1;
  for (let i = 0; i + 1 < xs.length; i += 2) {
    const w = (xs[i + 1] as number) - (xs[i] as number);
    if (w > widest) {
      widest = w;
      mid = [((xs[i] as number) + (xs[i + 1] as number)) / 2, y];
    }
  }
  return round(mid ?? (outer[0] as Position));
}
