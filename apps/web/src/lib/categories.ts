// Category names for the case lists: the case summary carries only the code, so the names are
// loaded once per session (about a thousand short rows) and shared by every screen.
import { useEffect, useState } from "react";
import { get, qs } from "./api.ts";
import type { Page } from "./types.ts";

export interface Category {
  code: string;
  name: string;
  kind: string;
  parentCode: string | null;
  responsibility: { handlerKind: string; level: string | null; limitDays: number; territorial: boolean | null } | null;
}

let names: Promise<Map<string, string>> | null = null;

async function loadAll(): Promise<Map<string, string>> {
  const pageSize = 100;
  const first = await get<Page<Category>>(`/categories${qs({ page: 1, pageSize })}`);
  const pages = Math.ceil(first.total / pageSize);
  const rest = await Promise.all(
    Array.from({ length: Math.max(0, pages - 1) }, (_, i) =>
      get<Page<Category>>(`/categories${qs({ page: i + 2, pageSize })}`),
    ),
  );
  const map = new Map<string, string>();
  for (const p of [first, ...rest]) for (const c of p.items) map.set(c.code, c.name);
  return map;
}

export function categoryNames(): Promise<Map<string, string>> {
  if (!names) {
    names = loadAll().catch((e: unknown) => {
      names = null; // try again next time rather than caching a failure
      throw e;
    });
  }
  return names;
}

/** code → name, empty until loaded; a failure leaves the codes shown as they are. */
export function useCategoryNames(): Map<string, string> {
  const [map, setMap] = useState<Map<string, string>>(() => new Map());
  useEffect(() => {
    let live = true;
    categoryNames()
      .then((m) => {
        if (live) setMap(m);
      })
      .catch(() => {});
    return () => {
      live = false;
    };
  }, []);
  return map;
}

/** Leaf categories (those with a responsibility entry) matching a search text. */
export async function searchCategories(q: string): Promise<Category[]> {
  const page = await get<Page<Category>>(`/categories${qs({ q: q || undefined, leafOnly: true, pageSize: 50 })}`);
  return page.items;
}
