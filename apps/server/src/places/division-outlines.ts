// Outlines of townships and communities, derived from the grids: a community is the union of its
// grids, a township the union of its communities. Computed lazily one township at a time (its
// communities with it) and kept for the life of the directory they were computed against.
//
// Why the directory is the cache key: grids are written only by the reference seed, which runs
// before the directory is first loaded, and by migrations at start-up — never while the server runs.
// The directory is replaced (never mutated) on a reload, so keying by it drops the outlines together
// with the directory they belong to; a reload after a unit edit costs a recomputation on demand, no
// more.
import type { Services } from "../services.ts";
import {
  type BBox,
  bboxOf,
  labelPoint,
  type MultiPolygon,
  type Position,
  simplifyMultiPolygon,
  unionOf,
} from "../spatial/outline.ts";
import type { PlaceDirectory } from "./directory.ts";
import { childrenOf } from "./division-tree.ts";

export interface DivisionOutline {
  code: string;
  name: string;
  parentCode: string;
  gridCount: number;
  bbox: BBox;
  /** where the name goes: a point inside the largest part */
  labelAt: Position;
  coordinates: MultiPolygon;
}

export interface TownshipOutlines {
  /** null when none of its communities has a grid */
  township: DivisionOutline | null;
  /** its communities that have grids, ascending codes */
  communities: DivisionOutline[];
}

const caches = new WeakMap<PlaceDirectory, Map<string, Promise<TownshipOutlines>>>();

function outline(
  division: { code: string; name: string; parentCode: string | null },
  union: MultiPolygon,
  gridCount: number,
): DivisionOutline | null {
  const coordinates = simplifyMultiPolygon(union);
  const labelAt = labelPoint(coordinates);
  if (!coordinates.length || !labelAt) return null;
  return {
    code: division.code,
    name: division.name,
    parentCode: division.parentCode ?? "",
    gridCount,
    bbox: bboxOf(coordinates),
    labelAt,
    coordinates,
  };
}

async function compute(services: Services, places: PlaceDirectory, townshipCode: string): Promise<TownshipOutlines> {
  const township = places.division(townshipCode);
  if (!township) return { township: null, communities: [] };
  const communityCodes = childrenOf(places, townshipCode).map((c) => c.code);
  if (!communityCodes.length) return { township: null, communities: [] };
  const rows = await services.db
    .selectFrom("grids")
    .select(["community_code", "geometry"])
    .where("community_code", "in", communityCodes)
    .execute();
  const byCommunity = new Map<string, number[][][][][]>();
  for (const r of rows) {
    const list = byCommunity.get(r.community_code);
    if (list) list.push(r.geometry as number[][][][]);
    else byCommunity.set(r.community_code, [r.geometry as number[][][][]]);
  }
  const unions: MultiPolygon[] = [];
  const communities: DivisionOutline[] = [];
  for (const code of communityCodes) {
    const grids = byCommunity.get(code);
    const division = places.division(code);
    if (!grids || !division) continue;
    // the township is dissolved from the exact unions, not from the simplified outlines
    const union = unionOf(grids);
    unions.push(union);
    const o = outline(division, union, grids.length);
    if (o) communities.push(o);
  }
  const townshipOutline = unions.length ? outline(township, unionOf(unions), rows.length) : null;
  return { township: townshipOutline, communities };
}

/**
 * The outlines of one township and of its communities. Concurrent callers share one computation; a
 * failed one (a database error) is forgotten so that the next call tries again.
 */
export function townshipOutlines(services: Services, townshipCode: string): Promise<TownshipOutlines> {
  const places = services.places;
  let cache = caches.get(places);
  if (!cache) {
    cache = new Map();
    caches.set(places, cache);
  }
  let hit = cache.get(townshipCode);
  if (!hit) {
    const mine = compute(services, places, townshipCode);
    hit = mine;
    cache.set(townshipCode, mine);
    mine.catch(() => {
      if (cache.get(townshipCode) === mine) cache.delete(townshipCode);
    });
  }
  return hit;
}
