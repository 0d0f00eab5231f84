// The category tree as the analysis needs it: each code's name and top-level class (the 017 rollups'
// "class"), and the codes under a class (the cases behind a class-level trend).
import type { Db } from "../db/connect.ts";

export interface CategoryTree {
  name(code: string): string | null;
  /** the top-level ancestor ('' when the chain is broken) */
  classOf(code: string): string;
  isClass(code: string): boolean;
  /** the code itself and every code below it */
  within(code: string): string[];
}

/** How long a loaded tree is reused: categories change rarely (an admin's edit shows within a minute). */
const TREE_TTL_MS = 60_000;
const cache = new WeakMap<Db, { at: number; tree: Promise<CategoryTree> }>();

export function loadCategoryTree(db: Db): Promise<CategoryTree> {
  const hit = cache.get(db);
  if (hit && Date.now() - hit.at < TREE_TTL_MS) return hit.tree;
  const tree = readCategoryTree(db);
  cache.set(db, { at: Date.now(), tree });
  tree.catch(() => cache.delete(db));
  return tree;
}

async function readCategoryTree(db: Db): Promise<CategoryTree> {
  const rows = await db.selectFrom("categories").select(["code", "name", "parent_code"]).execute();
  const byCode = new Map(rows.map((r) => [r.code, r]));
  const children = new Map<string, string[]>();
  for (const r of rows) {
    if (!r.parent_code) continue;
    const list = children.get(r.parent_code) ?? [];
    list.push(r.code);
    children.set(r.parent_code, list);
  }
  const classes = new Map<string, string>();
  const classOf = (code: string): string => {
    const known = classes.get(code);
    if (known !== undefined) return known;
    let cur = byCode.get(code);
    for (let depth = 0; cur?.parent_code && depth < 16; depth++) cur = byCode.get(cur.parent_code);
    const cls = cur && !cur.parent_code ? cur.code : "";
    classes.set(code, cls);
    return cls;
  };
  return {
    name: (code) => byCode.get(code)?.name ?? null,
    classOf,
    isClass: (code) => byCode.has(code) && !byCode.get(code)?.parent_code,
    within(code) {
      const out: string[] = [];
      const stack = [code];
      while (stack.length && out.length < 5_000) {
        const c = stack.pop() as string;
        out.push(c);
        stack.push(...(children.get(c) ?? []));
      }
      return out;
    },
  };
}
