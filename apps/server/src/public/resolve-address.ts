// A report without a map point: find the community (or else the township) named in the address
// text and use a point at its centre, so the case is routed to the right station or centre. Names
// that fit several places, or no place, are refused: the citizen is asked for a map point instead.
import type { DivisionLevel } from "@civicgrid/shared";
import { AppError } from "../errors.ts";
import type { Division } from "../places/directory.ts";
import type { Services } from "../services.ts";

export interface ResolvedAddress {
  lat: number;
  lng: number;
  division: { code: string; name: string; level: DivisionLevel };
}

interface Match {
  division: Division;
  start: number;
  end: number;
}

/** Divisions named in the text; a name inside a longer matched name ("东升村" in "大东升村") is dropped. */
function namedDivisions(services: Services, text: string): Match[] {
  const found: Match[] = [];
  for (const division of services.places.divisions.values()) {
    if (division.level === "city" || division.name.length < 2) continue;
    let at = text.indexOf(division.name);
    while (at >= 0) {
      found.push({ division, start: at, end: at + division.name.length });
      at = text.indexOf(division.name, at + 1);
    }
  }
  return found.filter(
    (m) => !found.some((o) => o !== m && o.start <= m.start && o.end >= m.end && o.end - o.start > m.end - m.start),
  );
}

const unique = <T>(xs: T[]) => [...new Set(xs)];

export async function resolveAddress(services: Services, text: string): Promise<ResolvedAddress> {
  const matches = namedDivisions(services, text);
  const codes = (level: DivisionLevel) =>
    unique(matches.filter((m) => m.division.level === level).map((m) => m.division.code));
  const districts = codes("district");
  const townships = codes("township");
  const parent = (code: string) => services.places.division(code)?.parentCode ?? null;

  // a community, narrowed by the township or district the text also names
  let communities = codes("community");
  if (townships.length > 0) {
    const within = communities.filter((c) => townships.includes(parent(c) ?? ""));
    if (within.length > 0) communities = within;
  } else if (districts.length > 0) {
    const within = communities.filter((c) => districts.includes(parent(parent(c) ?? "") ?? ""));
    if (within.length > 0) communities = within;
  }
  let chosen: string | null = null;
  let candidates = communities;
  if (communities.length === 1) chosen = communities[0] ?? null;
  else if (communities.length === 0) {
    const inDistrict = districts.length > 0 ? townships.filter((t) => districts.includes(parent(t) ?? "")) : [];
    candidates = inDistrict.length > 0 ? inDistrict : townships;
    if (candidates.length === 1) chosen = candidates[0] ?? null;
  }
  if (!chosen) {
    throw new AppError("ADDRESS_NOT_RESOLVED", {
      candidates: candidates.slice(0, 10).map((c) => placeLabel(services, c)),
    });
  }
  const division = services.places.division(chosen) as Division;
  const point = await centreOf(services, division);
  if (!point) throw new AppError("ADDRESS_NOT_RESOLVED", { candidates: [placeLabel(services, chosen)] });
  return { ...point, division: { code: division.code, name: division.name, level: division.level } };
}

/** "铁西区 八家子街道 裕华社区": enough to tell same-named places apart. */
function placeLabel(services: Services, code: string): string {
  const names: string[] = [];
  for (let c: string | null = code; c; c = services.places.division(c)?.parentCode ?? null) {
    const d = services.places.division(c);
    if (!d || d.level === "city") break;
    names.unshift(d.name);
  }
  return names.join(" ");
}

/**
 * A point of the division near the middle of its grids: the middle of their extent when it falls in
 * the division, else a point inside the grid closest to that middle.
 */
async function centreOf(services: Services, division: Division): Promise<{ lat: number; lng: number } | null> {
  const prefix = division.code.slice(0, division.level === "community" ? 12 : division.level === "township" ? 9 : 6);
  const grids = await services.db
    .selectFrom("grids")
    .select(["code", "geometry"])
    .where("community_code", "like", `${prefix}%`)
    .orderBy("code")
    .execute();
  const inDivision = (lat: number, lng: number) => {
    const place = services.places.locate(lat, lng);
    return place !== null && (place[division.level as "community" | "township" | "district"] ?? "") === division.code;
  };
  const boxes = grids.map((g) => ({ code: g.code, box: bbox(g.geometry) }));
  if (boxes.length === 0) return null;
  const all: Box = [Infinity, Infinity, -Infinity, -Infinity];
  for (const { box } of boxes) {
    all[0] = Math.min(all[0], box[0]);
    all[1] = Math.min(all[1], box[1]);
    all[2] = Math.max(all[2], box[2]);
    all[3] = Math.max(all[3], box[3]);
  }
  const mid = { lng: (all[0] + all[2]) / 2, lat: (all[1] + all[3]) / 2 };
  if (inDivision(mid.lat, mid.lng)) return mid;
  const dist = (b: Box) => ((b[0] + b[2]) / 2 - mid.lng) ** 2 + ((b[1] + b[3]) / 2 - mid.lat) ** 2;
  boxes.sort((a, b) => dist(a.box) - dist(b.box));
  for (const { code, box } of boxes.slice(0, 5)) {
    const centre = { lng: (box[0] + box[2]) / 2, lat: (box[1] + box[3]) / 2 };
    if (services.places.locate(centre.lat, centre.lng)?.grid === code) return centre;
    // an irregular grid: walk a coarse lattice over its box
    for (let i = 1; i < 400; i++) {
      const lng = box[0] + ((box[2] - box[0]) * ((i * 37) % 97)) / 97;
      const lat = box[1] + ((box[3] - box[1]) * ((i * 53) % 89)) / 89;
      if (services.places.locate(lat, lng)?.grid === code) return { lat, lng };
    }
  }
  return null;
}

/** [minLng, minLat, maxLng, maxLat] */
type Box = [number, number, number, number];

/** The box of a MultiPolygon's outer rings. */
function bbox(mp: number[][][][]): Box {
  const b: Box = [Infinity, Infinity, -Infinity, -Infinity];
  for (const poly of mp) {
    for (const [x = Number.NaN, y = Number.NaN] of poly[0] ?? []) {
      b[0] = Math.min(b[0], x);
      b[1] = Math.min(b[1], y);
      b[2] = Math.max(b[2], x);
      b[3] = Math.max(b[3], y);
    }
  }
  return b;
}
