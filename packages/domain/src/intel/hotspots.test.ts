// Hotspots on small hand-computed fixtures: four communities with the same past, one of which sees
// nine street lights out in two weeks.
import { describe, expect, it } from "vitest";
import {
  detectHotspots,
  expectedCount,
  type HotspotInput,
  type PlaceCategoryCount,
  strongestPerCommunity,
} from "./hotspots.ts";
import { poissonUpperTail } from "./poisson.ts";

/** Every community: 10 lamp and 30 trash reports over the 350-day baseline. */
function fixture(window: Record<string, { lamp?: number; trash?: number }>): HotspotInput {
  const counts: PlaceCategoryCount[] = [];
  for (const place of ["A", "B", "C", "D"]) {
    counts.push({ place, category: "lamp", baseline: 10, window: window[place]?.lamp ?? 0 });
    counts.push({ place, category: "trash", baseline: 30, window: window[place]?.trash ?? 0 });
  }
  return { counts, places: 4, windowDays: 14, baselineDays: 350 };
}

const cluster = fixture({
  A: { lamp: 9, trash: 1 },
  B: { lamp: 1, trash: 2 },
  C: { trash: 1 },
  D: { lamp: 1, trash: 1 },
});

describe("expectedCount", () => {
  it("scales the rest of the city's window count by the place's share and leaning", () => {
    const pair = cluster.counts[0] as PlaceCategoryCount; // A, lamp, 9 in the window
    // share s = (40 + 1) / (160 + 4) = 0.25; leaning θ = (10 + 2) / (40 × 0.25 + 2) = 1
    // rest of the city: 11 − 9 = 2 → fromCity = 2 × 0.25 / 0.75 × 1 = 2/3
    // own past: (10 + 0.5) × 14 / 350 = 0.42
    const e = expectedCount(cluster, pair);
    expect(e.fromCity).toBeCloseTo(2 / 3, 12);
    expect(e.fromOwnPast).toBeCloseTo(0.42, 12);
    expect(e.expected).toBeCloseTo(2 / 3, 12);
  });

  it("leans towards a place's own habit: more past reports, more expected", () => {
    const input: HotspotInput = {
      ...cluster,
      counts: cluster.counts.map((c) => (c.place === "A" && c.category === "lamp" ? { ...c, baseline: 50 } : c)),
    };
    const pair = input.counts[0] as PlaceCategoryCount;
    // s = (80 + 1) / (200 + 4); θ = 52 / (80 s + 2); fromCity = 2 s / (1 − s) θ
    const s = 81 / 204;
    const theta = 52 / (80 * s + 2);
    expect(expectedCount(input, pair).fromCity).toBeCloseTo(((2 * s) / (1 - s)) * theta, 12);
    expect(expectedCount(input, pair).fromOwnPast).toBeCloseTo((50.5 * 14) / 350, 12);
  });
});

describe("detectHotspots", () => {
  it("flags the cluster with its Poisson tail and Benjamini–Hochberg q over every place × category", () => {
    const found = detectHotspots(cluster);
    expect(found).toHaveLength(1);
    const h = found[0];
    expect(h).toMatchObject({ place: "A", category: "lamp", observed: 9 });
    expect(h?.expected).toBeCloseTo(2 / 3, 12);
    expect(h?.ratio).toBeCloseTo(13.5, 12);
    // SciPy: poisson.sf(8, 2/3) = 3.941418855358243e-08
    expect(h?.pValue).toBeCloseTo(3.941418855358243e-8, 15);
    // 4 places × 2 categories = 8 tests; it ranks first: q = 8 p
    expect(h?.qValue).toBeCloseTo(8 * 3.941418855358243e-8, 14);
    expect(h?.score).toBeCloseTo(-Math.log10(3.941418855358243e-8), 10);
  });

  it("needs the minimum count, the ratio and the q-value all at once", () => {
    expect(detectHotspots(cluster, { minCount: 10 })).toEqual([]);
    expect(detectHotspots(cluster, { minRatio: 14 })).toEqual([]);
    expect(detectHotspots(cluster, { maxQ: 1e-7 })).toEqual([]);
  });

  it("does not flag a category rising everywhere alike (the season, not a place)", () => {
    // every community: 4 lamps in two weeks where 0.4 a fortnight was usual
    const season = fixture({ A: { lamp: 4 }, B: { lamp: 4 }, C: { lamp: 4 }, D: { lamp: 4 } });
    // A: rest = 12, s = 0.25, θ = 1 → expected 4: nothing unusual about A
    expect(expectedCount(season, season.counts[0] as PlaceCategoryCount).expected).toBeCloseTo(4, 12);
    expect(detectHotspots(season)).toEqual([]);
  });

  it("does not flag a place's steady habit", () => {
    // A always had 100 lamp reports a year (3.9 a fortnight); 6 this fortnight is within its habit
    const input: HotspotInput = {
      ...cluster,
      counts: cluster.counts.map((c) =>
        c.place === "A" && c.category === "lamp" ? { ...c, baseline: 100, window: 6 } : c,
      ),
    };
    const e = expectedCount(input, input.counts[0] as PlaceCategoryCount);
    expect(e.fromOwnPast).toBeCloseTo((100.5 * 14) / 350, 12);
    expect(poissonUpperTail(6, e.expected)).toBeGreaterThan(0.05);
    expect(detectHotspots(input)).toEqual([]);
  });

  it("ranks the most surprising first", () => {
    const two = fixture({ A: { lamp: 9 }, B: { trash: 12 }, C: { trash: 1 }, D: { lamp: 1 } });
    const found = detectHotspots(two);
    expect(found.map((h) => `${h.place}:${h.category}`)).toEqual(
      [...found].sort((a, b) => b.score - a.score).map((h) => `${h.place}:${h.category}`),
    );
    expect(found.length).toBe(2);
  });
});

describe("strongestPerCommunity", () => {
  it("keeps one alert per community and category: the grid's or the community's, whichever is stronger", () => {
    const communityOf = (p: string) => p.slice(0, 12);
    const kept = strongestPerCommunity(
      [
        { place: "210302002001", category: "lamp", score: 9 },
        { place: "21030200200101", category: "lamp", score: 11 },
        { place: "21030200200102", category: "lamp", score: 4 },
        { place: "210302002001", category: "trash", score: 5 },
      ],
      communityOf,
    );
    expect(kept).toEqual([
      { place: "21030200200101", category: "lamp", score: 11 },
      { place: "210302002001", category: "trash", score: 5 },
    ]);
  });
});
