// One of the worker's patrols with its track (points in time order). Another worker's patrol
// answers exactly like one that does not exist.
import type { Actor } from "../access/actor.ts";
import { requirePermission } from "../access/require.ts";
import { AppError } from "../errors.ts";
import { MAX_TRACK_POINTS } from "../patrols/limits.ts";
import type { Services } from "../services.ts";

export interface GetPatrolOptions {
  services: Services;
  actor: Actor;
  patrolId: string;
}

export async function getPatrol({ services, actor, patrolId }: GetPatrolOptions) {
  requirePermission(actor, "mobile:use");
  const row = await services.db
    .selectFrom("patrols")
    .selectAll()
    .where("id", "=", patrolId)
    .where("user_id", "=", actor.userId)
    .executeTakeFirst();
  if (!row) throw new AppError("PATROL_NOT_FOUND");
  const points = await services.db
    .selectFrom("patrol_points")
    .select(["at", "lat", "lng", "accuracy"])
    .where("patrol_id", "=", row.id)
    .orderBy("at")
    .limit(MAX_TRACK_POINTS)
    .execute();
  return { row, points };
}
