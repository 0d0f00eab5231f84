// 收到: the grid worker confirms they received an emergency task. Repeating it changes nothing.
import type { Actor } from "../access/actor.ts";
import { updateOwnTask } from "../incidents/update-own-task.ts";
import type { Services } from "../services.ts";

export interface AcknowledgeIncidentTaskOptions {
  services: Services;
  actor: Actor;
  taskId: string;
  ip?: string | null;
}

export function acknowledgeIncidentTask({ services, actor, taskId, ip }: AcknowledgeIncidentTaskOptions) {
  return updateOwnTask({
    services,
    actor,
    taskId,
    step: "ack",
    ip,
    needed: (task) => task.status === "sent",
    write: async (trx, task, now) => {
      await trx
        .updateTable("incident_tasks")
        .set({ status: "acknowledged", acked_at: now })
        .where("id", "=", task.id)
        .execute();
      return { text: null };
    },
  });
}
