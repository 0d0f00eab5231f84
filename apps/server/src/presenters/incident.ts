// The public shapes of an incident (应急事件), its detail for the command screen, and a grid
// worker's task on the phone. Names of people are masked (陈*): the command screen hangs in a hall.
import type { IncidentRow } from "../db/schema.ts";
import type { IncidentTaskView } from "../incidents/task-view.ts";
import { maskName } from "../pii/mask.ts";
import type { PlaceDirectory } from "../places/directory.ts";
import type { getIncident } from "../use-cases/get-incident.ts";
import { isOverdue } from "./case.ts";

type Detail = Awaited<ReturnType<typeof getIncident>>;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** 裕华社区网格员 陈静 → 裕华社区网格员 陈*: the post before the space stays, the person's name is masked. */
export function maskStaffName(displayName: string | null): string | null {
  if (!displayName) return null;
  const text = displayName.trim();
  const cut = text.lastIndexOf(" ");
  return cut < 0 ? maskName(text) : `${text.slice(0, cut)} ${maskName(text.slice(cut + 1))}`;
}

export function presentIncident(row: IncidentRow & { declarer_name?: string | null }, places: PlaceDirectory) {
  const unit = places.unit(row.declared_unit_code);
  return {
    id: row.id,
    code: row.code,
    type: row.type,
    level: row.level,
    title: row.title,
    status: row.status,
    declaredAt: row.declared_at.toISOString(),
    declaredBy: {
      name: maskStaffName(row.declarer_name ?? null),
      unitCode: row.declared_unit_code,
      unitName: unit?.name ?? row.declared_unit_code,
    },
    closedAt: iso(row.closed_at),
    scope: {
      level: row.scope_level,
      code: row.scope_code,
      name: places.division(row.scope_code)?.name ?? row.scope_code,
    },
    gridCount: row.grid_codes.length,
    bounds: { minLng: row.min_lng, minLat: row.min_lat, maxLng: row.max_lng, maxLat: row.max_lat },
    version: row.version,
  };
}

export function presentIncidentDetail(detail: Detail, places: PlaceDirectory, now: Date) {
  const { row } = detail;
  return {
    ...presentIncident({ ...row, declarer_name: detail.declarerName }, places),
    description: row.description,
    summary: row.summary,
    area: { polygon: row.area, gridCodes: row.grid_codes },
    /** may the caller add to the log, broadcast and close (a declaring centre whose area holds it all) */
    canDirect: detail.directs && row.status === "active",
    cases: detail.cases.map((c) => ({
      id: c.id,
      code: c.code,
      title: c.title,
      status: c.status,
      lat: c.lat,
      lng: c.lng,
      gridCode: c.grid_code,
      categoryName: c.category_name,
      reportedAt: c.reported_at.toISOString(),
      overdue: isOverdue(c, now),
    })),
    caseTotal: detail.caseTotal,
    workers: detail.workers.map((w) => ({
      userId: w.user_id,
      name: maskStaffName(w.display_name),
      gridCode: w.grid_code,
      gridName: places.gridName(w.grid_code),
      lat: w.lat,
      lng: w.lng,
      lastSeenAt: w.last_seen_at ? new Date(w.last_seen_at).toISOString() : null,
      taskStatus: w.task_status,
    })),
    workerTotal: detail.workerTotal,
    tasks: { ...detail.tasks, total: detail.tasks.sent + detail.tasks.acknowledged + detail.tasks.done },
    log: detail.log.map((l) => ({
      id: String(l.id),
      at: l.at.toISOString(),
      kind: l.kind,
      text: l.text,
      actorName: maskStaffName(l.actor_name),
      unitName: l.actor_unit_code ? (places.unit(l.actor_unit_code)?.name ?? l.actor_unit_code) : null,
    })),
    logTotal: detail.logTotal,
  };
}

export function presentIncidentTask(task: IncidentTaskView, places: PlaceDirectory) {
  return {
    id: task.id,
    incidentId: task.incident_id,
    incidentCode: task.incident_code,
    incidentStatus: task.incident_status,
    type: task.incident_type,
    level: task.incident_level,
    title: task.incident_title,
    text: task.text,
    /** 1 for the declaration's broadcast, 2 for the next … */
    round: task.broadcast_seq,
    status: task.status,
    gridCode: task.grid_code,
    gridName: places.gridName(task.grid_code),
    sentAt: task.sent_at.toISOString(),
    ackedAt: iso(task.acked_at),
    doneAt: iso(task.done_at),
    note: task.note,
  };
}
