// 三员 separation on the client, mirroring the server's rule so the form says why before submitting:
// at most one of the three admin roles, and never beside a business role.
import { ADMIN_ROLES, ROLES, type Role } from "@civicgrid/shared";

export const isAdminRole = (r: Role): boolean => ADMIN_ROLES.includes(r);

export function validRoleSet(roles: readonly Role[]): boolean {
  const admin = roles.filter(isAdminRole);
  return roles.length > 0 && (admin.length === 0 || (admin.length === 1 && roles.length === 1));
}

/** Whether `r` may still be added to `selected` without breaking the rule. */
export function roleSelectable(r: Role, selected: readonly Role[]): boolean {
  if (selected.includes(r)) return true;
  if (selected.some(isAdminRole)) return false;
  return !(isAdminRole(r) && selected.length > 0);
}

export const BUSINESS_ROLES = ROLES.filter((r) => !isAdminRole(r));

/** A strong random password (the server asks for at least 12 characters). */
export function generatePassword(length = 16): string {
  const alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
  const bytes = crypto.getRandomValues(new Uint8Array(length));
  return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join("");
}
