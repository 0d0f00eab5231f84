// Stop the worker's patrol at the time the phone recorded. Idempotent: stopping an ended patrol
// returns it as it is (the phone's queue may send the stop twice).
import { sql } from "kysely";
import type { Actor } from "../access/actor.ts";
import { requirePermission } from "../access/require.ts";
import { AppError } from "../errors.ts";
import { plausibleTime } from "../patrols/limits.ts";
import type { PatrolRow } from "../presenters/patrol.ts";
import type { Services } from "../services.ts";
import { lockWorker } from "./start-patrol.ts";

export interface StopPatrolOptions {
  services: Services;
  actor: Actor;
  patrolId: string;
  /** when the worker pressed stop (ISO); now when absent */
  endedAt?: string;
}

export async function stopPatrol({ services, actor, patrolId, endedAt }: StopPatrolOptions): Promise<PatrolRow> {
  requirePermission(actor, "mobile:use");
  const now = services.clock.now();
  const end = plausibleTime(endedAt, now, "endedAt");
  return services.db.transaction().execute(async (trx) => {
    await lockWorker(trx, actor.userId);
    const patrol = await trx
      .selectFrom("patrols")
      .selectAll()
      .where("id", "=", patrolId)
      .where("user_id", "=", actor.userId)
      .executeTakeFirst();
    if (!patrol) throw new AppError("PATROL_NOT_FOUND");
    if (patrol.ended_at) return patrol;
    if (end < patrol.started_at) {
      throw new AppError("INVALID_PATROL_TIME", { field: "endedAt", startedAt: patrol.started_at.toISOString() });
    }
    // never before its last point: the track stays inside the patrol
    return trx
      .updateTable("patrols")
      .set({
        ended_at: sql<Date>`greatest(${end}::timestamptz,
          coalesce((select max(at) from patrol_points where patrol_id = patrols.id), started_at))`,
      })
      .where("id", "=", patrol.id)
      .returningAll()
      .executeTakeFirstOrThrow();
  });
}
