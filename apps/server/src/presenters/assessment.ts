// The public shape of a ranking page: rows as ranked, the period and the one compared with.
import type { AreaRanking } from "../assessment/areas.ts";
import { type AssessmentRow, type Ranking, type RankingInput, rank } from "../assessment/ranking.ts";

type Paged<T> = T & { total: number; page: number; pageSize: number };

export function presentRow(row: AssessmentRow) {
  return {
    rank: row.rank,
    code: row.code,
    name: row.name,
    kind: row.kind,
    context: row.context,
    hasChildren: row.hasChildren,
    // plain records for the schema: rates 0..1, counts, days; null where nothing was measured
    figures: Object.assign({} as Record<string, number | null>, row.figures),
    change: row.change,
  };
}

export function presentRankingPage(p: Paged<Ranking>) {
  return {
    items: p.rows.map(presentRow),
    total: p.total,
    page: p.page,
    pageSize: p.pageSize,
    period: p.period,
    previous: p.previous,
    sort: p.sort,
    order: p.order,
  };
}

/** The summary row: the parent's own figures, computed like any row (unranked). */
export function presentSummary(summary: RankingInput, p: Ranking) {
  const [row] = rank([summary], { current: p.period, previous: p.previous }, p.sort).rows;
  return { ...presentRow(row as AssessmentRow), rank: null };
}

export function presentAreaRankingPage(p: Paged<AreaRanking>) {
  return { ...presentRankingPage(p), level: p.level, parent: p.parent, summary: presentSummary(p.summary, p) };
}
