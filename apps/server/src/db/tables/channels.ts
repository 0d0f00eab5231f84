// Table types: the grid workers' field work (grids, patrols) and the citizens' channels (portal,
// Open311).
import type { Generated } from "kysely";
import type { Json, Timestamp } from "./column-types.ts";

/** 010: the grids a grid worker looks after */
export interface GridWorkerGridsTable {
  user_id: string;
  grid_code: string;
  assigned_at: Generated<Date>;
}

/** 010: a grid worker's patrol (巡查) */
export interface PatrolsTable {
  id: Generated<string>;
  user_id: string;
  started_at: Timestamp;
  ended_at: Timestamp | null;
  distance_m: Generated<number>;
  point_count: Generated<number>;
  idempotency_key: string;
  created_at: Generated<Date>;
  /** the latest point (019: kept by a trigger on patrol_points) */
  last_point_at: Generated<Timestamp | null>;
  last_lat: Generated<number | null>;
  last_lng: Generated<number | null>;
}

export interface PatrolPointsTable {
  patrol_id: string;
  at: Timestamp;
  lat: number;
  lng: number;
  accuracy: number | null;
}

/** 008: an anonymous portal browser's token (sha256 hex) */
export interface PublicSessionsTable {
  token_hash: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
}

/** 008: phone one-time codes, hashed */
export interface OtpCodesTable {
  id: Generated<string>;
  /** 013: always null; the phone's keyed hash finds the codes */
  phone: Generated<string | null>;
  phone_hash: string;
  salt: Buffer;
  code_hash: Buffer;
  created_at: Timestamp;
  expires_at: Timestamp;
  attempts: Generated<number>;
  max_attempts: number;
  used_at: Timestamp | null;
  superseded_at: Timestamp | null;
}

/** 008: a portal report's receipt code (sha256 hex) */
export interface PublicReceiptsTable {
  receipt_hash: string;
  case_id: string;
  created_at: Timestamp;
}

/** 008: phones barred from the portal */
export interface BannedPhonesTable {
  /** 013: an opaque id; the phone itself is only hashed, masked and sealed */
  id: Generated<string>;
  phone_hash: string;
  phone_masked: string;
  phone_enc: string;
  reason: string;
  banned_by: string;
  banned_at: Timestamp;
}

/** 009: Open311 client applications; the API key is kept as a sha256 hex */
export interface Open311ClientsTable {
  id: Generated<string>;
  name: string;
  key_hash: string;
  key_prefix: string;
  active: Generated<boolean>;
  created_at: Generated<Date>;
  created_by: string | null;
  last_used_at: Timestamp | null;
  updated_at: Generated<Date>;
}

/** 009: the Open311 side of a case created through POST /open311/v2/requests */
export interface Open311RequestsTable {
  case_id: string;
  client_id: string;
  token: string;
  media_url: string | null;
  /** 013: sealed; the clear column is always null */
  email_enc: string | null;
  device_id: string | null;
  account_id: string | null;
  attributes: Json<Record<string, string | string[]>>;
  created_at: Generated<Date>;
}
