// 附议 ("me too"): a further caller about an open case is attached to it instead of becoming a
// duplicate. The case's `me-too` transition (counts the call, no state change, one event row) and the
// caller's name, phone and words are written in the same transaction: both or neither.
import type { Actor } from "../access/actor.ts";
import { eventSeqOfKey } from "../cases/action-idempotency.ts";
import type { CaseRow } from "../db/schema.ts";
import type { Services } from "../services.ts";
import { performCaseAction } from "./perform-case-action.ts";

export interface CallerInput {
  name?: string;
  phone?: string;
  /** what the caller said */
  note?: string;
}

export interface AttachCallerOptions {
  services: Services;
  actor: Actor;
  caseId: string;
  caller: CallerInput;
  /** the channel of the call: the hotline unless said otherwise */
  source?: string;
  ip?: string | null;
  idempotencyKey?: string;
}

export interface CallerRow {
  id: number;
  case_id: string;
  name_masked: string | null;
  phone_masked: string | null;
  note: string | null;
  source: string;
  at: Date;
  user_id: string | null;
  event_seq: number;
}

export async function attachCaller({
  services,
  actor,
  caseId,
  caller,
  source = "hotline",
  ip,
  idempotencyKey,
}: AttachCallerOptions): Promise<{ row: CaseRow; caller: CallerRow | null }> {
  const note = caller.note?.trim() || undefined;
  let stored: CallerRow | null = null;
  const row = await performCaseAction({
    services,
    actor,
    caseId,
    action: "me-too",
    body: note ? { note } : {},
    ip,
    idempotencyKey,
    // a retry is the same caller as well as the same words
    keyedBody: { note, caller: { name: caller.name, phone: caller.phone } },
    within: async (trx, { eventSeq }) => {
      stored = await trx
        .insertInto("case_callers")
        .values({
          case_id: caseId,
          ...services.pii.callerColumns(caller),
          note: note ?? null,
          source,
          at: services.clock.now(),
          user_id: actor.userId,
          event_seq: eventSeq,
        })
        .returning(["id", "case_id", "name_masked", "phone_masked", "note", "source", "at", "user_id", "event_seq"])
        .executeTakeFirstOrThrow();
    },
  });
  // a retry with the same key wrote nothing: answer with the caller the first request stored
  if (!stored && idempotencyKey) {
    const seq = await eventSeqOfKey(services.db, actor.userId, idempotencyKey, caseId);
    if (seq !== null) {
      stored =
        (await services.db
          .selectFrom("case_callers")
          .select(["id", "case_id", "name_masked", "phone_masked", "note", "source", "at", "user_id", "event_seq"])
          .where("case_id", "=", caseId)
          .where("event_seq", "=", seq)
          .executeTakeFirst()) ?? null;
    }
  }
  return { row, caller: stored };
}
