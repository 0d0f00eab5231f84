// From the counts to signals: the hotspots of the last 14 and 30 days in communities and grids, and
// the trend anomalies of the last full week in the city and its districts, by category and by
// class. The statistics are the domain's (packages/domain/src/intel); this file only feeds them.
import {
  detectHotspots,
  detectTrends,
  dropExplained,
  type Hotspot,
  strongestPerCommunity,
  type TrendAlert,
  type TrendSeries,
} from "@civicgrid/domain";
import type { Db } from "../db/connect.ts";
import type { PlaceDirectory } from "../places/directory.ts";
import { addDays, cstDay } from "../stats/days.ts";
import type { CategoryTree } from "./categories.ts";
import { type CountLevel, pairCounts, weeklyCounts } from "./counts.ts";
import { type AlertLevel, type PlaceChain, placeChain } from "./place-chain.ts";

/** Hotspot windows (days), and the baseline before each. */
export const HOTSPOT_WINDOWS = [14, 30] as const;
export const HOTSPOT_BASELINE_DAYS = 365;
/** Less history than this before a window: no hotspot test (the baseline would say little). */
export const MIN_BASELINE_DAYS = 28;
/** Weeks of the trend series: three years of the same weeks ±2, and the week itself. */
export const TREND_WEEKS = 52 * 3 + 3;
/** Most alerts of each kind kept by one sweep (the strongest). */
export const MAX_HOTSPOTS = 200;
export const MAX_TRENDS = 100;

export interface Signal {
  key: string;
  kind: "hotspot" | "trend";
  level: AlertLevel;
  code: string;
  categoryCode: string;
  categoryLevel: "category" | "class";
  chain: PlaceChain;
  windowDays: number;
  windowFrom: string;
  windowTo: string;
  observed: number;
  expected: number;
  ratio: number | null;
  pValue: number;
  qValue: number | null;
  score: number;
  method: string;
  detail: Record<string, unknown>;
}

export interface DetectContext {
  db: Db;
  places: PlaceDirectory;
  categories: CategoryTree;
  now: Date;
  /** the first day with counts (null: nothing counted yet) */
  countsFrom: string | null;
}

const finite = (v: number) => (Number.isFinite(v) ? v : null);

function placeCounts(places: PlaceDirectory) {
  let communities = 0;
  for (const d of places.divisions.values()) if (d.level === "community") communities++;
  return { community: communities, grid: places.gridCommunities().size };
}

export async function detectHotspotSignals(ctx: DetectContext): Promise<Signal[]> {
  if (!ctx.countsFrom) return [];
  const today = cstDay(ctx.now);
  const totals = placeCounts(ctx.places);
  const found: (Hotspot & { level: CountLevel; windowDays: number; windowFrom: string; baselineDays: number })[] = [];
  for (const windowDays of HOTSPOT_WINDOWS) {
    const windowFrom = addDays(today, -(windowDays - 1));
    const wanted = addDays(windowFrom, -HOTSPOT_BASELINE_DAYS);
    // 'YYYY-MM-DD' strings: the later of the two days
    const baselineFrom = wanted.localeCompare(ctx.countsFrom) > 0 ? wanted : ctx.countsFrom;
    const baselineDays = Math.round((Date.parse(windowFrom) - Date.parse(baselineFrom)) / 86_400_000);
    if (baselineDays < MIN_BASELINE_DAYS) continue;
    for (const level of ["community", "grid"] as const) {
      const pairs = await pairCounts(ctx.db, level, { baselineFrom, windowFrom, to: today });
      const hotspots = detectHotspots({
        counts: pairs.map((p) => ({ place: p.code, category: p.category, window: p.window, baseline: p.baseline })),
        places: totals[level],
        windowDays,
        baselineDays,
      });
      for (const h of hotspots) found.push({ ...h, level, windowDays, windowFrom, baselineDays });
    }
  }
  const kept = strongestPerCommunity(found, (place) => place.slice(0, 12)).slice(0, MAX_HOTSPOTS);
  const out: Signal[] = [];
  for (const h of kept) {
    const chain = placeChain(ctx.places, h.level, h.place);
    if (!chain?.community) continue;
    out.push({
      key: `hotspot:${chain.community}:${h.category}`,
      kind: "hotspot",
      level: h.level,
      code: h.place,
      categoryCode: h.category,
      categoryLevel: "category",
      chain,
      windowDays: h.windowDays,
      windowFrom: h.windowFrom,
      windowTo: today,
      observed: h.observed,
      expected: h.expected,
      ratio: finite(h.ratio),
      pValue: h.pValue,
      qValue: h.qValue,
      score: h.score,
      method: "poisson",
      detail: {
        baselineCount: h.baseline,
        baselineDays: h.baselineDays,
        expectedFromCity: h.fromCity,
        expectedFromOwnPast: h.fromOwnPast,
      },
    });
  }
  return out;
}

export async function detectTrendSignals(ctx: DetectContext): Promise<Signal[]> {
  if (!ctx.countsFrom) return [];
  // the last full week ends yesterday: a sweep in the morning does not judge half a day
  const end = addDays(cstDay(ctx.now), -1);
  const available = Math.floor((Date.parse(end) - Date.parse(ctx.countsFrom)) / 86_400_000 + 1) / 7;
  const weeks = Math.min(TREND_WEEKS, Math.floor(available));
  if (weeks < 9) return [];
  const from = addDays(end, -(7 * weeks - 1));
  const rows = await weeklyCounts(ctx.db, from, end);
  // leaf categories and their classes, in the city and each district
  const series = new Map<
    string,
    { level: CountLevel; code: string; category: string; cls: boolean; weeks: number[] }
  >();
  const add = (level: CountLevel, code: string, category: string, cls: boolean, ago: number, n: number) => {
    const k = `${code}|${category}`;
    let s = series.get(k);
    if (!s) {
      s = { level, code, category, cls, weeks: new Array<number>(weeks).fill(0) };
      series.set(k, s);
    }
    const i = weeks - 1 - ago;
    if (i >= 0) s.weeks[i] = (s.weeks[i] as number) + n;
  };
  for (const r of rows) {
    add(r.level, r.code, r.category, false, r.weeksAgo, r.n);
    const cls = ctx.categories.classOf(r.category);
    if (cls && cls !== r.category) add(r.level, r.code, cls, true, r.weeksAgo, r.n);
  }
  const list = [...series.values()];
  const meta = new Map(list.map((s) => [`${s.code}|${s.category}`, s]));
  const tested: TrendSeries[] = list.map((s) => ({ scope: s.code, category: s.category, weeks: s.weeks }));
  const alerts = detectTrends(tested);
  const levelOf = (a: TrendAlert) => meta.get(`${a.scope}|${a.category}`)?.level ?? "city";
  const isClass = (a: TrendAlert) => meta.get(`${a.scope}|${a.category}`)?.cls ?? false;
  // a class rising because one of its categories does, or the city because one district does:
  // keep the finer alert
  const kept = dropExplained(alerts, (b, a) => {
    const sameScope = b.scope === a.scope;
    const categoryInClass = isClass(a) && !isClass(b) && ctx.categories.classOf(b.category) === a.category;
    const districtOfCity = levelOf(a) === "city" && levelOf(b) === "district" && b.category === a.category;
    return (sameScope && categoryInClass) || districtOfCity;
  }).slice(0, MAX_TRENDS);
  const out: Signal[] = [];
  for (const a of kept) {
    const level = levelOf(a);
    const chain = placeChain(ctx.places, level, a.scope);
    if (!chain) continue;
    out.push({
      key: `trend:${a.scope}:${a.category}`,
      kind: "trend",
      level,
      code: a.scope,
      categoryCode: a.category,
      categoryLevel: isClass(a) ? "class" : "category",
      chain,
      windowDays: 7,
      windowFrom: addDays(end, -6),
      windowTo: end,
      observed: a.observed,
      expected: a.expected,
      ratio: finite(a.ratio),
      pValue: a.pValue,
      qValue: a.qValue,
      score: a.score,
      method: a.method,
      detail: { baselineWeeks: a.baseline, sd: a.sd, upper: a.upper, z: a.z },
    });
  }
  return out;
}
