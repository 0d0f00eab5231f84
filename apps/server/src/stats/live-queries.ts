// The screen's live layers read from the database: the row of a map point (kept in memory by
// live-case-set.ts) and the grid workers walking a patrol now.
import { sql } from "kysely";
import type { Db } from "../db/connect.ts";

export interface PointRow {
  id: string;
  code: string;
  lat: number;
  lng: number;
  status: string;
  due_at: Date | null;
  overdue_at: Date | null;
  category_name: string | null;
  reported_at: Date;
}

export interface WorkerRow {
  user_id: string;
  display_name: string;
  grid_codes: string[];
  lat: number;
  lng: number;
  last_seen_at: Date;
}

/**
 * Grid workers with an open patrol whose latest point is newer than `since`, assigned to a grid
 * inside the scope (grid codes start with their divisions' codes). The open patrols with a recent
 * point come from one partial index (patrols_open_last_point, 019); the grids only for those.
 */
function patrolling(prefix: string, since: Date) {
  return sql`
    from patrols p
    join users u on u.id = p.user_id and u.active and 'grid_worker' = any(u.roles)
    cross join lateral (
      select array_agg(g.grid_code::text order by g.grid_code) as grid_codes from grid_worker_grids g
      where g.user_id = p.user_id and g.grid_code::text like ${`${prefix}%`}
    ) w
    where p.ended_at is null and p.last_point_at > ${since} and w.grid_codes is not null`;
}

export async function patrollingWorkers(db: Db, prefix: string, since: Date, limit: number): Promise<WorkerRow[]> {
  const r = await sql<WorkerRow>`
    select u.id as user_id, u.display_name, w.grid_codes, p.last_lat as lat, p.last_lng as lng, p.last_point_at as last_seen_at
    ${patrolling(prefix, since)}
    order by p.last_point_at desc, u.id
    limit ${limit}`.execute(db);
  return r.rows;
}

export async function countPatrollingWorkers(db: Db, prefix: string, since: Date): Promise<number> {
  const r = await sql<{ n: number }>`select count(*)::int as n ${patrolling(prefix, since)}`.execute(db);
  return r.rows[0]?.n ?? 0;
}
