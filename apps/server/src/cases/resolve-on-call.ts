// 直接办结 inside the intake transaction: a consultation answered on the call is reported and closed
// by the same request. The domain decides `resolve-direct` exactly as for an existing case; the patch
// and the event row are written like every other transition's (see perform-case-action.ts).
import { type ActionInput, decide } from "@civicgrid/domain";
import type { Actor } from "../access/actor.ts";
import type { Db } from "../db/connect.ts";
import type { CaseRow } from "../db/schema.ts";
import { AppError } from "../errors.ts";
import type { Services } from "../services.ts";
import { applyPatch } from "./apply-patch.ts";
import { factsFor, snapshotOf } from "./facts.ts";
import { appendTransitionEvent, eventActorOf } from "./transition-event.ts";

export interface ResolveOnCallOptions {
  services: Services;
  trx: Db;
  /** the case just reported in this transaction */
  row: CaseRow;
  actor: Actor | null;
  answer: string;
  now: Date;
  /** the client's address, for the transition's audit record */
  ip?: string | null;
}

export async function resolveOnCall({
  services,
  trx,
  row,
  actor,
  answer,
  now,
  ip,
}: ResolveOnCallOptions): Promise<CaseRow> {
  // someone must have answered: an anonymous report cannot be closed on the call
  if (!actor) throw new AppError("ACTION_NOT_PERMITTED", { action: "resolve-direct" });
  const input: ActionInput = { action: "resolve-direct", answer };
  const decision = decide(snapshotOf(row), input, factsFor(actor, row, services.places));
  if (!decision.ok) throw new AppError(decision.code, { status: row.status, action: input.action });
  const updated = await applyPatch({ services, trx, row, patch: decision.patch, input, actor, now });
  await appendTransitionEvent(trx, {
    input,
    before: row,
    after: updated,
    by: eventActorOf(actor),
    at: now,
    audit: { services, actor, ip },
  });
  return updated;
}
