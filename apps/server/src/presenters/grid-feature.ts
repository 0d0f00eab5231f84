import type { GridFeatureRow } from "../use-cases/list-grid-features.ts";

export function presentGridFeature(row: GridFeatureRow) {
  return {
    type: "Feature" as const,
    id: row.code,
    properties: { code: row.code, name: row.name, communityCode: row.community_code },
    geometry: { type: "MultiPolygon" as const, coordinates: row.geometry },
  };
}
