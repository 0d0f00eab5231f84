// Reference values: SciPy 1.17 (poisson.sf(n − 1, λ), poisson.logsf, special.gammaln,
// stats.false_discovery_control), and a few small cases worked by hand.
import { describe, expect, it } from "vitest";
import { benjaminiHochberg, logFactorial, meanAndSd, poissonUpperTail, surprise } from "./poisson.ts";

const close = (actual: number, expected: number, rel = 1e-9) =>
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(Math.abs(expected) * rel);

describe("poissonUpperTail", () => {
  it("is 1 − e^−λ for n = 1, and the hand-computed tail for small n", () => {
    close(poissonUpperTail(1, 0.5), 1 - Math.exp(-0.5));
    // P(X ≥ 3 | 0.25) = 1 − e^−0.25 (1 + 0.25 + 0.03125)
    close(poissonUpperTail(3, 0.25), 1 - Math.exp(-0.25) * (1 + 0.25 + 0.25 ** 2 / 2));
  });

  it("matches SciPy over small and large means, tails near 1 and far below 1e-16", () => {
    const cases: [number, number, number][] = [
      [1, 0.5, 0.3934693402873665],
      [3, 0.25, 0.002161496689762513],
      [5, 0.15, 5.585807848102754e-7],
      [8, 0.15, 5.563552829076414e-12],
      [10, 2.0, 4.649807501726386e-5],
      [12, 3.7, 0.000470201124874435],
      [30, 10, 2.509951201527959e-7],
      [50, 20, 1.2458926079719434e-8],
      [100, 100, 0.5132987982791487],
      [5, 5, 0.5595067149347879],
      [2, 10, 0.9995006007726127],
      [10, 0.2, 2.3530687525611494e-14],
      [500, 400, 8.109381078799146e-7],
      [1200, 1000, 4.684203855872292e-10],
    ];
    for (const [n, lambda, expected] of cases) close(poissonUpperTail(n, lambda), expected, 1e-7);
    // log10 P(X ≥ 30 | 0.2) = −53.4768…: still a number, not 0
    expect(Math.log10(poissonUpperTail(30, 0.2))).toBeCloseTo(-53.47680869586079, 6);
  });

  it("handles the edges: nothing observed, nothing expected, fractional counts", () => {
    expect(poissonUpperTail(0, 3)).toBe(1);
    expect(poissonUpperTail(-2, 3)).toBe(1);
    expect(poissonUpperTail(1, 0)).toBe(0);
    expect(poissonUpperTail(3.9, 0.25)).toBe(poissonUpperTail(3, 0.25));
  });
});

describe("logFactorial", () => {
  it("is exact from the table and matches ln Γ(k + 1) beyond it", () => {
    expect(logFactorial(0)).toBe(0);
    close(logFactorial(5), Math.log(120), 1e-15);
    close(logFactorial(300), 1414.9058499450678, 1e-14);
    close(logFactorial(1000), 5912.128178488164, 1e-14);
    expect(() => logFactorial(2.5)).toThrow(RangeError);
  });
});

describe("benjaminiHochberg", () => {
  it("adjusts as SciPy's false_discovery_control does", () => {
    const q = benjaminiHochberg([0.01, 0.04, 0.03, 0.5]);
    const expected = [0.04, 0.05333333333333334, 0.05333333333333334, 0.5];
    for (const [i, v] of q.entries()) close(v, expected[i] as number, 1e-12);
  });

  it("counts hypotheses left out of the list (they had p = 1)", () => {
    // one p of 0.001 among 1000 tests: q = 0.001 × 1000 / 1 = 1
    expect(benjaminiHochberg([0.001], 1000)).toEqual([1]);
    expect(benjaminiHochberg([0.00001], 1000)[0]).toBeCloseTo(0.01, 12);
  });
});

describe("meanAndSd / surprise", () => {
  it("uses the sample standard deviation", () => {
    // 2, 4, 4, 4, 5, 5, 7, 9: mean 5, Σ(x − 5)² = 32, sd = √(32 / 7)
    const { mean, sd } = meanAndSd([2, 4, 4, 4, 5, 5, 7, 9]);
    expect(mean).toBe(5);
    close(sd, Math.sqrt(32 / 7), 1e-15);
    expect(meanAndSd([3])).toEqual({ mean: 3, sd: 0 });
    expect(meanAndSd([])).toEqual({ mean: 0, sd: 0 });
  });

  it("is −log10 p, capped at 300", () => {
    expect(surprise(0.001)).toBeCloseTo(3, 12);
    expect(surprise(0)).toBe(300);
  });
});
