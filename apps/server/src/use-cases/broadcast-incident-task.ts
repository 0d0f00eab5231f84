// Broadcast a task again (a new instruction) to every grid worker of the incident's grids: one new
// task row each, shown on their phones, and a log entry.
import type { Actor } from "../access/actor.ts";
import { directIncident } from "../incidents/direct-incident.ts";
import { broadcastTask, nonBlank } from "../incidents/incident-records.ts";
import type { Services } from "../services.ts";

export interface BroadcastIncidentTaskOptions {
  services: Services;
  actor: Actor;
  incidentId: string;
  text: string;
  expectedVersion?: number;
  ip?: string | null;
}

export async function broadcastIncidentTask({
  services,
  actor,
  incidentId,
  text,
  expectedVersion,
  ip,
}: BroadcastIncidentTaskOptions) {
  const clean = nonBlank("text", text);
  const { row, result } = await directIncident({
    services,
    actor,
    incidentId,
    action: "task",
    expectedVersion,
    ip,
    write: async (trx, incident, now) => {
      const sent = await broadcastTask(trx, incident, actor, clean, now);
      return { result: sent, detail: { broadcastId: sent.broadcastId, workers: sent.workers } };
    },
  });
  return { row, workers: result.workers };
}
