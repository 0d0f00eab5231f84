// Lifts a phone's ban; audited with the number masked.
import type { Actor } from "../access/actor.ts";
import { requirePermissionAudited } from "../access/require-audited.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { AppError } from "../errors.ts";
import { maskPhone } from "../lib/mask.ts";
import { normalizePhone } from "../public/phone.ts";
import type { Services } from "../services.ts";

export interface UnbanPhoneOptions {
  services: Services;
  actor: Actor;
  ip: string | null;
  phone: string;
}

export async function unbanPhone({ services, actor, ip, phone }: UnbanPhoneOptions): Promise<void> {
  await requirePermissionAudited(services, actor, "admin:users", { action: "admin.banned-phone.delete", ip });
  const normalized = normalizePhone(phone);
  const row = await services.db
    .deleteFrom("banned_phones")
    .where("phone", "=", normalized)
    .returning(["reason"])
    .executeTakeFirst();
  if (!row) throw new AppError("BANNED_PHONE_NOT_FOUND");
  await recordAudit(services, {
    actor,
    action: "admin.banned-phone.delete",
    objectType: "phone",
    objectId: maskPhone(normalized),
    outcome: "success",
    ip,
    detail: { reason: row.reason },
  });
}
