import { readFileSync } from "node:fs";
import pointInPolygon from "point-in-polygon-hao";
import { describe, expect, it } from "vitest";
import { GridIndex, type GridShape } from "./grid-index.ts";

type MultiPolygon = number[][][][];
type DivisionRow = [string, string, string | null, "city" | "district" | "township" | "community"];
type GridRow = [string, string, string, MultiPolygon];

// The committed seed files are what the server ships, so test those, not a fresh build.
const seed = <T>(file: string): T =>
  JSON.parse(readFileSync(new URL(`../../seed-data/${file}`, import.meta.url), "utf8")) as T;
const divisions = seed<DivisionRow[]>("divisions.json");
const gridRows = seed<GridRow[]>("grids.json");
const districts = Object.entries(seed<Record<string, MultiPolygon>>("districts.geo.json"));
const city = seed<{ code: string; coordinates: MultiPolygon }>("city.geo.json");
const shapes: GridShape[] = gridRows.map(([code, communityCode, , coordinates]) => ({
  code,
  communityCode,
  coordinates,
}));
const index = GridIndex.build(shapes, city.coordinates);

/** District seats (DataV `center`), [lng, lat]. */
const SEATS: Record<string, [number, number]> = {
  "210302000000": [122.989001, 41.108441],
  "210303000000": [122.966462, 41.10885],
  "210304000000": [123.019183, 41.148595],
  "210311000000": [122.944015, 41.067154],
  "210321000000": [122.42426, 41.384567],
  "210323000000": [123.282672, 40.280078],
  "210381000000": [122.746895, 40.85082],
};

function inside(mp: MultiPolygon, lng: number, lat: number): boolean | 0 {
  let edge = false;
  for (const poly of mp) {
    const r = pointInPolygon([lng, lat], poly);
    if (r === true) return true;
    if (r === 0) edge = true;
  }
  return edge ? 0 : false;
}

function districtAt(lng: number, lat: number): string | null {
  return districts.find(([, mp]) => inside(mp, lng, lat) === true)?.[0] ?? null;
}

function ringArea(ring: number[][]): number {
  let a = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const [x1 = 0, y1 = 0] = ring[i] as number[];
    const [x2 = 0, y2 = 0] = ring[i + 1] as number[];
    a += (x2 - x1) * (Math.sin((y1 * Math.PI) / 180) + Math.sin((y2 * Math.PI) / 180));
  }
  return Math.abs(a / 2);
}

const area = (mp: MultiPolygon): number =>
  mp.reduce((s, poly) => s + poly.reduce((t, ring, i) => t + (i === 0 ? 1 : -1) * ringArea(ring), 0), 0);

/** A point strictly inside: middle of the widest run of a horizontal scanline through the largest part. */
function interiorPoint(mp: MultiPolygon): [number, number] {
  const poly = [...mp].sort((a, b) => area([b]) - area([a]))[0] as number[][][];
  const ys = (poly[0] as number[][]).map((p) => p[1] as number);
  const y = (Math.min(...ys) + Math.max(...ys)) / 2 + 1e-9;
  const xs: number[] = [];
  for (const ring of poly) {
    for (let i = 0; i + 1 < ring.length; i++) {
      const [ax = 0, ay = 0] = ring[i] as number[];
      const [bx = 0, by = 0] = ring[i + 1] as number[];
      if (ay > y !== by > y) xs.push(ax + ((y - ay) * (bx - ax)) / (by - ay));
    }
  }
  xs.sort((a, b) => a - b);
  let best: [number, number] = [Number.NaN, y];
  let width = -1;
  for (let i = 0; i + 1 < xs.length; i += 2) {
    const [a = 0, b = 0] = [xs[i], xs[i + 1]];
    if (b - a > width) [width, best] = [b - a, [(a + b) / 2, y]];
  }
  return best;
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function bboxOf(mp: MultiPolygon): [number, number, number, number] {
  const pts = mp.flatMap((poly) => poly[0] ?? []);
  const xs = pts.map((p) => p[0] as number);
  const ys = pts.map((p) => p[1] as number);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

describe("seed divisions", () => {
  it("has 1 city, 7 districts, 96 townships and 1,193 communities with valid parents", () => {
    const count = (level: string) => divisions.filter((d) => d[3] === level).length;
    expect([count("city"), count("district"), count("township"), count("community")]).toEqual([1, 7, 96, 1193]);
    expect(divisions).toHaveLength(1297);
    const byCode = new Map(divisions.map((d) => [d[0], d]));
    const parentLevel = { city: null, district: "city", township: "district", community: "township" };
    for (const [code, , parent, level] of divisions) {
      expect(code).toMatch(/^\d{12}$/);
      if (parentLevel[level] === null) expect(parent).toBeNull();
      else expect(byCode.get(parent ?? "")?.[3], code).toBe(parentLevel[level]);
    }
  });

  it("keeps the places named in the governance article", () => {
    const name = (code: string) => divisions.find((d) => d[0] === code)?.[1];
    expect(name("210303000000")).toBe("铁西区");
    expect(name("210303003000")).toBe("八家子街道");
    expect(name("210303003003")).toBe("裕华社区");
    expect(name("210302002000")).toBe("解放街道");
    expect(name("210302002010")).toBe("长大社区");
    expect(gridRows.some((g) => g[1] === "210303003003")).toBe(true);
    expect(gridRows.some((g) => g[1] === "210302002010")).toBe(true);
  });
});

describe("seed grids", () => {
  const communities = new Map(divisions.filter((d) => d[3] === "community").map((d) => [d[0], d[1]]));

  it("gives every community at least one grid with a well-formed unique code", () => {
    const codes = new Set<string>();
    for (const [code, community, name] of gridRows) {
      expect(code).toMatch(/^\d{14}$/);
      expect(code.slice(0, 12)).toBe(community);
      const serial = code.slice(12);
      expect(Number(serial)).toBeGreaterThanOrEqual(1);
      expect(communities.has(community), community).toBe(true);
      expect(name).toBe(`${communities.get(community)}第${serial}网格`);
      codes.add(code);
    }
    expect(codes.size).toBe(gridRows.length);
    expect(new Set(gridRows.map((g) => g[1])).size).toBe(communities.size);
    expect(index.size).toBe(gridRows.length);
    expect(gridRows.length).toBeGreaterThan(3000);
  });

  it("puts every grid inside the district of its community", () => {
    for (const [code, , , mp] of gridRows) {
      const [lng, lat] = interiorPoint(mp);
      expect(districtAt(lng, lat), code).toBe(`${code.slice(0, 6)}000000`);
      expect(index.locate(lat, lng), code).toBe(code);
    }
  });

  it("covers each district with grid area equal to the district area", () => {
    for (const [code, outline] of districts) {
      const sum = gridRows.filter((g) => g[0].startsWith(code.slice(0, 6))).reduce((s, g) => s + area(g[3]), 0);
      expect(Math.abs(sum / area(outline) - 1), code).toBeLessThan(1e-5);
    }
  });
});

describe("GridIndex", () => {
  it("puts 20,000 random points in exactly one grid, agreeing with brute force", () => {
    const boxes = new Float64Array(gridRows.length * 4);
    gridRows.forEach((g, i) => {
      boxes.set(bboxOf(g[3]), i * 4);
    });
    const [x0, y0, x1, y1] = bboxOf(city.coordinates);
    const rand = mulberry32(20240601);
    let tested = 0;
    while (tested < 20_000) {
      const lng = x0 + rand() * (x1 - x0);
      const lat = y0 + rand() * (y1 - y0);
      const district = districtAt(lng, lat);
      if (!district) continue;
      tested++;
      const hits: string[] = [];
      for (let i = 0; i < gridRows.length; i++) {
        const b = i * 4;
        if (lng < (boxes[b] as number) || lat < (boxes[b + 1] as number)) continue;
        if (lng > (boxes[b + 2] as number) || lat > (boxes[b + 3] as number)) continue;
        const g = gridRows[i] as GridRow;
        if (inside(g[3], lng, lat) !== false) hits.push(g[0]);
      }
      expect(hits, `${lat},${lng}`).toHaveLength(1);
      expect(hits[0]?.slice(0, 6)).toBe(district.slice(0, 6));
      expect(index.locate(lat, lng)).toBe(hits[0]);
    }
  }, 60_000); // 20,000 brute-force checks: slow on a loaded machine, not a speed check

  it("returns null far outside Anshan, even for locateNearest", () => {
    expect(index.locate(39.9, 116.4)).toBeNull();
    expect(index.locateNearest(39.9, 116.4, 50_000)).toBeNull();
    expect(index.locate(Number.NaN, 122.9)).toBeNull();
    expect(GridIndex.build([]).locate(41.1, 122.9)).toBeNull();
  });

  it("resolves each district seat to a grid of that district", () => {
    for (const [code, [lng, lat]] of Object.entries(SEATS)) {
      expect(index.locate(lat, lng), code).toMatch(new RegExp(`^${code.slice(0, 6)}\\d{8}$`));
    }
  });

  it("resolves a shared corner to the lowest touching grid code", () => {
    // The first ring vertex of a fully interior rectangle grid is shared with its neighbours.
    const [code, , , mp] = gridRows.find((g) => g[0].startsWith("210303003003")) as GridRow;
    const [lng = 0, lat = 0] = mp[0]?.[0]?.[0] ?? [];
    const touching = gridRows.filter((g) => inside(g[3], lng, lat) !== false).map((g) => g[0]);
    expect(touching).toContain(code);
    expect(touching.length).toBeGreaterThan(1);
    expect(index.locate(lat, lng)).toBe([...touching].sort()[0]);
  });

  it("snaps points in city-outline slivers to the nearest grid within the limit", () => {
    const [x0, y0, x1, y1] = bboxOf(city.coordinates);
    const rand = mulberry32(7);
    let found = 0;
    for (let n = 0; found < 5 && n < 200_000; n++) {
      const lng = x0 + rand() * (x1 - x0);
      const lat = y0 + rand() * (y1 - y0);
      if (inside(city.coordinates, lng, lat) !== true || districtAt(lng, lat) !== null) continue;
      found++;
      expect(index.locate(lat, lng)).toBeNull();
      expect(index.locateNearest(lat, lng, 0.001)).toBeNull();
      const near = index.locateNearest(lat, lng, 5_000);
      expect(near).toMatch(/^\d{14}$/);
    }
    expect(found).toBe(5);
    // Without the city outline nothing stops a point just outside Anshan from snapping.
    const [lng, lat] = SEATS["210321000000"] as [number, number];
    expect(GridIndex.build(shapes).locateNearest(lat, lng, 10)).toBe(index.locate(lat, lng));
  });

  it("locates fast", () => {
    const rand = mulberry32(99);
    const pts = Array.from({ length: 200_000 }, () => [40.7 + rand() * 0.6, 122.4 + rand() * 0.8] as const);
    let found = 0;
    const t0 = performance.now();
    for (const [lat, lng] of pts) if (index.locate(lat, lng) !== null) found++;
    const perSecond = pts.length / ((performance.now() - t0) / 1000);
    console.log(`GridIndex.locate: ${Math.round(perSecond).toLocaleString("en")} lookups/s (${found} hits)`);
    expect(found).toBeGreaterThan(0);
  });
});
