// Divisions for pickers and maps, one level at a time: the children of a division, or the city.
import { AppError } from "../errors.ts";
import { childrenOf, rootsOf } from "../places/division-tree.ts";
import type { Services } from "../services.ts";

export function listDivisions({ services, parentCode }: { services: Services; parentCode?: string }) {
  const { places } = services;
  if (!parentCode) return rootsOf(places);
  if (!places.division(parentCode)) throw new AppError("DIVISION_NOT_FOUND", { code: parentCode });
  return [...childrenOf(places, parentCode)];
}
