// The big screen's map points: the open cases of a scope plus those closed in the last 24 hours,
// capped by `limit` (open cases first, newest report first), read from the in-memory live set that
// committed case changes keep current (stats/live-case-set.ts). `total` counts them all; `truncated`
// says the map shows fewer.
import type { Actor } from "../access/actor.ts";
import type { Services } from "../services.ts";
import { liveCasesOf } from "../stats/live-case-set.ts";
import { resolveScreenScope } from "../stats/screen-scope.ts";

export const POINTS_MAX = 10_000;
export const POINTS_DEFAULT = 5_000;
const CLOSED_WINDOW_MS = 24 * 3_600_000;

export interface ListScreenPointsOptions {
  services: Services;
  actor: Actor;
  division?: string;
  limit: number;
}

export async function listScreenPoints({ services, actor, division, limit }: ListScreenPointsOptions) {
  const scope = resolveScreenScope({ places: services.places, actor, division });
  const now = services.clock.now();
  const live = liveCasesOf(services, CLOSED_WINDOW_MS);
  const { rows, openTotal, closedTotal } = await live.query({ level: scope.level, code: scope.code, limit });
  const total = openTotal + closedTotal;
  return { rows, total, truncated: rows.length < total, asOf: now };
}
