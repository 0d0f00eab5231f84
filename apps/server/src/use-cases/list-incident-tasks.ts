// A grid worker's emergency tasks (应急任务): those of incidents still active, newest first, each
// with its incident's type, level and title. Only the worker's own tasks.
import { sql } from "kysely";
import type { Actor } from "../access/actor.ts";
import { requirePermission } from "../access/require.ts";
import { taskViews } from "../incidents/task-view.ts";
import type { Services } from "../services.ts";

export interface ListIncidentTasksOptions {
  services: Services;
  actor: Actor;
  page: number;
  pageSize: number;
}

export async function listIncidentTasks({ services, actor, page, pageSize }: ListIncidentTasksOptions) {
  requirePermission(actor, "mobile:use");
  const { db } = services;
  const [rows, count] = await Promise.all([
    taskViews(db, actor.userId)
      .where("i.status", "=", "active")
      .orderBy("t.sent_at", "desc")
      .orderBy("b.seq", "desc")
      .orderBy("t.id")
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    db
      .selectFrom("incident_tasks as t")
      .innerJoin("incidents as i", "i.id", "t.incident_id")
      .where("t.user_id", "=", actor.userId)
      .where("i.status", "=", "active")
      .select(sql<number>`count(*)::int`.as("n"))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: count.n, page, pageSize };
}
