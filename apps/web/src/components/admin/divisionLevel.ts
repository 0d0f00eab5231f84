// The level of a division from its 12-digit NBS code (trailing zeros), for form checks before the
// server's: a centre sits on a division of its own level, a department on the city or a district.
import type { Division } from "./types.ts";

export function levelOfCode(code: string): Division["level"] {
  if (code.endsWith("00000000")) return "city";
  if (code.endsWith("000000")) return "district";
  if (code.endsWith("000")) return "township";
  return "community";
}

export const LEVELS_FOR_TYPE: Record<string, readonly Division["level"][]> = {
  city_centre: ["city"],
  district_centre: ["district"],
  township_centre: ["township"],
  community_station: ["community"],
  department: ["city", "district"],
  hotline: ["city"],
};
