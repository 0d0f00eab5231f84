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
  address: string | null;
  grid_code: string;
  community_code: string;
  township_code: string;
  district_code: string;
  city_code: string;
  reporter_name: string | null;
  reporter_phone: string | null;
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
  version: Generated<number>;
  updated_at: Generated<Date>;
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
}

export interface AttachmentsTable {
  id: Generated<string>;
  case_id: string | null;
  stage: "report" | "feedback" | null;
  uploaded_by: string;
  content_type: string;
  size: number;
  sha256: string;
  data: Buffer;
  created_at: Generated<Date>;
  linked_at: Timestamp | null;
}

export interface Database {
  attachments: AttachmentsTable;
  audit_log: AuditLogTable;
  divisions: DivisionsTable;
  grids: GridsTable;
  units: UnitsTable;
  users: UsersTable;
  sessions: SessionsTable;
  categories: CategoriesTable;
  responsibility_entries: ResponsibilityEntriesTable;
  calendar_days: CalendarDaysTable;
  case_code_counters: CaseCodeCountersTable;
  cases: CasesTable;
  case_events: CaseEventsTable;
  idempotency_keys: IdempotencyKeysTable;
}

export type CaseRow = Selectable<CasesTable>;
export type NewCase = Insertable<CasesTable>;
export type CaseEventRow = Selectable<CaseEventsTable>;
export type UnitRow = Selectable<UnitsTable>;
export type UserRow = Selectable<UsersTable>;
