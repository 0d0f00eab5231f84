// The routing training run on a fixed synthetic fixture: labels too rare to learn become "other",
// held-out figures and per-category thresholds come out, and the comparison with an active pair
// follows its basis (first model, cases new to both, or the recorded figures).
import { parseTextModel } from "@civicgrid/domain";
import { describe, expect, it } from "vitest";
import { OTHER_LABEL, seatOf } from "./seats.ts";
import { NotEnoughTrainingData, type RoutingExample, trainRouting } from "./train-routing.ts";

const TOPICS = [
  { category: "A1", seat: "community:community_station", words: ["楼道", "杂物", "堆放", "纸箱", "消防通道"] },
  { category: "B1", seat: "district:water", words: ["自来水", "管道", "漏水", "爆裂", "水压"] },
  { category: "C1", seat: "city:heating", words: ["暖气", "不热", "室温", "供暖", "取暖费"] },
];
const FILLER = ["小区", "路口", "东门", "南侧", "广场", "楼下", "附近", "门口"];

/** Deterministic texts: three topic words and two fillers per case. */
function examples(perTopic: number, start = 0): RoutingExample[] {
  const out: RoutingExample[] = [];
  for (let i = start; i < start + perTopic; i++) {
    for (const t of TOPICS) {
      const w = (k: number) => t.words[(i * (k + 2) + k) % t.words.length];
      const f = (k: number) => FILLER[(i * (k + 3) + k) % FILLER.length];
      out.push({
        text: `${f(0)}${w(0)}${w(1)}\n${f(1)}${w(2)},请处理。`,
        category: t.category,
        seat: t.seat,
        closedAt: 1_700_000_000_000 + i * 60_000,
      });
    }
  }
  return out;
}

describe("seatOf", () => {
  it("names a dispatchable unit by level and kind; units that never own a case have none", () => {
    expect(seatOf({ type: "department", level: "district", departmentKind: "water" })).toBe("district:water");
    expect(seatOf({ type: "community_station", level: "community", departmentKind: null })).toBe(
      "community:community_station",
    );
    expect(seatOf({ type: "hotline", level: "city", departmentKind: null })).toBeNull();
    expect(seatOf({ type: "city_centre", level: "city", departmentKind: null })).toBeNull();
  });
});

describe("trainRouting", () => {
  const data = examples(60);
  const rare: RoutingExample = { text: "罕见问题\n只出现过一次", category: "Z9", seat: "city:telecom", closedAt: 1 };
  const first = trainRouting([...data, rare], null, { minThresholdCount: 5 });

  it("learns both models and measures them on held-out cases; rare labels become other", () => {
    expect(first.category.trainedOn).toBe(181);
    expect(first.category.figures.heldOut).toBeGreaterThan(30);
    expect(first.category.figures.accuracy).toBeGreaterThan(0.9);
    expect(first.unit.figures.top3).toBeGreaterThan(0.95);
    const categoryModel = first.category.model.meta;
    expect(categoryModel.version).toBe(2);
    expect([...categoryModel.labels].sort()).toEqual(["A1", "B1", "C1", OTHER_LABEL].sort());
    expect(first.category.figures.trainer).toBe("softmax");
  });

  it("chooses a threshold per suggested category that keeps held-out precision ≥ 0.95", () => {
    const thresholds = first.unit.figures.thresholds ?? {};
    for (const t of TOPICS) {
      const th = thresholds[t.category];
      expect(th?.threshold).not.toBeNull();
      expect(th?.precision).toBeGreaterThanOrEqual(0.95);
      expect(th?.count).toBeGreaterThanOrEqual(5);
    }
  });

  it("compares with the active pair: the first run, cases new to both, or the recorded figures", () => {
    expect(first.comparison).toMatchObject({ basis: "first", notWorse: true });
    const active = {
      version: 1,
      category: parseTextModel(first.category.model.meta, first.category.model.weights),
      unit: parseTextModel(first.unit.model.meta, first.unit.model.weights),
      recorded: { category: 1, unit: 1 },
    };
    // every held-out case closed after the active data: compared on them, and no worse
    const fresh = trainRouting(data, { ...active, dataUntil: 0 }, { compareMinCases: 10 });
    expect(fresh.comparison.basis).toBe("fresh-held-out");
    expect(fresh.comparison.cases).toBeGreaterThanOrEqual(10);
    expect(fresh.comparison.notWorse).toBe(true);
    // nothing new to the active models: their recorded figures (here: perfect, hard to match)
    const recorded = trainRouting(data, {
      ...active,
      dataUntil: Number.MAX_SAFE_INTEGER,
      recorded: { category: 1.5, unit: 1 },
    });
    expect(recorded.comparison).toMatchObject({ basis: "recorded", notWorse: false });
  });

  it("refuses too few cases", () => {
    expect(() => trainRouting(examples(5), null)).toThrow(NotEnoughTrainingData);
  });
});
