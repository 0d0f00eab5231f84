// Enrolment, step 1: a new secret, kept sealed as "pending" until a code from the app confirms it.
// Returned once as the otpauth:// URI (for the QR code) and as base32 text (to type in).
import type { Actor } from "../access/actor.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { AppError } from "../errors.ts";
import { sealSecret } from "../lib/secret-box.ts";
import { newTotpSecret, totpUri } from "../lib/totp.ts";
import type { Services } from "../services.ts";
import { TOTP_KEY } from "../users/identity.ts";

export async function startTotpEnrolment({
  services,
  actor,
  ip,
}: {
  services: Services;
  actor: Actor;
  ip: string | null;
}) {
  const user = await services.db
    .selectFrom("users")
    .select("totp_secret_enc")
    .where("id", "=", actor.userId)
    .executeTakeFirstOrThrow();
  if (user.totp_secret_enc) throw new AppError("MFA_ALREADY_ENROLLED");
  const secret = newTotpSecret();
  await services.db
    .updateTable("users")
    .set({ totp_pending_enc: sealSecret(services.config.dataDir, TOTP_KEY, secret, actor.userId) })
    .where("id", "=", actor.userId)
    .execute();
  await recordAudit(services, {
    actor,
    action: "auth.totp.enrol-start",
    objectType: "user",
    objectId: actor.userId,
    outcome: "success",
    ip,
  });
  return { secret, uri: totpUri(secret, actor.username) };
}
