// A line in an incident's log (what happened, what was decided), by a centre directing it.
import { type DirectingOptions, directIncident } from "../incidents/direct-incident.ts";
import { appendLog, nonBlank } from "../incidents/incident-records.ts";

export interface AddIncidentLogOptions extends DirectingOptions {
  text: string;
}

export async function addIncidentLog({ text, ...directing }: AddIncidentLogOptions) {
  const { actor } = directing;
  const clean = nonBlank("text", text);
  const { row } = await directIncident({
    ...directing,
    action: "log",
    write: async (trx, incident, now) => {
      await appendLog(trx, incident.id, actor, now, { kind: "log", text: clean });
      return { result: null, detail: { length: clean.length } };
    },
  });
  return row;
}
