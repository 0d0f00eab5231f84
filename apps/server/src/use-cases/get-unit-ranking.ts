// 综合评价 by unit (部门单位): the units seated in the viewer's area, by the cases they own.
import type { UnitType } from "@civicgrid/shared";
import type { Actor } from "../access/actor.ts";
import { viewerArea } from "../assessment/jurisdiction.ts";
import { periodsOf } from "../assessment/period.ts";
import { type FigureKey, pageOf, type Ranking } from "../assessment/ranking.ts";
import { rankUnits } from "../assessment/units.ts";
import type { Services } from "../services.ts";
import type { RankingQuery } from "./get-area-ranking.ts";

export interface UnitQuery extends RankingQuery {
  unitType?: UnitType;
}

export interface GetUnitRankingOptions {
  services: Services;
  actor: Actor;
  query: UnitQuery;
  page: number;
  pageSize: number;
}

export const DEFAULT_UNIT_SORT: FigureKey = "closureRate";

export async function unitRankingFor(services: Services, actor: Actor, query: UnitQuery): Promise<Ranking> {
  const area = viewerArea(actor, services.places);
  return rankUnits({
    db: services.db,
    places: services.places,
    area,
    unitType: query.unitType,
    periods: periodsOf(query, services.clock.now()),
    sort: query.sort ?? DEFAULT_UNIT_SORT,
    order: query.order,
  });
}

export async function getUnitRanking({ services, actor, query, page, pageSize }: GetUnitRankingOptions) {
  return pageOf(await unitRankingFor(services, actor, query), page, pageSize);
}
