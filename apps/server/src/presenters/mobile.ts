// The phone app's shapes: the home screen and a task (a case summary with what a worker on site
// needs: the point, the description and, for a check, what the handling unit reported).
import type { Actor } from "../access/actor.ts";
import type { CaseRow } from "../db/schema.ts";
import type { PlaceDirectory } from "../places/directory.ts";
import type { getMobileHome } from "../use-cases/get-mobile-home.ts";
import { presentCaseSummary } from "./case.ts";
import { presentGridFeature } from "./grid-feature.ts";
import { presentPatrol } from "./patrol.ts";

type Home = Awaited<ReturnType<typeof getMobileHome>>;

/** Enough of the description for a list row; the case page has all of it. */
const EXCERPT = 200;

export function presentMobileTask(row: CaseRow, places: PlaceDirectory, now: Date) {
  return {
    ...presentCaseSummary(row, places, now),
    lat: row.lat,
    lng: row.lng,
    address: row.address_area,
    gridName: places.gridName(row.grid_code),
    excerpt: row.description.length > EXCERPT ? `${row.description.slice(0, EXCERPT)}…` : row.description,
    handledAt: row.handled_at ? row.handled_at.toISOString() : null,
    resultNote: row.result_note,
  };
}

export function presentMobileHome(home: Home, actor: Actor, places: PlaceDirectory, now: Date) {
  const community = actor.unit.level === "community" ? places.division(actor.unit.divisionCode) : null;
  return {
    user: { username: actor.username, displayName: actor.displayName, unitName: actor.unit.name },
    community: community ? { code: community.code, name: community.name } : null,
    grids: { type: "FeatureCollection" as const, features: home.grids.map(presentGridFeature) },
    tasks: home.tasks,
    patrol: home.openPatrol ? presentPatrol(home.openPatrol, now) : null,
    today: home.today,
  };
}
