// Plane geometry on [lng, lat] pairs for an incident's drawn area: is a polygon simple, and does it
// meet a grid's outline. Grids are a few hundred metres across, so treating degrees as a plane is
// exact enough for "does it touch", which is all that is asked here.
import pointInPolygon from "point-in-polygon-hao";

export type Point = [number, number];
export type Ring = Point[];

/** Twice the signed area (positive counter-clockwise) of an open ring. */
export function signedArea2(ring: readonly Point[]): number {
  let sum = 0;
  for (let i = 0; i < ring.length; i++) {
    const [x0, y0] = ring[i] as Point;
    const [x1, y1] = ring[(i + 1) % ring.length] as Point;
    sum += x0 * y1 - x1 * y0;
  }
  return sum;
}

/** Sign of the turn a → b → c: 1 left, -1 right, 0 collinear. */
function orient(a: Point, b: Point, c: Point): number {
  const v = (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);
  return v > 0 ? 1 : v < 0 ? -1 : 0;
}

/** c lies on the closed segment a–b, given that a, b, c are collinear. */
function within(a: Point, b: Point, c: Point): boolean {
  return (
    Math.min(a[0], b[0]) <= c[0] &&
    c[0] <= Math.max(a[0], b[0]) &&
    Math.min(a[1], b[1]) <= c[1] &&
    c[1] <= Math.max(a[1], b[1])
  );
}

/** Whether the closed segments p1–p2 and q1–q2 share at least one point (touching counts). */
export function segmentsIntersect(p1: Point, p2: Point, q1: Point, q2: Point): boolean {
  const d1 = orient(q1, q2, p1);
  const d2 = orient(q1, q2, p2);
  const d3 = orient(p1, p2, q1);
  const d4 = orient(p1, p2, q2);
  // a proper crossing; otherwise any shared point is an endpoint of one segment lying on the other
  if (d1 * d2 < 0 && d3 * d4 < 0) return true;
  if (d1 === 0 && within(q1, q2, p1)) return true;
  if (d2 === 0 && within(q1, q2, p2)) return true;
  if (d3 === 0 && within(p1, p2, q1)) return true;
  if (d4 === 0 && within(p1, p2, q2)) return true;
  return false;
}

export type RingProblem = "too_few_points" | "not_finite" | "out_of_range" | "no_area" | "self_intersecting";

/**
 * The ring as stored: consecutive repeats and a closing repeat of the first point dropped. Refused
 * when fewer than 3 distinct points remain, when it encloses no area or when two edges meet anywhere
 * but at the vertex they share (a bow-tie, a spike folding back, a vertex on another edge).
 */
export function normaliseRing(input: readonly (readonly number[])[]): { ring: Ring } | { problem: RingProblem } {
  const ring: Ring = [];
  for (const p of input) {
    const [x, y] = [p[0], p[1]];
    if (typeof x !== "number" || typeof y !== "number" || !Number.isFinite(x) || !Number.isFinite(y)) {
      return { problem: "not_finite" };
    }
    if (x < -180 || x > 180 || y < -90 || y > 90) return { problem: "out_of_range" };
    const last = ring[ring.length - 1];
    if (!last || last[0] !== x || last[1] !== y) ring.push([x, y]);
  }
  const first = ring[0];
  const last = ring[ring.length - 1];
  if (ring.length > 1 && first && last && first[0] === last[0] && first[1] === last[1]) ring.pop();
  if (ring.length < 3) return { problem: "too_few_points" };
  // a bow-tie may sum to no area: crossing edges are the more telling problem, so test them first
  if (selfIntersects(ring)) return { problem: "self_intersecting" };
  if (signedArea2(ring) === 0) return { problem: "no_area" };
  return { ring };
}

/** Any two edges meeting other than adjacent ones at their shared vertex (O(n²); rings are capped). */
export function selfIntersects(ring: readonly Point[]): boolean {
  const n = ring.length;
  for (let i = 0; i < n; i++) {
    const a1 = ring[i] as Point;
    const a2 = ring[(i + 1) % n] as Point;
    for (let j = i + 1; j < n; j++) {
      const b1 = ring[j] as Point;
      const b2 = ring[(j + 1) % n] as Point;
      const adjacent = j === i + 1 || (i === 0 && j === n - 1);
      if (!adjacent) {
        if (segmentsIntersect(a1, a2, b1, b2)) return true;
        continue;
      }
      // adjacent edges share one vertex; they may not fold back over each other
      const shared = j === i + 1 ? a2 : a1;
      const p = j === i + 1 ? a1 : a2;
      const q = j === i + 1 ? b2 : b1;
      if (orient(shared, p, q) === 0 && (within(shared, p, q) || within(shared, q, p))) return true;
    }
  }
  return false;
}

/** Inside or on the edge of a GeoJSON polygon (outer ring, then holes; rings closed). */
export function pointInPolygonRings(point: Point, rings: number[][][]): boolean {
  return pointInPolygon(point, rings) !== false;
}

export interface Box {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

export function boxOf(points: Iterable<readonly number[]>): Box {
  const box = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
  for (const [x = Number.NaN, y = Number.NaN] of points) {
    if (x < box.minX) box.minX = x;
    if (x > box.maxX) box.maxX = x;
    if (y < box.minY) box.minY = y;
    if (y > box.maxY) box.maxY = y;
  }
  return box;
}

/**
 * Whether a simple polygon (open ring) and a MultiPolygon (closed rings, holes allowed) share any
 * point, boundaries included. `edgesNear` lists the polygon's edges (as indices i: ring[i]→ring[i+1])
 * whose boxes meet a box — an index over the drawn polygon's edges, so a grid is tested against the
 * few edges near it rather than all of them.
 *
 * Two closed regions meet exactly when their boundaries cross or touch, or, with disjoint
 * boundaries, when one lies inside the other — then any single vertex of it is inside the other.
 */
export function ringMeetsMultiPolygon(ring: Ring, multi: number[][][][], edgesNear: (box: Box) => number[]): boolean {
  const n = ring.length;
  const closed = [...ring, ring[0] as Point];
  for (const poly of multi) {
    for (const r of poly) {
      for (let k = 0; k + 1 < r.length; k++) {
        const q1 = r[k] as Point;
        const q2 = r[k + 1] as Point;
        const box = boxOf([q1, q2]);
        for (const i of edgesNear(box)) {
          if (segmentsIntersect(ring[i] as Point, ring[(i + 1) % n] as Point, q1, q2)) return true;
        }
      }
    }
    // boundaries disjoint: the drawn polygon inside this part (not in a hole), or the part inside it
    if (pointInPolygonRings(ring[0] as Point, poly)) return true;
    const outer = poly[0]?.[0];
    if (outer && pointInPolygon(outer, [closed]) !== false) return true;
  }
  return false;
}
