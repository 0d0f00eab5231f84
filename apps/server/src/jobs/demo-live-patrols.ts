// Demo live activity, the patrol part: a rotating third of the per-grid demo workers walk a patrol
// (巡查) at any time, each shift two hours long, moving a step inside their own grid every few
// minutes. Written as bulk statements straight into the patrol tables, keeping the invariants the
// patrol use cases keep (one open patrol per worker, point_count and distance_m up to date).
import { sql } from "kysely";
import { trackDistance } from "../patrols/track.ts";
import { type LocateGrid, pointInGrid, type Random, seedOf, stepInGrid } from "../seed/patrol-walk.ts";
import type { Services } from "../services.ts";

/** A shift: who is out changes every two hours. */
export const SHIFT_MS = 2 * 3_600_000;
/** One worker in this many is out on a shift. */
export const ON_DUTY_ONE_IN = 3;
/** A worker on patrol reports a new point on one tick in this many (with 20 s ticks: every 3 min). */
export const MOVE_ONE_IN = 9;
export const TICK_MS = 20_000;
/** a walker's step between two points a few minutes apart */
const STEP_METRES: readonly [number, number] = [60, 200];

export interface DemoWorker {
  userId: string;
  username: string;
  displayName: string;
  unitCode: string;
  gridCode: string;
}

export const shiftKey = (nowMs: number) => `demo-live-${Math.floor(nowMs / SHIFT_MS)}`;

/** Whether the worker is out on the shift containing `nowMs` (about a third of them are). */
export function onDuty(worker: DemoWorker, nowMs: number): boolean {
  return (seedOf(worker.userId) + Math.floor(nowMs / SHIFT_MS)) % ON_DUTY_ONE_IN === 0;
}

export interface PatrolTickResult {
  onPatrol: number;
  moved: number;
  closed: number;
  /** where each worker who moved now stands, for a report made on the spot */
  positions: Map<string, { lat: number; lng: number }>;
}

/** One tick of the patrol part: end the last shift's patrols, start this shift's, move some walkers. */
export async function tickDemoPatrols(services: Services, workers: readonly DemoWorker[], rng: Random) {
  const { db, places } = services;
  const now = services.clock.now();
  const key = shiftKey(now.getTime());
  const ids = workers.map((w) => w.userId);
  const duty = workers.filter((w) => onDuty(w, now.getTime()));
  // the last shift's walkers stop at their last point (as start-patrol.ts ends a patrol left open)
  const closed = await sql`
    update patrols set ended_at = greatest(started_at, least(${now}::timestamptz,
      coalesce((select max(at) from patrol_points where patrol_id = patrols.id), started_at)))
     where ended_at is null and user_id = any(${ids}::uuid[])
       and idempotency_key like 'demo-live-%' and idempotency_key <> ${key}`.execute(db);
  // this shift's: one open patrol each; a worker with another patrol open is left alone
  await sql`
    insert into patrols (user_id, started_at, idempotency_key, created_at)
    select u, ${now}::timestamptz, ${key}, ${now}::timestamptz from unnest(${duty.map((w) => w.userId)}::uuid[]) as u
    on conflict do nothing`.execute(db);
  const open = await sql<{ id: string; user_id: string; at: Date | null; lat: number | null; lng: number | null }>`
    select p.id, p.user_id, last.at, last.lat, last.lng from patrols p
      left join lateral (select at, lat, lng from patrol_points where patrol_id = p.id order by at desc limit 1) last on true
     where p.ended_at is null and p.idempotency_key = ${key} and p.user_id = any(${ids}::uuid[])`.execute(db);
  const gridOf = new Map(workers.map((w) => [w.userId, w.gridCode]));
  const locate: LocateGrid = (lat, lng) => places.locate(lat, lng)?.grid ?? null;
  const tick = Math.floor(now.getTime() / TICK_MS);
  const moves: { patrolId: string; userId: string; lat: number; lng: number; distance: number }[] = [];
  for (const p of open.rows) {
    const grid = gridOf.get(p.user_id);
    if (!grid) continue;
    const fresh = p.at === null || p.lat === null || p.lng === null;
    // a patrol just started shows at once; then each walker moves on its own turn
    // (a hash of its own: the duty hash would tie the turns to the shift)
    if (!fresh && (seedOf(`move:${p.user_id}`) + tick) % MOVE_ONE_IN !== 0) continue;
    if (!fresh && (p.at as Date).getTime() >= now.getTime()) continue;
    const box = places.gridBounds([grid]);
    const last = fresh ? null : { lat: p.lat as number, lng: p.lng as number };
    const next = last ? stepInGrid(rng, last, grid, locate, STEP_METRES) : box && pointInGrid(rng, grid, box, locate);
    if (!next) continue;
    const distance = last
      ? trackDistance([
          { at: p.at as Date, ...last, accuracy: null },
          { at: now, ...next, accuracy: null },
        ])
      : 0;
    moves.push({ patrolId: p.id, userId: p.user_id, ...next, distance });
  }
  if (moves.length) {
    await db.transaction().execute(async (trx) => {
      const added = await sql<{ patrol_id: string }>`
        insert into patrol_points (patrol_id, at, lat, lng, accuracy)
        select t.id, ${now}::timestamptz, t.lat, t.lng, 8 from unnest(${moves.map((m) => m.patrolId)}::uuid[],
          ${moves.map((m) => m.lat)}::float8[], ${moves.map((m) => m.lng)}::float8[]) as t(id, lat, lng)
        on conflict do nothing returning patrol_id`.execute(trx);
      const addedIds = new Set(added.rows.map((r) => r.patrol_id));
      const counted = moves.filter((m) => addedIds.has(m.patrolId));
      await sql`
        update patrols p set point_count = p.point_count + 1, distance_m = p.distance_m + t.d
          from unnest(${counted.map((m) => m.patrolId)}::uuid[], ${counted.map((m) => m.distance)}::float8[]) as t(id, d)
         where p.id = t.id`.execute(trx);
    });
  }
  return {
    onPatrol: open.rows.length,
    moved: moves.length,
    closed: Number(closed.numAffectedRows ?? 0),
    positions: new Map(moves.map((m) => [m.userId, { lat: m.lat, lng: m.lng }])),
  } satisfies PatrolTickResult;
}
