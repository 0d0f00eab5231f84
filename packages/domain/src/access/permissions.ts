// Non-case permissions by role. Case actions are decided by the transition table (case/machine.ts);
// case visibility by jurisdiction.ts. Three-admin separation (三员): configuration belongs to the
// system admin, roles and policies to the security admin, audit records to the auditor.
import type { Role } from "@civicgrid/shared";
import { ADMIN_ROLES } from "@civicgrid/shared";

export const PERMISSIONS = {
  /** edit responsibility lists, categories, the working-day calendar, units and users */
  "config:write": ["system_admin"],
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
