// Trend anomalies on hand-computed weekly series. Poisson tails from SciPy 1.17 (poisson.sf).
import { describe, expect, it } from "vitest";
import { detectTrends, dropExplained, trendBaseline, trendPValue } from "./trends.ts";

/** Eight quiet weeks around 10, then a week of 30. */
const QUIET = [10, 12, 8, 11, 9, 10, 13, 7];

/**
 * Two years and a week: 5 reports a week, 20 in the winter weeks of each year (indices 0–2 and
 * 50–54, i.e. 104 and 52 weeks before the last), and `last` in the last week (index 104).
 */
function winters(last: number): number[] {
  const weeks = Array.from({ length: 105 }, () => 5);
  for (const i of [0, 1, 2, 50, 51, 52, 53, 54]) weeks[i] = 20;
  weeks[104] = last;
  return weeks;
}

describe("trendBaseline", () => {
  it("uses the weeks just before when there is less than a year", () => {
    const b = trendBaseline([...QUIET, 30]);
    // mean 80/8 = 10; Σ(x − 10)² = 28, sd = √(28/7) = 2; spread = max(2, √10, 1)
    expect(b?.method).toBe("recent");
    expect(b?.values).toEqual(QUIET);
    expect(b?.mean).toBe(10);
    expect(b?.sd).toBeCloseTo(2, 12);
    expect(b?.spread).toBeCloseTo(Math.sqrt(10), 12);
    expect(b?.upper).toBeCloseTo(10 + 3 * Math.sqrt(10), 12);
  });

  it("uses the same weeks of earlier years once they exist", () => {
    const b = trendBaseline(winters(24));
    // year −2: weeks −2…+2 around index 0 → indices 0, 1, 2 exist; year −1: indices 50…54
    expect(b?.method).toBe("seasonal");
    expect(b?.values).toEqual([20, 20, 20, 20, 20, 20, 20, 20]);
    expect(b?.mean).toBe(20);
    expect(b?.spread).toBeCloseTo(Math.sqrt(20), 12);
  });

  it("has nothing to say on a short history", () => {
    expect(trendBaseline([3, 4, 5])).toBeNull();
  });
});

describe("trendPValue", () => {
  it("is the Poisson tail when the baseline is not over-dispersed", () => {
    // sd² = 4 < mean 10: φ = 1 → P(X ≥ 30 | 10)
    expect(trendPValue(30, { mean: 10, sd: 2 })).toBeCloseTo(2.509951201527959e-7, 15);
  });

  it("scales counts by the dispersion of a swinging series", () => {
    // 2, 18, 3, 17, 2, 18, 4, 16: mean 10, sd 7.8011, φ = 6.0857 → P(X ≥ ⌊40/φ⌋ = 6 | 10/φ)
    expect(trendPValue(40, { mean: 10, sd: 7.801098823700598 })).toBeCloseTo(0.006837868170910765, 10);
  });
});

describe("detectTrends", () => {
  it("flags a week far above the recent weeks", () => {
    const [a] = detectTrends([{ scope: "210300000000", category: "H010208", weeks: [...QUIET, 30] }]);
    expect(a).toMatchObject({
      scope: "210300000000",
      category: "H010208",
      method: "recent",
      observed: 30,
      expected: 10,
    });
    expect(a?.ratio).toBe(3);
    expect(a?.z).toBeCloseTo(20 / Math.sqrt(10), 12);
    expect(a?.pValue).toBeCloseTo(2.509951201527959e-7, 15);
    expect(a?.qValue).toBeCloseTo(2.509951201527959e-7, 15);
  });

  it("does not flag an ordinary winter, only a winter worse than the earlier ones", () => {
    const series = (last: number) => [{ scope: "c", category: "heating", weeks: winters(last) }];
    expect(detectTrends(series(24))).toEqual([]);
    const [a] = detectTrends(series(40));
    expect(a).toMatchObject({ method: "seasonal", observed: 40, expected: 20 });
    // P(X ≥ 40 | 20)
    expect(a?.pValue).toBeCloseTo(5.320202511246237e-5, 12);
    // with only the recent weeks (all 5), the ordinary winter would have been flagged
    expect(detectTrends([{ scope: "c", category: "heating", weeks: winters(24).slice(60) }])[0]?.method).toBe("recent");
  });

  it("needs enough reports and adjusts for every series tested", () => {
    // 0,0,…,0 then 6: above the range, but fewer than minCount 8
    expect(detectTrends([{ scope: "c", category: "x", weeks: [0, 0, 0, 0, 0, 0, 0, 0, 6] }])).toEqual([]);
    // one strong series among 10,000 tested: q = p × 10,000 > 0.01
    const quiet = Array.from({ length: 9999 }, (_, i) => ({ scope: "c", category: `q${i}`, weeks: [...QUIET, 10] }));
    const weak = { scope: "c", category: "w", weeks: [...QUIET, 22] };
    expect(detectTrends([weak])).toHaveLength(1);
    expect(detectTrends([weak, ...quiet])).toEqual([]);
  });
});

describe("dropExplained", () => {
  const finer = (b: { id: string }, a: { id: string }) => b.id.startsWith(a.id) && b.id !== a.id;
  it("drops a class alert that one of its categories accounts for", () => {
    const cls = { id: "H01", observed: 50, expected: 20 };
    const leaf = { id: "H010208", observed: 40, expected: 20 };
    expect(dropExplained([cls, leaf], finer)).toEqual([leaf]);
  });
  it("keeps it when the category explains less than half of the excess", () => {
    const cls = { id: "H01", observed: 50, expected: 20 };
    const leaf = { id: "H010208", observed: 30, expected: 20 };
    expect(dropExplained([cls, leaf], finer)).toEqual([cls, leaf]);
  });
});
