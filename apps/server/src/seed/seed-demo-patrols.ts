// Demo mode: a week of patrols (巡查) by the per-grid demo workers, so the assessment's reports per
// patrol and patrol coverage have data. Most workers walk once a day, an hour or so in the daytime,
// with about six GPS points inside their own grid. Written in the background with the case history
// (boot.ts seedDemoHistory), in one transaction, a few statements of INSERT … SELECT FROM unnest.
import { sql } from "kysely";
import type { Db } from "../db/connect.ts";
import type { Logger } from "../logger.ts";
import { trackDistance } from "../patrols/track.ts";
import type { PlaceDirectory } from "../places/directory.ts";
import { Rng } from "./history/random.ts";
import { cstDate, dayIndex, dayStart, HOUR, MINUTE } from "./history/time.ts";
import { type LocateGrid, pointInGrid, seedOf, stepInGrid, type WalkPoint } from "./patrol-walk.ts";
import { GRID_WORKER_USERNAME_SQL } from "./seed-demo-workers.ts";

export const PATROL_HISTORY_DAYS = 7;
/** share of worker-days with a patrol: most, not all (leave, meetings, rain) */
export const PATROL_DAY_SHARE = 0.85;
/** patrols per statement (with their ~6 points each) */
const CHUNK = 4_000;

export interface SeedDemoPatrolsOptions {
  db: Db;
  logger: Logger;
  places: PlaceDirectory;
  /** the history ends here: every patrol has ended by then */
  now: Date;
}

interface PatrolSeed {
  id: string;
  userId: string;
  key: string;
  startedAt: Date;
  endedAt: Date;
  distance: number;
  points: { at: Date; lat: number; lng: number; accuracy: number }[];
}

/** Skipped once any demo worker has a patrol: the week is seeded once, never on top of real walks. */
export async function seedDemoPatrols({ db, logger, places, now }: SeedDemoPatrolsOptions) {
  const started = performance.now();
  const workers = await db
    .selectFrom("users as u")
    .innerJoin("grid_worker_grids as g", "g.user_id", "u.id")
    .select(["u.id", "g.grid_code"])
    .where("u.username", "~", GRID_WORKER_USERNAME_SQL)
    .orderBy("g.grid_code")
    .execute();
  if (!workers.length) return { patrols: 0, points: 0, ms: 0 };
  const any = await db
    .selectFrom("patrols")
    .select("id")
    .where("user_id", "in", db.selectFrom("users").select("id").where("username", "~", GRID_WORKER_USERNAME_SQL))
    .limit(1)
    .executeTakeFirst();
  if (any) return { patrols: 0, points: 0, ms: 0 };
  const locate: LocateGrid = (lat, lng) => places.locate(lat, lng)?.grid ?? null;
  const patrols: PatrolSeed[] = [];
  for (const w of workers) {
    const grid = w.grid_code.trim();
    const box = places.gridBounds([grid]);
    if (!box) continue;
    const rng = new Rng(seedOf(`patrols:${grid}`));
    const today = dayIndex(now.getTime());
    for (let back = PATROL_HISTORY_DAYS; back >= 1; back--) {
      if (!rng.chance(PATROL_DAY_SHARE)) continue;
      const patrol = walk(rng, w.id, grid, dayStart(today - back), box, locate);
      if (patrol && patrol.endedAt.getTime() <= now.getTime()) patrols.push(patrol);
    }
  }
  let points = 0;
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < patrols.length; i += CHUNK) {
      const chunk = patrols.slice(i, i + CHUNK);
      const pts = chunk.flatMap((p) => p.points.map((pt) => ({ id: p.id, ...pt })));
      points += pts.length;
      await sql`
        with inserted as (
          insert into patrols (id, user_id, started_at, ended_at, distance_m, point_count, idempotency_key, created_at)
          select * from unnest(${chunk.map((p) => p.id)}::uuid[], ${chunk.map((p) => p.userId)}::uuid[],
            ${chunk.map((p) => p.startedAt.toISOString())}::timestamptz[],
            ${chunk.map((p) => p.endedAt.toISOString())}::timestamptz[], ${chunk.map((p) => p.distance)}::float8[],
            ${chunk.map((p) => p.points.length)}::int4[], ${chunk.map((p) => p.key)}::text[],
            ${chunk.map((p) => p.startedAt.toISOString())}::timestamptz[])
          returning id)
        insert into patrol_points (patrol_id, at, lat, lng, accuracy)
        select * from unnest(${pts.map((p) => p.id)}::uuid[], ${pts.map((p) => p.at.toISOString())}::timestamptz[],
          ${pts.map((p) => p.lat)}::float8[], ${pts.map((p) => p.lng)}::float8[], ${pts.map((p) => p.accuracy)}::float4[])`.execute(
        trx,
      );
    }
    await sql`analyze patrols`.execute(trx);
    await sql`analyze patrol_points`.execute(trx);
  });
  const result = { patrols: patrols.length, points, ms: Math.round(performance.now() - started) };
  logger.info(result, "seeded demo patrol history");
  return result;
}

/** One day's walk: starts 08:00–16:00 CST, 40–110 minutes, 5–7 points a short step apart. */
function walk(
  rng: Rng,
  userId: string,
  grid: string,
  midnight: number,
  box: NonNullable<ReturnType<PlaceDirectory["gridBounds"]>>,
  locate: LocateGrid,
): PatrolSeed | null {
  let at: WalkPoint | null = pointInGrid(rng, grid, box, locate);
  if (!at) return null;
  const start = midnight + 8 * HOUR + Math.floor(rng.next() * 8 * 60) * MINUTE;
  const minutes = 40 + Math.floor(rng.next() * 70);
  const n = 5 + Math.floor(rng.next() * 3);
  const points: PatrolSeed["points"] = [];
  for (let i = 0; i < n; i++) {
    if (i > 0) at = stepInGrid(rng, at, grid, locate);
    const t = start + Math.round(((minutes * MINUTE) / (n - 1)) * i);
    points.push({ at: new Date(t), lat: at.lat, lng: at.lng, accuracy: 5 + Math.round(rng.next() * 20) });
  }
  const endedAt = new Date(start + minutes * MINUTE);
  return {
    id: rng.uuid(),
    userId,
    key: `demo-seed-${cstDate(start)}`,
    startedAt: new Date(start),
    endedAt,
    distance: trackDistance(points),
    points,
  };
}
