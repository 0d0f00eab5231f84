// Append a batch of GPS points to the worker's patrol. Idempotent: a point is identified by its
// instant, so a batch sent twice (the phone's queue retries) is stored once. Every point must lie in
// the city and within the patrol's time; one bad point refuses the batch, nothing is stored.
import { sql } from "kysely";
import type { Actor } from "../access/actor.ts";
import { requirePermission } from "../access/require.ts";
import { AppError } from "../errors.ts";
import { CLOCK_SKEW_MS, MAX_POINTS_PER_PATROL } from "../patrols/limits.ts";
import { trackDistance } from "../patrols/track.ts";
import type { PatrolRow } from "../presenters/patrol.ts";
import type { Services } from "../services.ts";
import { lockWorker } from "./start-patrol.ts";

export interface PatrolPointInput {
  at: string;
  lat: number;
  lng: number;
  accuracy?: number;
}

export interface AppendPatrolPointsOptions {
  services: Services;
  actor: Actor;
  patrolId: string;
  points: PatrolPointInput[];
}

/** A few seconds of slack: the last fixes of a patrol may carry a time just after the stop was pressed. */
const END_SLACK_MS = 60_000;

export async function appendPatrolPoints({ services, actor, patrolId, points }: AppendPatrolPointsOptions) {
  requirePermission(actor, "mobile:use");
  const now = services.clock.now();
  return services.db.transaction().execute(async (trx) => {
    await lockWorker(trx, actor.userId);
    const patrol = await trx
      .selectFrom("patrols")
      .selectAll()
      .where("id", "=", patrolId)
      .where("user_id", "=", actor.userId)
      .executeTakeFirst();
    if (!patrol) throw new AppError("PATROL_NOT_FOUND");

    // the same instant twice in one batch is one point: keep the first
    const byTime = new Map<number, { at: Date; lat: number; lng: number; accuracy: number | null }>();
    points.forEach((p, index) => {
      const at = new Date(p.at);
      if (Number.isNaN(at.getTime())) throw new AppError("VALIDATION_FAILED", { field: `points/${index}/at` });
      if (at < patrol.started_at || at.getTime() > now.getTime() + CLOCK_SKEW_MS) {
        throw new AppError("INVALID_PATROL_TIME", { index, at: p.at, startedAt: patrol.started_at.toISOString() });
      }
      if (patrol.ended_at && at.getTime() > patrol.ended_at.getTime() + END_SLACK_MS) {
        throw new AppError("PATROL_ENDED", { index, at: p.at, endedAt: patrol.ended_at.toISOString() });
      }
      if (!services.places.locate(p.lat, p.lng)) {
        throw new AppError("LOCATION_OUTSIDE_CITY", { index, lat: p.lat, lng: p.lng });
      }
      if (!byTime.has(at.getTime()))
        byTime.set(at.getTime(), { at, lat: p.lat, lng: p.lng, accuracy: p.accuracy ?? null });
    });
    if (patrol.point_count + byTime.size > MAX_POINTS_PER_PATROL) {
      throw new AppError("VALIDATION_FAILED", {
        field: "points",
        problem: `at most ${MAX_POINTS_PER_PATROL} per patrol`,
      });
    }

    const inserted = byTime.size
      ? await trx
          .insertInto("patrol_points")
          .values([...byTime.values()].map((p) => ({ patrol_id: patrol.id, ...p })))
          .onConflict((oc) => oc.columns(["patrol_id", "at"]).doNothing())
          .returning("at")
          .execute()
      : [];
    let row: PatrolRow = patrol;
    if (inserted.length > 0) {
      const track = await trx
        .selectFrom("patrol_points")
        .select(["at", "lat", "lng", "accuracy"])
        .where("patrol_id", "=", patrol.id)
        .execute();
      row = await trx
        .updateTable("patrols")
        .set({ distance_m: trackDistance(track), point_count: track.length })
        // a point after a stop within the slack moves the end with it, so the track stays inside the patrol
        .$if(patrol.ended_at !== null, (qb) =>
          qb.set({ ended_at: sql<Date>`greatest(ended_at, ${maxAt(track)}::timestamptz)` }),
        )
        .where("id", "=", patrol.id)
        .returningAll()
        .executeTakeFirstOrThrow();
    }
    return { row, accepted: inserted.length, duplicates: points.length - inserted.length };
  });
}

function maxAt(track: { at: Date }[]): Date {
  return new Date(track.reduce((m, p) => Math.max(m, p.at.getTime()), 0));
}
