import { describe, expect, it } from "vitest";
import type { SparseVector } from "./features.ts";
import { linearScores, type TrainingMatrix } from "./linear-trainers.ts";
import { nbLogCountRatios, trainOneVsRest } from "./ovr-trainers.ts";

const row = (entries: [number, number][]): SparseVector => ({
  index: Int32Array.from(entries, (e) => e[0]),
  value: Float64Array.from(entries, (e) => e[1]),
});

// Three labels over five features: feature c marks label c, features 3 and 4 are shared noise.
const matrix: TrainingMatrix = {
  rows: [
    row([
      [0, 0.9],
      [3, 0.4],
    ]),
    row([
      [0, 0.8],
      [4, 0.6],
    ]),
    row([
      [1, 0.9],
      [3, 0.4],
    ]),
    row([
      [1, 0.7],
      [4, 0.7],
    ]),
    row([
      [2, 0.9],
      [3, 0.4],
    ]),
    row([
      [2, 0.8],
      [4, 0.6],
    ]),
  ],
  labels: Int32Array.from([0, 0, 1, 1, 2, 2]),
  labelCount: 3,
  featureCount: 5,
};

const argmaxOf = (w: ReturnType<typeof trainOneVsRest>, x: SparseVector) => {
  const s = new Float64Array(3);
  linearScores(w, 3, x, s);
  return s.indexOf(Math.max(...s));
};

describe("nbLogCountRatios", () => {
  it("is ln((p/|p|)/(q/|q|)) over binarised counts with α smoothing: positive for a label's own feature", () => {
    const r = nbLogCountRatios(matrix, 1);
    // label 0: p = α + rows of 0 with the feature, q = α + other rows with it
    const p = [1 + 2, 1, 1, 1 + 1, 1 + 1];
    const q = [1, 1 + 2, 1 + 2, 1 + 2, 1 + 2];
    const ps = p.reduce((a, b) => a + b, 0);
    const qs = q.reduce((a, b) => a + b, 0);
    for (let j = 0; j < 5; j++)
      expect(r[j * 3]).toBeCloseTo(Math.log((p[j] as number) / ps) - Math.log((q[j] as number) / qs), 12);
    expect(r[0 * 3 + 0]).toBeGreaterThan(0);
    expect(r[1 * 3 + 0]).toBeLessThan(0);
  });
});

describe("trainOneVsRest", () => {
  for (const loss of ["squared-hinge", "logistic"] as const) {
    for (const nbAlpha of [undefined, 1]) {
      it(`${loss}${nbAlpha ? " with NB scaling" : ""}: separates the training rows and ranks new rows by their marker`, () => {
        const w = trainOneVsRest(matrix, { loss, l2: 0.01, maxIterations: 200, ...(nbAlpha ? { nbAlpha } : {}) });
        expect(w.weights.length).toBe(15);
        expect(w.bias.length).toBe(3);
        matrix.rows.forEach((x, i) => {
          expect(argmaxOf(w, x)).toBe(matrix.labels[i]);
        });
        expect(argmaxOf(w, row([[2, 1]]))).toBe(2);
        // a label's own marker weighs more for it than for the other labels
        for (let c = 0; c < 3; c++) {
          for (let k = 0; k < 3; k++)
            if (k !== c) expect(w.weights[c * 3 + c]).toBeGreaterThan(w.weights[c * 3 + k] as number);
        }
      });
    }
  }

  it("squared hinge: a margin of at least 1 costs nothing, so weakly penalised scores reach ±1 on training rows", () => {
    const w = trainOneVsRest(matrix, { loss: "squared-hinge", l2: 1e-6, maxIterations: 500 });
    const s = new Float64Array(3);
    linearScores(w, 3, matrix.rows[0] as SparseVector, s);
    expect(s[0]).toBeGreaterThan(0.99);
    expect(s[1]).toBeLessThan(-0.99);
  });

  it("returns the binary solutions as raw, and continues from them when given as init", () => {
    const opts = { loss: "squared-hinge" as const, l2: 0.01, maxIterations: 200, nbAlpha: 1 };
    const first = trainOneVsRest(matrix, opts);
    const again = trainOneVsRest(matrix, { ...opts, init: first.raw, maxIterations: 1 });
    [...again.weights].forEach((w, i) => {
      expect(w).toBeCloseTo(first.weights[i] as number, 4);
    });
    const plain = trainOneVsRest(matrix, { loss: "squared-hinge", l2: 0.01, maxIterations: 200 });
    expect([...plain.raw.weights]).toEqual([...plain.weights]);
  });

  it("with NB scaling and β = 1 stores w·r (no interpolation); β < 1 pulls weights towards the mean magnitude", () => {
    const full = trainOneVsRest(matrix, { loss: "squared-hinge", l2: 0.01, maxIterations: 200, nbAlpha: 1, nbBeta: 1 });
    const half = trainOneVsRest(matrix, {
      loss: "squared-hinge",
      l2: 0.01,
      maxIterations: 200,
      nbAlpha: 1,
      nbBeta: 0.25,
    });
    const r = nbLogCountRatios(matrix, 1);
    // with β = 0.25 the stored weight is ((0.75·mean|w| + 0.25·w)·r)
    for (let c = 0; c < 3; c++) {
      const w = Array.from({ length: 5 }, (_, j) => (full.weights[j * 3 + c] as number) / (r[j * 3 + c] as number));
      const mean = w.reduce((a, b) => a + Math.abs(b), 0) / 5;
      for (let j = 0; j < 5; j++) {
        expect(half.weights[j * 3 + c]).toBeCloseTo(
          (0.75 * mean + 0.25 * (w[j] as number)) * (r[j * 3 + c] as number),
          6,
        );
      }
    }
  });
});
