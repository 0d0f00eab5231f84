// A POST without lat/long may name its place: address_id as a division or grid code, or an
// address_string naming a community or township of the city (e.g. "铁西区八家子街道裕华社区3号楼").
// The case is then placed at a point inside that community (or near the middle of that township),
// so it is routed and coordinated by the right units.
import type { Db } from "../db/connect.ts";
import type { Division, PlaceDirectory } from "../places/directory.ts";

export interface ResolvedPlace {
  lat: number;
  lng: number;
  divisionCode: string;
}

type Ring = number[][];

/** The most specific community (else township) named in the text, or null when none or ambiguous. */
export function divisionNamedIn(places: PlaceDirectory, text: string): Division | null {
  const named = [...places.divisions.values()].filter((d) => d.level !== "city" && text.includes(d.name));
  // a name inside a longer matched name ("中心社区" in "城中心社区") is not a separate match
  const matches = named.filter((d) => !named.some((o) => o !== d && o.name.includes(d.name) && o.name !== d.name));
  const under = (d: Division, level: "district" | "township") => {
    const above = matches.filter((m) => m.level === level);
    if (above.length === 0) return true;
    let code = d.parentCode;
    while (code) {
      if (above.some((a) => a.code === code)) return true;
      code = places.division(code)?.parentCode ?? null;
    }
    return false;
  };
  const fits = (d: Division) => under(d, "district") && (d.level === "township" || under(d, "township"));
  for (const level of ["community", "township"] as const) {
    const found = matches.filter((d) => d.level === level && fits(d));
    if (found.length === 1) return found[0] as Division;
    if (found.length > 1) return null;
  }
  return null;
}

function bbox(rings: Ring[]) {
  const pts = rings.flat();
  const lngs = pts.map((p) => p[0] as number);
  const lats = pts.map((p) => p[1] as number);
  return { minX: Math.min(...lngs), maxX: Math.max(...lngs), minY: Math.min(...lats), maxY: Math.max(...lats) };
}

/** A point the grid index places in `gridCode`: the box's middle, else a fixed scan of the box. */
function pointInGrid(places: PlaceDirectory, gridCode: string, rings: Ring[]): { lat: number; lng: number } | null {
  const b = bbox(rings);
  const mid = { lat: (b.minY + b.maxY) / 2, lng: (b.minX + b.maxX) / 2 };
  if (places.locate(mid.lat, mid.lng)?.grid === gridCode) return mid;
  for (let i = 1; i < 400; i++) {
    const lng = b.minX + ((b.maxX - b.minX) * ((i * 37) % 97)) / 97;
    const lat = b.minY + ((b.maxY - b.minY) * ((i * 53) % 89)) / 89;
    if (places.locate(lat, lng)?.grid === gridCode) return { lat, lng };
  }
  return null;
}

/** A point inside the division (community or township) or grid with this code. */
export async function pointInDivision(db: Db, places: PlaceDirectory, code: string): Promise<ResolvedPlace | null> {
  let q = db.selectFrom("grids").select(["code", "community_code", "geometry"]).orderBy("code");
  if (code.length === 14) q = q.where("code", "=", code);
  else {
    const level = places.division(code)?.level;
    if (level === "community") q = q.where("community_code", "=", code);
    else if (level === "township") q = q.where("community_code", "like", `${code.slice(0, 9)}%`);
    else return null;
  }
  const grids = await q.execute();
  if (grids.length === 0) return null;
  // the grid under the middle of the whole area first, so a township's case lands near its middle
  const all = bbox(grids.flatMap((g) => g.geometry.flat()));
  const under = places.locate((all.minY + all.maxY) / 2, (all.minX + all.maxX) / 2)?.grid;
  const ordered = [...grids].sort((a, b) => Number(b.code === under) - Number(a.code === under));
  for (const g of ordered) {
    const p = pointInGrid(places, g.code, g.geometry.flat());
    if (p) return { ...p, divisionCode: code.length === 14 ? g.community_code : code };
  }
  return null;
}

export async function resolveAddress(
  db: Db,
  places: PlaceDirectory,
  input: { addressId?: string; addressString?: string },
): Promise<ResolvedPlace | null> {
  if (input.addressId) return pointInDivision(db, places, input.addressId);
  if (input.addressString) {
    const division = divisionNamedIn(places, input.addressString);
    return division ? pointInDivision(db, places, division.code) : null;
  }
  return null;
}
