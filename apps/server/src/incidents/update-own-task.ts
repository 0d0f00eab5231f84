// The frame of a grid worker's step on an emergency task (收到, 已完成): the task is found only among
// the worker's own (404 for anyone else's), locked, and changed once — a repeated step (the phone's
// outbox retrying) answers with the task as it is. The log entry, the audit record and the change are
// one transaction; the live screens hear of it after commit.
import type { Actor } from "../access/actor.ts";
import { requirePermission } from "../access/require.ts";
import { recordAudit } from "../audit/record-audit.ts";
import type { Db } from "../db/connect.ts";
import type { IncidentTaskRow } from "../db/schema.ts";
import { AppError } from "../errors.ts";
import type { Services } from "../services.ts";
import { appendLog, emitIncident } from "./incident-records.ts";
import { oneTaskView } from "./task-view.ts";

export interface UpdateOwnTaskOptions {
  services: Services;
  actor: Actor;
  taskId: string;
  step: "ack" | "done";
  /** false: the step was taken already, nothing to write */
  needed: (task: IncidentTaskRow) => boolean;
  write: (trx: Db, task: IncidentTaskRow, now: Date) => Promise<{ text: string | null }>;
  ip?: string | null;
}

export async function updateOwnTask(options: UpdateOwnTaskOptions) {
  const { services, actor, taskId, step, needed, write, ip } = options;
  requirePermission(actor, "mobile:use");
  const now = services.clock.now();
  const changed = await services.db.transaction().execute(async (trx) => {
    const task = await trx
      .selectFrom("incident_tasks")
      .selectAll()
      .where("id", "=", taskId)
      .where("user_id", "=", actor.userId)
      .forUpdate()
      .executeTakeFirst();
    if (!task) throw new AppError("INCIDENT_TASK_NOT_FOUND");
    if (!needed(task)) return null;
    // the incident's row lock orders this step against closing it
    const incident = await trx
      .selectFrom("incidents")
      .selectAll()
      .where("id", "=", task.incident_id)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (incident.status !== "active") throw new AppError("INCIDENT_CLOSED");
    const { text } = await write(trx, task, now);
    await appendLog(trx, incident.id, actor, now, {
      kind: step,
      text,
      taskId: task.id,
      data: { gridCode: task.grid_code },
    });
    await recordAudit(
      services,
      {
        actor,
        action: `incident.task.${step}`,
        objectType: "incident_task",
        objectId: task.id,
        outcome: "success",
        ip: ip ?? null,
        detail: { incident: incident.code, gridCode: task.grid_code },
      },
      trx,
    );
    return incident;
  });
  if (changed) emitIncident(services, changed, step, now);
  return oneTaskView(services.db, actor.userId, taskId);
}
