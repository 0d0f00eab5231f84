// Open311 clients for the system admin, newest first, paged; filterable by state.
import { sql } from "kysely";
import type { Actor } from "../access/actor.ts";
import { requirePermissionAudited } from "../access/require-audited.ts";
import { selectOpen311Clients } from "../open311/client-query.ts";
import type { Services } from "../services.ts";

export interface ListOpen311ClientsOptions {
  services: Services;
  actor: Actor;
  ip: string | null;
  filter: { active?: boolean };
  page: number;
  pageSize: number;
}

export async function listOpen311Clients({ services, actor, ip, filter, page, pageSize }: ListOpen311ClientsOptions) {
  await requirePermissionAudited(services, actor, "admin:users", { action: "admin.open311_client.list", ip });
  let qb = selectOpen311Clients(services.db);
  if (filter.active !== undefined) qb = qb.where("c.active", "=", filter.active);
  const [rows, count] = await Promise.all([
    qb
      .orderBy("c.created_at", "desc")
      .orderBy("c.id")
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    qb.clearSelect().select(sql<number>`count(*)::int`.as("n")).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: count.n, page, pageSize };
}
