// Events the system writes on many cases at once (deadline warnings and escalations, the outcome of a
// merged case): one event per case, numbered after the case's last event, status unchanged. The
// caller makes sure nothing else numbers those cases' events meanwhile (locked rows, or cases that
// take no more transitions).
import { type RawBuilder, sql } from "kysely";
import type { Db } from "../db/connect.ts";

export interface InsertSystemEventsOptions {
  trx: Db;
  caseIds: readonly string[];
  action: string;
  at: Date;
  note: string;
  /** the event's data: a jsonb expression, which may read the case's own columns (`cases.…`) */
  data: RawBuilder<unknown>;
}

export async function insertSystemEvents({ trx, caseIds, action, at, note, data }: InsertSystemEventsOptions) {
  if (caseIds.length === 0) return;
  await trx
    .insertInto("case_events")
    .columns(["case_id", "seq", "action", "from_status", "to_status", "at", "note", "data"])
    .expression((eb) =>
      eb
        .selectFrom("cases")
        .select([
          "cases.id",
          sql<number>`(select coalesce(max(seq), 0) + 1 from case_events e where e.case_id = cases.id)`.as("seq"),
          sql<string>`${action}::text`.as("action"),
          "cases.status",
          "cases.status",
          sql`${at}::timestamptz`.as("at"),
          sql<string>`${note}::text`.as("note"),
          data.as("data"),
        ])
        .where("cases.id", "in", caseIds),
    )
    .execute();
}
