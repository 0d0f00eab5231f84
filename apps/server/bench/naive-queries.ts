// The naive equivalent of each big-screen endpoint: the same figures computed by GROUP BY over the
// raw `cases` table (and patrols), as one would without rollups — the yardstick `npm run bench`
// prints next to the endpoints. Written independently of the screen's code: the day boundaries are
// China Standard Time midnights, the formulas those of docs/indicators.md as of this writing
// (packages/domain/src/assessment/indicators.ts): found = reported; resolved = found − still open;
// resolved rate = resolved ÷ (resolved + open past the deadline); on-time closure = closed on time ÷
// (closed or ever overdue); satisfaction = (satisfied + basically) ÷ evaluated — over the same
// windows (today; the last 30 days; the 365-day cohort; open and overdue now; closed in the last 24
// hours; on patrol in the last 30 minutes).
import { type RawBuilder, sql } from "kysely";
import type { Db } from "../src/db/connect.ts";

export type Level = "city" | "district";

export interface NaiveScope {
  level: Level;
  code: string;
}

const COLUMN: Record<Level, string> = { city: "city_code", district: "district_code" };
const CHILD: Record<Level, string> = { city: "district_code", district: "township_code" };
const OPEN = sql.raw(`('reported', 'registered', 'dispatched', 'accepted', 'returned', 'handled')`);
const CLOSED = sql.raw(`('closed', 'evaluated')`);
const DAY_MS = 86_400_000;

/** 'YYYY-MM-DD' of the CST day `offset` days from the one holding `now`. */
export function cstDayOf(now: Date, offset = 0): string {
  return new Date(now.getTime() + 8 * 3_600_000 + offset * DAY_MS).toISOString().slice(0, 10);
}
/** The instant a CST day starts. */
const startOf = (day: string) => new Date(`${day}T00:00:00+08:00`);

export interface NaiveWindows {
  now: Date;
  today: string;
  /** the charts' window: 30 days */
  from30: string;
  /** the rates' cohort: 365 days */
  from365: string;
}

export function naiveWindows(now: Date): NaiveWindows {
  return { now, today: cstDayOf(now), from30: cstDayOf(now, -29), from365: cstDayOf(now, -364) };
}

const inScope = (s: NaiveScope) => sql`${sql.ref(`c.${COLUMN[s.level]}`)} = ${s.code}`;
const num = (v: unknown) => Number(v ?? 0);

/** Every grid worker of the scope on an open patrol with a point in the last 30 minutes. */
function patrolling(s: NaiveScope, w: NaiveWindows): RawBuilder<unknown> {
  const prefix = s.level === "city" ? s.code.slice(0, 4) : s.code.slice(0, 6);
  return sql`
    from patrol_points pt
    join patrols p on p.id = pt.patrol_id and p.ended_at is null
    join users u on u.id = p.user_id and u.active and 'grid_worker' = any(u.roles)
    where pt.at > ${new Date(w.now.getTime() - 30 * 60_000)}
      and exists (select 1 from grid_worker_grids g where g.user_id = p.user_id and g.grid_code::text like ${`${prefix}%`})`;
}

export async function naiveSummary(db: Db, s: NaiveScope, w: NaiveWindows) {
  const today = startOf(w.today);
  const cohort = startOf(w.from365);
  const [r, p] = await Promise.all([
    sql<Record<string, number>>`
      select
        count(*) filter (where c.reported_at >= ${today}) as reported_today,
        count(*) filter (where c.status in ${OPEN}) as open,
        count(*) filter (where c.status in ${OPEN} and c.overdue_at is not null) as overdue,
        count(*) filter (where c.status in ${CLOSED} and c.closed_at >= ${today}) as closed_today,
        count(*) filter (where c.reported_at >= ${cohort}) as found,
        count(*) filter (where c.reported_at >= ${cohort} and c.status not in ${OPEN}) as resolved,
        count(*) filter (where c.reported_at >= ${cohort} and c.status in ${OPEN}
          and c.overdue_at is not null) as cohort_overdue,
        count(*) filter (where c.reported_at >= ${cohort} and c.status in ${CLOSED}
          and (c.due_at is null or c.closed_at <= c.due_at)) as closed_on_time,
        count(*) filter (where c.reported_at >= ${cohort}
          and (c.status in ${CLOSED} or c.overdue_at is not null)) as due_to_close,
        count(*) filter (where c.reported_at >= ${cohort} and c.rating in ('satisfied', 'basically')) as satisfied,
        count(*) filter (where c.reported_at >= ${cohort} and c.rating is not null) as evaluated
      from cases c where ${inScope(s)}`.execute(db),
    sql<{ n: number }>`select count(distinct p.user_id) as n ${patrolling(s, w)}`.execute(db),
  ]);
  const x = r.rows[0]!;
  const rate = (a: unknown, b: unknown) => (num(b) > 0 ? num(a) / num(b) : null);
  return {
    reportedToday: num(x.reported_today),
    open: num(x.open),
    overdue: num(x.overdue),
    closedToday: num(x.closed_today),
    found: num(x.found),
    resolved: num(x.resolved),
    resolvedRate: rate(x.resolved, num(x.resolved) + num(x.cohort_overdue)),
    onTimeClosureRate: rate(x.closed_on_time, x.due_to_close),
    satisfactionRate: rate(x.satisfied, x.evaluated),
    patrollingNow: num(p.rows[0]?.n),
  };
}

export async function naiveCharts(db: Db, s: NaiveScope, w: NaiveWindows) {
  const from = startOf(w.from30);
  const cohort = startOf(w.from365);
  const child = sql.ref(`c.${CHILD[s.level]}`);
  const [reported, closed, classes, sources, ranking, units] = await Promise.all([
    sql<{ day: string; n: number }>`
      select (c.reported_at at time zone 'Asia/Shanghai')::date::text as day, count(*) as n
      from cases c where ${inScope(s)} and c.reported_at >= ${from} group by 1`.execute(db),
    sql<{ day: string; n: number }>`
      select (c.closed_at at time zone 'Asia/Shanghai')::date::text as day, count(*) as n
      from cases c where ${inScope(s)} and c.status in ${CLOSED} and c.closed_at >= ${from} group by 1`.execute(db),
    // the top-level ancestor of each category: its class
    sql<{ code: string; n: number }>`
      with recursive up(code, class) as (
        select code, code from categories where parent_code is null
        union all
        select k.code, up.class from categories k join up on k.parent_code = up.code
      )
      select coalesce(up.class, '') as code, count(*) as n
      from cases c left join up on up.code = c.category_code
      where ${inScope(s)} and c.reported_at >= ${from}
      group by 1 order by 2 desc, 1 limit 10`.execute(db),
    sql<{ source: string; n: number }>`
      select c.source, count(*) as n from cases c where ${inScope(s)} and c.reported_at >= ${from}
      group by 1`.execute(db),
    sql<{ code: string; reported: number; resolved: number; cohort_overdue: number; closed: number; overdue: number }>`
      select ${child} as code,
        count(*) filter (where c.reported_at >= ${cohort}) as reported,
        count(*) filter (where c.reported_at >= ${cohort} and c.status not in ${OPEN}) as resolved,
        count(*) filter (where c.reported_at >= ${cohort} and c.status in ${OPEN}
          and c.overdue_at is not null) as cohort_overdue,
        count(*) filter (where c.reported_at >= ${cohort} and c.status in ${CLOSED}) as closed,
        count(*) filter (where c.status in ${OPEN} and c.overdue_at is not null) as overdue
      from cases c where ${inScope(s)} group by 1`.execute(db),
    sql<{ unit: string; n: number }>`
      select c.owner_unit_code as unit, count(*) as n from cases c
      where ${inScope(s)} and c.status in ${OPEN} and c.overdue_at is not null and c.owner_unit_code is not null
      group by 1 order by 2 desc, 1 limit 10`.execute(db),
  ]);
  return {
    reported: new Map(reported.rows.map((r) => [r.day, num(r.n)])),
    closed: new Map(closed.rows.map((r) => [r.day, num(r.n)])),
    categories: classes.rows.map((r) => ({ code: r.code, count: num(r.n) })),
    sources: new Map(sources.rows.map((r) => [r.source, num(r.n)])),
    ranking: new Map(
      ranking.rows.map((r) => [
        String(r.code).trim(),
        {
          reported: num(r.reported),
          closed: num(r.closed),
          overdue: num(r.overdue),
          resolvedRate:
            num(r.resolved) + num(r.cohort_overdue) > 0
              ? num(r.resolved) / (num(r.resolved) + num(r.cohort_overdue))
              : null,
        },
      ]),
    ),
    overdueByUnit: units.rows.map((r) => ({ unitCode: r.unit, count: num(r.n) })),
  };
}

/** One straightforward query: open or closed in the last 24 h, open first, newest first, capped. */
export async function naivePoints(db: Db, s: NaiveScope, w: NaiveWindows, limit: number) {
  const since = new Date(w.now.getTime() - DAY_MS);
  const where = sql`${inScope(s)} and (c.status in ${OPEN} or (c.status in ${CLOSED} and c.closed_at > ${since}))`;
  const [items, total] = await Promise.all([
    sql<{ id: string }>`
      select c.id, c.code, c.lat, c.lng, c.status, c.overdue_at, k.name as category_name, c.reported_at
      from cases c left join categories k on k.code = c.category_code
      where ${where}
      order by (c.status in ${OPEN}) desc, case when c.status in ${OPEN} then c.reported_at end desc,
        c.closed_at desc, c.id
      limit ${limit}`.execute(db),
    sql<{ n: number }>`select count(*) as n from cases c where ${where}`.execute(db),
  ]);
  return { items: items.rows.length, total: num(total.rows[0]?.n) };
}

/** Reports per grid over the last 30 days. */
export async function naiveHeat(db: Db, s: NaiveScope, w: NaiveWindows) {
  const r = await sql<{ grid: string; n: number }>`
    select c.grid_code as grid, count(*) as n from cases c
    where ${inScope(s)} and c.reported_at >= ${startOf(w.from30)} group by 1`.execute(db);
  return new Map(r.rows.map((x) => [String(x.grid).trim(), num(x.n)]));
}

/** Each patrolling worker's latest point. */
export async function naiveWorkers(db: Db, s: NaiveScope, w: NaiveWindows) {
  const r = await sql<{ user_id: string }>`
    select distinct on (p.user_id) p.user_id, u.display_name, pt.lat, pt.lng, pt.at
    ${patrolling(s, w)}
    order by p.user_id, pt.at desc`.execute(db);
  return r.rows.length;
}
