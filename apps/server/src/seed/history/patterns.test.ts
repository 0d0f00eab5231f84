// The planted patterns of the demo history, found again by the analysis' own statistics on the
// generated cases (counted here as the sweep counts them: CST report day, merged and refused left out).
import { detectHotspots, detectTrends, type PlaceCategoryCount, strongestPerCommunity } from "@civicgrid/domain";
import { beforeAll, describe, expect, it } from "vitest";
import { type GeneratedHistory, generateHistory, type HistoryReference } from "../history-generator.ts";
import { loadReference } from "../seed-json-reference.ts";
import { planPatterns } from "./patterns.ts";
import { HistoryPlaces } from "./places.ts";
import { HistoryTexts } from "./texts.ts";
import { dayIndex } from "./time.ts";

const COUNT = 8_000;
// a Thursday morning in late November: heating season
const NOW = new Date("2025-11-27T10:30:00+08:00");

let ref: HistoryReference;
let history: GeneratedHistory;
let places: HistoryPlaces;
let texts: HistoryTexts;
const today = dayIndex(NOW.getTime());

beforeAll(() => {
  const r = loadReference();
  ref = r.ref;
  places = new HistoryPlaces(ref.divisions, ref.grids, ref.units);
  texts = new HistoryTexts(ref.texts, ref.categories);
  history = generateHistory({ count: COUNT, now: NOW, calendar: r.calendar, ref, seed: 11 });
}, 120_000);

/** Problems as the sweep counts them. */
const problems = () => history.cases.filter((c) => c.status !== "merged" && c.status !== "rejected" && c.categoryCode);

function hotspots(windowDays: number) {
  const first = Math.min(...history.cases.map((c) => dayIndex(c.reportedAt.getTime())));
  const windowFrom = today - windowDays + 1;
  const baselineFrom = Math.max(first, windowFrom - 365);
  const found = [];
  for (const level of ["communityCode", "gridCode"] as const) {
    const pairs = new Map<string, PlaceCategoryCount>();
    for (const c of problems()) {
      const day = dayIndex(c.reportedAt.getTime());
      if (day < baselineFrom) continue;
      const key = `${c[level]}|${c.categoryCode}`;
      const p = pairs.get(key) ?? { place: c[level], category: c.categoryCode as string, window: 0, baseline: 0 };
      if (day >= windowFrom) p.window++;
      else p.baseline++;
      pairs.set(key, p);
    }
    const total = level === "gridCode" ? ref.grids.length : ref.divisions.filter((d) => d.level === "community").length;
    found.push(
      ...detectHotspots({
        counts: [...pairs.values()],
        places: total,
        windowDays,
        baselineDays: windowFrom - baselineFrom,
      }),
    );
  }
  return strongestPerCommunity(found, (p) => p.slice(0, 12));
}

describe("planted patterns", () => {
  it("keep the year's count, and plant the same reports for the same seed", () => {
    expect(history.cases).toHaveLength(COUNT);
    const plan = planPatterns({ seed: 11, now: NOW.getTime(), count: COUNT, places, texts });
    expect(plan.length).toBeGreaterThan(30);
    expect(planPatterns({ seed: 11, now: NOW.getTime(), count: COUNT, places, texts })).toEqual(plan);
    expect(planPatterns({ seed: 11, now: NOW.getTime(), count: 1_500, places, texts })).toEqual([]);
    for (const p of plan) expect(p.at).toBeLessThan(NOW.getTime());
  });

  it("are found as hotspots, and hardly anything else is", () => {
    const plan = planPatterns({ seed: 11, now: NOW.getTime(), count: COUNT, places, texts });
    const recent = plan.filter((p) => !p.pattern.startsWith("surge") && p.pattern !== "garbage");
    const planted = new Set(
      recent.map(
        (p) =>
          `${"grid" in p.where ? p.where.grid.slice(0, 12) : "community" in p.where ? p.where.community : ""}|${p.categoryCode}`,
      ),
    );
    expect(planted.size).toBe(3);
    const found = [...hotspots(14), ...hotspots(30)];
    const keys = new Set(found.map((h) => `${h.place.slice(0, 12)}|${h.category}`));
    for (const k of planted) expect(keys, k).toContain(k);
    // with q ≤ 0.01, at most one chance finding besides the planted ones in each window
    for (const windowDays of [14, 30]) {
      const extra = hotspots(windowDays).filter((h) => !planted.has(`${h.place.slice(0, 12)}|${h.category}`));
      expect(extra.length, JSON.stringify(extra)).toBeLessThanOrEqual(1);
    }
  });

  it("surge in one district in the last week: a trend anomaly of the season's leading problem", () => {
    const plan = planPatterns({ seed: 11, now: NOW.getTime(), count: COUNT, places, texts });
    const surge = plan.filter((p) => p.pattern.startsWith("surge"));
    expect(surge[0]?.pattern).toBe("surge:heating");
    const district = ((surge[0] as { where: unknown }).where as { district: string }).district;
    // weekly series ending yesterday, per district and category
    const end = today - 1;
    const weeks = 50;
    const series = new Map<string, number[]>();
    for (const c of problems()) {
      const ago = Math.floor((end - dayIndex(c.reportedAt.getTime())) / 7);
      if (ago < 0 || ago >= weeks) continue;
      const key = `${c.districtCode}|${c.categoryCode}`;
      const s = series.get(key) ?? new Array<number>(weeks).fill(0);
      s[weeks - 1 - ago] = (s[weeks - 1 - ago] as number) + 1;
      series.set(key, s);
    }
    const alerts = detectTrends(
      [...series].map(([k, w]) => ({
        scope: k.split("|")[0] as string,
        category: k.split("|")[1] as string,
        weeks: w,
      })),
    );
    const tally = new Map<string, number>();
    for (const p of surge) tally.set(p.categoryCode, (tally.get(p.categoryCode) ?? 0) + 1);
    const top = [...tally].sort((a, b) => b[1] - a[1])[0]?.[0] as string;
    expect(top).toBe("H010208"); // 暖气不热
    expect(alerts.map((a) => `${a.scope}|${a.category}`)).toContain(`${district}|${top}`);
    expect(alerts.find((a) => a.category === top)?.method).toBe("recent");
  });

  it("follow the season: waterlogging in July, not heating", () => {
    const july = new Date("2026-07-20T10:00:00+08:00").getTime();
    const plan = planPatterns({ seed: 11, now: july, count: COUNT, places, texts });
    expect(plan.find((p) => p.pattern.startsWith("surge"))?.pattern).toBe("surge:flood");
  });
});
