// Gives an account a new generated password, returned once and stored only as its scrypt hash; every
// open session of the account ends, so whoever held the old password is signed out.
import type { Actor } from "../access/actor.ts";
import { requirePermissionAudited } from "../access/require-audited.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { AppError } from "../errors.ts";
import { generatePassword } from "../lib/generate-password.ts";
import { hashPassword } from "../lib/password.ts";
import type { Services } from "../services.ts";
import { revokeSessions } from "../users/account-rules.ts";

export interface ResetUserPasswordOptions {
  services: Services;
  actor: Actor;
  ip: string | null;
  userId: string;
}

export async function resetUserPassword({ services, actor, ip, userId }: ResetUserPasswordOptions) {
  await requirePermissionAudited(services, actor, "admin:users", {
    action: "admin.user.reset-password",
    ip,
    objectType: "user",
    objectId: userId,
  });
  const password = generatePassword();
  const passwordHash = await hashPassword(password);
  const now = services.clock.now();
  const { username, sessionsRevoked } = await services.db.transaction().execute(async (trx) => {
    const user = await trx
      .updateTable("users")
      .set({ password_hash: passwordHash, updated_at: now })
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
