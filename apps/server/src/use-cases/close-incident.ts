// End an incident with a summary. Send If-Match with the version seen: closing an incident that
// changed meanwhile (a new broadcast, a log line) answers 409 instead.
import { type DirectingOptions, directIncident } from "../incidents/direct-incident.ts";
import { appendLog, nonBlank } from "../incidents/incident-records.ts";

export interface CloseIncidentOptions extends DirectingOptions {
  summary: string;
}

export async function closeIncident({ summary, ...directing }: CloseIncidentOptions) {
  const { actor } = directing;
  const clean = nonBlank("summary", summary);
  const { row } = await directIncident({
    ...directing,
    action: "closed",
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
