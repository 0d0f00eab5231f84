// A ranking table: the figures of each area, unit or person over the period, their change against
// the previous period, ranked by one figure (competition ranks, ties in a stable order), then paged.

import type { Period } from "@civicgrid/domain";
import {
  changeBetween,
  changeOf,
  computeIndicators,
  defaultOrder,
  INDICATOR_KEYS,
  type IndicatorKey,
  type Indicators,
  rankRows,
} from "@civicgrid/domain";
import { FIGURES, type FigureKey as SharedFigureKey } from "@civicgrid/shared";
import type { PeriodCounts } from "./rollup.ts";

/**
 * Figures beyond the indicators, for people: patrols of grid workers (巡查次数, reports made on
 * patrol, 巡查发现率, 网格巡查覆盖率), feedbacks of handlers (处置反馈次数, cases fed back on). Their kinds
 * and names are @civicgrid/shared's FIGURES, like those of the indicators.
 */
export const EXTRA_KEYS = [
  "patrols",
  "reportsDuringPatrols",
  "reportsPerPatrol",
  "patrolCoverage",
  "feedbacks",
  "cases",
] as const satisfies readonly SharedFigureKey[];

export type ExtraKey = (typeof EXTRA_KEYS)[number];
export type FigureKey = IndicatorKey | ExtraKey;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
/** Compile-time check: the server's figures are exactly those @civicgrid/shared names and tabulates. */
export const FIGURES_MATCH: Same<FigureKey, SharedFigureKey> = true;
export const FIGURE_KEYS: readonly FigureKey[] = [...INDICATOR_KEYS, ...EXTRA_KEYS];

export type Extras = Partial<Record<ExtraKey, number | null>>;

/** Who or what a row is about. */
export interface Subject {
  code: string;
  name: string;
  /** area level, unit type or person kind */
  kind: string;
  /** where it sits: the parent division, the unit's seat or the person's unit */
  context: string | null;
  /** whether the row has rows below it to drill into */
  hasChildren: boolean;
}

export interface AssessmentRow extends Subject {
  rank: number | null;
  figures: Indicators & Extras;
  change: Record<string, number | null>;
}

export interface Ranking {
  period: Period;
  previous: Period;
  sort: FigureKey;
  order: "asc" | "desc";
  rows: AssessmentRow[];
}

export interface RankingInput {
  subject: Subject;
  counts: PeriodCounts;
  extras?: { current: Extras; previous: Extras };
}

export function orderOf(sort: FigureKey, order: "asc" | "desc" | undefined): "asc" | "desc" {
  if (order) return order;
  // more patrols, reports, coverage and feedbacks rank higher
  return (EXTRA_KEYS as readonly string[]).includes(sort) ? "desc" : defaultOrder(sort as IndicatorKey);
}

/** The rows of one table, ranked by `sort`. */
export function rank(
  inputs: readonly RankingInput[],
  periods: { current: Period; previous: Period },
  sort: FigureKey,
  order?: "asc" | "desc",
): Ranking {
  const direction = orderOf(sort, order);
  const rows = inputs.map(({ subject, counts, extras }) => {
    const current = computeIndicators(counts.current);
    const previous = computeIndicators(counts.previous);
    const change: Record<string, number | null> = changeBetween(current, previous);
    if (extras) {
      for (const key of EXTRA_KEYS) {
        if (key in extras.current)
          change[key] = changeOf(FIGURES[key].kind, extras.current[key] ?? null, extras.previous[key] ?? null);
      }
    }
    return { ...subject, figures: { ...current, ...extras?.current }, change };
  });
  const ranked = rankRows(
    rows,
    (r) => (r.figures as Partial<Record<FigureKey, number | null>>)[sort] ?? null,
    direction,
  );
  return { period: periods.current, previous: periods.previous, sort, order: direction, rows: ranked };
}

/** One page of a ranking (ranks stay those of the whole table). */
export function pageOf<T extends Ranking>(
  ranking: T,
  page: number,
  pageSize: number,
): T & { total: number; page: number; pageSize: number } {
  const start = (page - 1) * pageSize;
  return { ...ranking, rows: ranking.rows.slice(start, start + pageSize), total: ranking.rows.length, page, pageSize };
}
