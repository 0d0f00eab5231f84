// Switch auto-dispatch on or off for one category (models page). A category without a threshold (no
// confidence kept precision ≥ 0.95 on held-out cases) may be switched on but never auto-dispatches
// until a version gives it one. Permission models:manage; audited.
import type { Actor } from "../access/actor.ts";
import { requirePermissionAudited } from "../access/require-audited.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { AppError } from "../errors.ts";
import type { Services } from "../services.ts";

export interface UpdateAutoDispatchSettingOptions {
  services: Services;
  actor: Actor;
  ip: string | null;
  categoryCode: string;
  enabled: boolean;
}

export async function updateAutoDispatchSetting(o: UpdateAutoDispatchSettingOptions) {
  const { services, actor, ip, categoryCode, enabled } = o;
  const audit = { action: "models.auto-dispatch", objectType: "category", objectId: categoryCode, ip };
  await requirePermissionAudited(services, actor, "models:manage", audit);
  const { db, clock } = services;
  const category = await db
    .selectFrom("categories")
    .select(["code", "name"])
    .where("code", "=", categoryCode)
    .executeTakeFirst();
  if (!category) throw new AppError("UNKNOWN_CATEGORY", { categoryCode });
  const now = clock.now();
  const row = await db
    .insertInto("auto_dispatch_settings")
    .values({ category_code: categoryCode, enabled, threshold: null, updated_at: now, updated_by: actor.userId })
    .onConflict((oc) => oc.column("category_code").doUpdateSet({ enabled, updated_at: now, updated_by: actor.userId }))
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordAudit(services, { actor, ...audit, outcome: "success", detail: { enabled, threshold: row.threshold } });
  return { ...row, name: category.name, updated_by_name: actor.displayName };
}
