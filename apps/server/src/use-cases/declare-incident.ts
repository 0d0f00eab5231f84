// 应急指挥: a centre declares an incident over grids of its own area (drawn or chosen). The incident,
// its first log entries, the task broadcast to every grid worker of those grids and the audit record
// are one transaction; the live screens hear of it after commit. An Idempotency-Key makes a retry
// return the same incident.
import { createHash } from "node:crypto";
import type { IncidentType } from "@civicgrid/shared";
import type { Actor } from "../access/actor.ts";
import { requirePermission } from "../access/require.ts";
import { recordAudit } from "../audit/record-audit.ts";
import type { Db } from "../db/connect.ts";
import type { IncidentRow } from "../db/schema.ts";
import { AppError } from "../errors.ts";
import { type AreaInput, resolveArea } from "../incidents/incident-area.ts";
import { appendLog, broadcastTask, emitIncident, nextIncidentCode, nonBlank } from "../incidents/incident-records.ts";
import { areaOf, divisionsOf } from "../incidents/incident-scope.ts";
import type { Services } from "../services.ts";

export interface DeclareIncidentInput {
  type: IncidentType;
  level: number;
  title: string;
  description?: string;
  area: AreaInput;
  /** the first task broadcast to the grid workers of the incident's grids */
  taskText: string;
}

export interface DeclareIncidentOptions {
  services: Services;
  actor: Actor;
  input: DeclareIncidentInput;
  idempotencyKey?: string;
  ip?: string | null;
}

export async function declareIncident({
  services,
  actor,
  input,
  idempotencyKey,
  ip,
}: DeclareIncidentOptions): Promise<{ row: IncidentRow; replayed: boolean }> {
  requirePermission(actor, "incident:declare");
  const area = areaOf(actor);
  if (!area) throw new AppError("FORBIDDEN", { permission: "incident:declare" });
  const { db, places, clock } = services;
  const hash = requestHash(input);
  if (idempotencyKey) {
    const replay = await findReplay(db, actor, idempotencyKey, hash);
    if (replay) return { row: replay, replayed: true };
  }
  const title = nonBlank("title", input.title);
  const taskText = nonBlank("taskText", input.taskText);
  const resolved = resolveArea(places, area, input.area);
  const divisions = divisionsOf(places, resolved.gridCodes);
  const now = clock.now();

  try {
    const { row, workers } = await db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto("incidents")
        .values({
          code: await nextIncidentCode(trx, now),
          type: input.type,
          level: input.level,
          title,
          description: input.description?.trim() || null,
          area: resolved.polygon ? JSON.stringify(resolved.polygon) : null,
          grid_codes: resolved.gridCodes,
          city_code: divisions.city,
          district_code: divisions.district,
          township_code: divisions.township,
          community_code: divisions.community,
          scope_level: divisions.scopeLevel,
          scope_code: divisions.scopeCode,
          min_lng: resolved.bounds.minX,
          min_lat: resolved.bounds.minY,
          max_lng: resolved.bounds.maxX,
          max_lat: resolved.bounds.maxY,
          declared_by: actor.userId,
          declared_unit_code: actor.unit.code,
          declared_at: now,
          idempotency_key: idempotencyKey ?? null,
          request_hash: idempotencyKey ? hash : null,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await appendLog(trx, row.id, actor, now, {
        kind: "declared",
        text: title,
        data: { type: row.type, level: row.level, grids: row.grid_codes.length, drawn: resolved.polygon !== null },
      });
      const { workers } = await broadcastTask(trx, row, actor, taskText, now);
      await recordAudit(
        services,
        {
          actor,
          action: "incident.declare",
          objectType: "incident",
          objectId: row.id,
          outcome: "success",
          ip: ip ?? null,
          detail: { code: row.code, type: row.type, level: row.level, grids: row.grid_codes.length, workers },
        },
        trx,
      );
      return { row, workers };
    });
    services.logger.info({ incident: row.code, grids: row.grid_codes.length, workers }, "incident declared");
    emitIncident(services, row, "declared", now);
    return { row, replayed: false };
  } catch (err) {
    // the same key sent twice at once: the unique index lets one through, the other replays it
    if (idempotencyKey && (err as { code?: string }).code === "23505") {
      const replay = await findReplay(db, actor, idempotencyKey, hash);
      if (replay) return { row: replay, replayed: true };
    }
    throw err;
  }
}

function requestHash(input: DeclareIncidentInput): string {
  // canonical: sorted keys, so the same body in another key order is the same request
  const canonical = JSON.stringify(input, (_k, v) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
  return createHash("sha256").update(canonical).digest("hex");
}

async function findReplay(db: Db, actor: Actor, key: string, hash: string): Promise<IncidentRow | null> {
  const row = await db
    .selectFrom("incidents")
    .selectAll()
    .where("declared_by", "=", actor.userId)
    .where("idempotency_key", "=", key)
    .executeTakeFirst();
  if (!row) return null;
  if (row.request_hash !== hash) throw new AppError("IDEMPOTENCY_KEY_REUSED");
  return row;
}
