// 已完成: the grid worker reports an emergency task done, with an optional note. A task done without
// a 收到 first counts as received at the same moment. Repeating it changes nothing.
import type { Actor } from "../access/actor.ts";
import { updateOwnTask } from "../incidents/update-own-task.ts";
import type { Services } from "../services.ts";

export interface CompleteIncidentTaskOptions {
  services: Services;
  actor: Actor;
  taskId: string;
  note?: string;
  ip?: string | null;
}

export function completeIncidentTask({ services, actor, taskId, note, ip }: CompleteIncidentTaskOptions) {
  const text = note?.trim() || null;
  return updateOwnTask({
    services,
    actor,
    taskId,
    step: "done",
    ip,
    needed: (task) => task.status !== "done",
    write: async (trx, task, now) => {
      await trx
        .updateTable("incident_tasks")
        .set({ status: "done", done_at: now, acked_at: task.acked_at ?? now, note: text })
        .where("id", "=", task.id)
        .execute();
      return { text };
    },
  });
}
