import { describe, expect, it } from "vitest";
import { calibrationError, chooseThreshold, classificationMetrics } from "./metrics.ts";

describe("classificationMetrics", () => {
  // Hand-computed: rows are true labels A, B, C; columns predicted.
  //   A: 2 1 0   B: 0 1 1   C: 0 0 1
  const m = classificationMetrics([
    { actual: "A", ranked: ["A", "B", "C"] },
    { actual: "A", ranked: ["B", "A", "C"] },
    { actual: "A", ranked: ["A", "C", "B"] },
    { actual: "B", ranked: ["B", "A", "C"] },
    { actual: "B", ranked: ["C", "A", "D", "B"] },
    { actual: "C", ranked: ["C", "B", "A"] },
  ]);

  it("builds the confusion matrix", () => {
    expect(m.confusion).toEqual({
      labels: ["A", "B", "C"],
      counts: [
        [2, 1, 0],
        [0, 1, 1],
        [0, 0, 1],
      ],
    });
  });

  it("computes accuracy, top-3 and per-label precision/recall/F1", () => {
    expect(m.count).toBe(6);
    expect(m.accuracy).toBeCloseTo(4 / 6, 12);
    expect(m.top3).toBeCloseTo(5 / 6, 12); // B ranked 4th once
    const [a, b, c] = m.perLabel;
    expect(a).toMatchObject({ label: "A", precision: 1, support: 3 });
    expect(a?.recall).toBeCloseTo(2 / 3, 12);
    expect(a?.f1).toBeCloseTo(0.8, 12);
    expect(b).toMatchObject({ label: "B", precision: 0.5, recall: 0.5, f1: 0.5, support: 2 });
    expect(c).toMatchObject({ label: "C", precision: 0.5, recall: 1, support: 1 });
    expect(c?.f1).toBeCloseTo(2 / 3, 12);
    expect(m.macroF1).toBeCloseTo((0.8 + 0.5 + 2 / 3) / 3, 12);
  });

  it("keeps given labels in order and leaves unseen ones out of the macro average", () => {
    const r = classificationMetrics([{ actual: "B", ranked: ["B"] }], ["A", "B"]);
    expect(r.confusion.labels).toEqual(["A", "B"]);
    expect(r.macroF1).toBe(1);
  });
});

describe("chooseThreshold", () => {
  const scored = [
    { confidence: 0.9, correct: true },
    { confidence: 0.8, correct: true },
    { confidence: 0.8, correct: false },
    { confidence: 0.7, correct: true },
    { confidence: 0.6, correct: true },
    { confidence: 0.5, correct: false },
  ];
  // Cumulative precision from the top: 0.9 → 1/1, 0.8 → 2/3, 0.7 → 3/4, 0.6 → 4/5, 0.5 → 4/6.

  it("picks the lowest threshold that still meets the precision target", () => {
    expect(chooseThreshold(scored, 0.75)).toEqual({ threshold: 0.6, precision: 0.8, coverage: 5 / 6, count: 5 });
    expect(chooseThreshold(scored, 0.95)).toEqual({ threshold: 0.9, precision: 1, coverage: 1 / 6, count: 1 });
  });

  it("never splits equal confidences", () => {
    // Taking only the first 0.8 would give 2/2 = 1.0; the whole 0.8 group gives 2/3.
    expect(chooseThreshold(scored, 0.9).threshold).toBe(0.9);
  });

  it("returns null when no threshold reaches the target or has enough support", () => {
    expect(chooseThreshold(scored, 1.01)).toEqual({ threshold: null, precision: 0, coverage: 0, count: 0 });
    expect(chooseThreshold(scored, 0.95, 2).threshold).toBeNull();
    expect(chooseThreshold([], 0.95).threshold).toBeNull();
  });
});

describe("calibrationError", () => {
  it("weighs each bin's gap between confidence and accuracy by its share", () => {
    const ece = calibrationError([
      { confidence: 0.95, correct: true },
      { confidence: 0.95, correct: true },
      { confidence: 0.55, correct: false },
      { confidence: 0.55, correct: true },
    ]);
    // bin 0.9–1: |1.9 − 2| = 0.1; bin 0.5–0.6: |1.1 − 1| = 0.1; (0.1 + 0.1) / 4
    expect(ece).toBeCloseTo(0.05, 12);
  });
});
