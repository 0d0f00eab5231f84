import { sql } from "kysely";
import type { Actor } from "../access/actor.ts";
import { requirePermission } from "../access/require.ts";
import type { Services } from "../services.ts";

export interface ListCategoriesOptions {
  services: Services;
  actor: Actor;
  filter: { kind?: string; parentCode?: string; q?: string; leafOnly?: boolean };
  page: number;
  pageSize: number;
}

/** Categories with their responsibility-list entry (for leaves), searchable by name or code. */
export async function listCategories({ services, actor, filter, page, pageSize }: ListCategoriesOptions) {
  requirePermission(actor, "config:read");
  let qb = services.db
    .selectFrom("categories as c")
    .leftJoin("responsibility_entries as r", "r.category_code", "c.code")
    .where("c.active", "=", true);
  if (filter.kind) qb = qb.where("c.kind", "=", filter.kind);
  if (filter.parentCode) qb = qb.where("c.parent_code", "=", filter.parentCode);
  if (filter.leafOnly) qb = qb.where("r.category_code", "is not", null);
  if (filter.q) {
    const like = `%${filter.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    qb = qb.where((eb) => eb.or([eb("c.name", "ilike", like), eb("c.code", "ilike", like)]));
  }
  const [rows, count] = await Promise.all([
    qb
      .select([
        "c.code",
        "c.name",
        "c.kind",
        "c.parent_code",
        "r.handler_kind",
        "r.level",
        "r.limit_days",
        "r.territorial",
      ])
      .orderBy("c.code")
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    qb.select(sql<number>`count(*)::int`.as("n")).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: count.n, page, pageSize };
}
