// One incident as the command screen shows it: the open cases in its grids, the grid workers of those
// grids with their last known position and their task's state, the task counts and the log. Cases,
// workers and tasks are those inside the caller's area as well (a station sees its own part of a
// district-wide incident); 404 when the incident does not touch the caller's area.
import { CASE_STATUSES, TERMINAL_STATUSES } from "@civicgrid/shared";
import { sql } from "kysely";
import type { Actor } from "../access/actor.ts";
import { scopeCases } from "../access/case-scope.ts";
import { requirePermission } from "../access/require.ts";
import { visibleIncident } from "../incidents/incident-records.ts";
import { areaOf, directs, gridsInArea } from "../incidents/incident-scope.ts";
import type { Services } from "../services.ts";

/** Caps of the detail's lists; each comes with its total. */
export const INCIDENT_CASES_CAP = 500;
export const INCIDENT_WORKERS_CAP = 2000;
export const INCIDENT_LOG_CAP = 200;

const OPEN_STATUSES = CASE_STATUSES.filter((s) => !TERMINAL_STATUSES.includes(s));

export interface GetIncidentOptions {
  services: Services;
  actor: Actor;
  id: string;
}

export interface IncidentWorkerRow {
  user_id: string;
  display_name: string;
  grid_code: string;
  lat: number | null;
  lng: number | null;
  last_seen_at: Date | null;
  task_status: string | null;
}

export async function getIncident({ services, actor, id }: GetIncidentOptions) {
  requirePermission(actor, "incident:view");
  const { db } = services;
  const area = areaOf(actor);
  const row = await visibleIncident(db, area, id);
  const grids = gridsInArea(area, row.grid_codes);
  const inGrids = sql<boolean>`cases.grid_code = any(${grids}::text[])`;
  const openCases = scopeCases(db.selectFrom("cases"), actor).where(inGrids).where("cases.status", "in", OPEN_STATUSES);

  const [declarer, cases, caseCount, workers, workerCount, tasks, log, logCount] = await Promise.all([
    db.selectFrom("users").select("display_name").where("id", "=", row.declared_by).executeTakeFirst(),
    openCases
      .leftJoin("categories", "categories.code", "cases.category_code")
      .selectAll("cases")
      .select("categories.name as category_name")
      .orderBy("cases.reported_at", "desc")
      .orderBy("cases.id")
      .limit(INCIDENT_CASES_CAP)
      .execute(),
    openCases.select(sql<number>`count(*)::int`.as("n")).executeTakeFirstOrThrow(),
    sql<IncidentWorkerRow>`
      select w.user_id, u.display_name, w.grid_code, pos.lat, pos.lng, pos.at as last_seen_at, t.status as task_status
      from (${workersOf(grids)}) w
      join users u on u.id = w.user_id
      left join lateral (
        select p.last_lat as lat, p.last_lng as lng, p.last_point_at as at from patrols p
        where p.user_id = w.user_id and p.last_point_at is not null
        order by p.started_at desc
        limit 1
      ) pos on true
      left join lateral (
        select it.status from incident_tasks it join incident_broadcasts b on b.id = it.broadcast_id
        where it.incident_id = ${row.id} and it.user_id = w.user_id
        order by b.seq desc
        limit 1
      ) t on true
      order by w.grid_code, u.display_name, w.user_id
      limit ${INCIDENT_WORKERS_CAP}`
      .execute(db)
      .then((r) => r.rows),
    sql<{ n: number }>`select count(*)::int as n from (${workersOf(grids)}) w`
      .execute(db)
      .then((r) => r.rows[0]?.n ?? 0),
    db
      .selectFrom("incident_tasks")
      .select(["status", sql<number>`count(*)::int`.as("n")])
      .where("incident_id", "=", row.id)
      .where(sql<boolean>`grid_code = any(${grids}::text[])`)
      .groupBy("status")
      .execute(),
    db
      .selectFrom("incident_log")
      .leftJoin("users", "users.id", "incident_log.actor_user_id")
      .select([
        "incident_log.id",
        "incident_log.at",
        "incident_log.kind",
        "incident_log.text",
        "incident_log.actor_unit_code",
        "users.display_name as actor_name",
      ])
      .where("incident_log.incident_id", "=", row.id)
      .orderBy("incident_log.id", "desc")
      .limit(INCIDENT_LOG_CAP)
      .execute(),
    db
      .selectFrom("incident_log")
      .select(sql<number>`count(*)::int`.as("n"))
      .where("incident_id", "=", row.id)
      .executeTakeFirstOrThrow(),
  ]);
  const taskCount = (status: string) => tasks.find((t) => t.status === status)?.n ?? 0;
  return {
    row,
    declarerName: declarer?.display_name ?? null,
    directs: directs(actor, area, row),
    cases,
    caseTotal: caseCount.n,
    workers,
    workerTotal: workerCount,
    tasks: { sent: taskCount("sent"), acknowledged: taskCount("acknowledged"), done: taskCount("done") },
    log,
    logTotal: logCount.n,
  };
}

/** The active grid workers of some grids, each once, on their first grid among them. */
function workersOf(grids: string[]) {
  return sql`
    select gw.user_id, min(gw.grid_code) as grid_code
    from grid_worker_grids gw join users wu on wu.id = gw.user_id
    where gw.grid_code = any(${grids}::text[]) and wu.active and 'grid_worker' = any(wu.roles)
    group by gw.user_id`;
}
