// The worker's own patrols, newest first, paginated.
import { sql } from "kysely";
import type { Actor } from "../access/actor.ts";
import { requirePermission } from "../access/require.ts";
import type { Services } from "../services.ts";

export interface ListPatrolsOptions {
  services: Services;
  actor: Actor;
  page: number;
  pageSize: number;
}

export async function listPatrols({ services, actor, page, pageSize }: ListPatrolsOptions) {
  requirePermission(actor, "mobile:use");
  const mine = services.db.selectFrom("patrols").where("user_id", "=", actor.userId);
  const [rows, count] = await Promise.all([
    mine
      .selectAll()
      .orderBy("started_at", "desc")
      .orderBy("id")
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    mine.select(sql<number>`count(*)::int`.as("n")).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: count.n, page, pageSize };
}
