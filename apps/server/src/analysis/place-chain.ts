// An alert's place and the divisions above it, so that alerts are found by the same division codes
// as cases (the jurisdiction rule), and the names shown with them.
import type { DivisionLevel } from "@civicgrid/shared";
import type { PlaceDirectory } from "../places/directory.ts";

export type AlertLevel = DivisionLevel | "grid";

export interface PlaceChain {
  city: string;
  district: string | null;
  township: string | null;
  community: string | null;
  grid: string | null;
}

/** The chain of a division or grid code, or null when the directory does not know it. */
export function placeChain(places: PlaceDirectory, level: AlertLevel, code: string): PlaceChain | null {
  if (level === "grid") {
    const p = places.placeOfGrid(code);
    return p ? { city: p.city, district: p.district, township: p.township, community: p.community, grid: code } : null;
  }
  const chain: PlaceChain = { city: "", district: null, township: null, community: null, grid: null };
  let d = places.division(code);
  if (!d || d.level !== level) return null;
  for (let depth = 0; d && depth < 5; depth++) {
    chain[d.level] = d.code;
    d = d.parentCode ? places.division(d.parentCode) : null;
  }
  return chain.city ? chain : null;
}

/** "立山区 / 深沟寺街道 / 裕华社区 / 第01网格": the place's name below the city. */
export function placeName(places: PlaceDirectory, chain: PlaceChain): string {
  const parts = [chain.district, chain.township, chain.community]
    .filter((c): c is string => Boolean(c))
    .map((c) => places.division(c)?.name ?? c);
  if (chain.grid)
    parts.push(
      places.gridName(chain.grid)?.replace(places.division(chain.community ?? "")?.name ?? "", "") ?? chain.grid,
    );
  if (!parts.length) parts.push(places.division(chain.city)?.name ?? chain.city);
  return parts.join(" / ");
}
