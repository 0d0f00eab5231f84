// The security admin removes another account's second factor (a lost phone): its sessions end, and at
// the next sign-in it enrols again (if policy requires) or signs in with the password alone.
import type { Actor } from "../access/actor.ts";
import { requirePermissionAudited } from "../access/require-audited.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { AppError } from "../errors.ts";
import type { Services } from "../services.ts";
import { refuse, revokeSessions } from "../users/account-rules.ts";
import { clearTotp } from "../users/recovery-codes.ts";

export interface ResetUserTotpOptions {
  services: Services;
  actor: Actor;
  ip: string | null;
  username: string;
}

export async function resetUserTotp({ services, actor, ip, username }: ResetUserTotpOptions) {
  const name = username.trim().toLowerCase();
  await requirePermissionAudited(services, actor, "security:accounts", {
    action: "security.user.reset-totp",
    ip,
    objectType: "user",
  });
  const now = services.clock.now();
  const result = await services.db.transaction().execute(async (trx) => {
    const user = await trx
      .selectFrom("users")
      .select(["id", "totp_secret_enc"])
      .where("username", "=", name)
      .forUpdate()
      .executeTakeFirst();
    if (!user) throw new AppError("USER_NOT_FOUND", { username: name });
    if (user.id === actor.userId) throw refuse("username", "administrators cannot reset their own second factor");
    await clearTotp(trx, user.id);
    return {
      id: user.id,
      hadTotp: Boolean(user.totp_secret_enc),
      sessionsRevoked: await revokeSessions(trx, user.id, now),
    };
  });
  await recordAudit(services, {
    actor,
    action: "security.user.reset-totp",
    objectType: "user",
    objectId: result.id,
    outcome: "success",
    ip,
    detail: { username: name, hadTotp: result.hadTotp, sessionsRevoked: result.sessionsRevoked },
  });
  return { username: name, hadTotp: result.hadTotp };
}
