// The big screen's heat layer: reports per grid over the last `days` days (from the rollup), each at
// its grid's centre. A city's heat sums every grid's days (4,281 grids × 90 days = 385k index
// entries): the one screen figure too large to sum per request within the 100 ms budget under load,
// so it is shared between screens for HEAT_TTL_MS (a heat map moves slowly; KPIs and the live
// stream stay exact).
import type { Actor } from "../access/actor.ts";
import type { Services } from "../services.ts";
import { addDays, cstDay } from "../stats/days.ts";
import { gridCentre } from "../stats/grid-centres.ts";
import { reportsPerGrid } from "../stats/rollup-queries.ts";
import { resolveScreenScope } from "../stats/screen-scope.ts";
import { SharedCache } from "../stats/shared-cache.ts";

export const HEAT_TTL_MS = 30_000;
type Cells = { grid: string; n: number }[];
/** one cache per app (per database) */
const caches = new WeakMap<Services, SharedCache<Cells>>();

function cacheOf(services: Services): SharedCache<Cells> {
  let cache = caches.get(services);
  if (!cache) {
    cache = new SharedCache<Cells>(HEAT_TTL_MS);
    caches.set(services, cache);
  }
  return cache;
}

export interface GetScreenHeatOptions {
  services: Services;
  actor: Actor;
  division?: string;
  days: number;
}

export async function getScreenHeat({ services, actor, division, days }: GetScreenHeatOptions) {
  const scope = resolveScreenScope({ places: services.places, actor, division });
  const now = services.clock.now();
  const today = cstDay(now);
  const from = addDays(today, -(days - 1));
  const rows = await cacheOf(services).get(`${scope.prefix}|${from}|${today}`, now.getTime(), () =>
    reportsPerGrid(services.db, scope.prefix, from, today),
  );
  const cells: { gridCode: string; lat: number; lng: number; weight: number }[] = [];
  for (const row of rows) {
    const centre = gridCentre(services.places, row.grid);
    if (centre) cells.push({ gridCode: row.grid, ...centre, weight: row.n });
  }
  cells.sort((a, b) => b.weight - a.weight || a.gridCode.localeCompare(b.gridCode));
  return { scope: { level: scope.level, code: scope.code, name: scope.name }, period: { from, to: today }, cells };
}
