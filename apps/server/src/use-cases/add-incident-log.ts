// A line in an incident's log (what happened, what was decided), by a centre directing it.
import type { Actor } from "../access/actor.ts";
import { directIncident } from "../incidents/direct-incident.ts";
import { appendLog, nonBlank } from "../incidents/incident-records.ts";
import type { Services } from "../services.ts";

export interface AddIncidentLogOptions {
  services: Services;
  actor: Actor;
  incidentId: string;
  text: string;
  expectedVersion?: number;
  ip?: string | null;
}

export async function addIncidentLog({
  services,
  actor,
  incidentId,
  text,
  expectedVersion,
  ip,
}: AddIncidentLogOptions) {
  const clean = nonBlank("text", text);
  const { row } = await directIncident({
    services,
    actor,
    incidentId,
    action: "log",
    expectedVersion,
    ip,
    write: async (trx, incident, now) => {
      await appendLog(trx, incident.id, actor, now, { kind: "log", text: clean });
      return { result: null, detail: { length: clean.length } };
    },
  });
  return row;
}
