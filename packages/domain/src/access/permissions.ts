// Non-case permissions by role. Case actions are decided by the transition table (case/machine.ts);
// case visibility by jurisdiction.ts. Three-admin separation (三员): configuration belongs to the
// system admin, roles and policies to the security admin, audit records to the auditor.
import type { Role } from "@civicgrid/shared";
import { ADMIN_ROLES } from "@civicgrid/shared";

export const PERMISSIONS = {
  /** edit responsibility lists, categories and the working-day calendar */
  "config:write": ["system_admin"],
  /** create, rename, deactivate units (the directory is reloaded after each edit) */
  "admin:units": ["system_admin"],
  /** create and edit accounts, reset passwords */
  "admin:users": ["system_admin"],
  /** read the role and permission matrix and the account count per role */
  "security:roles": ["security_admin"],
  /** edit the security policies (TOTP required for centre roles) */
  "security:policies": ["security_admin"],
  /** reset another account's TOTP, and the password of an admin-role account (三员: not the system admin) */
  "security:accounts": ["security_admin"],
  /** read the audit log: the auditor alone, so no administrator reviews their own traces */
  "audit:read": ["auditor"],
  /** read reference data (categories, responsibility lists, calendar) */
  "config:read": [
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
  ],
  /** report a problem (create a case) */
  "case:create": [
    "grid_worker",
    "community_station",
    "township_centre",
    "district_centre",
    "city_centre",
    "department_handler",
    "hotline_agent",
  ],
  /** upload photos for a report or a handling feedback: whoever reports or handles cases */
  "attachment:upload": [
    "grid_worker",
    "community_station",
    "township_centre",
    "district_centre",
    "city_centre",
    "department_handler",
    "hotline_agent",
  ],
  /** the grid workers' phone app: my grids, my tasks, patrols with their GPS track */
  "mobile:use": ["grid_worker"],
  /** see a reporter's full phone number (audited, with a reason): the hotline calls back, centres coordinate */
  "pii:unmask": ["hotline_agent", "city_centre", "district_centre", "township_centre"],
  /** the 12345 desk: record calls, answer consultations on the call (直接办结), attach "me too" callers */
  "hotline:desk": ["hotline_agent", "city_centre", "district_centre", "township_centre"],
  /** bulk import of tickets exported by the 12345 system: city-wide, so the hotline and the city centre */
  "hotline:import": ["hotline_agent", "city_centre"],
  /** the assessment (综合评价): rankings of areas, units and people, their exports and the monthly report */
  "assessment:view": ["leader", "city_centre", "district_centre", "township_centre", "community_station"],
  /** the big screen (一屏指挥): city-wide figures, the live map and stream, within one's own area */
  "screen:view": ["leader", "city_centre", "district_centre", "township_centre", "community_station"],
  /** emergency mode (应急指挥): declare an incident over grids of one's own area, broadcast tasks, log, close */
  "incident:declare": ["city_centre", "district_centre", "township_centre"],
  /** see the incidents touching one's area (the big screen's emergency mode) */
  "incident:view": ["leader", "city_centre", "district_centre", "township_centre", "community_station"],
  /** 共性问题 / 分析研判: hotspots, trend alerts and the monthly common-problem report of one's own area */
  "analysis:view": ["leader", "city_centre", "district_centre", "township_centre", "community_station"],
  /** acknowledge or dismiss an alert, open a governance task (治理任务) for it: the centres that dispatch */
  "analysis:manage": ["city_centre", "district_centre", "township_centre"],
  /**
   * 智能分派: the classifier's model versions (retrain, activate) and the auto-dispatch switch per
   * category — city-wide settings, so the system admin (configuration) and the city centre (dispatch)
   */
  "models:manage": ["system_admin", "city_centre"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(roles: readonly Role[], permission: Permission): boolean {
  return roles.some((r) => (PERMISSIONS[permission] as readonly Role[]).includes(r));
}

/** 三员: an account holds at most one of the three admin roles, and no business role beside it. */
export function validRoleSet(roles: readonly Role[]): boolean {
  const admin = roles.filter((r) => ADMIN_ROLES.includes(r));
  return roles.length > 0 && (admin.length === 0 || (admin.length === 1 && roles.length === 1));
}
