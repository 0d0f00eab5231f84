import { describe, expect, it } from "vitest";
import { stratifiedFolds, stratifiedSample } from "./folds.ts";

const labels = [...Array(10).fill("A"), ...Array(5).fill("B")] as string[];

describe("stratifiedFolds", () => {
  it("keeps label proportions and equal fold sizes", () => {
    const fold = stratifiedFolds(labels, 5, 42);
    for (let f = 0; f < 5; f++) {
      const members = labels.filter((_, i) => fold[i] === f);
      expect(members.length).toBe(3);
      expect(members.filter((l) => l === "A").length).toBe(2);
    }
  });

  it("is deterministic for a seed and shuffles differently for another", () => {
    expect(stratifiedFolds(labels, 3, 7)).toEqual(stratifiedFolds(labels, 3, 7));
    expect(stratifiedFolds(labels, 3, 7)).not.toEqual(stratifiedFolds(labels, 3, 8));
  });

  it("refuses fewer than two folds", () => {
    expect(() => stratifiedFolds(labels, 1, 1)).toThrow();
  });
});

describe("stratifiedSample", () => {
  it("keeps everything when small enough, else about the asked size in proportion", () => {
    expect(stratifiedSample(labels, 20, 1)).toHaveLength(15);
    const s = stratifiedSample(labels, 5, 1);
    expect(s.length).toBeLessThanOrEqual(5);
    expect(s.filter((i) => labels[i] === "B").length).toBeGreaterThanOrEqual(1);
  });
});
