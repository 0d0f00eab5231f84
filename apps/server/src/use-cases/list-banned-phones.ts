// The portal's ban list for the system admin: newest first, searchable by number, paged.
import { sql } from "kysely";
import type { Actor } from "../access/actor.ts";
import { requirePermissionAudited } from "../access/require-audited.ts";
import type { Services } from "../services.ts";

export interface ListBannedPhonesOptions {
  services: Services;
  actor: Actor;
  ip: string | null;
  q?: string;
  page: number;
  pageSize: number;
}

export async function listBannedPhones({ services, actor, ip, q, page, pageSize }: ListBannedPhonesOptions) {
  await requirePermissionAudited(services, actor, "admin:users", { action: "admin.banned-phone.list", ip });
  let qb = services.db.selectFrom("banned_phones as b").leftJoin("users as u", "u.id", "b.banned_by");
  // a full number is found by its keyed hash; a few digits match what the masked form shows
  const digits = q?.replace(/[^0-9]/g, "");
  if (digits && digits.length >= 11) {
    qb = qb.where("b.phone_hash", "=", services.pii.phoneHash(digits) as string);
  } else if (digits) {
    qb = qb.where("b.phone_masked", "like", `%${digits}%`);
  }
  const [rows, count] = await Promise.all([
    qb
      .select(["b.id", "b.phone_masked", "b.reason", "b.banned_at", "u.username", "u.display_name"])
      .orderBy("b.banned_at", "desc")
      .orderBy("b.id")
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    qb.select(sql<number>`count(*)::int`.as("n")).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: count.n, page, pageSize };
}
