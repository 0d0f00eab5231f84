// Renames, deactivates or reactivates a unit. A unit with active accounts is not deactivated: its
// users would keep signing in to a unit that routing and dispatch no longer know.
import type { Actor } from "../access/actor.ts";
import { requirePermissionAudited } from "../access/require-audited.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { AppError } from "../errors.ts";
import type { Unit } from "../places/directory.ts";
import { reloadPlaces } from "../places/reload-places.ts";
import type { Services } from "../services.ts";

export interface UpdateUnitOptions {
  services: Services;
  actor: Actor;
  ip: string | null;
  code: string;
  patch: { name?: string; nameEn?: string | null; active?: boolean };
}

export async function updateUnit({ services, actor, ip, code, patch }: UpdateUnitOptions): Promise<Unit> {
  await requirePermissionAudited(services, actor, "admin:units", {
    action: "admin.unit.update",
    ip,
    objectType: "unit",
    objectId: code,
  });
  const changes = await services.db.transaction().execute(async (trx) => {
    // the row lock orders this against account edits that check the unit is active
    const row = await trx.selectFrom("units").selectAll().where("code", "=", code).forUpdate().executeTakeFirst();
    if (!row) throw new AppError("UNIT_NOT_FOUND", { code });
    if (patch.active === false && row.active) {
      const users = await trx
        .selectFrom("users")
        .select((eb) => eb.fn.countAll<string>().as("n"))
        .where("unit_code", "=", code)
        .where("active", "=", true)
        .executeTakeFirstOrThrow();
      if (Number(users.n) > 0) throw new AppError("UNIT_IN_USE", { code, activeUsers: Number(users.n) });
    }
    const next = {
      name: patch.name?.trim() ?? row.name,
      name_en: patch.nameEn === undefined ? row.name_en : patch.nameEn?.trim() || null,
      active: patch.active ?? row.active,
    };
    const changed: Record<string, { from: unknown; to: unknown }> = {};
    if (next.name !== row.name) changed.name = { from: row.name, to: next.name };
    if (next.name_en !== row.name_en) changed.nameEn = { from: row.name_en, to: next.name_en };
    if (next.active !== row.active) changed.active = { from: row.active, to: next.active };
    if (Object.keys(changed).length) await trx.updateTable("units").set(next).where("code", "=", code).execute();
    return changed;
  });
  if (Object.keys(changes).length) await reloadPlaces(services);
  await recordAudit(services, {
    actor,
    action: "admin.unit.update",
    objectType: "unit",
    objectId: code,
    outcome: "success",
    ip,
    detail: { changes },
  });
  const unit = services.places.unit(code);
  if (!unit) throw new Error(`unit ${code} missing from the reloaded directory`);
  return unit;
}
