import { describe, expect, it } from "vitest";
import { fitTemperature } from "./calibration.ts";

describe("fitTemperature", () => {
  it("recovers the temperature that matches the observed hit rate", () => {
    // Scores [2, 0]: softmax(s / T) gives label 0 the probability 1 / (1 + e^(−2/T)). If label 0 is
    // right 731 times in 1000 (≈ 1 / (1 + e^(−1))), the best T is 2.
    const scores = Array.from({ length: 1000 }, () => Float64Array.from([2, 0]));
    const truth = scores.map((_, i) => (i < 731 ? 0 : 1));
    expect(fitTemperature(scores, truth)).toBeCloseTo(2, 1);
  });

  it("sharpens an under-confident scorer (T < 1)", () => {
    const scores = Array.from({ length: 100 }, () => Float64Array.from([1, 0, 0]));
    const truth = scores.map((_, i) => (i < 98 ? 0 : 1));
    expect(fitTemperature(scores, truth)).toBeLessThan(0.5);
  });

  it("is 1 without held-out scores", () => {
    expect(fitTemperature([], [])).toBe(1);
  });
});
