// Vocabulary shared by server, domain and web. Identifiers follow GLOSSARY.md.

export const DIVISION_LEVELS = ["city", "district", "township", "community"] as const;
export type DivisionLevel = (typeof DIVISION_LEVELS)[number];

export const CASE_STATUSES = [
  "reported",
  "registered",
  "rejected",
  "merged",
  "dispatched",
  "accepted",
  "returned",
  "handled",
  "closed",
  "evaluated",
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** States in which a case is finished and no longer counts as open work. */
export const TERMINAL_STATUSES: readonly CaseStatus[] = ["rejected", "merged", "closed", "evaluated"];

export const CASE_ACTIONS = [
  "register",
  "reject",
  "merge",
  "dispatch",
  "accept",
  "return",
  "escalate",
  "assign",
  "feedback",
  "verify",
  "evaluate",
  "reopen",
  "extend-request",
  "extend-approve",
  "supervise",
  /** another caller or reporter about the same open problem: counted on the case (附议, "me too") */
  "me-too",
  /** a consultation answered at once by the hotline or a centre: closed without dispatch (直接办结) */
  "resolve-direct",
] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

/** Events written by the system rather than by a person's action. */
/** outcome: on a merged case, the case it was merged into was closed and its reporters are told (并案告知) */
export const SYSTEM_EVENTS = ["report", "warn", "overdue", "auto-escalate", "outcome"] as const;
export type SystemEvent = (typeof SYSTEM_EVENTS)[number];
export type CaseEventAction = CaseAction | SystemEvent;

export const CASE_SOURCES = ["grid", "hotline", "web", "app", "media", "open311", "video", "superior"] as const;
export type CaseSource = (typeof CASE_SOURCES)[number];
/** Sources a client may submit through POST /api/v1/cases. */
export const SUBMITTABLE_SOURCES = ["grid", "hotline", "web", "app", "media", "open311"] as const;

export const RATINGS = ["satisfied", "basically", "unsatisfied"] as const;
export type Rating = (typeof RATINGS)[number];

export const ROLES = [
  "grid_worker",
  "community_station",
  "township_centre",
  "district_centre",
  "city_centre",
  "department_handler",
  "hotline_agent",
  "leader",
  "system_admin",
  "security_admin",
  "auditor",
] as const;
export type Role = (typeof ROLES)[number];

/** 三员: no account may hold two of these. */
export const ADMIN_ROLES: readonly Role[] = ["system_admin", "security_admin", "auditor"];
export const CENTRE_ROLES: readonly Role[] = ["city_centre", "district_centre", "township_centre"];

export const UNIT_TYPES = [
  "city_centre",
  "district_centre",
  "township_centre",
  "community_station",
  "department",
  "hotline",
  "admin",
] as const;
export type UnitType = (typeof UNIT_TYPES)[number];

/** Kinds of functional department (职能部门). */
export const DEPARTMENT_KINDS = [
  "housing",
  "water",
  "urban_management",
  "ecology",
  "market",
  "police",
  "heating",
  "transport",
  "natural_resources",
  "landscaping",
  "civil_affairs",
  "health",
  "emergency",
  "power",
  "gas",
  "telecom",
  "education",
  "human_resources",
  "agriculture",
  "culture_tourism",
] as const;
export type DepartmentKind = (typeof DEPARTMENT_KINDS)[number];

/** Who handles a category: the territorial unit itself (属地) or a department kind. */
export type HandlerKind = "territorial" | DepartmentKind;

export const RETURN_REASONS = ["not_in_list", "wrong_place", "duplicate", "insufficient_info", "other"] as const;
export type ReturnReason = (typeof RETURN_REASONS)[number];

/** Emergency mode (应急指挥): kinds of incident a centre declares. */
export const INCIDENT_TYPES = [
  "flood",
  "fire",
  "snow_ice",
  "gas_leak",
  "public_health",
  "production_safety",
  "geological",
  "other",
] as const;
export type IncidentType = (typeof INCIDENT_TYPES)[number];

/** Response levels: 1 Ⅰ特别重大, 2 Ⅱ重大, 3 Ⅲ较大, 4 Ⅳ一般 (1 is the gravest). */
export const INCIDENT_LEVELS = [1, 2, 3, 4] as const;
export type IncidentLevel = (typeof INCIDENT_LEVELS)[number];

export const INCIDENT_STATUSES = ["active", "closed"] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

/** Entries of an incident's append-only log. */
export const INCIDENT_LOG_KINDS = ["declared", "task", "log", "ack", "done", "closed"] as const;
export type IncidentLogKind = (typeof INCIDENT_LOG_KINDS)[number];

/** A grid worker's task of a broadcast: sent → acknowledged (收到) → done (已完成). */
export const INCIDENT_TASK_STATUSES = ["sent", "acknowledged", "done"] as const;
export type IncidentTaskStatus = (typeof INCIDENT_TASK_STATUSES)[number];
