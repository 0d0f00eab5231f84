// Helpers of the account use cases: the role rules (三员 and role-fits-unit, from the domain) checked
// against the unit row, and session revocation. Refusals are 422 VALIDATION_FAILED as the contract
// says: the request is well-formed, the organisation's rules refuse it.
import { rolesMisfitting, validRoleSet } from "@civicgrid/domain";
import { ADMIN_ROLES, type Role, type UnitType } from "@civicgrid/shared";
import type { Db } from "../db/connect.ts";
import { AppError } from "../errors.ts";
import { MIN_PASSWORD_LENGTH, PASSWORD_PROBLEM_TEXT, passwordProblem } from "../lib/password-policy.ts";

export { MIN_PASSWORD_LENGTH };

export function refuse(field: string, problem: string, extra: Record<string, unknown> = {}): AppError {
  return new AppError("VALIDATION_FAILED", { field, problem, ...extra }, 422);
}

/**
 * Checks roles against the unit they would sit in; the unit row is share-locked so that it cannot be
 * deactivated between this check and the caller's commit. `needActive`: a new seat must be in an
 * active unit; an account staying where it is may keep an inactive one.
 */
export async function checkSeat(trx: Db, roles: readonly Role[], unitCode: string, needActive: boolean) {
  if (!validRoleSet(roles)) {
    throw refuse("roles", "no account holds two of the three admin roles, nor one of them with a business role");
  }
  const unit = await trx
    .selectFrom("units")
    .select(["code", "name", "type", "active"])
    .where("code", "=", unitCode)
    .forShare()
    .executeTakeFirst();
  if (!unit || (needActive && !unit.active)) throw new AppError("UNKNOWN_UNIT", { unitCode });
  const misfits = rolesMisfitting(roles, unit.type as UnitType);
  if (misfits.length) {
    throw refuse("roles", "role does not fit the unit's type", { roles: misfits, unitType: unit.type });
  }
  return unit;
}

/** Every place a password is set goes through here: 422 VALIDATION_FAILED with the policy's reason. */
export function checkPassword(password: string, username: string, field = "password") {
  const problem = passwordProblem(password, username);
  if (problem) throw refuse(field, PASSWORD_PROBLEM_TEXT[problem], { reason: problem });
}

/**
 * An account holding one of the three admin roles, given a password by someone else (created, reset
 * or re-roled by another admin), must choose its own at its first sign-in: whoever set it cannot use it.
 */
export function mustChangeGivenPassword(roles: readonly Role[]): boolean {
  return roles.some((r) => ADMIN_ROLES.includes(r));
}

/** Ends every open session of the user at once: the next request with their token gets 401. */
export async function revokeSessions(trx: Db, userId: string, now: Date): Promise<number> {
  const result = await trx
    .updateTable("sessions")
    .set({ revoked_at: now })
    .where("user_id", "=", userId)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
