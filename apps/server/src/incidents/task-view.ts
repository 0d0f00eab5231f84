// A grid worker's task as the phone shows it: the task, the broadcast's text and its incident.
import type { Db } from "../db/connect.ts";

export function taskViews(db: Db, userId: string) {
  return db
    .selectFrom("incident_tasks as t")
    .innerJoin("incidents as i", "i.id", "t.incident_id")
    .innerJoin("incident_broadcasts as b", "b.id", "t.broadcast_id")
    .where("t.user_id", "=", userId)
    .selectAll("t")
    .select([
      "b.text",
      "b.seq as broadcast_seq",
      "i.code as incident_code",
      "i.type as incident_type",
      "i.level as incident_level",
      "i.title as incident_title",
      "i.status as incident_status",
    ]);
}

export type IncidentTaskView = Awaited<ReturnType<ReturnType<typeof taskViews>["executeTakeFirstOrThrow"]>>;

export function oneTaskView(db: Db, userId: string, taskId: string): Promise<IncidentTaskView> {
  return taskViews(db, userId).where("t.id", "=", taskId).executeTakeFirstOrThrow();
}
