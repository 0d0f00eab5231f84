// One-time codes for a phone: six random digits, kept as a salted HMAC, valid for five minutes and
// five tries. A new code supersedes the phone's earlier ones. Checking a code spends a try whether
// or not it matches, in its own statement, so a wrong guess counts even though the request fails.
// The phone is never stored: codes are found by its keyed hash (services.pii.phoneHash).
import { createHmac, randomBytes, randomInt, timingSafeEqual } from "node:crypto";
import { sql } from "kysely";
import type { Db } from "../db/connect.ts";
import { AppError } from "../errors.ts";

export const OTP_TTL_MS = 5 * 60_000;
export const OTP_MAX_ATTEMPTS = 5;

export function newOtpCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, "0");
}

function hashCode(salt: Buffer, phone: string, code: string): Buffer {
  return createHmac("sha256", salt).update(`${phone}:${code}`).digest();
}

/** Stores a fresh code for the phone (superseding the live ones) and returns its row id. */
export async function storeOtp(db: Db, phone: string, code: string, now: Date, phoneHash: string): Promise<string> {
  return db.transaction().execute(async (trx) => {
    await trx
      .updateTable("otp_codes")
      .set({ superseded_at: now })
      .where("phone_hash", "=", phoneHash)
      .where("used_at", "is", null)
      .where("superseded_at", "is", null)
      .execute();
    const salt = randomBytes(16);
    const row = await trx
      .insertInto("otp_codes")
      .values({
        phone_hash: phoneHash,
        salt,
        code_hash: hashCode(salt, phone, code),
        created_at: now,
        expires_at: new Date(now.getTime() + OTP_TTL_MS),
        max_attempts: OTP_MAX_ATTEMPTS,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    return row.id;
  });
}

/**
 * Checks `code` against the phone's live code and marks it used. Returns the code's id (to give it
 * back with releaseOtp if the report then fails). OTP_INVALID, OTP_EXPIRED or OTP_ATTEMPTS_EXCEEDED
 * otherwise.
 */
export async function consumeOtp(db: Db, phone: string, code: string, now: Date, phoneHash: string): Promise<string> {
  // spend one try first (atomically, so parallel guesses cannot exceed the limit)
  const row = await db
    .updateTable("otp_codes")
    .set({ attempts: sql`attempts + 1` })
    .where(
      "id",
      "=",
      db
        .selectFrom("otp_codes")
        .select("id")
        .where("phone_hash", "=", phoneHash)
        .where("used_at", "is", null)
        .where("superseded_at", "is", null)
        .orderBy("created_at", "desc")
        .limit(1),
    )
    .where("attempts", "<", sql<number>`max_attempts`)
    .returning(["id", "salt", "code_hash", "expires_at", "attempts", "max_attempts"])
    .executeTakeFirst();
  if (!row) {
    const live = await db
      .selectFrom("otp_codes")
      .select("expires_at")
      .where("phone_hash", "=", phoneHash)
      .where("used_at", "is", null)
      .where("superseded_at", "is", null)
      .orderBy("created_at", "desc")
      .executeTakeFirst();
    // a live code whose tries are spent, or no code at all (never asked, or already used)
    if (live && live.expires_at > now) throw new AppError("OTP_ATTEMPTS_EXCEEDED");
    throw new AppError("OTP_EXPIRED");
  }
  if (row.expires_at <= now) throw new AppError("OTP_EXPIRED");
  if (!timingSafeEqual(row.code_hash, hashCode(row.salt, phone, code))) {
    throw new AppError("OTP_INVALID", { attemptsLeft: row.max_attempts - row.attempts });
  }
  const used = await db
    .updateTable("otp_codes")
    .set({ used_at: now })
    .where("id", "=", row.id)
    .where("used_at", "is", null)
    .returning("id")
    .executeTakeFirst();
  // a parallel request with the same code got there first
  if (!used) throw new AppError("OTP_EXPIRED");
  return row.id;
}

/** Gives a consumed code back (the report it verified was refused for another reason). */
export async function releaseOtp(db: Db, id: string): Promise<void> {
  await db.updateTable("otp_codes").set({ used_at: null }).where("id", "=", id).execute();
}
