import { describe, expect, it } from "vitest";
import { crossValidate, evaluateSplit } from "./cross-validate.ts";
import { parseTextModel, predictTopK } from "./text-model.ts";
import { type TrainingExample, trainTextModel } from "./train-text-model.ts";

// A tiny hand-made training set: three kinds of problem, Chinese and English.
const LIGHTS = "城乡建设";
const WAGES = "劳动和社会保障";
const NOISE = "环境保护";
const examples: TrainingExample[] = [
  { text: "小区路灯不亮，晚上很黑", label: LIGHTS },
  { text: "路灯坏了好几天没人修", label: LIGHTS },
  { text: "街道路灯一直闪烁", label: LIGHTS },
  { text: "Street light broken on our road", label: LIGHTS },
  { text: "公司拖欠工资三个月", label: WAGES },
  { text: "老板欠薪不发工资", label: WAGES },
  { text: "工地拖欠农民工工资", label: WAGES },
  { text: "Employer has not paid my wages", label: WAGES },
  { text: "工地夜间施工噪音扰民", label: NOISE },
  { text: "广场舞噪音太大睡不着", label: NOISE },
  { text: "酒吧噪音到凌晨", label: NOISE },
  { text: "Loud noise from the factory at night", label: NOISE },
];

describe("trainTextModel + predictTopK", () => {
  const model = trainTextModel(examples, { seed: 3 });

  it("predicts the obvious label of new texts, in both languages", () => {
    expect(predictTopK(model, "我家门口的路灯又坏了", 1)[0]?.label).toBe(LIGHTS);
    expect(predictTopK(model, "单位拖欠工资", 1)[0]?.label).toBe(WAGES);
    expect(predictTopK(model, "楼下噪音扰民", 1)[0]?.label).toBe(NOISE);
    expect(predictTopK(model, "unpaid wages", 1)[0]?.label).toBe(WAGES);
    expect(predictTopK(model, "noise at night", 1)[0]?.label).toBe(NOISE);
  });

  it("ranks labels by confidence, with confidences that sum to at most 1", () => {
    const top = predictTopK(model, "路灯不亮", 3);
    expect(top.map((p) => p.label)).toHaveLength(3);
    expect(new Set(top.map((p) => p.label)).size).toBe(3);
    for (let i = 1; i < top.length; i++) expect(top[i]!.confidence).toBeLessThanOrEqual(top[i - 1]!.confidence);
    expect(top.reduce((s, p) => s + p.confidence, 0)).toBeCloseTo(1, 9);
    expect(predictTopK(model, "路灯不亮", 2).reduce((s, p) => s + p.confidence, 0)).toBeLessThan(1);
  });

  it("names the terms that drove the choice", () => {
    const [first] = predictTopK(model, "路灯坏了", 1);
    const shown = first?.terms.map((t) => t.term) ?? [];
    expect(shown).toContain("路灯");
    // characters already inside a listed term are not repeated on their own
    expect(shown).not.toContain("路");
    expect(shown).not.toContain("灯");
    expect(shown.length).toBeLessThanOrEqual(5);
    for (const t of first?.terms ?? []) expect(t.weight).toBeGreaterThan(0);
    expect(predictTopK(model, "路灯坏了", 1, 0)[0]?.terms).toEqual([]);
  });

  it("falls back to the label biases for text it has no features for", () => {
    const top = predictTopK(model, "？？？", 3);
    expect(top).toHaveLength(3);
    expect(top[0]?.terms).toEqual([]);
  });

  it("is plain, versioned JSON that predicts the same after a round trip", () => {
    expect(model).toMatchObject({ version: 1, kind: "tfidf-linear", trainer: "nb-svm", trainedOn: 12 });
    expect(model.features).toMatchObject({ titleNamespace: true, blockNormalise: true });
    expect(model.labels).toEqual([WAGES, LIGHTS, NOISE].sort());
    const copy = parseTextModel(JSON.stringify(model));
    for (const text of ["路灯坏了", "拖欠工资", "noise", ""]) {
      expect(predictTopK(copy, text, 3)).toEqual(predictTopK(model, text, 3));
    }
  });

  it("lists a term once, without its t: prefix, when it is in the title and the body", () => {
    const [top] = predictTopK(model, "路灯坏了\n路灯不亮", 1, 5);
    expect(top?.label).toBe(LIGHTS);
    const terms = top?.terms.map((t) => t.term) ?? [];
    expect(terms).toContain("路灯");
    expect(new Set(terms).size).toBe(terms.length);
    expect(terms.some((t) => t.startsWith("t:"))).toBe(false);
  });

  it("is deterministic: same data and seed, same model", () => {
    expect(JSON.stringify(trainTextModel(examples, { seed: 3 }))).toBe(JSON.stringify(model));
  });

  it("rejects stored models of another shape or version", () => {
    expect(() => parseTextModel({ ...model, version: 3 })).toThrow(/version/);
    expect(() => parseTextModel({ ...model, weights: [1, 2] })).toThrow(/weights/);
    expect(() => parseTextModel("null")).toThrow();
  });

  it("refuses to train on nothing and copes with a single label", () => {
    expect(() => trainTextModel([])).toThrow();
    const one = trainTextModel([{ text: "路灯", label: LIGHTS }]);
    expect(predictTopK(one, "任何文字", 3)).toEqual([{ label: LIGHTS, confidence: 1, terms: [] }]);
  });

  it("trains complement naive Bayes and the inner selection when asked", () => {
    const nb = trainTextModel(examples, { candidate: { trainer: "complement-nb", hyperParameter: 0.1 } });
    expect(nb.trainer).toBe("complement-nb");
    expect(predictTopK(nb, "路灯坏了", 1)[0]?.label).toBe(LIGHTS);
    const grid = [
      { trainer: "softmax" as const, hyperParameter: 1e-2 },
      { trainer: "complement-nb" as const, hyperParameter: 0.1 },
    ];
    const picked = trainTextModel(examples, { candidates: grid });
    expect(picked.selection.map((s) => s.trainer)).toEqual(["softmax", "complement-nb"]);
    expect(grid.map((g) => g.trainer)).toContain(picked.trainer);
  });

  for (const trainer of ["nb-svm", "svm", "nb-lr", "softmax"] as const) {
    it(`${trainer}: calibrates on a held-out split and warm-starts from a sample on large inputs`, () => {
      const many = Array.from({ length: 6 }, () => examples).flat();
      const big = trainTextModel(many, { holdoutFrom: 40, largeFrom: 40, seed: 5, candidate: { trainer } });
      expect(big.trainedOn).toBe(72);
      expect(big.trainer).toBe(trainer);
      expect(predictTopK(big, "路灯坏了", 1)[0]?.label).toBe(LIGHTS);
      expect(predictTopK(big, "Employer has not paid wages", 1)[0]?.label).toBe(WAGES);
    });
  }
});

describe("crossValidate / evaluateSplit", () => {
  it("predicts every example exactly once from a model that did not see it", () => {
    const r = crossValidate(examples, 4, 11);
    expect(r.count).toBe(12);
    expect(r.scored).toHaveLength(12);
    expect(r.confusion.counts.map((row) => row.reduce((s, v) => s + v, 0))).toEqual([4, 4, 4]);
    expect(r.chosen).toHaveLength(4);
    expect(r.top3).toBe(1); // three labels: the true one is always in the top 3
    expect(r.accuracy).toBeGreaterThanOrEqual(0.75);
  });

  it("gives the same figures for the same seed", () => {
    const { trainMs: _a, predictMs: _b, predictionsPerSecond: _c, ...first } = crossValidate(examples, 3, 2);
    const { trainMs: _d, predictMs: _e, predictionsPerSecond: _f, ...second } = crossValidate(examples, 3, 2);
    expect(second).toEqual(first);
  });

  it("scores a separate test set", () => {
    const r = evaluateSplit(examples, [
      { text: "路灯不亮", label: LIGHTS },
      { text: "欠薪", label: WAGES },
    ]);
    expect(r.count).toBe(2);
    expect(r.accuracy).toBe(1);
  });
});
