import { describe, expect, it } from "vitest";
import { buildVocabulary, countTermIds, TermTable, termBlock, vectoriseIds, weigh } from "./features.ts";

describe("TF-IDF features", () => {
  const table = new TermTable();
  const d1 = countTermIds(["a", "b", "a"], table);
  const d2 = countTermIds(["c", "a"], table);
  const vocab = buildVocabulary([d1, d2], table, { minDf: 1, maxFeatures: 10 });

  it("orders the vocabulary by document frequency, then by term", () => {
    expect(vocab.terms).toEqual(["a", "b", "c"]);
  });

  it("uses idf = ln((1 + N) / (1 + df)) + 1", () => {
    expect(vocab.idf[0]).toBeCloseTo(1, 12);
    expect(vocab.idf[1]).toBeCloseTo(Math.log(3 / 2) + 1, 12);
  });

  it("weighs (1 + ln tf)·idf and normalises to unit length", () => {
    const x = vectoriseIds(d1, vocab);
    const a = 1 + Math.log(2);
    const b = Math.log(3 / 2) + 1;
    const norm = Math.hypot(a, b);
    const byFeature = new Map([...x.index].map((j, t) => [j, x.value[t]]));
    expect(byFeature.get(0)).toBeCloseTo(a / norm, 12);
    expect(byFeature.get(1)).toBeCloseTo(b / norm, 12);
    expect(Math.hypot(...x.value)).toBeCloseTo(1, 12);
  });

  it("can normalise each block of features (plain, w:, t:) to unit length on its own", () => {
    expect(["路灯", "w:路灯", "t:路灯", "wt"].map(termBlock)).toEqual([0, 1, 2, 0]);
    const idf = [1, 1, 1, 1];
    const blockOf = Int8Array.from([0, 0, 2, 2]);
    const x = weigh([0, 1, 2, 3], [1, 1, 1, 1], idf, blockOf);
    expect([...x.value].map((v) => Number(v.toFixed(6)))).toEqual(Array(4).fill(Number(Math.SQRT1_2.toFixed(6))));
    // a text without title features keeps its plain block at unit length
    expect([...weigh([0], [3], idf, blockOf).value]).toEqual([1]);
  });

  it("drops rare terms and caps the vocabulary size", () => {
    expect(buildVocabulary([d1, d2], table, { minDf: 2, maxFeatures: 10 }).terms).toEqual(["a"]);
    expect(buildVocabulary([d1, d2], table, { minDf: 1, maxFeatures: 2 }).terms).toEqual(["a", "b"]);
  });
});
