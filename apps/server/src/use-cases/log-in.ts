// Step 1 of signing in: the password. A locked account is refused even with the right password; a
// wrong one counts toward the lockout (5 → 15 minutes). An account with TOTP gets a challenge for
// step 2 (log-in-totp.ts) instead of a session; one that must have TOTP and has none gets an
// enrolment-only session. Every outcome is audited.
import { randomBytes } from "node:crypto";
import type { Role } from "@civicgrid/shared";
import { recordAudit } from "../audit/record-audit.ts";
import type { UserRow } from "../db/schema.ts";
import { AppError } from "../errors.ts";
import { DUMMY_HASH, isUsableHash, verifyPassword } from "../lib/password.ts";
import type { Services } from "../services.ts";
import {
  clearFailures,
  countFailure,
  hashToken,
  isLocked,
  LOCK_MINUTES,
  lockedError,
  mustHaveTotp,
  openSession,
} from "../users/identity.ts";

export { hashToken };

export interface LogInOptions {
  services: Services;
  username: string;
  password: string;
  ip: string | null;
}

/** How long the second step may follow the first. */
export const CHALLENGE_MINUTES = 5;

export type LogInResult =
  | { kind: "session"; token: string; user: UserRow; mfaEnrolmentRequired: boolean }
  | { kind: "mfa"; challenge: string; user: UserRow };

export async function logIn({ services, username, password, ip }: LogInOptions): Promise<LogInResult> {
  const { db, clock } = services;
  const user = await db
    .selectFrom("users")
    .selectAll()
    .where("username", "=", username.trim().toLowerCase())
    .executeTakeFirst();
  const now = clock.now();
  const audit = (outcome: "success" | "failure", detail: Record<string, unknown>, action = "auth.login") =>
    recordAudit(services, {
      actor: null,
      username: user?.username ?? username,
      action,
      ...(user ? { objectType: "user", objectId: user.id } : {}),
      outcome,
      ip,
      detail,
    });
  if (user && isLocked(user, now)) {
    await audit("failure", { code: "ACCOUNT_LOCKED" });
    throw lockedError(user.locked_until as Date, now);
  }
  // an account without a usable password costs the same time as any other, then fails like a wrong one
  const usable = user !== undefined && isUsableHash(user.password_hash);
  const ok = (await verifyPassword(password, usable ? user.password_hash : DUMMY_HASH)) && usable;
  if (!user || !ok) {
    if (user) {
      const { locked, failures } = await countFailure(db, user.id, now);
      await audit("failure", { code: "INVALID_CREDENTIALS", failures });
      if (locked) {
        await audit("failure", { minutes: LOCK_MINUTES }, "auth.lockout");
        throw lockedError(new Date(now.getTime() + LOCK_MINUTES * 60_000), now);
      }
    } else {
      await audit("failure", { code: "INVALID_CREDENTIALS" });
    }
    throw new AppError("INVALID_CREDENTIALS");
  }
  if (!user.active) {
    await audit("failure", { code: "ACCOUNT_DISABLED" });
    throw new AppError("ACCOUNT_DISABLED");
  }
  if (user.totp_secret_enc) {
    // the failure count is only cleared once the second factor is in too
    const challenge = randomBytes(32).toString("base64url");
    await db
      .insertInto("login_challenges")
      .values({
        token_hash: hashToken(challenge),
        user_id: user.id,
        created_at: now,
        expires_at: new Date(now.getTime() + CHALLENGE_MINUTES * 60_000),
        ip,
      })
      .execute();
    await audit("success", { step: "password", next: "totp" }, "auth.login.password");
    return { kind: "mfa", challenge, user };
  }
  await clearFailures(db, user.id);
  const enrolmentOnly = await mustHaveTotp(db, user.roles as Role[]);
  const token = await openSession(services, user.id, ip, enrolmentOnly);
  await audit("success", enrolmentOnly ? { mfaEnrolmentRequired: true } : {});
  return { kind: "session", token, user, mfaEnrolmentRequired: enrolmentOnly };
}
