import { AppError } from "../errors.ts";
import { pathTo } from "../places/division-tree.ts";
import type { Services } from "../services.ts";

/** One division with its chain from the city down to it (breadcrumbs). */
export function getDivision({ services, code }: { services: Services; code: string }) {
  const division = services.places.division(code);
  if (!division) throw new AppError("DIVISION_NOT_FOUND", { code });
  return { division, path: pathTo(services.places, division) };
}
