// Writes a domain patch to the case row: the new state, the units, the counters, the timestamps of
// the step and the deadlines it sets. Optimistic version bump for clients that cache a case.
import { type ActionInput, type CasePatch, deadlinesFor, type WorkCalendar } from "@civicgrid/domain";
import { sql, type Updateable } from "kysely";
import type { Actor } from "../access/actor.ts";
import type { Db } from "../db/connect.ts";
import type { CaseRow, CasesTable } from "../db/schema.ts";
import { noteVector } from "../search/case-document.ts";
import type { Services } from "../services.ts";
import { noteOf } from "./transition-event.ts";

/** Working days a unit has to accept (签收) a dispatched case: the 12345 response limit. */
export const ACCEPT_LIMIT_DAYS = 1;

const DAY_MS = 86_400_000;

interface ApplyPatchOptions {
  services: Services;
  trx: Db;
  row: CaseRow;
  patch: CasePatch;
  input: ActionInput;
  /** null for a citizen acting as the reporter (portal): no unit of their own */
  actor: Actor | null;
  now: Date;
}

export async function applyPatch({
  services,
  trx,
  row,
  patch,
  input,
  actor,
  now,
}: ApplyPatchOptions): Promise<CaseRow> {
  const { calendar } = services;
  const set: Updateable<CasesTable> = { status: patch.status, updated_at: now };
  if (patch.centreUnitCode !== undefined) set.centre_unit_code = patch.centreUnitCode;
  if (patch.ownerUnitCode !== undefined) set.owner_unit_code = patch.ownerUnitCode;
  if (patch.assistUnitCodes !== undefined) set.assist_unit_codes = patch.assistUnitCodes;
  if (patch.mergedIntoId !== undefined) set.merged_into_id = patch.mergedIntoId;
  if (patch.pendingExtension !== undefined) {
    set.pending_extension = patch.pendingExtension === null ? null : JSON.stringify(patch.pendingExtension);
  }
  if (patch.resetHandling) {
    set.accepted_at = null;
    set.handled_at = null;
    set.handling_work_days = null;
  }
  if (patch.solved !== undefined) set.solved = patch.solved;
  const involved = new Set(row.involved_unit_codes);
  for (const code of [patch.centreUnitCode, patch.ownerUnitCode, ...(patch.assistUnitCodes ?? [])]) {
    if (code) involved.add(code);
  }
  if (involved.size !== row.involved_unit_codes.length) set.involved_unit_codes = [...involved];

  switch (input.action) {
    case "register":
      set.registered_at = now;
      break;
    case "dispatch":
      set.dispatched_at = now;
      set.dispatcher_unit_code = actor?.unit.code ?? null;
      set.accept_due_at = calendar.addWorkingDays(now, ACCEPT_LIMIT_DAYS);
      // the dispatcher's (re)classification; the time limit set at intake stays
      if (input.categoryCode) set.category_code = input.categoryCode;
      break;
    case "accept":
      set.accepted_at = now;
      break;
    case "return":
      set.last_return_reason = input.reason;
      break;
    case "feedback":
      set.handled_at = now;
      set.result_note = input.note;
      set.handling_work_days = handlingWorkDays(calendar, row.dispatched_at, now);
      break;
    case "verify":
      if (input.pass) set.closed_at = now;
      else {
        // rework: the handling time is measured again at the next feedback
        set.handled_at = null;
        set.handling_work_days = null;
      }
      break;
    case "evaluate":
      set.evaluated_at = now;
      set.rating = input.rating;
      set.rating_comment = input.comment ?? null;
      break;
    case "resolve-direct":
      // answered on the call: registered, handled and closed in the same moment by whoever answered
      set.registered_at = now;
      set.handled_at = now;
      set.closed_at = now;
      set.result_note = input.answer;
      set.owner_unit_code = actor?.unit.code ?? null;
      break;
    case "reopen": {
      // a reopened case starts a fresh time limit from now
      const limit = Number(row.limit_days ?? 5);
      const { dueAt, warnAt } = deadlinesFor(calendar, now, limit);
      Object.assign(set, resetTimers(dueAt, warnAt));
      set.closed_at = null;
      set.evaluated_at = null;
      set.rating = null;
      set.rating_comment = null;
      set.registered_at = now;
      break;
    }
  }
  if (patch.dueAt) {
    // approved extension: the warning keeps the same share of the new, longer window
    const start = row.dispatched_at ?? row.reported_at;
    const span = calendar.workingTimeBetween(start, patch.dueAt);
    Object.assign(set, resetTimers(patch.dueAt, calendar.addWorkingTime(start, span * 0.8)));
  }

  // 020: the step's note becomes searchable (search/case-document.ts); a case not yet indexed keeps
  // null, and the backfill (jobs/index-case-texts.ts) then reads this note from the event
  const note = noteVector(noteOf(input));
  return trx
    .updateTable("cases")
    .set({
      ...set,
      ...(note && {
        search_tokens: sql<string>`case when search_tokens is null then null else search_tokens || ${note}::tsvector end`,
      }),
      version: sql`version + 1`,
      rework_count: sql`rework_count + ${patch.reworkDelta ?? 0}`,
      return_count: sql`return_count + ${patch.returnDelta ?? 0}`,
      reopen_count: sql`reopen_count + ${patch.reopenDelta ?? 0}`,
      supervision_count: sql`supervision_count + ${patch.supervisionDelta ?? 0}`,
      extension_count: sql`extension_count + ${patch.extensionDelta ?? 0}`,
      me_too_count: sql`me_too_count + ${patch.meTooDelta ?? 0}`,
    })
    .where("id", "=", row.id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/**
 * Working days from the latest dispatch to the feedback (平均处置用时), on the working-day calendar,
 * to the hundredth (the column is numeric(6,2)); null when the case was never dispatched.
 */
export function handlingWorkDays(calendar: WorkCalendar, dispatchedAt: Date | null, feedbackAt: Date): number | null {
  if (!dispatchedAt) return null;
  const days = calendar.workingTimeBetween(dispatchedAt, feedbackAt) / DAY_MS;
  return Math.min(9999.99, Math.round(days * 100) / 100);
}

function resetTimers(dueAt: Date, warnAt: Date): Updateable<CasesTable> {
  return {
    due_at: dueAt,
    warn_at: warnAt,
    warned_at: null,
    overdue_at: null,
    next_escalation_at: null,
    escalation_level: 0,
  };
}
