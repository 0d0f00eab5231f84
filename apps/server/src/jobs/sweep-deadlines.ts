// The SLA sweep: marks warning (80% of the time used), overdue, and escalates supervision one level
// per further working day overdue (township → district → city). Idempotent: each step fires once,
// guarded by its own timestamp column; batched with SKIP LOCKED so sweeps and transitions interleave.
import { sql, type UpdateObject } from "kysely";
import { insertSystemEvents } from "../cases/system-events.ts";
import type { Database } from "../db/schema.ts";
import type { Services } from "../services.ts";

/** States in which the handling clock runs. */
export const SLA_STATES = ["reported", "registered", "dispatched", "accepted", "returned"] as const;
/** Escalation stops at this level (2 = city). */
export const MAX_ESCALATION_LEVEL = 2;
/** Working days between escalation steps once overdue. */
export const ESCALATION_STEP_DAYS = 1;

export interface SweepResult {
  warned: number;
  overdue: number;
  escalated: number;
}

export async function sweepDeadlines({ services, batchSize = 500 }: { services: Services; batchSize?: number }) {
  const result: SweepResult = { warned: 0, overdue: 0, escalated: 0 };
  for (const step of STEPS) {
    // a case overdue for several steps climbs one level per pass, so run each step until it is dry
    for (;;) {
      const n = await runStep(services, step, batchSize);
      result[step.counter] += n;
      if (n === 0) break;
    }
  }
  return result;
}

interface DueRow {
  id: string;
  due_at: Date | null;
  next_escalation_at: Date | null;
  escalation_level: number;
}

/** One timer: which column fires it, which column says it already fired, and what it changes. */
interface Step {
  counter: keyof SweepResult;
  timer: "warn_at" | "due_at" | "next_escalation_at";
  firedMark: "warned_at" | "overdue_at" | null;
  action: string;
  note: string;
  update: (row: DueRow, now: Date, calendar: Services["calendar"]) => UpdateObject<Database, "cases">;
}

const STEPS: Step[] = [
  {
    counter: "warned",
    timer: "warn_at",
    firedMark: "warned_at",
    action: "warn",
    note: "处置时限已用80%",
    update: (_row, now) => ({ warned_at: now }),
  },
  {
    counter: "overdue",
    timer: "due_at",
    firedMark: "overdue_at",
    action: "overdue",
    note: "已超过处置时限",
    update: (row, now, calendar) => ({
      overdue_at: now,
      warned_at: sql`coalesce(warned_at, ${now}::timestamptz)`,
      next_escalation_at: calendar.addWorkingDays(row.due_at as Date, ESCALATION_STEP_DAYS),
    }),
  },
  {
    counter: "escalated",
    timer: "next_escalation_at",
    firedMark: null,
    action: "auto-escalate",
    note: "超期未办结,自动升级督办",
    update: (row, _now, calendar) => {
      const level = row.escalation_level + 1;
      return {
        escalation_level: level,
        supervision_count: sql`supervision_count + 1`,
        next_escalation_at:
          level >= MAX_ESCALATION_LEVEL
            ? null
            : calendar.addWorkingDays(row.next_escalation_at as Date, ESCALATION_STEP_DAYS),
      };
    },
  },
];

/** One batch of one timer, in one transaction: lock due rows, update each, write their events. */
async function runStep({ db, clock, calendar }: Services, step: Step, limit: number): Promise<number> {
  const now = clock.now();
  return db.transaction().execute(async (trx) => {
    let q = trx
      .selectFrom("cases")
      .select(["id", "due_at", "next_escalation_at", "escalation_level"])
      .where(step.timer, "<=", now)
      .where("status", "in", SLA_STATES);
    if (step.firedMark) q = q.where(step.firedMark, "is", null);
    const rows = await q.orderBy(step.timer).limit(limit).forUpdate().skipLocked().execute();
    if (rows.length === 0) return 0;
    // the rollup rows of the whole batch, locked in the rollup trigger's order before any update
    // (017_rollups.sql): updating case by case would take them out of order and could deadlock
    await sql`select case_rollup_lock(${rows.map((r) => r.id)}::uuid[])`.execute(trx);
    for (const row of rows) {
      await trx
        .updateTable("cases")
        .set(step.update(row, now, calendar))
        .where("id", "=", row.id)
        .execute();
    }
    await insertSystemEvents({
      trx,
      caseIds: rows.map((r) => r.id),
      action: step.action,
      at: now,
      note: step.note,
      data: sql`jsonb_build_object('dueAt', cases.due_at, 'level', cases.escalation_level)`,
    });
    return rows.length;
  });
}
