// The small lookup tables the bench's case generator (generate-cases.ts) joins its generate_series
// to. They are drawn in JavaScript with the demo seed's own samplers, so the 10 million cases are
// spread like the seeded year: places from HistoryPlaces.sample (urban grids weighted 5:1 over village
// grids, points the live locator puts in the same grid), categories from HistoryTexts.drawCategory
// (frequency × season, 12345 taxonomy by channel), routing from routeCase (as live intake routes),
// texts from the seed's templates, day volumes from the seed's working-day rhythm and season.
import { DEFAULT_LIMIT_DAYS, type ResponsibilityEntry, routeCase, type WorkCalendar } from "@civicgrid/domain";
import type { HandlerKind } from "@civicgrid/shared";
import { personName } from "../src/seed/history/people.ts";
import { HistoryPlaces } from "../src/seed/history/places.ts";
import { Rng } from "../src/seed/history/random.ts";
import { HistoryTexts } from "../src/seed/history/texts.ts";
import { DAY, dayIndex, dayStart, HistoryClock, monthOfDay, OFF_DAY_WEIGHT } from "../src/seed/history/time.ts";
import type { CategoryTexts, HistoryReference } from "../src/seed/history/types.ts";
import { HOTLINE_TAXONOMY, SOURCE_MIX } from "../src/seed/history-generator.ts";

/** Place draws: each case takes one at random (≈ 60 per grid on average). */
export const SPOTS = 262_144;
/** Category draws per (month, taxonomy pool). */
export const CAT_SLOTS = 8_192;
/** Title/description variants per category. */
export const TEXT_VARIANTS = 8;

export interface Spot {
  grid: string;
  community: string;
  township: string;
  district: string;
  city: string;
  districtIdx: number;
  /** the township's centre (the district's when none): the case's centre unit, like the seed's */
  centre: string;
  districtCentre: string;
  station: string;
  lat: number;
  lng: number;
  area: string;
}

export interface RouteRow {
  /** districtIdx × categories + catIdx */
  key: number;
  /** 'unit' = unitCode; 'township' / 'community' = the case's own territorial unit (responsibility list) */
  kind: "unit" | "township" | "community";
  unitCode: string | null;
  rule: string;
  reason: string;
  limitDays: number;
}

export interface DayRow {
  i: number;
  day: string;
  /** epoch seconds of 00:00 Asia/Shanghai */
  start: number;
  /** seconds of the day that may hold reports (today: up to now − 2 min) */
  span: number;
  month: number;
  count: number;
  firstN: number;
  codeOffset: number;
}

export interface LookupTables {
  spots: Spot[];
  categories: string[];
  /** (month × 2 + pool) × CAT_SLOTS + slot → index into categories */
  catDraws: Int32Array;
  routes: RouteRow[];
  /** catIdx × TEXT_VARIANTS + v → texts */
  texts: { title: string; description: string; resultNote: string }[];
  days: DayRow[];
  /** one made-up grid worker per grid without one: [grid, display name, community station] */
  workers: [string, string, string][];
}

export function buildLookupTables(o: {
  ref: HistoryReference;
  calendar: WorkCalendar;
  count: number;
  days: number;
  now: Date;
  seed: number;
  /** case_code_counters: serials already used per day */
  codeOffsets: Map<string, number>;
  /** grids that already have a grid worker */
  staffedGrids: Set<string>;
}): LookupTables {
  const { ref } = o;
  const rng = new Rng(o.seed);
  const places = new HistoryPlaces(ref.divisions, ref.grids, ref.units);
  const texts = new HistoryTexts(ref.texts, ref.categories);
  const clock = new HistoryClock(o.calendar);
  const name = (code: string) => places.divisionName(code);

  const districts = ref.divisions.filter((d) => d.level === "district").map((d) => d.code);
  const spots: Spot[] = [];
  for (let i = 0; i < SPOTS; i++) {
    const { place, lat, lng } = places.sample(rng);
    const centre = places.centreOf(place.township) ?? places.centreOf(place.district);
    const districtCentre = places.centreOf(place.district);
    const station = places.centreOf(place.community);
    if (!centre || !districtCentre || !station) throw new Error(`bench: no centre for ${place.grid}`);
    spots.push({
      grid: place.grid,
      community: place.community,
      township: place.township,
      district: place.district,
      city: place.city,
      districtIdx: districts.indexOf(place.district),
      centre,
      districtCentre,
      station,
      lat,
      lng,
      area: `${name(place.district)}${name(place.township)}${name(place.community)}`,
    });
  }

  // categories as the seed draws them, per month and per taxonomy (GB/T grid pool, 12345 pool)
  const categories: string[] = [];
  const catIndex = new Map<string, number>();
  const catTexts = new Map<string, CategoryTexts>();
  const catDraws = new Int32Array(24 * CAT_SLOTS);
  for (let month = 0; month < 12; month++) {
    for (const pool of [0, 1]) {
      for (let slot = 0; slot < CAT_SLOTS; slot++) {
        const c = texts.drawCategory(rng, month, pool === 1);
        let idx = catIndex.get(c.categoryCode);
        if (idx === undefined) {
          idx = categories.length;
          categories.push(c.categoryCode);
          catIndex.set(c.categoryCode, idx);
          catTexts.set(c.categoryCode, c);
        }
        catDraws[(month * 2 + pool) * CAT_SLOTS + slot] = idx;
      }
    }
  }

  // routing per (district, category): department routes depend on the district only; territorial
  // ones name the case's own township centre or community station, resolved per case in SQL
  const responsibility = new Map<string, ResponsibilityEntry>(ref.responsibility.map((e) => [e.categoryCode, e]));
  const routes: RouteRow[] = [];
  districts.forEach((district, districtIdx) => {
    const sample = spots.find((s) => s.district === district);
    if (!sample) return;
    const place = places.placeOfGrid(sample.grid)!;
    categories.forEach((code, catIdx) => {
      const entry = responsibility.get(code) ?? null;
      const route = routeCase(place, entry, places);
      const territorial = route.rule === "territorial";
      routes.push({
        key: districtIdx * categories.length + catIdx,
        kind: territorial ? (entry?.level === "township" ? "township" : "community") : "unit",
        unitCode: territorial ? null : route.unitCode,
        rule: route.rule,
        reason: JSON.stringify(route.reason),
        limitDays: route.limitDays ?? DEFAULT_LIMIT_DAYS,
      });
    });
  });

  const communities = ref.divisions.filter((d) => d.level === "community").map((d) => d.name);
  const textRows: LookupTables["texts"] = [];
  for (const code of categories) {
    const c = catTexts.get(code)!;
    const kind = (responsibility.get(code)?.handlerKind ?? "territorial") as HandlerKind;
    for (let v = 0; v < TEXT_VARIANTS; v++) {
      const vars = texts.vars(rng, rng.pick(communities));
      const { title, description, topic } = texts.caseText(rng, c, vars);
      textRows.push({ title, description, resultNote: texts.handling(rng, topic, kind, vars) });
    }
  }

  return {
    spots,
    categories,
    catDraws,
    routes,
    texts: textRows,
    days: allocateDays(o, clock, texts),
    workers: gridWorkers(ref, places, o.staffedGrids, rng),
  };
}

/**
 * The `count` cases over the `days` CST days ending today: each day weighted like the seed (working
 * days 1, days off 0.55, times the month's volume), today only for the part already gone, split
 * exactly (largest remainder), numbered after the serials the day already used.
 */
function allocateDays(
  o: { count: number; days: number; now: Date; codeOffsets: Map<string, number> },
  clock: HistoryClock,
  texts: HistoryTexts,
): DayRow[] {
  const now = o.now.getTime();
  const today = dayIndex(now);
  let hotlineShare = 0;
  for (const [s, p] of Object.entries(SOURCE_MIX)) hotlineShare += p * (HOTLINE_TAXONOMY[s] ?? 0);
  const months = texts.monthFactors(hotlineShare);
  const rows = Array.from({ length: o.days }, (_, i) => {
    const d = today - o.days + 1 + i;
    const start = dayStart(d);
    // reports stop two minutes before now, as in the seed
    const span = d === today ? Math.max(0, now - 2 * 60_000 - start) : DAY;
    const weight = (clock.isWorkingDay(d) ? 1 : OFF_DAY_WEIGHT) * (months[monthOfDay(d)] ?? 1) * (span / DAY);
    return { d, start, span, weight };
  });
  const total = rows.reduce((a, r) => a + r.weight, 0);
  const exact = rows.map((r) => (o.count * r.weight) / total);
  const counts = exact.map(Math.floor);
  let left = o.count - counts.reduce((a, c) => a + c, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0]);
  for (let j = 0; left > 0; j = (j + 1) % order.length, left--) counts[order[j]![1]]! += 1;
  let firstN = 1;
  return rows.map((r, i) => {
    const day = new Date(r.start + 8 * 3_600_000).toISOString().slice(0, 10);
    const row: DayRow = {
      i,
      day,
      start: r.start / 1000,
      span: r.span / 1000,
      month: monthOfDay(r.d),
      count: counts[i]!,
      firstN,
      codeOffset: o.codeOffsets.get(day) ?? 0,
    };
    firstN += row.count;
    if (row.codeOffset + row.count > 999_999) throw new Error(`bench: more than 999,999 cases on ${day}`);
    return row;
  });
}

/** One grid worker per grid that has none (the demo seeds one): the reporters of grid-channel cases. */
function gridWorkers(
  ref: HistoryReference,
  places: HistoryPlaces,
  staffed: Set<string>,
  rng: Rng,
): [string, string, string][] {
  const out: [string, string, string][] = [];
  for (const g of ref.grids) {
    if (staffed.has(g.code)) continue;
    const station = places.centreOf(g.communityCode);
    if (!station) continue;
    out.push([g.code, `网格员 ${personName(rng)}`, station]);
  }
  return out;
}
