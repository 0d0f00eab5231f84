// Hotspots (共性问题): the same category recurring in the same place (a grid or a community) beyond
// its usual rate over a recent window. Each (place, category) pair is one Poisson test: the count
// in the window against what the rest of the city's count that window and the place's own past
// lead one to expect; the pairs of a level are tested together with Benjamini–Hochberg, so that
// a city of a thousand communities and hundreds of categories does not raise alarms by chance.
// Formulas and their reasons: docs/analysis.md.
import { benjaminiHochberg, poissonUpperTail, surprise } from "./poisson.ts";

/** Reports of one category in one place: in the window, and in the baseline before it. */
export interface PlaceCategoryCount {
  place: string;
  category: string;
  window: number;
  baseline: number;
}

export interface HotspotInput {
  /** every pair with a report in the window or the baseline (pairs absent count 0 and 0) */
  counts: readonly PlaceCategoryCount[];
  /** the number of places at this level (communities or grids), with or without reports */
  places: number;
  windowDays: number;
  /** days of history in the baseline (may be shorter than asked when the data starts later) */
  baselineDays: number;
}

export interface HotspotOptions {
  /** fewest reports in the window for an alert: a pair of coincidences is not a pattern */
  minCount: number;
  /** observed ÷ expected at least this */
  minRatio: number;
  /** largest Benjamini–Hochberg q-value (expected share of false alarms among the alarms) */
  maxQ: number;
  /** strength of the prior pulling a place's own category rate towards its overall rate (pseudo-reports) */
  prior: number;
}

export const HOTSPOT_DEFAULTS: HotspotOptions = { minCount: 4, minRatio: 2, maxQ: 0.01, prior: 2 };

export interface Hotspot {
  place: string;
  category: string;
  observed: number;
  /** the place's reports of the category in the baseline */
  baseline: number;
  expected: number;
  /** the two estimates the expectation is the larger of (see expectedCount) */
  fromCity: number;
  fromOwnPast: number;
  /** observed ÷ expected */
  ratio: number;
  /** P(X ≥ observed) under the expected rate */
  pValue: number;
  qValue: number;
  /** −log10 p: how surprising, the ranking key */
  score: number;
}

export interface Expectation {
  expected: number;
  /** from the rest of the city this window, scaled to the place's share and its own leaning */
  fromCity: number;
  /** from the place's own history of this category alone */
  fromOwnPast: number;
}

interface Totals {
  windowByCategory: Map<string, number>;
  baselineByCategory: Map<string, number>;
  baselineByPlace: Map<string, number>;
  baselineAll: number;
}

function totalsOf(counts: readonly PlaceCategoryCount[]): Totals {
  const add = (m: Map<string, number>, k: string, v: number) => m.set(k, (m.get(k) ?? 0) + v);
  const t: Totals = {
    windowByCategory: new Map(),
    baselineByCategory: new Map(),
    baselineByPlace: new Map(),
    baselineAll: 0,
  };
  for (const c of counts) {
    add(t.windowByCategory, c.category, c.window);
    add(t.baselineByCategory, c.category, c.baseline);
    add(t.baselineByPlace, c.place, c.baseline);
    t.baselineAll += c.baseline;
  }
  return t;
}

/**
 * What a place should see of a category in the window, as the larger of two estimates:
 *
 *   share s  = (n_place + 1) / (N + P)                   the place's share of all past reports
 *   leaning θ = (n_place,cat + α) / (N_cat · s + α)       its past rate of the category against its share
 *   fromCity = (W_cat − w_place,cat) · s / (1 − s) · θ   the rest of the city's count this window, scaled
 *   fromOwnPast = (n_place,cat + ½) · windowDays / baselineDays
 *
 * The city term follows the season (frozen pipes rise everywhere in winter, so they are not a hotspot
 * of one community); the own-past term keeps a place's steady habit from looking new when the rest
 * of the city is quiet. Taking the larger only ever makes an alert harder to raise.
 */
export function expectedCount(
  input: HotspotInput,
  pair: PlaceCategoryCount,
  prior: number = HOTSPOT_DEFAULTS.prior,
  totals: Totals = totalsOf(input.counts),
): Expectation {
  const t = totals;
  const P = Math.max(1, input.places);
  const share = ((t.baselineByPlace.get(pair.place) ?? 0) + 1) / (t.baselineAll + P);
  const categoryPast = t.baselineByCategory.get(pair.category) ?? 0;
  const leaning = (pair.baseline + prior) / (categoryPast * share + prior);
  const rest = Math.max(0, (t.windowByCategory.get(pair.category) ?? 0) - pair.window);
  const fromCity = share < 1 ? (rest * share * leaning) / (1 - share) : 0;
  const fromOwnPast = input.baselineDays > 0 ? ((pair.baseline + 0.5) * input.windowDays) / input.baselineDays : 0;
  return { expected: Math.max(fromCity, fromOwnPast), fromCity, fromOwnPast };
}

/** The hotspots of one level and window, most surprising first. */
export function detectHotspots(input: HotspotInput, options: Partial<HotspotOptions> = {}): Hotspot[] {
  const o = { ...HOTSPOT_DEFAULTS, ...options };
  const totals = totalsOf(input.counts);
  // every place × every category reported in the window is a hypothesis, reported or not
  const categories = [...totals.windowByCategory.values()].filter((n) => n > 0).length;
  const tests = Math.max(1, input.places) * Math.max(1, categories);
  const tested: Omit<Hotspot, "qValue">[] = [];
  for (const pair of input.counts) {
    if (pair.window <= 0) continue;
    const { expected, fromCity, fromOwnPast } = expectedCount(input, pair, o.prior, totals);
    const pValue = poissonUpperTail(pair.window, expected);
    tested.push({
      place: pair.place,
      category: pair.category,
      observed: pair.window,
      baseline: pair.baseline,
      expected,
      fromCity,
      fromOwnPast,
      ratio: expected > 0 ? pair.window / expected : Number.POSITIVE_INFINITY,
      pValue,
      score: surprise(pValue),
    });
  }
  const q = benjaminiHochberg(
    tested.map((h) => h.pValue),
    tests,
  );
  return tested
    .map((h, i) => ({ ...h, qValue: q[i] as number }))
    .filter((h) => h.observed >= o.minCount && h.ratio >= o.minRatio && h.qValue <= o.maxQ)
    .sort((a, b) => b.score - a.score || a.place.localeCompare(b.place) || a.category.localeCompare(b.category));
}

/**
 * One alert per community and category: a cluster inside one grid shows in the grid's test and in
 * its community's. Keeps whichever of them is the most surprising (`communityOf` maps a grid to its
 * community; a community maps to itself).
 */
export function strongestPerCommunity<T extends { place: string; category: string; score: number }>(
  hotspots: readonly T[],
  communityOf: (place: string) => string,
): T[] {
  const best = new Map<string, T>();
  for (const h of hotspots) {
    const key = `${communityOf(h.place)}|${h.category}`;
    const have = best.get(key);
    if (!have || h.score > have.score || (h.score === have.score && h.place < have.place)) best.set(key, h);
  }
  return [...best.values()].sort((a, b) => b.score - a.score || a.place.localeCompare(b.place));
}
