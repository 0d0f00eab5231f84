// Writes shared by the incident use cases: the incident's code, its log (append-only), a task
// broadcast to the grid workers of its grids, the row read under the caller's area, and the live
// event sent after commit.
import { sql } from "kysely";
import type { Actor } from "../access/actor.ts";
import { cstDay } from "../cases/case-code.ts";
import type { Db } from "../db/connect.ts";
import type { IncidentRow } from "../db/schema.ts";
import { AppError } from "../errors.ts";
import type { Services } from "../services.ts";
import { divisionsOf, type IncidentArea, incidentVisible } from "./incident-scope.ts";

export type IncidentAction = "declared" | "log" | "task" | "ack" | "done" | "closed";

/** What the live stream (screen SSE) receives after each committed change of an incident. */
export interface IncidentChange {
  incidentId: string;
  code: string;
  action: IncidentAction;
  status: "active" | "closed";
  /** the city, and every district, township and community its grids touch */
  divisionCodes: string[];
  gridCodes: string[];
  at: Date;
}

/** YJ20261127001: the counter row is locked by its upsert until the transaction ends. */
export async function nextIncidentCode(trx: Db, at: Date): Promise<string> {
  const day = cstDay(at);
  const row = await trx
    .insertInto("incident_code_counters")
    .values({ day, n: 1 })
    .onConflict((oc) => oc.column("day").doUpdateSet({ n: sql`incident_code_counters.n + 1` }))
    .returning("n")
    .executeTakeFirstOrThrow();
  return `YJ${day.replaceAll("-", "")}${String(row.n).padStart(3, "0")}`;
}

/** Free text after trimming; blank text (spaces only) is refused like a missing field. */
export function nonBlank(field: string, text: string): string {
  const trimmed = text.trim();
  if (!trimmed) throw new AppError("VALIDATION_FAILED", { field, problem: "blank" });
  return trimmed;
}

export interface LogEntry {
  kind: IncidentAction;
  text?: string | null;
  taskId?: string | null;
  data?: Record<string, unknown>;
}

export async function appendLog(trx: Db, incidentId: string, actor: Actor, at: Date, entry: LogEntry) {
  await trx
    .insertInto("incident_log")
    .values({
      incident_id: incidentId,
      at,
      kind: entry.kind,
      text: entry.text ?? null,
      actor_user_id: actor.userId,
      actor_unit_code: actor.unit.code,
      task_id: entry.taskId ?? null,
      data: JSON.stringify(entry.data ?? {}),
    })
    .execute();
}

/**
 * One broadcast: a task row for every active grid worker who looks after one of the incident's
 * grids (one row per worker, on their first grid of the incident), and its log entry. Returns how
 * many workers it reached.
 */
export async function broadcastTask(
  trx: Db,
  incident: Pick<IncidentRow, "id" | "grid_codes">,
  actor: Actor,
  text: string,
  at: Date,
): Promise<{ broadcastId: string; workers: number }> {
  // the caller holds the incident's row (created or locked), so the next number is taken alone
  const broadcast = await trx
    .insertInto("incident_broadcasts")
    .values({
      incident_id: incident.id,
      seq: sql<number>`(select coalesce(max(seq), 0) + 1 from incident_broadcasts where incident_id = ${incident.id})`,
      text,
      sent_at: at,
      sent_by: actor.userId,
    })
    .returning(["id", "seq"])
    .executeTakeFirstOrThrow();
  const sent = await trx
    .insertInto("incident_tasks")
    .columns(["incident_id", "broadcast_id", "user_id", "grid_code", "sent_at"])
    .expression((eb) =>
      eb
        .selectFrom("grid_worker_grids as gw")
        .innerJoin("users as u", "u.id", "gw.user_id")
        .where(sql<boolean>`gw.grid_code = any(${incident.grid_codes}::text[])`)
        .where("u.active", "=", true)
        .where(sql<boolean>`'grid_worker' = any(u.roles)`)
        .groupBy("gw.user_id")
        .select([
          sql<string>`${incident.id}::uuid`.as("incident_id"),
          sql<string>`${broadcast.id}::uuid`.as("broadcast_id"),
          "gw.user_id",
          sql<string>`min(gw.grid_code)`.as("grid_code"),
          sql<Date>`${at}::timestamptz`.as("sent_at"),
        ]),
    )
    .returning("id")
    .execute();
  await appendLog(trx, incident.id, actor, at, {
    kind: "task",
    text,
    data: { broadcastId: broadcast.id, seq: broadcast.seq, workers: sent.length },
  });
  return { broadcastId: broadcast.id, workers: sent.length };
}

/** The incident if the caller's area touches it (locked for update when asked), else 404. */
export async function visibleIncident(
  db: Db,
  area: IncidentArea | null,
  id: string,
  lock = false,
): Promise<IncidentRow> {
  let q = db.selectFrom("incidents").selectAll().where("id", "=", id).where(incidentVisible(area));
  if (lock) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  if (!row) throw new AppError("INCIDENT_NOT_FOUND");
  return row;
}

/** Raises the version of a directed change; If-Match compares against it. */
export async function bumpVersion(trx: Db, row: IncidentRow, expectedVersion?: number): Promise<number> {
  if (expectedVersion !== undefined && expectedVersion !== row.version) {
    throw new AppError("INCIDENT_CHANGED", { version: row.version });
  }
  await trx
    .updateTable("incidents")
    .set({ version: row.version + 1 })
    .where("id", "=", row.id)
    .execute();
  return row.version + 1;
}

export function emitIncident(
  services: Services,
  row: Pick<IncidentRow, "id" | "code" | "status" | "grid_codes">,
  action: IncidentAction,
  at: Date,
): void {
  const change: IncidentChange = {
    incidentId: row.id,
    code: row.code,
    action,
    status: row.status,
    divisionCodes: divisionsOf(services.places, row.grid_codes).all,
    gridCodes: row.grid_codes,
    at,
  };
  services.events.emit("incident", change);
}
