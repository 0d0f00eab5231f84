// A citizen's own step on their report, proved by the receipt code: evaluate it once closed, or
// reopen it (once) when not satisfied. The domain's transition table decides with the facts of a
// reporter; the patch and one append-only event (actor_role `citizen`, no user) are written in one
// transaction under the case's row lock, as for staff actions.
import { type ActionInput, checkAllowed, decide } from "@civicgrid/domain";
import type { Rating } from "@civicgrid/shared";
import { recordAudit } from "../audit/record-audit.ts";
import { isActionKeyConflict, recordActionKey, scopedActionKey, wasApplied } from "../cases/action-idempotency.ts";
import { applyPatch } from "../cases/apply-patch.ts";
import { snapshotOf } from "../cases/facts.ts";
import { appendTransitionEvent } from "../cases/transition-event.ts";
import type { CaseRow } from "../db/schema.ts";
import { AppError } from "../errors.ts";
import { CITIZEN_FACTS, CITIZEN_ROLE } from "../public/citizen.ts";
import { caseIdOfReceipt } from "../public/find-by-receipt.ts";
import { hashReceipt, normalizeReceipt } from "../public/receipt.ts";
import type { Services } from "../services.ts";

export type CitizenActionInput =
  | { action: "evaluate"; rating: Rating; comment?: string; solved?: boolean }
  | { action: "reopen"; reason: string };

export interface PerformCitizenActionOptions {
  services: Services;
  receipt: string;
  input: CitizenActionInput;
  /** a retry with the same key and body answers with the case, without a second step */
  idempotencyKey?: string;
  ip?: string | null;
}

export async function performCitizenAction({
  services,
  receipt,
  input,
  idempotencyKey,
  ip,
}: PerformCitizenActionOptions): Promise<CaseRow> {
  const { db, clock } = services;
  const caseId = await caseIdOfReceipt(db, receipt);
  // the receipt is the citizen's identity here: keys of one receipt never meet another's
  const key = idempotencyKey
    ? scopedActionKey(`receipt:${hashReceipt(normalizeReceipt(receipt) ?? "")}`, idempotencyKey, caseId, input.action, {
        ...input,
      })
    : null;
  const audit = { actor: null, action: `public.case.${input.action}`, objectType: "case", objectId: caseId, ip };
  const now = clock.now();
  try {
    const result = await db.transaction().execute(async (trx) => {
      const row = await trx
        .selectFrom("cases")
        .selectAll()
        .where("id", "=", caseId)
        .forUpdate()
        .executeTakeFirstOrThrow();
      // under the row lock: a concurrent retry waits for the first and then finds its key
      if (key && (await wasApplied(trx, key))) return { updated: row, fromStatus: row.status, replayed: true };
      const snapshot = snapshotOf(row);
      const refused = checkAllowed(snapshot, input.action, CITIZEN_FACTS);
      if (refused) throw new AppError(refused, { status: row.status, action: input.action });
      const domainInput: ActionInput =
        input.action === "evaluate"
          ? {
              action: "evaluate",
              rating: input.rating,
              comment: input.comment?.trim() || undefined,
              solved: input.solved,
            }
          : { action: "reopen", reason: input.reason };
      const decision = decide(snapshot, domainInput, CITIZEN_FACTS);
      if (!decision.ok) throw new AppError(decision.code, { status: row.status, action: input.action });
      const next = await applyPatch({
        services,
        trx,
        row,
        patch: decision.patch,
        input: domainInput,
        actor: null,
        now,
      });
      const eventSeq = await appendTransitionEvent(trx, {
        input: domainInput,
        before: row,
        after: next,
        by: { userId: null, role: CITIZEN_ROLE, unitCode: null },
        at: now,
        extra: { channel: "portal" },
        audit: { services, actor: null, ip, action: audit.action },
      });
      if (key) await recordActionKey(trx, key, row.id, input.action, eventSeq);
      return { updated: next, fromStatus: row.status, replayed: false };
    });
    const { updated, fromStatus } = result;
    if (result.replayed) return updated;
    services.events.emit("case", {
      caseId: updated.id,
      code: updated.code,
      action: input.action,
      fromStatus,
      toStatus: updated.status,
      at: now,
    });
    // the success record was written with the event, in the transaction
    return updated;
  } catch (err) {
    if (isActionKeyConflict(err)) throw new AppError("IDEMPOTENCY_KEY_REUSED");
    if (err instanceof AppError && (err.status === 403 || err.status === 409)) {
      await recordAudit(services, { ...audit, outcome: "failure", detail: { error: err.code } });
    }
    throw err;
  }
}
