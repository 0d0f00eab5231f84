// The outlines behind the map's zoom layers, fetched one parent at a time and kept for the page's
// life (they are reference data: the server derives them from the grids, which change only with a
// migration): the townships of a district, the communities of a township, the grids of a township.
import type { FeatureCollection, MultiPolygon } from "geojson";
import { get } from "../../lib/api.ts";
import { gridsOf } from "./scope-shapes.ts";

export type BBox = [minLng: number, minLat: number, maxLng: number, maxLat: number];

/** One shape of a zoom layer, whatever its level. */
export interface OutlineShape {
  code: string;
  name: string;
  bbox: BBox;
  /** where the name goes (inside the shape); null for grids, which are named on hover only */
  labelAt: [lng: number, lat: number] | null;
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
        bbox: bboxOf(f.geometry),
        labelAt: null,
        geometry: f.geometry,
      })),
    ),
  );
