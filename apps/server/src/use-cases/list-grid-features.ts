// Grid outlines of one community or one township, as GeoJSON features, read from the grids table.
import { AppError } from "../errors.ts";
import { childrenOf } from "../places/division-tree.ts";
import type { Services } from "../services.ts";

/** A township has at most a few hundred grids; the cap keeps a response bounded whatever the data. */
export const MAX_GRID_FEATURES = 2000;

export interface ListGridFeaturesOptions {
  services: Services;
  communityCode?: string;
  townshipCode?: string;
}

export interface GridFeatureRow {
  code: string;
  community_code: string;
  name: string;
  geometry: number[][][][];
}

export async function listGridFeatures({ services, communityCode, townshipCode }: ListGridFeaturesOptions) {
  const { db, places } = services;
  if (Boolean(communityCode) === Boolean(townshipCode)) {
    throw new AppError("VALIDATION_FAILED", {
      field: "querystring",
      problem: "give exactly one of communityCode and townshipCode",
    });
  }
  const code = (communityCode ?? townshipCode) as string;
  const level = communityCode ? "community" : "township";
  const division = places.division(code);
  if (!division) throw new AppError("DIVISION_NOT_FOUND", { code });
  if (division.level !== level) {
    throw new AppError("VALIDATION_FAILED", { field: `${level}Code`, problem: `${code} is a ${division.level}` });
  }
  const communities = level === "community" ? [code] : childrenOf(places, code).map((c) => c.code);
  if (!communities.length) return [];
  return db
    .selectFrom("grids")
    .select(["code", "community_code", "name", "geometry"])
    .where("community_code", "in", communities)
    .orderBy("code")
    .limit(MAX_GRID_FEATURES)
    .execute() as Promise<GridFeatureRow[]>;
}
