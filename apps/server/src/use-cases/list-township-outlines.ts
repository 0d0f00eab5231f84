// Township outlines (dissolved from their grids) of one district, or of the whole city: the big
// screen's map shows them when zoomed in past the district outlines.
import { AppError } from "../errors.ts";
import { type DivisionOutline, townshipOutlines } from "../places/division-outlines.ts";
import { childrenOf, rootsOf } from "../places/division-tree.ts";
import type { Services } from "../services.ts";

/** The city has under a hundred townships; the cap keeps a response bounded whatever the data. */
export const MAX_TOWNSHIP_OUTLINES = 500;

export interface ListTownshipOutlinesOptions {
  services: Services;
  /** without it, every township of the city */
  districtCode?: string;
}

export async function listTownshipOutlines({
  services,
  districtCode,
}: ListTownshipOutlinesOptions): Promise<DivisionOutline[]> {
  const { places } = services;
  let districts: string[];
  if (districtCode) {
    const district = places.division(districtCode);
    if (!district) throw new AppError("DIVISION_NOT_FOUND", { code: districtCode });
    if (district.level !== "district") {
      throw new AppError("VALIDATION_FAILED", {
        field: "districtCode",
        problem: `${districtCode} is a ${district.level}`,
      });
    }
    districts = [districtCode];
  } else {
    districts = rootsOf(places).flatMap((city) => childrenOf(places, city.code).map((d) => d.code));
  }
  const townships = districts
    .flatMap((d) => childrenOf(places, d))
    .filter((t) => t.level === "township")
    .slice(0, MAX_TOWNSHIP_OUTLINES);
  const outlines = await Promise.all(townships.map((t) => townshipOutlines(services, t.code)));
  return outlines.flatMap((o) => (o.township ? [o.township] : []));
}
