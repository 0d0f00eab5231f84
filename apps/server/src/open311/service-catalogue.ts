// Open311 services are our categories: each active leaf with a responsibility-list entry, grouped
// under its top-level class (e.g. 市政公用设施 for 供水井盖).
import type { Db } from "../db/connect.ts";

export interface ServiceRow {
  code: string;
  name: string;
  kind: string;
  /** the top-level class (group) and the direct parent when it is another level */
  groupName: string | null;
  parentName: string | null;
  limitDays: number;
}

export async function loadServices(db: Db, only?: { code: string }): Promise<ServiceRow[]> {
  let leaves = db
    .selectFrom("categories as c")
    .innerJoin("responsibility_entries as r", "r.category_code", "c.code")
    .select(["c.code", "c.name", "c.kind", "c.parent_code", "r.limit_days"])
    .where("c.active", "=", true)
    .orderBy("c.code");
  if (only) leaves = leaves.where("c.code", "=", only.code);
  const [rows, all] = await Promise.all([
    leaves.execute(),
    db.selectFrom("categories").select(["code", "name", "parent_code"]).execute(),
  ]);
  const byCode = new Map(all.map((c) => [c.code, c]));
  return rows.map((row) => {
    let root = row.parent_code ? byCode.get(row.parent_code) : undefined;
    for (let i = 0; root?.parent_code && i < 10; i++) root = byCode.get(root.parent_code) ?? root;
    const parent = row.parent_code ? byCode.get(row.parent_code) : undefined;
    return {
      code: row.code,
      name: row.name,
      kind: row.kind,
      groupName: root?.name ?? null,
      parentName: parent && parent.code !== root?.code ? parent.name : null,
      limitDays: Number(row.limit_days),
    };
  });
}
