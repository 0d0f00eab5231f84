// A signed-in user's own password asked again before a sensitive change to their account (new
// password, recovery codes, TOTP off): a wrong one counts toward the lockout like a failed sign-in
// and is audited under the change's action.
import type { Actor } from "../access/actor.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { AppError } from "../errors.ts";
import { verifyPassword } from "../lib/password.ts";
import type { Services } from "../services.ts";
import { countFailure, LOCK_MINUTES, lockedError } from "./identity.ts";

export interface ConfirmOwnPasswordOptions {
  services: Services;
  actor: Actor;
  ip: string | null;
  password: string;
  /** the audit action of the change being confirmed */
  action: string;
}

/** Returns the user's TOTP secret column (null when not enrolled), so callers need no second read. */
export async function confirmOwnPassword({ services, actor, ip, password, action }: ConfirmOwnPasswordOptions) {
  const now = services.clock.now();
  const user = await services.db
    .selectFrom("users")
    .select(["password_hash", "totp_secret_enc"])
    .where("id", "=", actor.userId)
    .executeTakeFirstOrThrow();
  if (!(await verifyPassword(password, user.password_hash))) {
    const { locked } = await countFailure(services.db, actor.userId, now);
    await recordAudit(services, {
      actor,
      action,
      objectType: "user",
      objectId: actor.userId,
      outcome: "failure",
      ip,
      detail: { code: "CURRENT_PASSWORD_WRONG" },
    });
    if (locked) throw lockedError(new Date(now.getTime() + LOCK_MINUTES * 60_000), now);
    throw new AppError("CURRENT_PASSWORD_WRONG");
  }
  return { totpSecretEnc: user.totp_secret_enc };
}
