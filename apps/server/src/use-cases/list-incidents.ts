// Incidents touching the caller's area, newest first, optionally only active or only closed ones.
import type { IncidentStatus } from "@civicgrid/shared";
import { sql } from "kysely";
import type { Actor } from "../access/actor.ts";
import { requirePermission } from "../access/require.ts";
import { areaOf, incidentVisible } from "../incidents/incident-scope.ts";
import type { Services } from "../services.ts";

export interface ListIncidentsOptions {
  services: Services;
  actor: Actor;
  status?: IncidentStatus;
  page: number;
  pageSize: number;
}

export async function listIncidents({ services, actor, status, page, pageSize }: ListIncidentsOptions) {
  requirePermission(actor, "incident:view");
  let base = services.db.selectFrom("incidents").where(incidentVisible(areaOf(actor)));
  if (status) base = base.where("incidents.status", "=", status);
  const [rows, count] = await Promise.all([
    base
      .innerJoin("users", "users.id", "incidents.declared_by")
      .selectAll("incidents")
      .select("users.display_name as declarer_name")
      .orderBy("incidents.declared_at", "desc")
      .orderBy("incidents.id")
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    base.select(sql<number>`count(*)::int`.as("n")).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: count.n, page, pageSize };
}
