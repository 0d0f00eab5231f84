// Categories a citizen can pick: active leaves of the responsibility list, searched by name, with
// their group's name so "井盖" under 市政公用设施 and under 园林 can be told apart.
import type { Services } from "../services.ts";

export const MAX_PUBLIC_CATEGORIES = 30;

export interface SearchPublicCategoriesOptions {
  services: Services;
  q?: string;
  limit: number;
}

export async function searchPublicCategories({ services, q, limit }: SearchPublicCategoriesOptions) {
  let qb = services.db
    .selectFrom("categories as c")
    .innerJoin("responsibility_entries as r", "r.category_code", "c.code")
    .leftJoin("categories as p", "p.code", "c.parent_code")
    .where("c.active", "=", true);
  const text = q?.trim();
  if (text) {
    const like = `%${text.replace(/[%_\\]/g, (ch) => `\\${ch}`)}%`;
    qb = qb.where((eb) => eb.or([eb("c.name", "ilike", like), eb("p.name", "ilike", like)]));
  }
  const rows = await qb
    .select(["c.code", "c.name", "p.name as group"])
    .orderBy("c.code")
    .limit(Math.min(limit, MAX_PUBLIC_CATEGORIES))
    .execute();
  return rows.map((r) => ({ code: r.code, name: r.name, group: r.group ?? null }));
}
