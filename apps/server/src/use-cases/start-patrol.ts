// Start a patrol (巡查). The phone may have started it offline: it sends the start time it recorded
// and a key generated once, so a start retried by its queue is the same patrol. A worker has one
// patrol under way at most: starting another ends the one left open (a phone that died mid-patrol).
import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import type { Actor } from "../access/actor.ts";
import { requirePermission } from "../access/require.ts";
import type { Db } from "../db/connect.ts";
import { AppError } from "../errors.ts";
import { plausibleTime } from "../patrols/limits.ts";
import type { PatrolRow } from "../presenters/patrol.ts";
import type { Services } from "../services.ts";

export interface StartPatrolOptions {
  services: Services;
  actor: Actor;
  /** when the worker pressed start (ISO); now when absent */
  startedAt?: string;
  idempotencyKey?: string;
}

export async function startPatrol({
  services,
  actor,
  startedAt,
  idempotencyKey,
}: StartPatrolOptions): Promise<{ row: PatrolRow; replayed: boolean }> {
  requirePermission(actor, "mobile:use");
  const now = services.clock.now();
  const start = plausibleTime(startedAt, now, "startedAt");
  const key = idempotencyKey ?? randomUUID();
  return services.db.transaction().execute(async (trx) => {
    // one worker's starts and stops are serialised, so "one open patrol" holds without retries
    await lockWorker(trx, actor.userId);
    const existing = await trx
      .selectFrom("patrols")
      .selectAll()
      .where("user_id", "=", actor.userId)
      .where("idempotency_key", "=", key)
      .executeTakeFirst();
    if (existing) {
      if (startedAt !== undefined && existing.started_at.getTime() !== start.getTime()) {
        throw new AppError("IDEMPOTENCY_KEY_REUSED");
      }
      return { row: existing, replayed: true };
    }
    await closeOpenPatrol(trx, actor.userId, start);
    const row = await trx
      .insertInto("patrols")
      .values({ user_id: actor.userId, started_at: start, idempotency_key: key, created_at: now })
      .returningAll()
      .executeTakeFirstOrThrow();
    return { row, replayed: false };
  });
}

export async function lockWorker(trx: Db, userId: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext(${`patrol:${userId}`}))`.execute(trx);
}

/** Ends a patrol left open at its last point (or its start), never after the new one starts. */
async function closeOpenPatrol(trx: Db, userId: string, nextStart: Date): Promise<void> {
  await trx
    .updateTable("patrols")
    .set({
      ended_at: sql<Date>`greatest(started_at, least(${nextStart}::timestamptz,
        coalesce((select max(at) from patrol_points where patrol_id = patrols.id), started_at)))`,
    })
    .where("user_id", "=", userId)
    .where("ended_at", "is", null)
    .execute();
}
