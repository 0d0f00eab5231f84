// The phone app's home screen in one request: the worker's grids with their outlines, how many tasks
// wait (checks to make, own reports still open, overdue cases on site), the patrol under way and
// today's patrolling.
import { CASE_STATUSES, TERMINAL_STATUSES } from "@civicgrid/shared";
import { sql } from "kysely";
import type { Actor } from "../access/actor.ts";
import { bucketCondition } from "../access/case-relations.ts";
import { scopeCases } from "../access/case-scope.ts";
import { requirePermission } from "../access/require.ts";
import type { Services } from "../services.ts";
import type { GridFeatureRow } from "./list-grid-features.ts";

export interface GetMobileHomeOptions {
  services: Services;
  actor: Actor;
}

const OPEN_STATUSES = CASE_STATUSES.filter((s) => !TERMINAL_STATUSES.includes(s));
/** China keeps one time zone without daylight saving: a day starts at 00:00 UTC+8. */
const CHINA_OFFSET_MS = 8 * 3_600_000;

export function startOfChinaDay(now: Date): Date {
  const local = now.getTime() + CHINA_OFFSET_MS;
  return new Date(local - (local % 86_400_000) - CHINA_OFFSET_MS);
}

export async function getMobileHome({ services, actor }: GetMobileHomeOptions) {
  requirePermission(actor, "mobile:use");
  const { db, clock } = services;
  const now = clock.now();
  const [grids, counts, openPatrol, today] = await Promise.all([
    db
      .selectFrom("grid_worker_grids")
      .innerJoin("grids", "grids.code", "grid_worker_grids.grid_code")
      .select(["grids.code", "grids.community_code", "grids.name", "grids.geometry"])
      .where("grid_worker_grids.user_id", "=", actor.userId)
      .orderBy("grids.code")
      .execute() as Promise<GridFeatureRow[]>,
    scopeCases(db.selectFrom("cases"), actor)
      .where("status", "in", OPEN_STATUSES)
      .select((eb) => [
        eb.fn
          .countAll<string>()
          .filterWhere(bucketCondition(actor, "toVerify", now))
          .as("toVerify"),
        eb.fn.countAll<string>().filterWhere("reported_by", "=", actor.userId).as("myOpen"),
        eb.fn
          .countAll<string>()
          .filterWhere(bucketCondition(actor, "overdue", now))
          .as("overdue"),
      ])
      .executeTakeFirstOrThrow(),
    db
      .selectFrom("patrols")
      .selectAll()
      .where("user_id", "=", actor.userId)
      .where("ended_at", "is", null)
      .executeTakeFirst(),
    db
      .selectFrom("patrols")
      .select([
        sql<number>`count(*)::int`.as("patrols"),
        sql<number>`coalesce(sum(distance_m), 0)::float8`.as("distance"),
      ])
      .where("user_id", "=", actor.userId)
      .where("started_at", ">=", startOfChinaDay(now))
      .executeTakeFirstOrThrow(),
  ]);
  return {
    grids,
    tasks: { toVerify: Number(counts.toVerify), myOpen: Number(counts.myOpen), overdue: Number(counts.overdue) },
    openPatrol: openPatrol ?? null,
    today: { patrols: today.patrols, distanceM: Math.round(today.distance) },
  };
}
