// Enrolment, step 2: a code from the app proves it holds the pending secret. The secret becomes the
// account's, ten recovery codes are made (shown once, stored hashed), and an enrolment-only session
// becomes a full one (password and second factor have both been given in it).
import type { Actor } from "../access/actor.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { AppError } from "../errors.ts";
import { openSecret } from "../lib/secret-box.ts";
import { acceptTotp } from "../lib/totp.ts";
import type { Services } from "../services.ts";
import { TOTP_KEY } from "../users/identity.ts";
import { replaceRecoveryCodes } from "../users/recovery-codes.ts";

export interface ConfirmTotpEnrolmentOptions {
  services: Services;
  actor: Actor;
  ip: string | null;
  code: string;
}

export async function confirmTotpEnrolment({ services, actor, ip, code }: ConfirmTotpEnrolmentOptions) {
  const now = services.clock.now();
  type Outcome = { error: "MFA_ALREADY_ENROLLED" | "MFA_NOT_ENROLLED" | "MFA_CODE_INVALID" } | { codes: string[] };
  const result = await services.db.transaction().execute(async (trx): Promise<Outcome> => {
    const u = await trx
      .selectFrom("users")
      .select(["totp_secret_enc", "totp_pending_enc"])
      .where("id", "=", actor.userId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (u.totp_secret_enc) return { error: "MFA_ALREADY_ENROLLED" };
    if (!u.totp_pending_enc) return { error: "MFA_NOT_ENROLLED" };
    const secret = openSecret(services.config.dataDir, TOTP_KEY, u.totp_pending_enc, actor.userId);
    const step = acceptTotp(secret, code.trim(), now, null);
    if (step === null) return { error: "MFA_CODE_INVALID" };
    await trx
      .updateTable("users")
      .set({ totp_secret_enc: u.totp_pending_enc, totp_pending_enc: null, totp_enabled_at: now, totp_last_step: step })
      .where("id", "=", actor.userId)
      .execute();
    const codes = await replaceRecoveryCodes(trx, actor.userId, now);
    await trx.updateTable("sessions").set({ mfa_enrolment_only: false }).where("id", "=", actor.sessionId).execute();
    return { codes };
  });
  if ("error" in result) {
    await recordAudit(services, {
      actor,
      action: "auth.totp.enrol",
      objectType: "user",
      objectId: actor.userId,
      outcome: "failure",
      ip,
      detail: { code: result.error },
    });
    throw new AppError(result.error);
  }
  await recordAudit(services, {
    actor,
    action: "auth.totp.enrol",
    objectType: "user",
    objectId: actor.userId,
    outcome: "success",
    ip,
  });
  return { recoveryCodes: result.codes };
}
