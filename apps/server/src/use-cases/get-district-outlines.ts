// The district outlines for maps. They are static reference data (the compact seed file), so the
// FeatureCollection is built and serialised once per process and served with an ETag.
import { createHash } from "node:crypto";
import { readSeedJson } from "../seed/seed-data.ts";
import type { Services } from "../services.ts";

/** The outlines' licence asks for this wherever they are shown. */
export const BOUNDARY_ATTRIBUTION = "boundaries: AMap/DataV";

export interface SerialisedGeo {
  body: string;
  etag: string;
}

let cached: SerialisedGeo | null = null;

export function getDistrictOutlines({ services }: { services: Services }): SerialisedGeo {
  if (cached) return cached;
  const outlines = readSeedJson<Record<string, number[][][][]>>("districts.geo.json");
  const features = Object.keys(outlines)
    .sort()
    .map((code) => ({
      type: "Feature",
      id: code,
      properties: { code, name: services.places.division(code)?.name ?? code },
      geometry: { type: "MultiPolygon", coordinates: outlines[code] },
    }));
  const body = JSON.stringify({ type: "FeatureCollection", attribution: BOUNDARY_ATTRIBUTION, features });
  cached = { body, etag: `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"` };
  return cached;
}
