// Patterns planted in the demo history, so that the analysis (docs/analysis.md) has something real to
// find: a drawn year has every category spread evenly over the city (by grid weight and season), and
// evenly spread reports contain no common problem. Deterministic for a seed, drawn from a stream of
// their own, and taken out of the year's count (the total stays exactly `count`):
//   - hotspots: one category reported again and again in one community or grid —
//       street lights out in a community (10 reports in the last 12 days),
//       goods piled outside shops in one grid (8 in the last 10 days),
//       missing sewer manhole covers in a community (7 in the last 20 days),
//       exposed garbage in a community about five weeks ago (12 over 3 weeks: last month's report);
//   - a seasonal surge: the leading problem of the season (in late November: heating not warm,
//     暖气不热; in deep winter: snow not cleared; in summer: waterlogging) more than doubling in one
//     district over the last 8 days — a cold snap hitting one district's heating.
// Each names a preferred category and falls back to the next one the texts have.
import type { HistoryPlaces } from "./places.ts";
import { Rng, WeightedSampler } from "./random.ts";
import type { HistoryTexts } from "./texts.ts";
import { dayIndex, dayStart, HOUR, HOURS, hourProfile, MINUTE, monthOfDay } from "./time.ts";

/** Smaller histories (unit and integration test fixtures) get no patterns. */
export const PATTERN_MIN_COUNT = 2_000;
/** Reports of the seasonal surge per history case (≈ 47 for the demo's 78,182), at least 20. */
export const SURGE_SHARE = 0.0006;
export const SURGE_MIN = 20;

export type PatternPlace = { grid: string } | { community: string } | { district: string };

/** One planted report: when, through which channel, what and where. */
export interface PatternReport {
  at: number;
  source: string;
  categoryCode: string;
  where: PatternPlace;
  pattern: string;
}

interface HotspotPlan {
  id: string;
  prefer: string[];
  shape: "community" | "grid";
  reports: number;
  /** days the reports spread over, ending `endDaysAgo` days before today */
  days: number;
  endDaysAgo: number;
}

const HOTSPOTS: readonly HotspotPlan[] = [
  { id: "street-lights", prefer: ["C01037", "M01037"], shape: "community", reports: 10, days: 12, endDaysAgo: 0 },
  { id: "shop-goods", prefer: ["M06036", "M09006"], shape: "grid", reports: 8, days: 10, endDaysAgo: 0 },
  {
    id: "manhole-covers",
    prefer: ["C01002", "C01001", "M01002"],
    shape: "community",
    reports: 7,
    days: 20,
    endDaysAgo: 0,
  },
  { id: "garbage", prefer: ["M06010", "M06042"], shape: "community", reports: 12, days: 21, endDaysAgo: 34 },
];

/** Season families that can lead a month (the rest are flat or follow holidays, not weather). */
const WEATHER_SEASONS = ["heating", "frozen", "snow", "flood", "dust", "greening"];

export interface PatternContext {
  seed: number;
  now: number;
  count: number;
  places: HistoryPlaces;
  texts: HistoryTexts;
}

export function planPatterns(ctx: PatternContext): PatternReport[] {
  if (ctx.count < PATTERN_MIN_COUNT) return [];
  const rng = new Rng((ctx.seed ^ 0x7a11e5) >>> 0);
  const today = dayIndex(ctx.now);
  const hours = new Map<string, WeightedSampler<number>>();
  const hourOf = (source: string) => {
    const key = hourProfile(source);
    let s = hours.get(key);
    if (!s) {
      s = new WeightedSampler(
        Array.from({ length: 24 }, (_, h) => h),
        HOURS[key] as number[],
      );
      hours.set(key, s);
    }
    return s.draw(rng);
  };
  /** an instant on a day `ago` days before today, in the channel's hours, never later than now − 3 min */
  const when = (ago: number, source: string) => {
    const at = dayStart(today - ago) + hourOf(source) * HOUR + rng.int(60) * MINUTE;
    return at < ctx.now - 3 * MINUTE ? at : ctx.now - 3 * MINUTE - rng.int(120) * MINUTE;
  };
  const out: PatternReport[] = [];
  const communities = ctx.places.urbanCommunities(4);
  const used = new Set<string>();
  for (const plan of HOTSPOTS) {
    const category = plan.prefer.find((code) => ctx.texts.byCode(code));
    if (!category || !communities.length) continue;
    let community = rng.pick(communities);
    for (let i = 0; used.has(community) && i < 20; i++) community = rng.pick(communities);
    used.add(community);
    const grid = rng.pick(ctx.places.gridsOf(community));
    for (let i = 0; i < plan.reports; i++) {
      // grid workers find most of them on patrol; some residents call 12345
      const source = rng.chance(0.7) ? "grid" : "hotline";
      const where: PatternPlace = plan.shape === "grid" ? { grid } : { community };
      out.push({
        at: when(plan.endDaysAgo + rng.int(plan.days), source),
        source,
        categoryCode: category,
        where,
        pattern: plan.id,
      });
    }
  }
  out.push(...surge(ctx, rng, today, when));
  return out.sort((a, b) => a.at - b.at);
}

/** The season's leading problem surging in one district over the last 8 days. */
function surge(
  ctx: PatternContext,
  rng: Rng,
  today: number,
  when: (ago: number, source: string) => number,
): PatternReport[] {
  const month = monthOfDay(today);
  const leading = ctx.texts
    .seasonFactors(month)
    .filter(([season]) => WEATHER_SEASONS.includes(season) && ctx.texts.ofSeason(season).length > 0)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0];
  if (!leading) return [];
  const [first, second] = ctx.texts.ofSeason(leading[0]);
  if (!first) return [];
  // the district with the most urban communities: the city core, where most homes are heated centrally
  const byDistrict = new Map<string, number>();
  for (const c of ctx.places.urbanCommunities(1)) {
    const district = ctx.places.placeOfGrid(ctx.places.gridsOf(c)[0] ?? "")?.district;
    if (district) byDistrict.set(district, (byDistrict.get(district) ?? 0) + 1);
  }
  const district = [...byDistrict].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
  if (!district) return [];
  const n = Math.max(SURGE_MIN, Math.round(ctx.count * SURGE_SHARE));
  const out: PatternReport[] = [];
  for (let i = 0; i < n; i++) {
    const category = second && rng.chance(0.2) ? second : first;
    const source = category.voice === "hotline" || rng.chance(0.6) ? "hotline" : "grid";
    out.push({
      at: when(rng.int(8), source),
      source,
      categoryCode: category.categoryCode,
      where: { district },
      pattern: `surge:${leading[0]}`,
    });
  }
  return out;
}
