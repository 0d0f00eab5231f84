// The grid workers' ranking (网格员): the cases each one reported (the rollup's 'reporter' scope, by
// report day), their patrols started in the period, the reports made while on patrol, and how much
// of their own grids the patrols walked through (a grid counts once a track point falls inside it).
import { patrolCoverage, reportsPerPatrol } from "@civicgrid/domain";
import { sql } from "kysely";
import type { Db } from "../db/connect.ts";
import type { PlaceDirectory } from "../places/directory.ts";
import { insideArea, type ViewerArea } from "./jurisdiction.ts";
import { endOf, type Periods, spanOf, startOf } from "./period.ts";
import { type Extras, type FigureKey, type Ranking, rank } from "./ranking.ts";
import { countsOf, sumRollup } from "./rollup.ts";

export interface GridWorkerRankingOptions {
  db: Db;
  places: PlaceDirectory;
  area: ViewerArea;
  periods: Periods;
  sort: FigureKey;
  order?: "asc" | "desc";
  now: Date;
}

type Split<T> = { current: T; previous: T };

export async function rankGridWorkers(o: GridWorkerRankingOptions): Promise<Ranking> {
  const users = await o.db
    .selectFrom("users")
    .select(["id", "display_name", "unit_code"])
    .where(sql<boolean>`roles @> array['grid_worker']::text[]`)
    .where("active", "=", true)
    .orderBy("display_name")
    .orderBy("id")
    .execute();
  const workers = users.filter((u) => {
    const unit = o.places.unit(u.unit_code);
    return unit !== null && insideArea(o.area, unit.divisionCode);
  });
  const ids = workers.map((w) => w.id);
  const [sums, patrols] = await Promise.all([
    sumRollup(o.db, "reporter", { codes: ids }, o.periods),
    patrolFigures(o, ids),
  ]);
  const inputs = workers.map((w) => ({
    subject: {
      code: w.id,
      name: w.display_name,
      kind: "grid_worker",
      context: o.places.unit(w.unit_code)?.name ?? null,
      hasChildren: false,
    },
    counts: countsOf(sums, w.id),
    extras: patrols.get(w.id) ?? { current: emptyExtras(), previous: emptyExtras() },
  }));
  return rank(inputs, o.periods, o.sort, o.order);
}

function emptyExtras(): Extras {
  return { patrols: 0, reportsDuringPatrols: 0, reportsPerPatrol: null, patrolCoverage: null };
}

/** Patrol figures of each worker in both periods. */
async function patrolFigures(o: GridWorkerRankingOptions, ids: string[]): Promise<Map<string, Split<Extras>>> {
  const out = new Map<string, Split<Extras>>();
  if (ids.length === 0) return out;
  const span = spanOf(o.periods);
  const [start, end, currentStart] = [startOf(span.from), endOf(span.to), startOf(o.periods.current.from)];
  const [patrols, reports, points, assigned] = await Promise.all([
    // patrols by the day they started
    sql<{ user_id: string; current: boolean; n: number }>`
      select user_id, started_at >= ${currentStart} as current, count(*)::int as n
      from patrols
      where user_id = any(${ids}::uuid[]) and started_at >= ${start} and started_at < ${end}
      group by 1, 2`.execute(o.db),
    // reports made while one of the worker's patrols was under way
    sql<{ user_id: string; current: boolean; n: number }>`
      select c.reported_by as user_id, c.reported_at >= ${currentStart} as current, count(*)::int as n
      from cases c
      where c.reported_by = any(${ids}::uuid[]) and c.reported_at >= ${start} and c.reported_at < ${end}
        and exists (select 1 from patrols p where p.user_id = c.reported_by and c.reported_at >= p.started_at
          and c.reported_at <= coalesce(p.ended_at, ${o.now}))
      group by 1, 2`.execute(o.db),
    // track points, thinned to ~10 m (4 decimals) before they are placed in grids: grids are hundreds
    // of metres across, and a day's track holds thousands of points
    sql<{ user_id: string; current: boolean; lat: number; lng: number }>`
      select distinct p.user_id, p.started_at >= ${currentStart} as current,
        round(pt.lat::numeric, 4)::float8 as lat, round(pt.lng::numeric, 4)::float8 as lng
      from patrols p join patrol_points pt on pt.patrol_id = p.id
      where p.user_id = any(${ids}::uuid[]) and p.started_at >= ${start} and p.started_at < ${end}`.execute(o.db),
    o.db.selectFrom("grid_worker_grids").select(["user_id", "grid_code"]).where("user_id", "in", ids).execute(),
  ]);
  const entry = (id: string) => {
    let e = out.get(id);
    if (!e) {
      e = { current: emptyExtras(), previous: emptyExtras() };
      out.set(id, e);
    }
    return e;
  };
  for (const r of patrols.rows) entry(r.user_id)[r.current ? "current" : "previous"].patrols = r.n;
  for (const r of reports.rows) entry(r.user_id)[r.current ? "current" : "previous"].reportsDuringPatrols = r.n;
  const visited = new Map<string, Split<Set<string>>>();
  for (const p of points.rows) {
    const grid = o.places.locate(p.lat, p.lng)?.grid;
    if (!grid) continue;
    let v = visited.get(p.user_id);
    if (!v) {
      v = { current: new Set(), previous: new Set() };
      visited.set(p.user_id, v);
    }
    v[p.current ? "current" : "previous"].add(grid);
  }
  const grids = new Map<string, string[]>();
  for (const a of assigned) grids.set(a.user_id, [...(grids.get(a.user_id) ?? []), a.grid_code]);
  for (const id of ids) {
    const e = entry(id);
    for (const side of ["current", "previous"] as const) {
      const x = e[side];
      x.reportsPerPatrol = reportsPerPatrol(x.reportsDuringPatrols ?? 0, x.patrols ?? 0);
      x.patrolCoverage = patrolCoverage(visited.get(id)?.[side] ?? [], grids.get(id) ?? []);
    }
  }
  return out;
}
