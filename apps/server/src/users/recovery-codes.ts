// Recovery codes: a new set of ten replaces the old one entirely (old codes stop working).
import type { Db } from "../db/connect.ts";
import { hashRecoveryCode, newRecoveryCodes } from "../lib/totp.ts";

export async function replaceRecoveryCodes(trx: Db, userId: string, now: Date): Promise<string[]> {
  const codes = newRecoveryCodes();
  await trx.deleteFrom("user_recovery_codes").where("user_id", "=", userId).execute();
  await trx
    .insertInto("user_recovery_codes")
    .values(codes.map((c) => ({ user_id: userId, code_hash: hashRecoveryCode(c), created_at: now })))
    .execute();
  return codes;
}

/** Removes the account's second factor entirely (secret, pending secret, codes). */
export async function clearTotp(trx: Db, userId: string): Promise<void> {
  await trx
    .updateTable("users")
    .set({ totp_secret_enc: null, totp_pending_enc: null, totp_enabled_at: null, totp_last_step: null })
    .where("id", "=", userId)
    .execute();
  await trx.deleteFrom("user_recovery_codes").where("user_id", "=", userId).execute();
}
