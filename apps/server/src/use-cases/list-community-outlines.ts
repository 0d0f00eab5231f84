// Community outlines (dissolved from their grids) of one township or one district. A parent is
// required: the whole city's 1,193 outlines would be a ~300 KB answer that no view needs at once.
import { AppError } from "../errors.ts";
import { type DivisionOutline, townshipOutlines } from "../places/division-outlines.ts";
import { childrenOf } from "../places/division-tree.ts";
import type { Services } from "../services.ts";

/** The largest district has about 450 communities; the cap keeps a response bounded whatever the data. */
export const MAX_COMMUNITY_OUTLINES = 2000;

export interface ListCommunityOutlinesOptions {
  services: Services;
  districtCode?: string;
  townshipCode?: string;
}

export async function listCommunityOutlines({
  services,
  districtCode,
  townshipCode,
}: ListCommunityOutlinesOptions): Promise<DivisionOutline[]> {
  const { places } = services;
  if (Boolean(districtCode) === Boolean(townshipCode)) {
    throw new AppError("VALIDATION_FAILED", {
      field: "querystring",
      problem: "give exactly one of districtCode and townshipCode",
    });
  }
  const code = (districtCode ?? townshipCode) as string;
  const level = districtCode ? "district" : "township";
  const division = places.division(code);
  if (!division) throw new AppError("DIVISION_NOT_FOUND", { code });
  if (division.level !== level) {
    throw new AppError("VALIDATION_FAILED", { field: `${level}Code`, problem: `${code} is a ${division.level}` });
  }
  const townships = level === "township" ? [code] : childrenOf(places, code).map((t) => t.code);
  const outlines = await Promise.all(townships.map((t) => townshipOutlines(services, t)));
  return outlines.flatMap((o) => o.communities).slice(0, MAX_COMMUNITY_OUTLINES);
}
