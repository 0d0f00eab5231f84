// Step 2 of signing in: the challenge from step 1 and a TOTP code (or one recovery code). A wrong
// code counts toward the same lockout as a wrong password; the fifth ends the challenge too.
import { recordAudit } from "../audit/record-audit.ts";
import { AppError } from "../errors.ts";
import type { Services } from "../services.ts";
import {
  clearFailures,
  consumeSecondFactor,
  countFailure,
  hashToken,
  isLocked,
  LOCK_MINUTES,
  lockedError,
  openSession,
} from "../users/identity.ts";

export interface LogInTotpOptions {
  services: Services;
  challenge: string;
  code: string;
  ip: string | null;
}

export async function logInTotp({ services, challenge, code, ip }: LogInTotpOptions) {
  const { db, clock } = services;
  const now = clock.now();
  const row = await db
    .selectFrom("login_challenges")
    .innerJoin("users", "users.id", "login_challenges.user_id")
    .select([
      "login_challenges.id as challengeId",
      "login_challenges.expires_at",
      "login_challenges.used_at",
      "users.id",
      "users.username",
      "users.roles",
      "users.unit_code",
      "users.active",
      "users.locked_until",
      "users.must_change_password",
    ])
    .where("login_challenges.token_hash", "=", hashToken(challenge))
    .executeTakeFirst();
  if (!row || row.used_at || row.expires_at <= now || !row.active) throw new AppError("MFA_CHALLENGE_INVALID");
  const audit = (outcome: "success" | "failure", detail: Record<string, unknown>, action = "auth.login") =>
    recordAudit(services, {
      actor: null,
      username: row.username,
      action,
      objectType: "user",
      objectId: row.id,
      outcome,
      ip,
      detail,
    });
  if (isLocked(row, now)) {
    await audit("failure", { step: "totp", code: "ACCOUNT_LOCKED" });
    throw lockedError(row.locked_until as Date, now);
  }
  const matched = await consumeSecondFactor(services, row.id, code);
  if (!matched) {
    const { locked, failures } = await countFailure(db, row.id, now);
    await audit("failure", { step: "totp", code: "MFA_CODE_INVALID", failures });
    if (locked) {
      await db.updateTable("login_challenges").set({ used_at: now }).where("id", "=", row.challengeId).execute();
      await audit("failure", { minutes: LOCK_MINUTES }, "auth.lockout");
      throw lockedError(new Date(now.getTime() + LOCK_MINUTES * 60_000), now);
    }
    throw new AppError("MFA_CODE_INVALID");
  }
  // single use: a second request with the same challenge finds it used
  const claimed = await db
    .updateTable("login_challenges")
    .set({ used_at: now })
    .where("id", "=", row.challengeId)
    .where("used_at", "is", null)
    .executeTakeFirst();
  if (Number(claimed.numUpdatedRows) !== 1) throw new AppError("MFA_CHALLENGE_INVALID");
  await clearFailures(db, row.id);
  const token = await openSession(services, row.id, ip, false);
  await audit("success", { step: "totp", factor: matched });
  return {
    token,
    user: {
      id: row.id,
      username: row.username,
      roles: row.roles,
      unit_code: row.unit_code,
      must_change_password: row.must_change_password,
    },
  };
}
