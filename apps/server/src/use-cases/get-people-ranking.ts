// 综合评价 by person: grid workers (their reports and patrols) or handlers (their feedbacks), within
// the viewer's area.
import type { Actor } from "../access/actor.ts";
import { rankGridWorkers } from "../assessment/grid-workers.ts";
import { rankHandlers } from "../assessment/handlers.ts";
import { viewerArea } from "../assessment/jurisdiction.ts";
import { periodsOf } from "../assessment/period.ts";
import { type FigureKey, pageOf, type Ranking } from "../assessment/ranking.ts";
import type { Services } from "../services.ts";
import type { RankingQuery } from "./get-area-ranking.ts";

export const PEOPLE_KINDS = ["grid_worker", "handler"] as const;
export type PeopleKind = (typeof PEOPLE_KINDS)[number];

export interface PeopleQuery extends RankingQuery {
  kind: PeopleKind;
}

export interface GetPeopleRankingOptions {
  services: Services;
  actor: Actor;
  query: PeopleQuery;
  page: number;
  pageSize: number;
}

export const DEFAULT_PEOPLE_SORT: Record<PeopleKind, FigureKey> = { grid_worker: "reported", handler: "feedbacks" };

export async function peopleRankingFor(services: Services, actor: Actor, query: PeopleQuery): Promise<Ranking> {
  const area = viewerArea(actor, services.places);
  const common = {
    db: services.db,
    places: services.places,
    periods: periodsOf(query, services.clock.now()),
    sort: query.sort ?? DEFAULT_PEOPLE_SORT[query.kind],
    order: query.order,
  };
  return query.kind === "grid_worker"
    ? rankGridWorkers({ ...common, area, now: services.clock.now() })
    : rankHandlers({ ...common, calendar: services.calendar, actor });
}

export async function getPeopleRanking({ services, actor, query, page, pageSize }: GetPeopleRankingOptions) {
  return pageOf(await peopleRankingFor(services, actor, query), page, pageSize);
}
