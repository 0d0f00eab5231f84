// The big screen's patrol layer: grid workers of the scope walking a patrol now (an open patrol with
// a point in the last 30 minutes), at their latest point. The presenter masks the names.
import type { Actor } from "../access/actor.ts";
import type { Services } from "../services.ts";
import { patrollingWorkers } from "../stats/live-queries.ts";
import { resolveScreenScope } from "../stats/screen-scope.ts";
import { PATROL_FRESH_MS } from "./get-screen-summary.ts";

/** A bound on the list: far above the number of grid workers of a city. */
export const WORKERS_MAX = 10_000;

export interface ListScreenWorkersOptions {
  services: Services;
  actor: Actor;
  division?: string;
}

export async function listScreenWorkers({ services, actor, division }: ListScreenWorkersOptions) {
  const scope = resolveScreenScope({ places: services.places, actor, division });
  const now = services.clock.now();
  const rows = await patrollingWorkers(
    services.db,
    scope.prefix,
    new Date(now.getTime() - PATROL_FRESH_MS),
    WORKERS_MAX,
  );
  return {
    items: rows.map((r) => {
      // the grid the worker stands in when it is one of theirs, else their first grid in the scope
      const here = services.places.locate(r.lat, r.lng)?.grid;
      const gridCode = here && r.grid_codes.includes(here) ? here : (r.grid_codes[0] as string);
      return {
        userId: r.user_id,
        displayName: r.display_name,
        gridCode,
        lat: r.lat,
        lng: r.lng,
        lastSeenAt: r.last_seen_at.toISOString(),
      };
    }),
  };
}
