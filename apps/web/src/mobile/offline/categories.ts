// The category table on the phone: loaded page by page once a day while online and kept in IndexedDB,
// so the picker searches it offline too. The worker's recent choices come first.
import { get, qs } from "../../lib/api.ts";
import type { Category } from "../../lib/categories.ts";
import type { Page } from "../../lib/types.ts";
import { kvGet, kvSet } from "./db.ts";

export interface PickCategory {
  code: string;
  name: string;
  /** the class above it, to tell similar names apart */
  parentName: string | null;
}

interface Stored {
  at: number;
  leaves: PickCategory[];
}

const KEY = "categories";
const RECENT_KEY = "recentCategories";
const MAX_AGE_MS = 86_400_000;
const PAGE = 100;
const MAX_RECENT = 6;

async function fetchAll(leafOnly: boolean): Promise<Category[]> {
  const first = await get<Page<Category>>(
    `/categories${qs({ page: 1, pageSize: PAGE, leafOnly: leafOnly || undefined })}`,
  );
  const pages = Math.ceil(first.total / PAGE);
  const rest = await Promise.all(
    Array.from({ length: Math.max(0, pages - 1) }, (_, i) =>
      get<Page<Category>>(`/categories${qs({ page: i + 2, pageSize: PAGE, leafOnly: leafOnly || undefined })}`),
    ),
  );
  return [first, ...rest].flatMap((p) => p.items);
}

let loading: Promise<PickCategory[]> | null = null;

/** The leaf categories: from the device when fresh, else from the server (the device copy when offline). */
export function loadCategories(): Promise<PickCategory[]> {
  if (!loading) {
    loading = (async () => {
      const stored = await kvGet<Stored>(KEY);
      if (stored && Date.now() - stored.at < MAX_AGE_MS) return stored.leaves;
      try {
        const all = await fetchAll(false);
        const names = new Map(all.map((c) => [c.code, c.name]));
        const leaves = all
          .filter((c) => c.responsibility !== null)
          .map((c) => ({
            code: c.code,
            name: c.name,
            parentName: c.parentCode ? (names.get(c.parentCode) ?? null) : null,
          }));
        await kvSet(KEY, { at: Date.now(), leaves } satisfies Stored);
        return leaves;
      } catch (err) {
        if (stored) return stored.leaves;
        throw err;
      }
    })().catch((err: unknown) => {
      loading = null; // try again next time
      throw err;
    });
  }
  return loading;
}

/** Name or code contains every word typed (spaces separate words). */
export function searchCategories(all: PickCategory[], text: string): PickCategory[] {
  const words = text.trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (!words.length) return all;
  return all.filter((c) => {
    const hay = `${c.name} ${c.parentName ?? ""} ${c.code}`.toLowerCase();
    return words.every((w) => hay.includes(w));
  });
}

export async function recentCategories(): Promise<PickCategory[]> {
  return (await kvGet<PickCategory[]>(RECENT_KEY)) ?? [];
}

export async function rememberCategory(c: PickCategory): Promise<void> {
  const recent = (await recentCategories()).filter((r) => r.code !== c.code);
  await kvSet(RECENT_KEY, [c, ...recent].slice(0, MAX_RECENT));
}
