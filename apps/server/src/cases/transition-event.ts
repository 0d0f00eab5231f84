// The append-only event row every transition writes, in the transition's own transaction: who (a
// staff user with role and unit, or a citizen with neither), from which state to which, the note
// and the input. One writer, so staff, hotline and citizen steps read the same on the timeline —
// and the transition's audit record (issue #5) is written here too, in the same transaction: no
// transition commits without its record, no record without its transition.
import type { ActionInput } from "@civicgrid/domain";
import { sql } from "kysely";
import type { Actor } from "../access/actor.ts";
import { type AuditServices, recordAudit } from "../audit/record-audit.ts";
import type { Db } from "../db/connect.ts";
import type { CaseRow } from "../db/schema.ts";

export interface EventActor {
  userId: string | null;
  role: string | null;
  unitCode: string | null;
}

export const eventActorOf = (actor: Actor): EventActor => ({
  userId: actor.userId,
  role: actor.roles[0] ?? null,
  unitCode: actor.unit.code,
});

export interface AppendTransitionEventOptions {
  input: ActionInput;
  before: CaseRow;
  after: CaseRow;
  by: EventActor;
  at: Date;
  /** what the channel adds to the event's data (e.g. `{ channel: "portal" }`) */
  extra?: Record<string, unknown>;
  audit: TransitionAudit;
}

export interface TransitionAudit {
  services: AuditServices;
  /** the signed-in staff member; null for a citizen's step (then `by` says who) */
  actor: Actor | null;
  ip?: string | null;
  /** defaults to `case.<action>` */
  action?: string;
}

/** Writes the event and returns its sequence number within the case. */
export async function appendTransitionEvent(trx: Db, o: AppendTransitionEventOptions): Promise<number> {
  const { input, before, after, by } = o;
  const event = await trx
    .insertInto("case_events")
    .values({
      case_id: before.id,
      seq: sql<number>`(select coalesce(max(seq), 0) + 1 from case_events where case_id = ${before.id})`,
      action: input.action,
      from_status: before.status,
      to_status: after.status,
      actor_user_id: by.userId,
      actor_role: by.role,
      actor_unit_code: by.unitCode,
      at: o.at,
      note: noteOf(input),
      data: JSON.stringify({ ...eventData(input, before, after), ...o.extra }),
    })
    .returning("seq")
    .executeTakeFirstOrThrow();
  const { audit } = o;
  await recordAudit(
    audit.services,
    {
      actor: audit.actor,
      as: by,
      action: audit.action ?? `case.${input.action}`,
      objectType: "case",
      objectId: before.id,
      outcome: "success",
      ip: audit.ip ?? null,
      detail: { code: after.code, from: before.status, to: after.status, seq: event.seq },
    },
    trx,
  );
  return event.seq;
}

export function noteOf(input: ActionInput): string | null {
  if ("reason" in input && input.reason) return input.reason;
  if ("note" in input && input.note) return input.note;
  if (input.action === "evaluate") return input.comment ?? null;
  if (input.action === "resolve-direct") return input.answer;
  return null;
}

function eventData(input: ActionInput, before: CaseRow, after: CaseRow): Record<string, unknown> {
  const { action: _a, ...fields } = input as ActionInput & Record<string, unknown>;
  delete (fields as Record<string, unknown>).now;
  return {
    input: fields,
    before: {
      status: before.status,
      owner: before.owner_unit_code,
      centre: before.centre_unit_code,
      dueAt: before.due_at,
    },
    after: { status: after.status, owner: after.owner_unit_code, centre: after.centre_unit_code, dueAt: after.due_at },
  };
}
