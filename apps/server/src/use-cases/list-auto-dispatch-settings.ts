// The auto-dispatch switch per category with the active version's threshold (models page): the
// categories the active models can suggest, most held-out cases first; q filters by code or name.
// Permission models:manage.
import { sql } from "kysely";
import type { Actor } from "../access/actor.ts";
import { requirePermissionAudited } from "../access/require-audited.ts";
import type { Services } from "../services.ts";

export interface ListAutoDispatchSettingsOptions {
  services: Services;
  actor: Actor;
  ip: string | null;
  q?: string;
  page: number;
  pageSize: number;
}

export async function listAutoDispatchSettings({
  services,
  actor,
  ip,
  q,
  page,
  pageSize,
}: ListAutoDispatchSettingsOptions) {
  await requirePermissionAudited(services, actor, "models:manage", { action: "models.auto-dispatch.list", ip });
  let qb = services.db
    .selectFrom("auto_dispatch_settings as s")
    .innerJoin("categories as c", "c.code", "s.category_code")
    .leftJoin("users as u", "u.id", "s.updated_by");
  const term = q?.trim();
  if (term) {
    const like = `%${term.replace(/[%_\\]/g, "")}%`;
    qb = qb.where((eb) => eb.or([eb("c.code", "ilike", like), eb("c.name", "like", like)]));
  }
  const [rows, count] = await Promise.all([
    qb
      .select([
        "s.category_code",
        "c.name",
        "s.enabled",
        "s.threshold",
        "s.precision",
        "s.coverage",
        "s.support",
        "s.model_version",
        "s.updated_at",
        "u.display_name as updated_by_name",
      ])
      .orderBy(sql`s.support desc nulls last`)
      .orderBy("s.category_code")
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    qb.select(sql<number>`count(*)::int`.as("n")).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: count.n, page, pageSize };
}
