// Broadcast a task again (a new instruction) to every grid worker of the incident's grids: one new
// task row each, shown on their phones, and a log entry.
import { type DirectingOptions, directIncident } from "../incidents/direct-incident.ts";
import { broadcastTask, nonBlank } from "../incidents/incident-records.ts";

export interface BroadcastIncidentTaskOptions extends DirectingOptions {
  text: string;
}

export async function broadcastIncidentTask({ text, ...directing }: BroadcastIncidentTaskOptions) {
  const { actor } = directing;
  const clean = nonBlank("text", text);
  const { row, result } = await directIncident({
    ...directing,
    action: "task",
    write: async (trx, incident, now) => {
      const sent = await broadcastTask(trx, incident, actor, clean, now);
      return { result: sent, detail: { broadcastId: sent.broadcastId, workers: sent.workers } };
    },
  });
  return { row, workers: result.workers };
}
