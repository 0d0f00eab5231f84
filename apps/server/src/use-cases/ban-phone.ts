// Bars a phone from the portal (no codes, no reports), with the reason; audited with the number masked.
import type { Actor } from "../access/actor.ts";
import { requirePermissionAudited } from "../access/require-audited.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { AppError } from "../errors.ts";
import { maskPhone } from "../lib/mask.ts";
import { scrubText } from "../logger.ts";
import { normalizePhone } from "../public/phone.ts";
import type { Services } from "../services.ts";

export interface BanPhoneOptions {
  services: Services;
  actor: Actor;
  ip: string | null;
  phone: string;
  reason: string;
}

export async function banPhone({ services, actor, ip, phone, reason }: BanPhoneOptions) {
  await requirePermissionAudited(services, actor, "admin:users", { action: "admin.banned-phone.create", ip });
  const normalized = normalizePhone(phone);
  // stored as its keyed hash (look-ups), masked (the list) and sealed (kept for the record), never in clear
  const row = await services.db
    .insertInto("banned_phones")
    .values({
      phone_hash: services.pii.phoneHash(normalized) as string,
      phone_masked: maskPhone(normalized),
      phone_enc: services.pii.seal("banned_phones.phone", normalized) as string,
      // a number quoted in the reason is masked too: the reason is shown in the list and kept for years
      reason: scrubText(reason.trim()),
      banned_by: actor.userId,
      banned_at: services.clock.now(),
    })
    .onConflict((oc) => oc.column("phone_hash").doNothing())
    .returning(["id", "phone_masked", "reason", "banned_at"])
    .executeTakeFirst();
  if (!row) throw new AppError("PHONE_ALREADY_BANNED", { phone: maskPhone(normalized) });
  await recordAudit(services, {
    actor,
    action: "admin.banned-phone.create",
    objectType: "phone",
    objectId: maskPhone(normalized),
    outcome: "success",
    ip,
    detail: { reason: row.reason },
  });
  return { ...row, username: actor.username, display_name: actor.displayName };
}
