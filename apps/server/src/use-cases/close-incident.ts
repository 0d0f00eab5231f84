// End an incident with a summary. Send If-Match with the version seen: closing an incident that
// changed meanwhile (a new broadcast, a log line) answers 409 instead.
import type { Actor } from "../access/actor.ts";
import { directIncident } from "../incidents/direct-incident.ts";
import { appendLog, nonBlank } from "../incidents/incident-records.ts";
import type { Services } from "../services.ts";

export interface CloseIncidentOptions {
  services: Services;
  actor: Actor;
  incidentId: string;
  summary: string;
  expectedVersion?: number;
  ip?: string | null;
}

export async function closeIncident({
  services,
  actor,
  incidentId,
  summary,
  expectedVersion,
  ip,
}: CloseIncidentOptions) {
  const clean = nonBlank("summary", summary);
  const { row } = await directIncident({
    services,
    actor,
    incidentId,
    action: "closed",
    expectedVersion,
    ip,
    write: async (trx, incident, now) => {
      await trx
        .updateTable("incidents")
        .set({ status: "closed", closed_at: now, closed_by: actor.userId, summary: clean })
        .where("id", "=", incident.id)
        .execute();
      await appendLog(trx, incident.id, actor, now, { kind: "closed", text: clean });
      return { result: null, detail: { length: clean.length } };
    },
  });
  return row;
}
