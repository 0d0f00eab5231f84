// Kysely table types, kept by hand beside the SQL migrations.
import type { ColumnType, Generated, Insertable, Selectable } from "kysely";

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json<T> = ColumnType<T, string, string>;

export interface DivisionsTable {
  code: string;
  name: string;
  parent_code: string | null;
  level: string;
}

export interface GridsTable {
  code: string;
  community_code: string;
  name: string;
  geometry: Json<number[][][][]>;
}

export interface UnitsTable {
  code: string;
  name: string;
  name_en: string | null;
  type: string;
  level: string;
  division_code: string;
  department_kind: string | null;
  active: Generated<boolean>;
  created_at: Generated<Date>;
}

export interface UsersTable {
  id: Generated<string>;
  username: string;
  display_name: string;
  password_hash: string;
  unit_code: string;
  roles: string[];
  active: Generated<boolean>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  failed_logins: Generated<number>;
  locked_until: Timestamp | null;
  totp_secret_enc: string | null;
  totp_pending_enc: string | null;
  totp_enabled_at: Timestamp | null;
  /** bigint: read back as a string */
  totp_last_step: ColumnType<string | null, number | string | null, number | string | null>;
  /** 016: an admin-role account whose password someone else chose must set its own first */
  must_change_password: Generated<boolean>;
}

export interface UserRecoveryCodesTable {
  id: Generated<string>;
  user_id: string;
  code_hash: Buffer;
  created_at: Generated<Date>;
  used_at: Timestamp | null;
}

export interface LoginChallengesTable {
  id: Generated<string>;
  token_hash: Buffer;
  user_id: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: Timestamp | null;
  ip: string | null;
}

export interface SecurityPoliciesTable {
  id: Generated<number>;
  totp_required_for_centres: Generated<boolean>;
  updated_at: Generated<Date>;
  updated_by: string | null;
}

export interface SetupCodesTable {
  id: Generated<number>;
  code_hash: Buffer;
  created_at: Generated<Date>;
}

export interface SessionsTable {
  id: Generated<string>;
  token_hash: Buffer;
  user_id: string;
  created_at: Generated<Date>;
  last_seen_at: Generated<Date>;
  expires_at: Timestamp;
  revoked_at: Timestamp | null;
  ip: string | null;
  mfa_enrolment_only: Generated<boolean>;
}

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
}

export interface PatrolPointsTable {
  patrol_id: string;
  at: Timestamp;
  lat: number;
  lng: number;
  accuracy: number | null;
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

/** 017: cohort rollup — every case counted on the day it was reported (Asia/Shanghai), as of now */
export interface CaseRollupTable {
  scope: "city" | "district" | "township" | "community" | "grid" | "unit" | "reporter";
  scope_code: string;
  /** 'YYYY-MM-DD' */
  day: string;
  /** the category's top-level ancestor ('' when none) */
  category_class: string;
  source: string;
  reported: number;
  registered: number;
  dispatched: number;
  dispatches: number;
  returns: number;
  accepted_in_time: number;
  handled: number;
  handled_on_time: number;
  due_to_handle: number;
  reworked: number;
  closed: number;
  closed_on_time: number;
  due_to_close: number;
  open: number;
  overdue_open: number;
  overdue_ever: number;
  evaluated: number;
  satisfied: number;
  basically: number;
  unsatisfied: number;
  solved: number;
  handling_days_sum: number;
  handling_days_n: number;
}

/** 017: case_rollup summed over class and source (the screen's per-day figures) */
export type CaseDayRollupTable = Omit<CaseRollupTable, "category_class" | "source">;

/** 017: open cases now per geographic scope and owning unit ('' before dispatch) */
export interface CaseOpenRollupTable {
  scope: "city" | "district" | "township" | "community" | "grid";
  scope_code: string;
  unit_code: string;
  open: number;
  overdue_open: number;
}

/** 017: closures by the day they happened */
export interface CaseCloseRollupTable {
  scope: CaseRollupTable["scope"];
  scope_code: string;
  day: string;
  closed: number;
}

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

// 022: common problems and trend anomalies (docs/analysis.md)
export interface AnalysisCountsTable {
  level: string;
  code: string;
  day: ColumnType<string, string, string>;
  category_code: string;
  reported: number;
}

export interface AnalysisStateTable {
  id: Generated<boolean>;
  counts_full_at: Timestamp | null;
  counts_from: ColumnType<string | null, string | null, string | null>;
  swept_at: Timestamp | null;
}

export interface AnalysisAlertsTable {
  id: Generated<string>;
  key: string;
  kind: "hotspot" | "trend";
  level: string;
  code: string;
  category_code: string;
  category_level: "category" | "class";
  city_code: string;
  district_code: string | null;
  township_code: string | null;
  community_code: string | null;
  grid_code: string | null;
  window_days: number;
  window_from: ColumnType<string, string, string>;
  window_to: ColumnType<string, string, string>;
  observed: number;
  expected: number;
  ratio: number | null;
  p_value: number;
  q_value: number | null;
  score: number;
  peak_score: number;
  method: string;
  detail: Json<Record<string, unknown>>;
  status: Generated<"open" | "acknowledged" | "tasked" | "dismissed">;
  active: Generated<boolean>;
  first_seen_at: Timestamp;
  last_seen_at: Timestamp;
  ended_at: Timestamp | null;
  status_changed_at: Timestamp | null;
  status_changed_by: string | null;
  status_note: string | null;
  task_case_id: string | null;
  version: Generated<number>;
}

export interface AnalysisAlertCasesTable {
  alert_id: string;
  case_id: string;
}

// 023: the classifier's model store and auto-dispatch (docs/classification.md)
export interface ClassifierModelsTable {
  id: Generated<number>;
  kind: "category" | "unit";
  version: number;
  trained_at: Timestamp;
  trained_on: number;
  data_until: Timestamp | null;
  metrics: Json<Record<string, unknown>>;
  /** TextModel JSON; null once pruned */
  model: ColumnType<unknown | null, string | null, string | null>;
  active: Generated<boolean>;
  activated_at: Timestamp | null;
  activated_by: string | null;
  activation_note: string | null;
}

export interface AutoDispatchSettingsTable {
  category_code: string;
  enabled: Generated<boolean>;
  threshold: number | null;
  precision: number | null;
  coverage: number | null;
  support: number | null;
  model_version: number | null;
  updated_at: Timestamp;
  updated_by: string | null;
}

export interface Database {
  case_rollup: CaseRollupTable;
  case_close_rollup: CaseCloseRollupTable;
  case_day_rollup: CaseDayRollupTable;
  case_open_rollup: CaseOpenRollupTable;
  attachments: AttachmentsTable;
  audit_log: AuditLogTable;
  divisions: DivisionsTable;
  grids: GridsTable;
  units: UnitsTable;
  users: UsersTable;
  sessions: SessionsTable;
  user_recovery_codes: UserRecoveryCodesTable;
  login_challenges: LoginChallengesTable;
  security_policies: SecurityPoliciesTable;
  setup_codes: SetupCodesTable;
  categories: CategoriesTable;
  responsibility_entries: ResponsibilityEntriesTable;
  calendar_days: CalendarDaysTable;
  case_code_counters: CaseCodeCountersTable;
  cases: CasesTable;
  case_events: CaseEventsTable;
  idempotency_keys: IdempotencyKeysTable;
  case_callers: CaseCallersTable;
  case_notices: CaseNoticesTable;
  hotline_imports: HotlineImportsTable;
  grid_worker_grids: GridWorkerGridsTable;
  patrols: PatrolsTable;
  patrol_points: PatrolPointsTable;
  case_action_keys: CaseActionKeysTable;
  public_sessions: PublicSessionsTable;
  otp_codes: OtpCodesTable;
  public_receipts: PublicReceiptsTable;
  banned_phones: BannedPhonesTable;
  open311_clients: Open311ClientsTable;
  open311_requests: Open311RequestsTable;
  incident_code_counters: IncidentCodeCountersTable;
  incidents: IncidentsTable;
  incident_broadcasts: IncidentBroadcastsTable;
  incident_tasks: IncidentTasksTable;
  incident_log: IncidentLogTable;
  analysis_counts: AnalysisCountsTable;
  analysis_state: AnalysisStateTable;
  analysis_alerts: AnalysisAlertsTable;
  analysis_alert_cases: AnalysisAlertCasesTable;
  classifier_models: ClassifierModelsTable;
  auto_dispatch_settings: AutoDispatchSettingsTable;
}

export type CaseRow = Selectable<CasesTable>;
export type NewCase = Insertable<CasesTable>;
export type CaseEventRow = Selectable<CaseEventsTable>;
export type UnitRow = Selectable<UnitsTable>;
export type UserRow = Selectable<UsersTable>;
export type IncidentRow = Selectable<IncidentsTable>;
export type IncidentTaskRow = Selectable<IncidentTasksTable>;
export type AnalysisAlertRow = Selectable<AnalysisAlertsTable>;
