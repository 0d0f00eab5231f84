// The outlines of an incident's grids (GeoJSON), for drawing its ground on a map; 404 when the
// incident does not touch the caller's area. Bounded by the incident's grid cap.
import { sql } from "kysely";
import type { Actor } from "../access/actor.ts";
import { requirePermission } from "../access/require.ts";
import { visibleIncident } from "../incidents/incident-records.ts";
import { areaOf } from "../incidents/incident-scope.ts";
import type { Services } from "../services.ts";
import type { GridFeatureRow } from "./list-grid-features.ts";

export interface ListIncidentGridsOptions {
  services: Services;
  actor: Actor;
  id: string;
}

export async function listIncidentGrids({ services, actor, id }: ListIncidentGridsOptions) {
  requirePermission(actor, "incident:view");
  const row = await visibleIncident(services.db, areaOf(actor), id);
  return services.db
    .selectFrom("grids")
    .select(["code", "community_code", "name", "geometry"])
    .where(sql<boolean>`code = any(${row.grid_codes}::text[])`)
    .orderBy("code")
    .execute() as Promise<GridFeatureRow[]>;
}
