// Builds apps/server/seed-data/* from the read-only reference data in ../shared/data.
// Run: npx tsx scripts/build-seed-data.ts   (SHARED_DATA_DIR overrides the source folder)
// The output is committed; the server never reads ../shared at run time.
import { mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import polygonClipping from "polygon-clipping";
import {
  insideMultiPolygon,
  type MultiPolygon,
  multiPolygonAreaKm2,
  type PartitionNode,
  type Position,
  partitionDistrict,
  roundMultiPolygon,
} from "./seed/grid-partition.ts";

type Level = "city" | "district" | "township" | "community";
type DivisionRow = [code: string, name: string, parentCode: string | null, level: Level];
type GridRow = [code: string, communityCode: string, name: string, coordinates: MultiPolygon];

interface SourceDivision {
  code: string;
  name: string;
  parentCode: string | null;
  level: "province" | "city" | "county" | "township" | "village";
  villageType?: "community" | "community-like" | "village";
}

interface Feature {
  properties: { adcode: number; name: string; center: Position };
  geometry: { type: "MultiPolygon"; coordinates: MultiPolygon };
}

const CITY_CODE = "210300000000";
const EXPECTED = { city: 1, district: 7, township: 96, community: 1193 } as const;
const LEVELS: Record<string, Level | undefined> = {
  city: "city",
  county: "district",
  township: "township",
  village: "community",
};
/** Places named in the governance article; the demo relies on them. */
const REQUIRED_PLACES: [string, string][] = [
  ["210303003000", "八家子街道"],
  ["210303003003", "裕华社区"],
  ["210302002000", "解放街道"],
  ["210302002010", "长大社区"],
  ["210321103000", "黄沙坨镇"],
];

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dataDir = process.env.SHARED_DATA_DIR ?? path.resolve(repoRoot, "../shared/data");
const outDir = path.join(repoRoot, "apps/server/seed-data");
const readJson = <T>(rel: string): T => JSON.parse(readFileSync(path.join(dataDir, rel), "utf8")) as T;

/** NBS names the committee (…居民委员会/村委会); people and the UI use the community name (…社区/…村). */
export function shortCommunityName(name: string, type: SourceDivision["villageType"]): string {
  if (type === "village") {
    const base = name.replace(/(村民委员会|村委会)$/, "");
    return base.endsWith("村") ? base : `${base}村`;
  }
  const m = /^(.*?)(社区)?(居民委员会|居委会)$/.exec(name);
  return m ? `${m[1]}社区` : name;
}

/** FNV-1a: stable per-code variation in grid counts without randomness. */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/** Urban 社区 get 4–8 grids, villages 2–3, the scenic area's virtual community 3. */
function gridCountFor(code: string, type: SourceDivision["villageType"]): number {
  const h = hash(code);
  if (type === "community") return 4 + (h % 5);
  if (type === "village") return 2 + ((h >>> 8) % 2);
  return 3;
}

function buildDivisions(source: SourceDivision[]): DivisionRow[] {
  const rows: DivisionRow[] = [];
  for (const d of source) {
    const level = LEVELS[d.level];
    if (!level) continue; // the province row is outside the platform's scope
    const parent = level === "city" ? null : d.parentCode;
    const name = level === "community" ? shortCommunityName(d.name, d.villageType) : d.name;
    rows.push([d.code, name, parent, level]);
  }
  rows.sort((a, b) => (a[0] < b[0] ? -1 : 1));
  const byCode = new Map(rows.map((r) => [r[0], r]));
  const parentLevel: Record<Level, Level | null> = {
    city: null,
    district: "city",
    township: "district",
    community: "township",
  };
  for (const [code, , parent, level] of rows) {
    const want = parentLevel[level];
    if (want === null ? parent !== null : byCode.get(parent ?? "")?.[3] !== want) {
      throw new Error(`bad parent for ${code}: ${parent}`);
    }
  }
  for (const level of Object.keys(EXPECTED) as Level[]) {
    const n = rows.filter((r) => r[3] === level).length;
    if (n !== EXPECTED[level]) throw new Error(`expected ${EXPECTED[level]} ${level} rows, got ${n}`);
  }
  for (const [code, name] of REQUIRED_PLACES) {
    if (byCode.get(code)?.[1] !== name) throw new Error(`missing ${name} (${code})`);
  }
  return rows;
}

/** Districts must not overlap, or a point could resolve to two grids: later ones lose the overlap. */
function disjointDistricts(features: Feature[]): Map<string, MultiPolygon> {
  const out = new Map<string, MultiPolygon>();
  const done: MultiPolygon[] = [];
  for (const f of [...features].sort((a, b) => a.properties.adcode - b.properties.adcode)) {
    const code = `${f.properties.adcode}000000`;
    let mp = roundMultiPolygon(f.geometry.coordinates);
    for (const prev of done) {
      const overlap = multiPolygonAreaKm2(polygonClipping.intersection(mp, prev) as MultiPolygon);
      if (overlap > 1e-6) {
        console.warn(`  ${code} overlaps an earlier district by ${overlap.toFixed(4)} km²; subtracting`);
        mp = roundMultiPolygon(polygonClipping.difference(mp, prev) as MultiPolygon);
      }
    }
    done.push(mp);
    out.set(code, mp);
  }
  return out;
}

function buildTree(
  districtCode: string,
  source: SourceDivision[],
  names: Map<string, string>,
): { root: PartitionNode; names: Map<string, string>; coreGrids: number; grids: number } {
  const gridNames = new Map<string, string>();
  let coreGrids = 0;
  let grids = 0;
  const townships = source.filter((d) => d.level === "township" && d.parentCode === districtCode);
  const root: PartitionNode = { id: districtCode, urban: 0, children: [] };
  for (const t of townships) {
    const street = t.name.endsWith("街道");
    const communities = source.filter((d) => d.level === "village" && d.parentCode === t.code);
    const tNode: PartitionNode = { id: t.code, urban: 0, children: [] };
    let urbanGrids = 0;
    let tGrids = 0;
    for (const c of communities) {
      const count = gridCountFor(c.code, c.villageType);
      const urban = c.villageType === "community" ? 1 : c.villageType === "community-like" ? 0.5 : 0;
      const cNode: PartitionNode = { id: c.code, urban, children: [] };
      for (let i = 1; i <= count; i++) {
        const serial = String(i).padStart(2, "0");
        const id = `${c.code}${serial}`;
        cNode.children.push({ id, urban, children: [] });
        gridNames.set(id, `${names.get(c.code)}第${serial}网格`);
      }
      tNode.children.push(cNode);
      tGrids += count;
      if (urban === 1) urbanGrids += count;
      if (urban === 1 && street) coreGrids += count;
    }
    if (tGrids === 0) throw new Error(`township ${t.code} has no communities`);
    // 街道 first, then towns by how urban they are: ordering decides who sits next to the core.
    tNode.urban = (street ? 0.5 : 0) + 0.5 * (urbanGrids / tGrids);
    root.children.push(tNode);
    grids += tGrids;
  }
  return { root, names: gridNames, coreGrids, grids };
}

function writeRows(file: string, rows: unknown[]): void {
  writeFileSync(path.join(outDir, file), `[\n${rows.map((r) => JSON.stringify(r)).join(",\n")}\n]\n`);
}

function main(): void {
  const started = Date.now();
  const source = readJson<{ divisions: SourceDivision[] }>("divisions/anshan-divisions.json").divisions;
  const divisions = buildDivisions(source);
  const names = new Map(divisions.map((r) => [r[0], r[1]]));

  const features = readJson<{ features: Feature[] }>("geo/210300_full.wgs84.json").features;
  const districts = disjointDistricts(features);
  const cityFeature = readJson<{ features: Feature[] }>("geo/210300_city_outline.wgs84.json").features[0];
  if (!cityFeature) throw new Error("city outline missing");
  const city = roundMultiPolygon(cityFeature.geometry.coordinates);
  const districtRows = divisions.filter((r) => r[3] === "district").map((r) => r[0]);
  if (districtRows.some((c) => !districts.has(c)) || districts.size !== districtRows.length) {
    throw new Error("district outlines do not match the division codes");
  }

  const gridRows: GridRow[] = [];
  const summary: string[] = [];
  for (const f of [...features].sort((a, b) => a.properties.adcode - b.properties.adcode)) {
    const code = `${f.properties.adcode}000000`;
    const outline = districts.get(code) as MultiPolygon;
    const center = f.properties.center;
    if (!insideMultiPolygon(outline, center[0], center[1])) throw new Error(`${code}: seat outside outline`);
    const tree = buildTree(code, source, names);
    // Core radius grows with the number of urban grids (~0.1 km² each), at least 1.5 km.
    const sigma = Math.max(1.5, Math.sqrt((tree.coreGrids * 0.1) / Math.PI));
    const pieces = partitionDistrict(outline, tree.root, {
      seed: hash(code),
      core: center,
      coreSigmaKm: sigma,
      coreShare: tree.coreGrids / tree.grids,
    });
    let area = 0;
    for (const p of pieces) {
      if (p.coordinates.length === 0) throw new Error(`grid ${p.id} is empty`);
      area += multiPolygonAreaKm2(p.coordinates);
      gridRows.push([p.id, p.id.slice(0, 12), tree.names.get(p.id) as string, p.coordinates]);
    }
    const districtArea = multiPolygonAreaKm2(outline);
    // Only 6-decimal rounding of where cut lines cross the outline may differ (centimetres).
    if (Math.abs(area - districtArea) > districtArea * 1e-5) {
      throw new Error(`${code}: grids cover ${area} km² of ${districtArea} km²`);
    }
    summary.push(
      `  ${code} ${names.get(code)}: ${pieces.length} grids, ${districtArea.toFixed(1)} km², core σ ${sigma.toFixed(1)} km, ` +
        `area Δ ${((area - districtArea) * 1e6).toFixed(0)} m²`,
    );
  }
  gridRows.sort((a, b) => (a[0] < b[0] ? -1 : 1));
  const withGrids = new Set(gridRows.map((g) => g[1]));
  const orphan = divisions.find((r) => r[3] === "community" && !withGrids.has(r[0]));
  if (orphan) throw new Error(`community ${orphan[0]} got no grid`);

  mkdirSync(outDir, { recursive: true });
  writeRows("divisions.json", divisions);
  const districtJson = [...districts].map(([c, mp]) => `${JSON.stringify(c)}:${JSON.stringify(mp)}`);
  writeFileSync(path.join(outDir, "districts.geo.json"), `{\n${districtJson.join(",\n")}\n}\n`);
  writeFileSync(path.join(outDir, "city.geo.json"), `${JSON.stringify({ code: CITY_CODE, coordinates: city })}\n`);
  writeRows("grids.json", gridRows);

  console.log(`divisions: ${divisions.length} rows`);
  console.log(`grids: ${gridRows.length}`);
  for (const line of summary) console.log(line);
  for (const file of ["divisions.json", "districts.geo.json", "city.geo.json", "grids.json"]) {
    console.log(`  ${file}: ${(statSync(path.join(outDir, file)).size / 1024).toFixed(0)} KiB`);
  }
  console.log(`done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

main();
