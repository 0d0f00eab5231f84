// One case transition: lock the row (scoped to the caller), resolve the action's references, let the
// domain decide, write the new state and one append-only event in the same transaction, then notify
// and write the audit record (refusals by role, relation or state are audited too).
import { type ActionInput, checkAllowed, decide, mayDispatchTo } from "@civicgrid/domain";
import type { CaseAction } from "@civicgrid/shared";
import { sql } from "kysely";
import type { Actor } from "../access/actor.ts";
import { scopeCondition, scopeOf } from "../access/case-scope.ts";
import { linkPhotos } from "../attachments/link-photos.ts";
import { recordAudit } from "../audit/record-audit.ts";
import {
  type ActionKey,
  actionKeyOf,
  isActionKeyConflict,
  recordActionKey,
  wasApplied,
} from "../cases/action-idempotency.ts";
import { applyPatch } from "../cases/apply-patch.ts";
import { factsFor, placeOf, snapshotOf } from "../cases/facts.ts";
import { lockMergePair } from "../cases/merge.ts";
import { queueOutcomeNotices } from "../cases/outcome-notices.ts";
import { appendTransitionEvent, eventActorOf } from "../cases/transition-event.ts";
import { isAssignTarget } from "../cases/unit-options.ts";
import type { Db } from "../db/connect.ts";
import type { CaseRow } from "../db/schema.ts";
import { AppError } from "../errors.ts";
import { planAutoDispatch } from "../routing/auto-dispatch.ts";
import type { Services } from "../services.ts";

export interface PerformCaseActionOptions {
  services: Services;
  actor: Actor;
  caseId: string;
  action: CaseAction;
  /** the action's fields, already validated against the action's JSON schema */
  body: Record<string, unknown>;
  /** the client's address, for the audit record */
  ip?: string | null;
  /** Idempotency-Key: a retry of the same request returns the case without a second transition */
  idempotencyKey?: string;
  /** what the key's request hash covers when the request holds more than the action's body (a caller) */
  keyedBody?: Record<string, unknown>;
  /**
   * If-Match: the case version the caller saw. Checked under the row lock, so of several people acting
   * on what they saw at once only the first wins; the others get CONCURRENT_UPDATE instead of silently
   * overwriting (e.g. two dispatchers sending the case to different units).
   */
  expectedVersion?: number;
  /**
   * More writes that belong to this transition (e.g. the caller of a "me too" call), run in its
   * transaction after the event row: if they fail, the transition does not happen either.
   */
  within?: (trx: Db, change: { updated: CaseRow; eventSeq: number }) => Promise<void>;
  /**
   * A step the platform takes by itself (auto-dispatch): `actor` stands for the case's coordinating
   * centre without a user; the event row and the audit record say "system", the event carries `extra`.
   */
  system?: { extra: Record<string, unknown> };
  /** after a register (立案), let the platform dispatch when it is confident (default true) */
  autoDispatch?: boolean;
}

export async function performCaseAction(options: PerformCaseActionOptions): Promise<CaseRow> {
  const { services, actor, caseId, action, ip, system } = options;
  const audit = {
    actor: system ? null : actor,
    as: system ? systemActorOf(actor) : undefined,
    action: `case.${action}`,
    objectType: "case",
    objectId: caseId,
    ip,
  };
  try {
    // the success record is written with the event, in the transition's transaction
    const { updated, replayed } = await transition(options);
    // 智能分派 (routing/auto-dispatch.ts): after the register has committed, never inside it
    if (action === "register" && !replayed && options.autoDispatch !== false && updated.status === "registered") {
      return (await autoDispatchRegistered(services, updated)) ?? updated;
    }
    return updated;
  } catch (err) {
    // the same key taken meanwhile by a request on another case
    if (isActionKeyConflict(err)) throw new AppError("IDEMPOTENCY_KEY_REUSED");
    // 403: the role or relation does not allow it; 409: the case's state does not
    if (err instanceof AppError && (err.status === 403 || err.status === 409)) {
      await recordAudit(services, {
        ...audit,
        outcome: err.status === 403 ? "denied" : "failure",
        detail: { error: err.code, ...(isRecord(err.details) ? err.details : {}) },
      });
    }
    throw err;
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

const systemActorOf = (actor: Actor) => ({ userId: null, role: "system", unitCode: actor.unit.code });

/** Dispatches a just-registered case when the routing models are confident enough; null when not. */
async function autoDispatchRegistered(services: Services, registered: CaseRow): Promise<CaseRow | null> {
  try {
    const plan = await planAutoDispatch(services, registered);
    if (!plan) return null;
    return await performCaseAction({ services, ...plan, caseId: registered.id, action: "dispatch" });
  } catch (err) {
    // the register stands; a dispatcher decides instead (e.g. someone dispatched it meanwhile)
    services.logger.warn({ err, caseId: registered.id }, "auto-dispatch skipped");
    return null;
  }
}

async function transition({
  services,
  actor,
  caseId,
  action,
  body,
  idempotencyKey,
  keyedBody,
  expectedVersion,
  within,
  ip,
  system,
}: PerformCaseActionOptions) {
  const { db, places, clock } = services;
  const now = clock.now();
  const key: ActionKey | null = idempotencyKey
    ? actionKeyOf(actor.userId, idempotencyKey, caseId, action, keyedBody ?? body)
    : null;
  const result = await db.transaction().execute(async (trx) => {
    // both cases of a merge, in id order, so crossing merges cannot both pass (cases/merge.ts)
    if (action === "merge" && typeof body.targetId === "string") await lockMergePair(trx, caseId, body.targetId);
    const row = await lockCase(trx, actor, caseId);
    if (!row) throw new AppError("CASE_NOT_FOUND");
    // checked under the row lock: a concurrent retry waits for the first and then finds its key
    if (key && (await wasApplied(trx, key))) return { updated: row, fromStatus: row.status, replayed: true };
    if (expectedVersion !== undefined && row.version !== expectedVersion) {
      throw new AppError("CONCURRENT_UPDATE", { status: row.status, action, version: row.version, expectedVersion });
    }
    const snapshot = snapshotOf(row);
    const facts = factsFor(actor, row, places);
    const refused = checkAllowed(snapshot, action, facts);
    if (refused) throw new AppError(refused, { status: row.status, action });

    const input = await resolveInput(services, trx, actor, row, action, body, now);
    const decision = decide(snapshot, input, facts);
    if (!decision.ok) throw new AppError(decision.code, { status: row.status, action });

    const updated = await applyPatch({ services, trx, row, patch: decision.patch, input, actor, now });
    if (input.action === "feedback") {
      await linkPhotos({ trx, caseId: row.id, stage: "feedback", photoIds: input.photoIds, userId: actor.userId, now });
    }
    if (input.action === "verify" && Array.isArray(body.photoIds)) {
      await linkPhotos({ trx, caseId: row.id, stage: "verify", photoIds: body.photoIds, userId: actor.userId, now });
    }
    if (input.action === "merge") {
      await trx
        .updateTable("cases")
        .set({ me_too_count: sql`me_too_count + 1 + ${row.me_too_count}`, updated_at: now })
        .where("id", "=", input.targetId)
        .execute();
    }
    const eventSeq = await appendTransitionEvent(trx, {
      input,
      before: row,
      after: updated,
      by: system ? systemActorOf(actor) : eventActorOf(actor),
      at: now,
      extra: system?.extra,
      audit: { services, actor: system ? null : actor, ip },
    });
    // closed: everyone who reported it under a merged case, or called "me too", is to be told
    if (updated.status === "closed" && row.status !== "closed") {
      await queueOutcomeNotices({ trx, survivor: updated, closeSeq: eventSeq, now });
    }
    if (within) await within(trx, { updated, eventSeq });
    if (key) await recordActionKey(trx, key, row.id, action, eventSeq);
    return { updated, fromStatus: row.status, replayed: false };
  });
  const { updated, fromStatus } = result;
  if (result.replayed) return result;
  services.events.emit("case", {
    caseId: updated.id,
    code: updated.code,
    action,
    fromStatus,
    toStatus: updated.status,
    at: now,
  });
  return { updated, fromStatus, replayed: false };
}

async function lockCase(trx: Db, actor: Actor, id: string): Promise<CaseRow | undefined> {
  return trx
    .selectFrom("cases")
    .selectAll()
    .where("id", "=", id)
    .where(scopeCondition(scopeOf(actor)))
    .forUpdate()
    .executeTakeFirst();
}

/** Turns the request body into the domain's input, resolving and checking referenced units and cases. */
async function resolveInput(
  services: Services,
  trx: Db,
  actor: Actor,
  row: CaseRow,
  action: CaseAction,
  body: Record<string, unknown>,
  now: Date,
): Promise<ActionInput> {
  const { places } = services;
  const str = (k: string) => (typeof body[k] === "string" ? (body[k] as string) : "");
  const opt = (k: string) => (typeof body[k] === "string" ? (body[k] as string) : undefined);
  const place = placeOf(row);
  const dispatchTarget = (code: string) => {
    const unit = places.unit(code);
    if (!unit?.active) throw new AppError("UNKNOWN_UNIT", { unitCode: code });
    if (!mayDispatchTo(actor.unit, unit, place)) throw new AppError("UNIT_OUT_OF_JURISDICTION", { unitCode: code });
    return unit.code;
  };
  switch (action) {
    case "register":
    case "accept":
      return { action, note: opt("note") };
    case "reject":
    case "reopen":
      return { action, reason: str("reason") };
    case "merge": {
      const targetId = str("targetId");
      // the target must also be within the caller's jurisdiction
      const target = await trx
        .selectFrom("cases")
        .select(["id", "status"])
        .where("id", "=", targetId)
        .where(scopeCondition(scopeOf(actor)))
        .executeTakeFirst();
      return { action, targetId, targetStatus: (target?.status ?? null) as never, note: opt("note") };
    }
    case "dispatch": {
      const unitCode = dispatchTarget(str("unitCode"));
      const assist = Array.isArray(body.assistUnitCodes) ? (body.assistUnitCodes as string[]) : [];
      const categoryCode = opt("categoryCode");
      if (categoryCode) await requireCategory(trx, categoryCode);
      return {
        action,
        unitCode,
        assistUnitCodes: [...new Set(assist)].map(dispatchTarget),
        note: opt("note"),
        ...(categoryCode && { categoryCode }),
      };
    }
    case "return":
      return { action, reason: str("reason"), reasonCode: opt("reasonCode") };
    case "escalate": {
      // the owner reports up from its own seat; a centre hands the case to the centre above it
      const from = row.owner_unit_code === actor.unit.code ? actor.unit : places.unit(row.centre_unit_code);
      return { action, reason: str("reason"), targetCentreUnitCode: from ? places.centreAbove(from) : null };
    }
    case "assign": {
      const unit = places.unit(str("unitCode"));
      if (!unit?.active) throw new AppError("UNKNOWN_UNIT", { unitCode: str("unitCode") });
      if (!isAssignTarget(places, actor.unit, unit, place)) {
        throw new AppError("UNIT_OUT_OF_JURISDICTION", { unitCode: unit.code });
      }
      return { action, unitCode: unit.code, note: opt("note") };
    }
    case "feedback": {
      const photoIds = Array.isArray(body.photoIds) ? (body.photoIds as string[]) : [];
      return { action, note: str("note"), photoIds };
    }
    case "verify":
      return { action, pass: body.pass === true, note: str("note") };
    case "evaluate":
      return {
        action,
        rating: body.rating as never,
        comment: opt("comment"),
        solved: typeof body.solved === "boolean" ? body.solved : undefined,
      };
    case "extend-request": {
      const until = new Date(str("until"));
      if (Number.isNaN(until.getTime())) throw new AppError("VALIDATION_FAILED", { field: "until" });
      return { action, until, reason: str("reason"), requestedBy: actor.userId, now };
    }
    case "extend-approve":
      return { action, approve: body.approve === true, note: opt("note") };
    case "supervise":
      return { action, note: str("note") };
    case "me-too":
      return { action, note: opt("note") };
    case "resolve-direct":
      return { action, answer: str("answer") };
  }
}

/** A category a dispatcher may (re)classify a case into: known and active. */
async function requireCategory(trx: Db, code: string): Promise<void> {
  const found = await trx
    .selectFrom("categories")
    .select("code")
    .where("code", "=", code)
    .where("active", "=", true)
    .executeTakeFirst();
  if (!found) throw new AppError("UNKNOWN_CATEGORY", { categoryCode: code });
}
