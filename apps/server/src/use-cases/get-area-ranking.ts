// 综合评价 by area: the districts, townships, communities or grids under a division of the viewer's
// area, ranked, one page at a time, with the division's own figures as the summary.
import type { Actor } from "../access/actor.ts";
import { type AreaRanking, rankAreas } from "../assessment/areas.ts";
import { type AreaLevel, viewerArea } from "../assessment/jurisdiction.ts";
import { periodsOf } from "../assessment/period.ts";
import { type FigureKey, pageOf } from "../assessment/ranking.ts";
import type { Services } from "../services.ts";

/** The query of every ranking: the period, what to rank by and in which direction. */
export interface RankingQuery {
  from?: string;
  to?: string;
  sort?: FigureKey;
  order?: "asc" | "desc";
}

export interface AreaQuery extends RankingQuery {
  level?: AreaLevel;
  parent?: string;
}

export interface GetAreaRankingOptions {
  services: Services;
  actor: Actor;
  query: AreaQuery;
  page: number;
  pageSize: number;
}

export const DEFAULT_AREA_SORT: FigureKey = "closureRate";

/** The whole table (the export and the monthly report use it too). */
export async function areaRankingFor(services: Services, actor: Actor, query: AreaQuery): Promise<AreaRanking> {
  const area = viewerArea(actor, services.places);
  const periods = periodsOf(query, services.clock.now());
  return rankAreas({
    db: services.db,
    places: services.places,
    area,
    parent: query.parent,
    level: query.level,
    periods,
    sort: query.sort ?? DEFAULT_AREA_SORT,
    order: query.order,
  });
}

export async function getAreaRanking({ services, actor, query, page, pageSize }: GetAreaRankingOptions) {
  const table = await areaRankingFor(services, actor, query);
  return pageOf(table, page, pageSize);
}
