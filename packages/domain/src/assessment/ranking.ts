// Ranking tables: rows ordered by one indicator, best first, with competition ranks (1, 2, 2, 4).
import { type IndicatorKey, LOWER_IS_BETTER } from "./indicators.ts";

export type RankedRow<T> = T & { rank: number | null };

/** The natural order of an indicator: lower first for rework, handling time, open and overdue. */
export function defaultOrder(key: IndicatorKey): "asc" | "desc" {
  return LOWER_IS_BETTER.has(key) ? "asc" : "desc";
}

/**
 * Sorts rows by `value`, best first. Equal values share a rank and keep their input order (the sort
 * is stable), so a tie never reshuffles between two requests; rows without a value (a rate with
 * nothing to measure) come last, unranked.
 */
export function rankRows<T extends object>(
  rows: readonly T[],
  value: (row: T) => number | null,
  order: "asc" | "desc",
): RankedRow<T>[] {
  const sign = order === "asc" ? 1 : -1;
  const keyed = rows.map((row, index) => ({ row, index, v: value(row) }));
  keyed.sort((a, b) => {
    if (a.v === null || b.v === null) {
      if (a.v === b.v) return a.index - b.index;
      return a.v === null ? 1 : -1;
    }
    return a.v === b.v ? a.index - b.index : sign * (a.v - b.v);
  });
  const out: RankedRow<T>[] = [];
  let previous: number | null = null;
  let rank = 0;
  for (const [i, k] of keyed.entries()) {
    if (k.v === null) {
      out.push({ ...k.row, rank: null });
      continue;
    }
    if (previous === null || k.v !== previous) rank = i + 1;
    previous = k.v;
    out.push({ ...k.row, rank });
  }
  return out;
}
