// Table types: emergency mode (应急指挥) of 018_incidents.sql.
import type { ColumnType, Generated } from "kysely";
import type { Json, Timestamp } from "./column-types.ts";

/** 018: emergency mode (应急指挥) */
export interface IncidentCodeCountersTable {
  day: ColumnType<string, string, string>;
  n: number;
}

export interface IncidentsTable {
  id: Generated<string>;
  code: string;
  type: string;
  level: number;
  title: string;
  description: string | null;
  status: Generated<"active" | "closed">;
  /** the drawn polygon, [[lng, lat], …] (open ring); null when grids were chosen */
  area: ColumnType<number[][] | null, string | null, string | null>;
  grid_codes: string[];
  city_code: string;
  district_code: string | null;
  township_code: string | null;
  community_code: string | null;
  scope_level: string;
  scope_code: string;
  min_lng: number;
  min_lat: number;
  max_lng: number;
  max_lat: number;
  declared_by: string;
  declared_unit_code: string;
  declared_at: Timestamp;
  closed_at: Timestamp | null;
  closed_by: string | null;
  summary: string | null;
  idempotency_key: string | null;
  request_hash: string | null;
  version: Generated<number>;
}

export interface IncidentBroadcastsTable {
  id: Generated<string>;
  incident_id: string;
  /** 1, 2, … per incident */
  seq: number;
  text: string;
  sent_at: Timestamp;
  sent_by: string;
}

export interface IncidentTasksTable {
  id: Generated<string>;
  incident_id: string;
  broadcast_id: string;
  user_id: string;
  grid_code: string;
  status: Generated<"sent" | "acknowledged" | "done">;
  sent_at: Timestamp;
  acked_at: Timestamp | null;
  done_at: Timestamp | null;
  note: string | null;
}

export interface IncidentLogTable {
  id: Generated<string>;
  incident_id: string;
  at: Timestamp;
  kind: "declared" | "task" | "log" | "ack" | "done" | "closed";
  text: string | null;
  actor_user_id: string | null;
  actor_unit_code: string | null;
  task_id: string | null;
  data: Json<Record<string, unknown>>;
}
