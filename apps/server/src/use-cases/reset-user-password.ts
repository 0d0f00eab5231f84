// Gives an account a new generated password, returned once and stored only as its scrypt hash; every
// open session of the account ends, so whoever held the old password is signed out, and a lockout is
// lifted. 三员: the system admin resets business accounts; an admin-role account (system admin,
// security admin, auditor) is reset by the security admin only; nobody resets their own here.
import { can } from "@civicgrid/domain";
import { ADMIN_ROLES, type Role } from "@civicgrid/shared";
import type { Actor } from "../access/actor.ts";
import { requirePermissionAudited } from "../access/require-audited.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { AppError } from "../errors.ts";
import { generatePassword } from "../lib/generate-password.ts";
import { hashPassword } from "../lib/password.ts";
import type { Services } from "../services.ts";
import { refuse, revokeSessions } from "../users/account-rules.ts";

export interface ResetUserPasswordOptions {
  services: Services;
  actor: Actor;
  ip: string | null;
  userId: string;
}

export async function resetUserPassword({ services, actor, ip, userId }: ResetUserPasswordOptions) {
  const attempt = { action: "admin.user.reset-password", ip, objectType: "user", objectId: userId };
  // either right lets the request in; which one is needed depends on the account
  if (!can(actor.roles, "security:accounts")) await requirePermissionAudited(services, actor, "admin:users", attempt);
  const target = await services.db
    .selectFrom("users")
    .select(["id", "roles"])
    .where("id", "=", userId)
    .executeTakeFirst();
  if (!target) throw new AppError("USER_NOT_FOUND", { id: userId });
  if (target.id === actor.userId) throw refuse("id", "administrators cannot reset their own password; use 修改密码");
  const adminTarget = (target.roles as Role[]).some((r) => ADMIN_ROLES.includes(r));
  await requirePermissionAudited(services, actor, adminTarget ? "security:accounts" : "admin:users", attempt);
  const password = generatePassword();
  const passwordHash = await hashPassword(password);
  const now = services.clock.now();
  const { username, sessionsRevoked } = await services.db.transaction().execute(async (trx) => {
    const user = await trx
      .updateTable("users")
      .set({
        password_hash: passwordHash,
        updated_at: now,
        failed_logins: 0,
        locked_until: null,
        // the resetting admin knows this password: an admin-role holder must replace it (016)
        must_change_password: adminTarget,
      })
      .where("id", "=", userId)
      .returning(["id", "username"])
      .executeTakeFirst();
    if (!user) throw new AppError("USER_NOT_FOUND", { id: userId });
    return { username: user.username, sessionsRevoked: await revokeSessions(trx, userId, now) };
  });
  await recordAudit(services, {
    actor,
    action: "admin.user.reset-password",
    objectType: "user",
    objectId: userId,
    outcome: "success",
    ip,
    detail: { username, sessionsRevoked },
  });
  return { password };
}
