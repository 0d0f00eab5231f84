import { AppError } from "../errors.ts";
import type { Services } from "../services.ts";
import type { GridFeatureRow } from "./list-grid-features.ts";

export async function getGridFeature({ services, code }: { services: Services; code: string }) {
  const row = await services.db
    .selectFrom("grids")
    .select(["code", "community_code", "name", "geometry"])
    .where("code", "=", code)
    .executeTakeFirst();
  if (!row) throw new AppError("GRID_NOT_FOUND", { code });
  return row as GridFeatureRow;
}
