// Table types: the case spine (categories, responsibility list, calendar, cases and their events,
// idempotency keys of reports and actions, audit log, attachments) and the hotline's callers and imports.
import type { ColumnType, Generated } from "kysely";
import type { Json, Timestamp } from "./column-types.ts";

export interface CategoriesTable {
  code: string;
  name: string;
  kind: string;
  parent_code: string | null;
  active: Generated<boolean>;
}

export interface ResponsibilityEntriesTable {
  category_code: string;
  handler_kind: string;
  level: string;
  limit_days: ColumnType<string, number | string, number | string>;
  territorial: boolean;
  updated_at: Generated<Date>;
}

export interface CalendarDaysTable {
  day: ColumnType<string, string, string>;
  kind: "holiday" | "workday";
  note: string | null;
}

export interface CaseCodeCountersTable {
  day: string;
  n: number;
}

export interface CasesTable {
  id: Generated<string>;
  code: string;
  title: string;
  description: string;
  source: string;
  category_code: string | null;
  status: string;
  lat: number;
  lng: number;
  /** 013: the coarse part of the address (no house number); the exact address is address_enc */
  address_area: string | null;
  grid_code: string;
  community_code: string;
  township_code: string;
  district_code: string;
  city_code: string;
  // 013: sealed personal data (pii/pii.ts), masked copies for display, the phone's keyed search hash;
  // the clear columns reporter_name, reporter_phone and address of 002 are always null
  reporter_name_enc: string | null;
  reporter_name_masked: string | null;
  reporter_phone_enc: string | null;
  reporter_phone_masked: string | null;
  reporter_phone_hash: string | null;
  reporter_id_number_enc: string | null;
  reporter_id_number_masked: string | null;
  address_enc: string | null;
  anonymised_at: Generated<Date | null>;
  reported_by: string | null;
  centre_unit_code: string;
  owner_unit_code: string | null;
  assist_unit_codes: Generated<string[]>;
  involved_unit_codes: Generated<string[]>;
  dispatcher_unit_code: string | null;
  suggested_unit_code: string | null;
  routing_rule: string | null;
  routing_reason: Json<{ zh: string; en: string }> | null;
  limit_days: ColumnType<string | null, number | string | null, number | string | null>;
  reported_at: Timestamp;
  registered_at: Timestamp | null;
  dispatched_at: Timestamp | null;
  accept_due_at: Timestamp | null;
  accepted_at: Timestamp | null;
  handled_at: Timestamp | null;
  closed_at: Timestamp | null;
  evaluated_at: Timestamp | null;
  due_at: Timestamp | null;
  warn_at: Timestamp | null;
  warned_at: Timestamp | null;
  overdue_at: Timestamp | null;
  escalation_level: Generated<number>;
  next_escalation_at: Timestamp | null;
  rework_count: Generated<number>;
  return_count: Generated<number>;
  reopen_count: Generated<number>;
  supervision_count: Generated<number>;
  extension_count: Generated<number>;
  me_too_count: Generated<number>;
  merged_into_id: string | null;
  rating: string | null;
  rating_comment: string | null;
  pending_extension: Json<unknown> | null;
  result_note: string | null;
  last_return_reason: string | null;
  /** 007: the 12345 system's ticket number of an imported ticket (unique) */
  external_ticket_no: string | null;
  /** 017: the reporter's "was it solved" at evaluation (set by the assessment) */
  solved: Generated<boolean | null>;
  /** 017: working days from dispatch to feedback (numeric(6,2), set at feedback) */
  handling_work_days: ColumnType<number | null, number | string | null | undefined, number | string | null>;
  version: Generated<number>;
  updated_at: Generated<Date>;
  /** 020: the search tokens (a tsvector in its text form, search/case-document.ts); null until indexed */
  search_tokens: ColumnType<string | null, string | null | undefined, string | null>;
  /** 023: when the platform dispatched the case by itself (auto-dispatch), and to which unit */
  auto_dispatched_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  auto_dispatch_unit_code: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface CaseEventsTable {
  id: Generated<string>;
  case_id: string;
  seq: number;
  action: string;
  from_status: string | null;
  to_status: string;
  actor_user_id: string | null;
  actor_role: string | null;
  actor_unit_code: string | null;
  at: Timestamp;
  note: string | null;
  data: Json<Record<string, unknown>>;
}

export interface IdempotencyKeysTable {
  scope: string;
  key: string;
  request_hash: string;
  case_id: string;
  created_at: Generated<Date>;
}

export interface AuditLogTable {
  id: Generated<string>;
  at: Timestamp;
  user_id: string | null;
  username: string | null;
  unit_code: string | null;
  role: string | null;
  action: string;
  object_type: string | null;
  object_id: string | null;
  outcome: "success" | "failure" | "denied";
  ip: string | null;
  detail: Json<Record<string, unknown>>;
  /** the hash chain (012_audit_chain.sql): null only on the very first row / before chaining */
  prev_hash: Buffer | null;
  hash: Buffer | null;
}

export interface AttachmentsTable {
  id: Generated<string>;
  case_id: string | null;
  stage: "report" | "feedback" | "verify" | null;
  /** staff uploader; null when a citizen uploaded anonymously (then public_owner is set) */
  uploaded_by: string | null;
  /** sha256 hex of an anonymous citizen's upload token */
  public_owner: string | null;
  content_type: string;
  size: number;
  sha256: string;
  /** bytes of rows stored before media storage (006); null once storage_key is set */
  data: Buffer | null;
  storage_key: string | null;
  thumb_key: string | null;
  thumb_size: number | null;
  width: number | null;
  height: number | null;
  source_sha256: string | null;
  idempotency_key: string | null;
  created_at: Generated<Date>;
  linked_at: Timestamp | null;
}

/** 010: Idempotency-Keys of case actions, written in the action's transaction */
export interface CaseActionKeysTable {
  scope: string;
  key: string;
  case_id: string;
  action: string;
  request_hash: string;
  created_at: Generated<Date>;
  /** 014: the event the action wrote (null for keys stored before) */
  event_seq: number | null;
}

/** 007: a further caller about an open case ("me too"), written with its me-too event */
export interface CaseCallersTable {
  id: Generated<number>;
  case_id: string;
  /** 013: sealed, masked and (phone) hashed; the clear name and phone columns are always null */
  name_enc: string | null;
  name_masked: string | null;
  phone_enc: string | null;
  phone_masked: string | null;
  phone_hash: string | null;
  note: string | null;
  source: string;
  at: Timestamp;
  user_id: string | null;
  event_seq: number;
}

/** 021: one person told the outcome of a closed case others were merged into (an outbox row) */
export interface CaseNoticesTable {
  id: Generated<number>;
  survivor_id: string;
  close_seq: number;
  /** the merged case (or the survivor, for its own "me too" callers) the person reported on */
  case_id: string;
  /** a "me too" caller; null: the case's reporter */
  caller_id: number | null;
  channel: "sms" | "portal" | "staff";
  status: Generated<"pending" | "sent" | "shown" | "callback" | "failed">;
  attempts: Generated<number>;
  last_error: string | null;
  created_at: Timestamp;
  delivered_at: Timestamp | null;
}

/** 007: a bulk import of hotline tickets (CSV/XLSX) and its row-by-row report */
export interface HotlineImportsTable {
  id: Generated<string>;
  file_name: string;
  file_sha256: string;
  format: "csv" | "xlsx";
  encoding: string | null;
  headers: Json<string[]>;
  /** 016: always '[]' — the data rows are sealed in cells_enc until the import is committed */
  cells: ColumnType<string[][], string | undefined, string>;
  /** 016: the JSON of the data rows, sealed (field `hotline_imports.cells`); null once committed */
  cells_enc: string | null;
  row_count: number;
  status: "uploaded" | "committing" | "committed";
  mapping: Json<Record<string, string>> | null;
  created_count: Generated<number>;
  error_count: Generated<number>;
  duplicate_count: Generated<number>;
  report: Json<unknown[]> | null;
  uploaded_by: string;
  unit_code: string;
  uploaded_at: Timestamp;
  committed_by: string | null;
  committed_at: Timestamp | null;
}
