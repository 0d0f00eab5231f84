// The public shape of a patrol and its track.
import type { Selectable } from "kysely";
import type { PatrolPointsTable, PatrolsTable } from "../db/schema.ts";

export type PatrolRow = Selectable<PatrolsTable>;
export type PatrolPointRow = Pick<Selectable<PatrolPointsTable>, "at" | "lat" | "lng" | "accuracy">;

export function presentPatrol(row: PatrolRow, now: Date) {
  const end = row.ended_at ?? now;
  return {
    id: row.id,
    startedAt: row.started_at.toISOString(),
    endedAt: row.ended_at ? row.ended_at.toISOString() : null,
    active: row.ended_at === null,
    durationSeconds: Math.max(0, Math.round((end.getTime() - row.started_at.getTime()) / 1000)),
    distanceM: Math.round(row.distance_m),
    pointCount: row.point_count,
  };
}

export function presentPatrolWithTrack(row: PatrolRow, points: PatrolPointRow[], now: Date) {
  return {
    ...presentPatrol(row, now),
    track: points.map((p) => ({ at: p.at.toISOString(), lat: p.lat, lng: p.lng, accuracy: p.accuracy })),
  };
}
