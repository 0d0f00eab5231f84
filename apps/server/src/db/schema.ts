// Kysely table types, kept by hand beside the SQL migrations: the tables by subject in ./tables/,
// the Database that joins them, and the row types most code uses.
import type { Insertable, Selectable } from "kysely";
import type {
  AttachmentsTable,
  AuditLogTable,
  CalendarDaysTable,
  CaseActionKeysTable,
  CaseCallersTable,
  CaseCodeCountersTable,
  CaseEventsTable,
  CaseNoticesTable,
  CasesTable,
  CategoriesTable,
  HotlineImportsTable,
  IdempotencyKeysTable,
  ResponsibilityEntriesTable,
} from "./tables/cases.ts";
import type {
  BannedPhonesTable,
  GridWorkerGridsTable,
  Open311ClientsTable,
  Open311RequestsTable,
  OtpCodesTable,
  PatrolPointsTable,
  PatrolsTable,
  PublicReceiptsTable,
  PublicSessionsTable,
} from "./tables/channels.ts";
import type {
  IncidentBroadcastsTable,
  IncidentCodeCountersTable,
  IncidentLogTable,
  IncidentsTable,
  IncidentTasksTable,
} from "./tables/incidents.ts";
import type {
  AnalysisAlertCasesTable,
  AnalysisAlertsTable,
  AnalysisCountsTable,
  AnalysisStateTable,
  AutoDispatchSettingsTable,
  ClassifierModelsTable,
} from "./tables/intelligence.ts";
import type {
  DivisionsTable,
  GridsTable,
  LoginChallengesTable,
  SecurityPoliciesTable,
  SessionsTable,
  SetupCodesTable,
  UnitsTable,
  UserRecoveryCodesTable,
  UsersTable,
} from "./tables/organisation.ts";
import type {
  CaseCloseRollupTable,
  CaseDayRollupTable,
  CaseOpenRollupTable,
  CaseRollupTable,
} from "./tables/rollups.ts";

export type * from "./tables/cases.ts";
export type * from "./tables/channels.ts";
export type * from "./tables/incidents.ts";
export type * from "./tables/intelligence.ts";
export type * from "./tables/organisation.ts";
export type * from "./tables/rollups.ts";

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
