// The "账号安全" screen's state: whether TOTP is on, whether policy requires it, codes left.
import type { Role } from "@civicgrid/shared";
import type { Actor } from "../access/actor.ts";
import type { Services } from "../services.ts";
import { mustHaveTotp } from "../users/identity.ts";

export async function getAccountSecurity({ services, actor }: { services: Services; actor: Actor }) {
  const { db } = services;
  const user = await db
    .selectFrom("users")
    .select(["totp_enabled_at", "totp_secret_enc"])
    .where("id", "=", actor.userId)
    .executeTakeFirstOrThrow();
  const left = await db
    .selectFrom("user_recovery_codes")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .where("user_id", "=", actor.userId)
    .where("used_at", "is", null)
    .executeTakeFirstOrThrow();
  return {
    totpEnabled: Boolean(user.totp_secret_enc),
    totpEnabledAt: user.totp_enabled_at?.toISOString() ?? null,
    totpRequired: await mustHaveTotp(db, actor.roles as Role[]),
    recoveryCodesLeft: user.totp_secret_enc ? Number(left.n) : 0,
    mfaEnrolmentOnly: Boolean(actor.mfaEnrolmentOnly),
  };
}
