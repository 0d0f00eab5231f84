// Trend anomalies (分析研判): a category (or a category class) rising well above its usual level in
// the city or a district in the last week, e.g. frozen water pipes in a cold snap. The week is
// compared with a baseline of weekly counts:
//   seasonal  the same weeks of earlier years (±halfWidth weeks around it, up to `years` years back):
//             the "historical limits" method of the US CDC (Stroup et al. 1989), so that winter
//             itself is not an anomaly, only a winter worse than the earlier ones;
//   recent    the weeks just before, while less than a year of history exists (a new installation,
//             the demo's single year); then a seasonal rise is reported like any other rise.
// An alert needs the week above mean + k·σ (σ at least the Poisson √mean) and a small chance under
// the baseline (dispersion-scaled Poisson tail, Benjamini–Hochberg over all series tested), and
// enough reports and a large enough ratio to matter. Formulas: docs/analysis.md.
import { benjaminiHochberg, meanAndSd, poissonUpperTail, surprise } from "./poisson.ts";

export type TrendMethod = "seasonal" | "recent";

export interface TrendOptions {
  /** years of the same weeks used when the history allows (the seasonal method) */
  years: number;
  /** weeks on each side of the same week of an earlier year */
  halfWidth: number;
  /** fewest baseline weeks for the seasonal method (else the recent one) */
  minSeasonalWeeks: number;
  /** weeks before this one for the recent method */
  recentWeeks: number;
  /** upper limit of the usual range: mean + k·σ */
  k: number;
  minCount: number;
  minRatio: number;
  maxQ: number;
}

export const TREND_DEFAULTS: TrendOptions = {
  years: 3,
  halfWidth: 2,
  minSeasonalWeeks: 5,
  recentWeeks: 8,
  k: 3,
  minCount: 8,
  minRatio: 1.5,
  maxQ: 0.01,
};

export interface TrendBaseline {
  method: TrendMethod;
  /** the baseline weeks' counts, oldest first */
  values: number[];
  mean: number;
  sd: number;
  /** σ used for the limit: the larger of sd and √mean (never below Poisson noise), at least 1 */
  spread: number;
  /** the top of the usual range: mean + k·spread */
  upper: number;
}

/**
 * The baseline of the last week of `weeks` (oldest first, one count per 7 days, the last being the
 * week under test), or null when there is not enough history for either method.
 */
export function trendBaseline(weeks: readonly number[], options: Partial<TrendOptions> = {}): TrendBaseline | null {
  const o = { ...TREND_DEFAULTS, ...options };
  const t = weeks.length - 1;
  const seasonal: number[] = [];
  for (let y = o.years; y >= 1; y--) {
    for (let j = -o.halfWidth; j <= o.halfWidth; j++) {
      const i = t - 52 * y + j;
      if (i >= 0) seasonal.push(weeks[i] as number);
    }
  }
  let method: TrendMethod;
  let values: number[];
  if (seasonal.length >= o.minSeasonalWeeks) {
    method = "seasonal";
    values = seasonal;
  } else if (t >= o.recentWeeks) {
    method = "recent";
    values = weeks.slice(t - o.recentWeeks, t);
  } else return null;
  const { mean, sd } = meanAndSd(values);
  const spread = Math.max(sd, Math.sqrt(mean), 1);
  return { method, values, mean, sd, spread, upper: mean + o.k * spread };
}

export interface TrendSeries {
  /** where: a division code */
  scope: string;
  /** what: a category or category-class code */
  category: string;
  weeks: readonly number[];
}

export interface TrendAlert {
  scope: string;
  category: string;
  method: TrendMethod;
  observed: number;
  expected: number;
  /** the baseline weeks' counts */
  baseline: number[];
  sd: number;
  upper: number;
  ratio: number;
  /** (observed − mean) ÷ spread */
  z: number;
  pValue: number;
  qValue: number;
  score: number;
}

/**
 * P(X ≥ observed) when X has the baseline's mean and its variance: a Poisson tail on counts scaled
 * by the dispersion φ = max(1, sd² / mean) (quasi-Poisson), so a series that swings widely by
 * itself needs a larger jump to count.
 */
export function trendPValue(observed: number, b: Pick<TrendBaseline, "mean" | "sd">): number {
  const mean = Math.max(b.mean, 0.5);
  const phi = Math.max(1, (b.sd * b.sd) / mean);
  return poissonUpperTail(observed / phi, mean / phi);
}

/** The anomalies among many series (each tested once, all adjusted together), strongest first. */
export function detectTrends(series: readonly TrendSeries[], options: Partial<TrendOptions> = {}): TrendAlert[] {
  const o = { ...TREND_DEFAULTS, ...options };
  const tested: Omit<TrendAlert, "qValue">[] = [];
  let tests = 0;
  for (const s of series) {
    const b = trendBaseline(s.weeks, o);
    if (!b) continue;
    tests++;
    const observed = s.weeks[s.weeks.length - 1] as number;
    if (observed <= b.mean) continue;
    const pValue = trendPValue(observed, b);
    tested.push({
      scope: s.scope,
      category: s.category,
      method: b.method,
      observed,
      expected: b.mean,
      baseline: b.values,
      sd: b.sd,
      upper: b.upper,
      ratio: b.mean > 0 ? observed / b.mean : Number.POSITIVE_INFINITY,
      z: (observed - b.mean) / b.spread,
      pValue,
      score: surprise(pValue),
    });
  }
  const q = benjaminiHochberg(
    tested.map((a) => a.pValue),
    tests,
  );
  return tested
    .map((a, i) => ({ ...a, qValue: q[i] as number }))
    .filter((a) => a.observed >= o.minCount && a.observed > a.upper && a.ratio >= o.minRatio && a.qValue <= o.maxQ)
    .sort((a, b) => b.score - a.score || a.scope.localeCompare(b.scope) || a.category.localeCompare(b.category));
}

/**
 * Drops an alert that a finer one explains: `finer(b, a)` says b is about a part of a (a category
 * inside a class, a district inside the city); when such a b accounts for at least half of a's
 * excess (observed − expected), a says nothing b does not, and only b is kept.
 */
export function dropExplained<T extends { observed: number; expected: number }>(
  alerts: readonly T[],
  finer: (b: T, a: T) => boolean,
): T[] {
  return alerts.filter(
    (a) => !alerts.some((b) => b !== a && finer(b, a) && b.observed - b.expected >= 0.5 * (a.observed - a.expected)),
  );
}
