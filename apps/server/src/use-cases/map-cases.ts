// Points for the map: the same filters as GET /cases, newest first, capped by `limit`.
import type { Actor } from "../access/actor.ts";
import type { Services } from "../services.ts";
import { filteredCases, type ListCasesFilter, sortCases } from "./list-cases.ts";

export const MAP_DEFAULT_LIMIT = 2000;
export const MAP_MAX_LIMIT = 5000;

export interface MapCasesOptions {
  services: Services;
  actor: Actor;
  filter: ListCasesFilter;
  limit: number;
}

export async function mapCases({ services, actor, filter, limit }: MapCasesOptions) {
  const query = filteredCases({ services, actor, filter }).select([
    "cases.id",
    "cases.code",
    "cases.title",
    "cases.status",
    "cases.lat",
    "cases.lng",
    "cases.due_at",
    "cases.reported_at",
  ]);
  const fetched = await sortCases(query, "-reportedAt")
    .limit(limit + 1)
    .execute();
  const truncated = fetched.length > limit;
  return { rows: truncated ? fetched.slice(0, limit) : fetched, truncated };
}
