// Lifts a phone's ban; audited with the number masked.
import type { Actor } from "../access/actor.ts";
import { requirePermissionAudited } from "../access/require-audited.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { AppError } from "../errors.ts";
import { normalizePhone } from "../public/phone.ts";
import type { Services } from "../services.ts";

export interface UnbanPhoneOptions {
  services: Services;
  actor: Actor;
  ip: string | null;
  /** the number, or the entry's id as the list gives it (the list shows numbers masked) */
  phone: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function unbanPhone({ services, actor, ip, phone }: UnbanPhoneOptions): Promise<void> {
  await requirePermissionAudited(services, actor, "admin:users", { action: "admin.banned-phone.delete", ip });
  const byId = UUID.test(phone);
  const row = await services.db
    .deleteFrom("banned_phones")
    .$call((qb) =>
      byId
        ? qb.where("id", "=", phone)
        : qb.where("phone_hash", "=", services.pii.phoneHash(normalizePhone(phone)) as string),
    )
    .returning(["reason", "phone_masked"])
    .executeTakeFirst();
  if (!row) throw new AppError("BANNED_PHONE_NOT_FOUND");
  await recordAudit(services, {
    actor,
    action: "admin.banned-phone.delete",
    objectType: "phone",
    objectId: row.phone_masked,
    outcome: "success",
    ip,
    detail: { reason: row.reason },
  });
}
