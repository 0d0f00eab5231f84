// The account's own second factor after enrolment: new recovery codes, or turning TOTP off where
// policy allows. Both ask for the password again, so a session left open cannot do them.
import type { Role } from "@civicgrid/shared";
import type { Actor } from "../access/actor.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { AppError } from "../errors.ts";
import type { Services } from "../services.ts";
import { confirmOwnPassword } from "../users/confirm-own-password.ts";
import { mustHaveTotp } from "../users/identity.ts";
import { clearTotp, replaceRecoveryCodes } from "../users/recovery-codes.ts";

export interface ManageOwnTotpOptions {
  services: Services;
  actor: Actor;
  ip: string | null;
  password: string;
}

async function confirmPassword({ services, actor, ip, password }: ManageOwnTotpOptions, action: string) {
  const { totpSecretEnc } = await confirmOwnPassword({ services, actor, ip, password, action });
  if (!totpSecretEnc) throw new AppError("MFA_NOT_ENROLLED");
}

export async function regenerateRecoveryCodes(opts: ManageOwnTotpOptions) {
  const { services, actor, ip } = opts;
  await confirmPassword(opts, "auth.totp.recovery-codes");
  const codes = await services.db
    .transaction()
    .execute((trx) => replaceRecoveryCodes(trx, actor.userId, services.clock.now()));
  await recordAudit(services, {
    actor,
    action: "auth.totp.recovery-codes",
    objectType: "user",
    objectId: actor.userId,
    outcome: "success",
    ip,
  });
  return { recoveryCodes: codes };
}

export async function disableOwnTotp(opts: ManageOwnTotpOptions) {
  const { services, actor, ip } = opts;
  if (await mustHaveTotp(services.db, actor.roles as Role[])) throw new AppError("MFA_REQUIRED_BY_POLICY");
  await confirmPassword(opts, "auth.totp.disable");
  await services.db.transaction().execute((trx) => clearTotp(trx, actor.userId));
  await recordAudit(services, {
    actor,
    action: "auth.totp.disable",
    objectType: "user",
    objectId: actor.userId,
    outcome: "success",
    ip,
  });
}
