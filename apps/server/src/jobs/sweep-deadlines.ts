// The SLA sweep: marks warning (80% of the time used), overdue, and escalates supervision one level
// per further working day overdue (township → district → city). Idempotent: each step fires once,
// guarded by its own timestamp column; batched with SKIP LOCKED so sweeps and transitions interleave.
import { sql } from "kysely";
import type { Db } from "../db/connect.ts";
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
  for (;;) {
    const n = await warnBatch(services, batchSize);
    result.warned += n;
    if (n < batchSize) break;
  }
  for (;;) {
    const n = await overdueBatch(services, batchSize);
    result.overdue += n;
    if (n < batchSize) break;
  }
  for (;;) {
    // a case overdue for several steps climbs one level per pass until it has caught up with now
    const n = await escalateBatch(services, batchSize);
    result.escalated += n;
    if (n === 0) break;
  }
  return result;
}

/** One system event per case, numbered after the case's last event (the rows are locked). */
function systemEvent(trx: Db, ids: string[], action: string, at: Date, note: string) {
  if (ids.length === 0) return Promise.resolve();
  return trx
    .insertInto("case_events")
    .columns(["case_id", "seq", "action", "from_status", "to_status", "at", "note", "data"])
    .expression((eb) =>
      eb
        .selectFrom("cases")
        .select([
          "cases.id",
          sql<number>`(select coalesce(max(seq), 0) + 1 from case_events e where e.case_id = cases.id)`.as("seq"),
          sql.lit(action).as("action"),
          "cases.status",
          "cases.status",
          sql`${at}::timestamptz`.as("at"),
          sql.lit(note).as("note"),
          sql`jsonb_build_object('dueAt', cases.due_at, 'level', cases.escalation_level)`.as("data"),
        ])
        .where("cases.id", "in", ids),
    )
    .execute();
}

async function warnBatch({ db, clock }: Services, limit: number): Promise<number> {
  const now = clock.now();
  return db.transaction().execute(async (trx) => {
    const rows = await trx
      .selectFrom("cases")
      .select("id")
      .where("warned_at", "is", null)
      .where("warn_at", "<=", now)
      .where("status", "in", SLA_STATES)
      .orderBy("warn_at")
      .limit(limit)
      .forUpdate()
      .skipLocked()
      .execute();
    const ids = rows.map((r) => r.id);
    if (ids.length === 0) return 0;
    await trx.updateTable("cases").set({ warned_at: now }).where("id", "in", ids).execute();
    await systemEvent(trx, ids, "warn", now, "处置时限已用80%");
    return ids.length;
  });
}

async function overdueBatch({ db, clock, calendar }: Services, limit: number): Promise<number> {
  const now = clock.now();
  return db.transaction().execute(async (trx) => {
    const rows = await trx
      .selectFrom("cases")
      .select(["id", "due_at"])
      .where("overdue_at", "is", null)
      .where("due_at", "<=", now)
      .where("status", "in", SLA_STATES)
      .orderBy("due_at")
      .limit(limit)
      .forUpdate()
      .skipLocked()
      .execute();
    if (rows.length === 0) return 0;
    for (const r of rows) {
      const next = calendar.addWorkingDays(r.due_at as Date, ESCALATION_STEP_DAYS);
      await trx
        .updateTable("cases")
        .set({ overdue_at: now, warned_at: sql`coalesce(warned_at, ${now}::timestamptz)`, next_escalation_at: next })
        .where("id", "=", r.id)
        .execute();
    }
    await systemEvent(
      trx,
      rows.map((r) => r.id),
      "overdue",
      now,
      "已超过处置时限",
    );
    return rows.length;
  });
}

async function escalateBatch({ db, clock, calendar }: Services, limit: number): Promise<number> {
  const now = clock.now();
  return db.transaction().execute(async (trx) => {
    const rows = await trx
      .selectFrom("cases")
      .select(["id", "next_escalation_at", "escalation_level"])
      .where("next_escalation_at", "<=", now)
      .where("status", "in", SLA_STATES)
      .orderBy("next_escalation_at")
      .limit(limit)
      .forUpdate()
      .skipLocked()
      .execute();
    if (rows.length === 0) return 0;
    for (const r of rows) {
      const level = r.escalation_level + 1;
      await trx
        .updateTable("cases")
        .set({
          escalation_level: level,
          supervision_count: sql`supervision_count + 1`,
          next_escalation_at:
            level >= MAX_ESCALATION_LEVEL
              ? null
              : calendar.addWorkingDays(r.next_escalation_at as Date, ESCALATION_STEP_DAYS),
        })
        .where("id", "=", r.id)
        .execute();
    }
    await systemEvent(
      trx,
      rows.map((r) => r.id),
      "auto-escalate",
      now,
      "超期未办结,自动升级督办",
    );
    return rows.length;
  });
}
