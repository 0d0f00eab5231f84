// Communities and townships by name, for the desk's "where is it" field: the caller names a 社区 or a
// 街道, the agent picks it and the map centres on a point inside it.
import type { Actor } from "../access/actor.ts";
import { requirePermission } from "../access/require.ts";
import { AppError } from "../errors.ts";
import type { Division, PlaceDirectory } from "../places/directory.ts";
import { resolveAddress } from "../public/resolve-address.ts";
import type { Services } from "../services.ts";

export const MAX_PLACE_RESULTS = 10;

export interface FoundPlace {
  division: Division;
  /** district … the place itself, e.g. ["铁西区", "八家子街道", "裕华社区"] */
  path: string[];
  point: { lat: number; lng: number } | null;
}

// a point per division, per directory (the directory is replaced, never mutated, after admin edits)
const points = new WeakMap<PlaceDirectory, Map<string, Promise<{ lat: number; lng: number } | null>>>();

export async function searchPlaces({ services, actor, q }: { services: Services; actor: Actor; q: string }) {
  requirePermission(actor, "case:create");
  const text = q.trim();
  if (!text) throw new AppError("VALIDATION_FAILED", { field: "q", problem: "required" });
  const { places } = services;
  const matches = [...places.divisions.values()]
    .filter((d) => (d.level === "community" || d.level === "township") && d.name.includes(text))
    .sort(
      (a, b) =>
        Number(!a.name.startsWith(text)) - Number(!b.name.startsWith(text)) ||
        Number(a.level !== "community") - Number(b.level !== "community") ||
        a.code.localeCompare(b.code),
    )
    .slice(0, MAX_PLACE_RESULTS);
  return Promise.all(
    matches.map(async (division): Promise<FoundPlace> => {
      const path = pathNames(places, division);
      return { division, path, point: await pointOf(services, division.code, path.join(" ")) };
    }),
  );
}

function pathNames(places: PlaceDirectory, division: Division): string[] {
  const names: string[] = [];
  for (
    let d: Division | null = division;
    d && d.level !== "city";
    d = d.parentCode ? places.division(d.parentCode) : null
  ) {
    names.unshift(d.name);
  }
  return names;
}

function pointOf(services: Services, code: string, label: string) {
  let cache = points.get(services.places);
  if (!cache) {
    cache = new Map();
    points.set(services.places, cache);
  }
  let found = cache.get(code);
  if (!found) {
    // the full path names exactly one place
    found = resolveAddress(services, label).then(
      (r) => (r.division.code === code ? { lat: r.lat, lng: r.lng } : null),
      () => null,
    );
    cache.set(code, found);
  }
  return found;
}
