// Shared steps of signing in: the lockout counter (5 failures → 15 minutes), opening a session
// (possibly enrolment-only), the security policy row, and checking a TOTP or recovery code.
import { createHash, randomBytes } from "node:crypto";
import type { Role } from "@civicgrid/shared";
import type { Db } from "../db/connect.ts";
import type { UserRow } from "../db/schema.ts";
import { AppError } from "../errors.ts";
import { openSecret } from "../lib/secret-box.ts";
import { acceptTotp, hashRecoveryCode, isRecoveryCodeShape } from "../lib/totp.ts";
import type { Services } from "../services.ts";
import { type SecurityPolicy, totpRequired } from "./mfa-policy.ts";

export function hashToken(token: string): Buffer {
  return createHash("sha256").update(token).digest();
}

export const LOCK_AFTER_FAILURES = 5;
export const LOCK_MINUTES = 15;
/** name of the key file (DATA_DIR/keys/totp.key) sealing TOTP seeds */
export const TOTP_KEY = "totp";

export function lockedError(lockedUntil: Date, now: Date): AppError {
  const minutes = Math.max(1, Math.ceil((lockedUntil.getTime() - now.getTime()) / 60_000));
  return new AppError("ACCOUNT_LOCKED", { minutes, lockedUntil: lockedUntil.toISOString() });
}

export function isLocked(user: Pick<UserRow, "locked_until">, now: Date): boolean {
  return user.locked_until !== null && user.locked_until > now;
}

/**
 * Counts one failed password or code under the user's row lock; the fifth in a row locks the account
 * for 15 minutes. After a lock has run out the count starts again. Returns whether this failure locked it.
 */
export async function countFailure(db: Db, userId: string, now: Date): Promise<{ locked: boolean; failures: number }> {
  return db.transaction().execute(async (trx) => {
    const u = await trx
      .selectFrom("users")
      .select(["failed_logins", "locked_until"])
      .where("id", "=", userId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    const expired = u.locked_until !== null && u.locked_until <= now;
    const failures = (expired ? 0 : u.failed_logins) + 1;
    const locked = failures >= LOCK_AFTER_FAILURES;
    await trx
      .updateTable("users")
      .set({
        failed_logins: locked ? 0 : failures,
        locked_until: locked ? new Date(now.getTime() + LOCK_MINUTES * 60_000) : expired ? null : u.locked_until,
      })
      .where("id", "=", userId)
      .execute();
    return { locked, failures };
  });
}

export async function clearFailures(db: Db, userId: string): Promise<void> {
  await db.updateTable("users").set({ failed_logins: 0, locked_until: null }).where("id", "=", userId).execute();
}

export async function loadPolicy(db: Db): Promise<SecurityPolicy & { updatedAt: Date; updatedBy: string | null }> {
  const row = await db.selectFrom("security_policies").selectAll().where("id", "=", 1).executeTakeFirst();
  return {
    totpRequiredForCentres: row?.totp_required_for_centres ?? false,
    updatedAt: row?.updated_at ?? new Date(0),
    updatedBy: row?.updated_by ?? null,
  };
}

export async function mustHaveTotp(db: Db, roles: readonly string[]): Promise<boolean> {
  return totpRequired(roles as Role[], await loadPolicy(db));
}

/** A new server-side session; the token is returned once and stored hashed. */
export async function openSession(
  services: Services,
  userId: string,
  ip: string | null,
  enrolmentOnly: boolean,
): Promise<string> {
  const { db, clock, config } = services;
  const token = randomBytes(32).toString("base64url");
  const now = clock.now();
  await db
    .insertInto("sessions")
    .values({
      token_hash: hashToken(token),
      user_id: userId,
      created_at: now,
      last_seen_at: now,
      expires_at: new Date(now.getTime() + config.SESSION_MAX_HOURS * 3_600_000),
      ip,
      mfa_enrolment_only: enrolmentOnly,
    })
    .execute();
  return token;
}

/**
 * Checks a TOTP code (not replayable: the accepted step is stored) or an unused recovery code (then
 * used up), under the user's row lock. Returns how it matched, or null.
 */
export async function consumeSecondFactor(
  services: Services,
  userId: string,
  code: string,
): Promise<"totp" | "recovery" | null> {
  const now = services.clock.now();
  return services.db.transaction().execute(async (trx) => {
    const u = await trx
      .selectFrom("users")
      .select(["totp_secret_enc", "totp_last_step"])
      .where("id", "=", userId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (!u.totp_secret_enc) return null;
    const trimmed = code.trim();
    if (/^\d{6}$/.test(trimmed)) {
      const secret = openSecret(services.config.dataDir, TOTP_KEY, u.totp_secret_enc, userId);
      const last = u.totp_last_step === null ? null : Number(u.totp_last_step);
      const step = acceptTotp(secret, trimmed, now, last);
      if (step === null) return null;
      await trx.updateTable("users").set({ totp_last_step: step }).where("id", "=", userId).execute();
      return "totp";
    }
    if (!isRecoveryCodeShape(trimmed)) return null;
    const used = await trx
      .updateTable("user_recovery_codes")
      .set({ used_at: now })
      .where("user_id", "=", userId)
      .where("code_hash", "=", hashRecoveryCode(trimmed))
      .where("used_at", "is", null)
      .returning("id")
      .executeTakeFirst();
    return used ? "recovery" : null;
  });
}
