// The outlines behind the map's zoom layers, fetched one parent at a time and kept for the page's
// life (they are reference data: the server derives them from the grids, which change only with a
// migration): the townships of a district, the communities of a township, the grids of a township.
import type { FeatureCollection, MultiPolygon, Position } from "geojson";
import { get } from "../../lib/api.ts";
import { gridsOf } from "./scope-shapes.ts";

export type BBox = [minLng: number, minLat: number, maxLng: number, maxLat: number];

/** One shape of a zoom layer, whatever its level. */
export interface OutlineShape {
  code: string;
  name: string;
  /** the division it belongs to: a township's district, a community's township, a grid's community */
  parentCode: string;
  bbox: BBox;
  /** where the name goes: a point inside the shape */
  labelAt: [lng: number, lat: number];
  geometry: MultiPolygon;
}

interface DivisionOutlineProps {
  code: string;
  name: string;
  parentCode: string;
  gridCount: number;
  labelAt: [number, number];
}
type DivisionOutlines = FeatureCollection<MultiPolygon, DivisionOutlineProps>;

const cache = new Map<string, Promise<OutlineShape[]>>();

/** A failed load is forgotten, so that the next move of the map tries again. */
function cached(key: string, load: () => Promise<OutlineShape[]>): Promise<OutlineShape[]> {
  let hit = cache.get(key);
  if (!hit) {
    hit = load();
    hit.catch(() => cache.delete(key));
    cache.set(key, hit);
  }
  return hit;
}

function fromDivisions(fc: DivisionOutlines): OutlineShape[] {
  return fc.features.map((f) => ({
    code: f.properties.code,
    name: f.properties.name,
    parentCode: f.properties.parentCode,
    bbox: (f.bbox as BBox | undefined) ?? bboxOf(f.geometry),
    labelAt: f.properties.labelAt,
    geometry: f.geometry,
  }));
}

export function bboxOf(geometry: MultiPolygon): BBox {
  const b: BBox = [Infinity, Infinity, -Infinity, -Infinity];
  for (const poly of geometry.coordinates) {
    for (const [x = Number.NaN, y = Number.NaN] of poly[0] ?? []) {
      if (x < b[0]) b[0] = x;
      if (y < b[1]) b[1] = y;
      if (x > b[2]) b[2] = x;
      if (y > b[3]) b[3] = y;
    }
  }
  return b;
}

/** Twice the signed area of a closed ring. */
function area2(ring: readonly Position[]): number {
  let s = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const [ax = 0, ay = 0] = ring[i] as Position;
    const [bx = 0, by = 0] = ring[i + 1] as Position;
    s += ax * by - bx * ay;
  }
  return s;
}

/**
 * A point inside a shape for its name, as the server finds one for townships and communities
 * (apps/server/src/spatial/outline.ts labelPoint): in the largest part, its centroid when that lies
 * inside, else the middle of the widest stretch of the horizontal line through the centroid that is
 * inside (an L-shaped part has its centroid outside). The grids come without one.
 */
export function labelPoint(geometry: MultiPolygon): [number, number] {
  let best: Position[][] = [];
  let bestArea = -1;
  for (const poly of geometry.coordinates) {
    const a = Math.abs(area2(poly[0] ?? []));
    if (a > bestArea) {
      bestArea = a;
      best = poly;
    }
  }
  const outer = best[0] ?? [];
  let cx = 0;
  let cy = 0;
  let a = 0;
  for (let i = 0; i + 1 < outer.length; i++) {
    const [px = 0, py = 0] = outer[i] as Position;
    const [qx = 0, qy = 0] = outer[i + 1] as Position;
    const cross = px * qy - qx * py;
    a += cross;
    cx += (px + qx) * cross;
    cy += (py + qy) * cross;
  }
  if (!a) return [outer[0]?.[0] ?? 0, outer[0]?.[1] ?? 0];
  const x = cx / (3 * a);
  // the scan line, nudged off vertex heights so that every crossing is a clean one
  let y = cy / (3 * a);
  const ys = new Set(best.flatMap((r) => r.map((p) => p[1])));
  for (let k = 1; ys.has(y) && k < 10; k++) y += 1e-9 * k;
  const xs: number[] = [];
  for (const ring of best) {
    for (let i = 0; i + 1 < ring.length; i++) {
      const [px = 0, py = 0] = ring[i] as Position;
      const [qx = 0, qy = 0] = ring[i + 1] as Position;
      if (py > y !== qy > y) xs.push(px + ((y - py) / (qy - py)) * (qx - px));
    }
  }
  xs.sort((m, n) => m - n);
  let mid: [number, number] = [x, y];
  let widest = -1;
  for (let i = 0; i + 1 < xs.length; i += 2) {
    const from = xs[i] as number;
    const to = xs[i + 1] as number;
    if (from <= x && x <= to) return [x, y];
    if (to - from > widest) {
      widest = to - from;
      mid = [(from + to) / 2, y];
    }
  }
  return mid;
}

export const townshipsOf = (districtCode: string) =>
  cached(`township:${districtCode}`, () =>
    get<DivisionOutlines>(`/geo/townships?districtCode=${districtCode}`).then(fromDivisions),
  );

export const communitiesOf = (townshipCode: string) =>
  cached(`community:${townshipCode}`, () =>
    get<DivisionOutlines>(`/geo/communities?townshipCode=${townshipCode}`).then(fromDivisions),
  );

/** The grids of a township (the drill-down's own cache, shared). */
export const gridShapesOf = (townshipCode: string) =>
  cached(`grid:${townshipCode}`, () =>
    gridsOf("township", townshipCode).then((features) =>
      features.map((f) => ({
        code: f.properties.code,
        name: f.properties.name,
        parentCode: f.properties.communityCode,
        bbox: bboxOf(f.geometry),
        labelAt: labelPoint(f.geometry),
        geometry: f.geometry,
      })),
    ),
  );
