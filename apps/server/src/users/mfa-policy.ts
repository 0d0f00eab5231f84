// Who must use a second factor (pure): the three admin roles always; the centre roles when the
// security admin's policy says so. Grid workers and other business roles only enrol if they wish.
import { ADMIN_ROLES, CENTRE_ROLES, type Role } from "@civicgrid/shared";

export interface SecurityPolicy {
  totpRequiredForCentres: boolean;
}

export function totpRequired(roles: readonly Role[], policy: SecurityPolicy): boolean {
  if (roles.some((r) => ADMIN_ROLES.includes(r))) return true;
  return policy.totpRequiredForCentres && roles.some((r) => CENTRE_ROLES.includes(r));
}
