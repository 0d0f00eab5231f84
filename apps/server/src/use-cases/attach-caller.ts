// 附议 ("me too"): a further caller about an open case is attached to it instead of becoming a
// duplicate. The case's `me-too` transition (counts the call, no state change, one event row) and the
// caller's name, phone and words are written in the same transaction: both or neither.
import type { Actor } from "../access/actor.ts";
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
  name: string | null;
  phone: string | null;
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
    within: async (trx, { eventSeq }) => {
      stored = await trx
        .insertInto("case_callers")
        .values({
          case_id: caseId,
          name: caller.name?.trim() || null,
          phone: caller.phone?.trim() || null,
          note: note ?? null,
          source,
          at: services.clock.now(),
          user_id: actor.userId,
          event_seq: eventSeq,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
    },
  });
  return { row, caller: stored };
}
