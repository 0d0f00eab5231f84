// Idempotency-Keys of case actions (the grid workers' offline queue retries a verification): the key
// is written in the action's own transaction, so a retry that finds it gets the case as it is instead
// of a second transition, and the same key with another request is refused.
import { createHash } from "node:crypto";
import type { CaseAction } from "@civicgrid/shared";
import type { Db } from "../db/connect.ts";
import { AppError } from "../errors.ts";

export interface ActionKey {
  /** whose key: one user's keys never meet another's */
  scope: string;
  key: string;
  /** hash of the case, the action and its body */
  hash: string;
}

const canonical = (v: unknown): unknown =>
  Array.isArray(v)
    ? v.map(canonical)
    : v && typeof v === "object"
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>)
            .sort(([a], [b]) => a.localeCompare(b))
            .map(([k, x]) => [k, canonical(x)]),
        )
      : v;

export function actionKeyOf(
  userId: string,
  key: string,
  caseId: string,
  action: CaseAction,
  body: Record<string, unknown>,
): ActionKey {
  return scopedActionKey(`user:${userId}`, key, caseId, action, body);
}

/** A key of another kind of caller, e.g. `receipt:<hash>` for a citizen acting by receipt code. */
export function scopedActionKey(
  scope: string,
  key: string,
  caseId: string,
  action: CaseAction,
  body: Record<string, unknown>,
): ActionKey {
  const hash = createHash("sha256")
    .update(JSON.stringify(canonical({ caseId, action, body })))
    .digest("hex");
  return { scope, key, hash };
}

/**
 * Whether this key was already used: true when it was used for this very request (replay), an
 * IDEMPOTENCY_KEY_REUSED error when it was used for another one, false when it is new.
 */
export async function wasApplied(db: Db, k: ActionKey): Promise<boolean> {
  const found = await db
    .selectFrom("case_action_keys")
    .select("request_hash")
    .where("scope", "=", k.scope)
    .where("key", "=", k.key)
    .executeTakeFirst();
  if (!found) return false;
  if (found.request_hash !== k.hash) throw new AppError("IDEMPOTENCY_KEY_REUSED");
  return true;
}

/** Stores the key, with the event the action wrote, inside the action's transaction. */
export async function recordActionKey(
  trx: Db,
  k: ActionKey,
  caseId: string,
  action: CaseAction,
  eventSeq: number | null = null,
): Promise<void> {
  await trx
    .insertInto("case_action_keys")
    .values({ scope: k.scope, key: k.key, case_id: caseId, action, request_hash: k.hash, event_seq: eventSeq })
    .execute();
}

/** The event a user's key wrote on a case (for replaying a response that names that event's rows). */
export async function eventSeqOfKey(db: Db, userId: string, key: string, caseId: string): Promise<number | null> {
  const row = await db
    .selectFrom("case_action_keys")
    .select("event_seq")
    .where("scope", "=", `user:${userId}`)
    .where("key", "=", key)
    .where("case_id", "=", caseId)
    .executeTakeFirst();
  return row?.event_seq ?? null;
}

/** A unique violation on the key table: the same key was just used by a concurrent, different request. */
export function isActionKeyConflict(err: unknown): boolean {
  const e = err as { code?: string; constraint?: string };
  return e.code === "23505" && e.constraint === "case_action_keys_pkey";
}
