import type { DivisionOutline } from "../places/division-outlines.ts";

/** A township or community outline as a GeoJSON Feature (with its bbox, RFC 7946 §5). */
export function presentDivisionOutline(o: DivisionOutline) {
  return {
    type: "Feature" as const,
    id: o.code,
    bbox: o.bbox,
    properties: { code: o.code, name: o.name, parentCode: o.parentCode, gridCount: o.gridCount, labelAt: o.labelAt },
    geometry: { type: "MultiPolygon" as const, coordinates: o.coordinates },
  };
}
