// The screen's live layers, read from `cases` and `patrols` through partial indexes (017): the open
// cases of a scope (cases_open_division / cases_open_recent), those closed in the last 24 hours
// (cases_closed_recent), and the grid workers walking a patrol now.
import { sql } from "kysely";
import type { Db } from "../db/connect.ts";
import type { ScreenLevel } from "./screen-scope.ts";

const OPEN = sql.raw(`('reported', 'registered', 'dispatched', 'accepted', 'returned', 'handled')`);
const COLUMN: Record<ScreenLevel, string> = {
  city: "city_code",
  district: "district_code",
  township: "township_code",
  community: "community_code",
  grid: "grid_code",
};

function inScope(level: ScreenLevel, code: string) {
  return sql`${sql.ref(`c.${COLUMN[level]}`)} = ${code}`;
}

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

export interface PointsQuery {
  level: ScreenLevel;
  code: string;
  /** closures after this instant are shown too */
  closedSince: Date;
  limit: number;
}

/** Open cases (newest report first), then those closed since `closedSince` (latest first), up to `limit`. */
export async function screenPoints(db: Db, q: PointsQuery): Promise<{ rows: PointRow[]; closedTotal: number }> {
  const where = inScope(q.level, q.code);
  const [open, closedCount] = await Promise.all([
    sql<PointRow>`
      select c.id, c.code, c.lat, c.lng, c.status, c.due_at, c.overdue_at, k.name as category_name, c.reported_at
      from cases c left join categories k on k.code = c.category_code
      where c.status in ${OPEN} and ${where}
      order by c.reported_at desc, c.id limit ${q.limit}`.execute(db),
    sql<{ n: number }>`
      select count(*)::int as n from cases c
      where c.status in ('closed', 'evaluated') and c.closed_at > ${q.closedSince} and ${where}`.execute(db),
  ]);
  // the day's closures fill what the open cases leave of the limit
  const room = q.limit - open.rows.length;
  const closed =
    room > 0
      ? (
          await sql<PointRow>`
            select c.id, c.code, c.lat, c.lng, c.status, c.due_at, c.overdue_at, k.name as category_name, c.reported_at
            from cases c left join categories k on k.code = c.category_code
            where c.status in ('closed', 'evaluated') and c.closed_at > ${q.closedSince} and ${where}
            order by c.closed_at desc, c.id limit ${room}`.execute(db)
        ).rows
      : [];
  const rows = [...open.rows, ...closed];
  return { rows, closedTotal: closedCount.rows[0]?.n ?? 0 };
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
 * inside the scope (grid codes start with their divisions' codes). One index probe per open patrol.
 */
function patrolling(prefix: string, since: Date) {
  return sql`
    from patrols p
    join users u on u.id = p.user_id and u.active and 'grid_worker' = any(u.roles)
    cross join lateral (
      select array_agg(g.grid_code::text order by g.grid_code) as grid_codes from grid_worker_grids g
      where g.user_id = p.user_id and g.grid_code::text like ${`${prefix}%`}
    ) w
    cross join lateral (
      select at, lat, lng from patrol_points where patrol_id = p.id order by at desc limit 1
    ) pt
    where p.ended_at is null and w.grid_codes is not null and pt.at > ${since}`;
}

export async function patrollingWorkers(db: Db, prefix: string, since: Date, limit: number): Promise<WorkerRow[]> {
  const r = await sql<WorkerRow>`
    select u.id as user_id, u.display_name, w.grid_codes, pt.lat, pt.lng, pt.at as last_seen_at
    ${patrolling(prefix, since)}
    order by pt.at desc, u.id
    limit ${limit}`.execute(db);
  return r.rows;
}

export async function countPatrollingWorkers(db: Db, prefix: string, since: Date): Promise<number> {
  const r = await sql<{ n: number }>`select count(*)::int as n ${patrolling(prefix, since)}`.execute(db);
  return r.rows[0]?.n ?? 0;
}
