// In-memory point → grid (网格) lookup. Built once from the seed grids at start-up; no database access,
// so case intake can resolve a reporter's GPS position without a round trip.
import Flatbush from "flatbush";
import pointInPolygon from "point-in-polygon-hao";
import { type Box, boxOf, type Ring, ringMeetsMultiPolygon } from "./polygon.ts";

export interface GridShape {
  code: string;
  communityCode: string;
  /** GeoJSON MultiPolygon coordinates, [lng, lat]. */
  coordinates: number[][][][];
}

const M_PER_DEG_LAT = (6_371_008.8 * Math.PI) / 180;

/** true inside, 0 on an edge, false outside (point-in-polygon-hao semantics over a MultiPolygon). */
function testMultiPolygon(mp: number[][][][], p: number[]): boolean | 0 {
  let onEdge = false;
  for (const poly of mp) {
    const r = pointInPolygon(p, poly);
    if (r === true) return true;
    if (r === 0) onEdge = true;
  }
  return onEdge ? 0 : false;
}

/** Squared distance in metres² from the origin to segment a–b, with coordinates already in local metres. */
function segmentDist2(ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const t = len2 > 0 ? Math.min(Math.max(-(ax * dx + ay * dy) / len2, 0), 1) : 0;
  const x = ax + t * dx;
  const y = ay + t * dy;
  return x * x + y * y;
}

/** Closes open rings: point-in-polygon-hao throws on them. */
function closeRings(mp: number[][][][]): number[][][][] {
  return mp.map((poly) =>
    poly.map((ring) => {
      const first = ring[0];
      const last = ring[ring.length - 1];
      if (!first || !last || (first[0] === last[0] && first[1] === last[1])) return ring;
      return [...ring, first];
    }),
  );
}

export class GridIndex {
  readonly #codes: string[];
  readonly #shapes: number[][][][][];
  readonly #tree: Flatbush | null;
  readonly #outline: number[][][][] | null;
  readonly #byCode: Map<string, number>;

  private constructor(codes: string[], shapes: number[][][][][], outline: number[][][][] | null) {
    this.#codes = codes;
    this.#shapes = shapes;
    this.#outline = outline;
    this.#byCode = new Map(codes.map((c, i) => [c, i]));
    if (shapes.length === 0) {
      this.#tree = null;
      return;
    }
    const tree = new Flatbush(shapes.length);
    for (const mp of shapes) {
      let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
      for (const poly of mp) {
        for (const [x = NaN, y = NaN] of poly[0] ?? []) {
          if (x < x0) x0 = x;
          if (x > x1) x1 = x;
          if (y < y0) y0 = y;
          if (y > y1) y1 = y;
        }
      }
      tree.add(x0, y0, x1, y1);
    }
    tree.finish();
    this.#tree = tree;
  }

  /** Grids are ordered by code, so ties on shared edges always resolve to the lowest code. */
  static build(grids: GridShape[], cityOutline?: number[][][][]): GridIndex {
    const sorted = [...grids].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
    return new GridIndex(
      sorted.map((g) => g.code),
      sorted.map((g) => closeRings(g.coordinates)),
      cityOutline ? closeRings(cityOutline) : null,
    );
  }

  get size(): number {
    return this.#codes.length;
  }

  /** Grid code containing the point, or null. Points exactly on a shared edge get the lowest grid code. */
  locate(lat: number, lng: number): string | null {
    if (!this.#tree || !Number.isFinite(lat) || !Number.isFinite(lng)) return null;
    const candidates = this.#tree.search(lng, lat, lng, lat);
    const p = [lng, lat];
    let edge = -1;
    for (const i of candidates) {
      const r = testMultiPolygon(this.#shapes[i] as number[][][][], p);
      if (r === true) return this.#codes[i] as string;
      if (r === 0 && (edge < 0 || i < edge)) edge = i;
    }
    return edge < 0 ? null : (this.#codes[edge] as string);
  }

  /**
   * Codes (ascending) of the grids whose outline meets a simple polygon (open ring of [lng, lat]),
   * boundaries included: grid boxes from the tree, then an exact polygon–polygon test against the
   * polygon's edges near each grid (a second tree over those edges).
   */
  intersecting(ring: Ring): string[] {
    if (!this.#tree || ring.length < 3) return [];
    const n = ring.length;
    const edges = new Flatbush(n);
    for (let i = 0; i < n; i++) {
      const b = boxOf([ring[i] as number[], ring[(i + 1) % n] as number[]]);
      edges.add(b.minX, b.minY, b.maxX, b.maxY);
    }
    edges.finish();
    const near = (b: Box) => edges.search(b.minX, b.minY, b.maxX, b.maxY);
    const box = boxOf(ring);
    return this.#tree
      .search(box.minX, box.minY, box.maxX, box.maxY)
      .filter((i) => ringMeetsMultiPolygon(ring, this.#shapes[i] as number[][][][], near))
      .sort((a, b) => a - b)
      .map((i) => this.#codes[i] as string);
  }

  /** The box around the outlines of the given grids (unknown codes ignored); null when none is known. */
  bounds(codes: Iterable<string>): Box | null {
    const points: number[][] = [];
    for (const code of codes) {
      const i = this.#byCode.get(code);
      if (i === undefined) continue;
      for (const poly of this.#shapes[i] as number[][][][]) points.push(...(poly[0] ?? []));
    }
    return points.length ? boxOf(points) : null;
  }

  /**
   * Like locate, but a point inside the city outline that falls in a sliver outside every grid (the
   * district outlines and the city outline are simplified independently) gets the nearest grid within
   * maxMeters. Without a city outline any point may snap.
   */
  locateNearest(lat: number, lng: number, maxMeters: number): string | null {
    const hit = this.locate(lat, lng);
    if (hit !== null || !this.#tree || !(maxMeters > 0)) return hit;
    if (this.#outline && testMultiPolygon(this.#outline, [lng, lat]) === false) return null;
    // Equirectangular metres around the point: exact enough at sliver distances.
    const mx = M_PER_DEG_LAT * Math.cos((lat * Math.PI) / 180);
    const my = M_PER_DEG_LAT;
    const dLng = maxMeters / mx;
    const dLat = maxMeters / my;
    const candidates = this.#tree.search(lng - dLng, lat - dLat, lng + dLng, lat + dLat);
    let best = -1;
    let bestD2 = maxMeters * maxMeters;
    for (const i of candidates) {
      let d2 = Infinity;
      for (const poly of this.#shapes[i] as number[][][][]) {
        for (const ring of poly) {
          for (let k = 0; k + 1 < ring.length; k++) {
            const a = ring[k] as number[];
            const b = ring[k + 1] as number[];
            const d = segmentDist2(
              ((a[0] as number) - lng) * mx,
              ((a[1] as number) - lat) * my,
              ((b[0] as number) - lng) * mx,
              ((b[1] as number) - lat) * my,
            );
            if (d < d2) d2 = d;
          }
        }
      }
      if (d2 < bestD2 || (d2 === bestD2 && (best < 0 || i < best))) {
        bestD2 = d2;
        best = i;
      }
    }
    return best < 0 ? null : (this.#codes[best] as string);
  }
}
