// The big screen's map points: the open cases of a scope plus those closed in the last 24 hours,
// capped by `limit` (open cases first, newest report first). `total` counts them all: open from the
// rollup, the day's closures through their index; `truncated` says the map shows fewer.
import type { Actor } from "../access/actor.ts";
import type { Services } from "../services.ts";
import { screenPoints } from "../stats/live-queries.ts";
import { openNow } from "../stats/rollup-queries.ts";
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
  const [{ rows, closedTotal }, open] = await Promise.all([
    screenPoints(services.db, {
      level: scope.level,
      code: scope.code,
      closedSince: new Date(now.getTime() - CLOSED_WINDOW_MS),
      limit,
    }),
    openNow(services.db, scope.level, [scope.code]),
  ]);
  const total = (open.get(scope.code)?.open ?? 0) + closedTotal;
  return { rows, total: Math.max(total, rows.length), truncated: rows.length < total, asOf: now };
}
