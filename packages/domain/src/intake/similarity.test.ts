import { describe, expect, it } from "vitest";
import {
  boundingBox,
  categoryMatch,
  distanceMeters,
  rankSimilar,
  type SimilarCandidate,
  similarityScore,
  similarRadiusMeters,
  textSimilarity,
  textUnits,
} from "./similarity.ts";

describe("textUnits", () => {
  it("cuts Chinese into character bigrams, splitting at punctuation and spaces", () => {
    expect([...textUnits("井盖破损,有人")]).toEqual(["井盖", "盖破", "破损", "有人"]);
  });
  it("keeps a lone character, folds full-width and case, drops filler bigrams", () => {
    expect([...textUnits("水 ＡＢ")]).toEqual(["水", "ab"]);
    // 13 bigrams, 7 of them fillers: only the ones across word boundaries stay
    expect(textUnits("市民来电反映问题希望尽快处理").size).toBe(6);
    expect(textUnits("市民反映").has("市民")).toBe(false);
  });
  it("is empty for empty or punctuation-only text", () => {
    expect(textUnits("").size).toBe(0);
    expect(textUnits(",。!?  ").size).toBe(0);
  });
});

describe("textSimilarity", () => {
  it("is 1 for the same words and 0 for nothing in common", () => {
    expect(textSimilarity("路灯不亮", "路灯不亮").score).toBeCloseTo(1);
    expect(textSimilarity("路灯不亮", "噪音扰民").score).toBe(0);
    expect(textSimilarity("", "路灯不亮")).toEqual({ score: 0, shared: [] });
  });
  it("scores a rewording of the same problem well above an unrelated one about the same place", () => {
    const original = "裕华社区3号楼东侧人行道井盖破损,有行人绊倒风险";
    const sameProblem = textSimilarity("3号楼东边人行道上的井盖坏了,破损严重", original).score;
    const samePlace = textSimilarity("3号楼楼道里有人堆放杂物", original).score;
    expect(sameProblem).toBeGreaterThan(0.3);
    expect(sameProblem).toBeGreaterThan(samePlace * 2);
  });
  it("names the shared phrases as the query wrote them, longest first", () => {
    const m = textSimilarity("人行道井盖破损了", "东侧人行道井盖破损,有行人绊倒风险");
    expect(m.shared[0]).toBe("人行道井盖破损");
  });
  it("accepts the candidate's bigrams precomputed", () => {
    const units = textUnits("供水管道爆裂");
    expect(textSimilarity("水管爆裂", units).score).toBeCloseTo(textSimilarity("水管爆裂", "供水管道爆裂").score);
  });
});

describe("distance and box", () => {
  const a = { lat: 41.1193, lng: 122.9647 };
  it("measures metres on the ground", () => {
    // 0.001° of latitude ≈ 111 m
    expect(distanceMeters(a, { lat: a.lat + 0.001, lng: a.lng })).toBeCloseTo(111.2, 0);
    expect(distanceMeters(a, a)).toBe(0);
  });
  it("the box contains the whole circle", () => {
    const box = boundingBox(a, 500);
    for (const [dLat, dLng] of [
      [1, 0],
      [-1, 0],
      [0, 1],
      [0, -1],
    ] as const) {
      // walk 499 m in each direction: still inside the box
      let p = { ...a };
      while (distanceMeters(a, p) < 499) p = { lat: p.lat + dLat * 1e-5, lng: p.lng + dLng * 1e-5 };
      expect(p.lat).toBeGreaterThanOrEqual(box.minLat);
      expect(p.lat).toBeLessThanOrEqual(box.maxLat);
      expect(p.lng).toBeGreaterThanOrEqual(box.minLng);
      expect(p.lng).toBeLessThanOrEqual(box.maxLng);
    }
  });
});

describe("radius and category", () => {
  it("looks as far as the category's duplicate rule says", () => {
    expect(similarRadiusMeters("M01001")).toBe(300);
    expect(similarRadiusMeters("M06028")).toBe(500);
    expect(similarRadiusMeters("H010208")).toBe(1500);
    expect(similarRadiusMeters()).toBe(300);
  });
  it("matches codes, classes, or nothing", () => {
    expect(categoryMatch("M01001", "M01001")).toBe(1);
    expect(categoryMatch("M01001", "M01002")).toBe(0.5);
    expect(categoryMatch("H010201", "H010299")).toBe(0.5);
    expect(categoryMatch("H010201", "H010301")).toBe(0);
    expect(categoryMatch(null, "M01001")).toBeNull();
  });
  it("scores between 0 and 1, text counting most", () => {
    const base = { distanceM: 0, radiusM: 500, text: 1, category: 1, ageDays: 0, windowDays: 30 };
    expect(similarityScore(base)).toBeCloseTo(1);
    expect(similarityScore({ ...base, text: 0, category: 0, distanceM: 500, ageDays: 30 })).toBe(0);
    expect(similarityScore({ ...base, text: 0 })).toBeLessThan(similarityScore({ ...base, distanceM: 500 }));
  });
});

describe("rankSimilar", () => {
  const now = new Date("2026-11-24T01:00:00Z");
  const here = { lat: 41.1193, lng: 122.9647 };
  const days = (n: number) => new Date(now.getTime() - n * 86_400_000);
  const at = (metresNorth: number) => ({ lat: here.lat + metresNorth / 111_195, lng: here.lng });
  const c = (id: string, text: string, metres: number, extra: Partial<SimilarCandidate> = {}): SimilarCandidate => ({
    id,
    text,
    categoryCode: "M01001",
    reportedAt: days(2),
    ...at(metres),
    ...extra,
  });
  const opts = { radiusM: 500, now, windowDays: 30, limit: 5 };

  it("puts the true duplicate first, ahead of a nearer case about something else", () => {
    const ranked = rankSimilar(
      { ...here, text: "人行道井盖破损,差点绊倒人", categoryCode: "M01001" },
      [
        c("other", "楼道堆放杂物", 20, { categoryCode: "M06001" }),
        c("dup", "3号楼东侧人行道井盖破损,有行人绊倒风险", 180),
        c("sameKind", "小区门口井盖缺失", 60),
      ],
      opts,
    );
    expect(ranked.map((r) => r.candidate.id)).toEqual(["dup", "sameKind"]);
    expect(ranked[0]?.sharedWords).toContain("人行道井盖破损");
    expect(ranked[0]?.distanceM).toBeCloseTo(180, 0);
    expect(ranked[0]?.sameCategory).toBe(true);
  });

  it("drops cases outside the circle or the window, and caps the list", () => {
    const text = "路灯不亮";
    const list = [
      c("far", text, 600),
      c("old", text, 10, { reportedAt: days(31) }),
      ...Array.from({ length: 8 }, (_, i) => c(`n${i}`, text, i * 10)),
    ];
    const ranked = rankSimilar({ ...here, text }, list, opts);
    expect(ranked).toHaveLength(5);
    expect(ranked.map((r) => r.candidate.id)).toEqual(["n0", "n1", "n2", "n3", "n4"]);
  });

  it("with no words yet, the same category nearby still shows", () => {
    const ranked = rankSimilar({ ...here, text: "", categoryCode: "M01001" }, [c("a", "井盖", 50)], opts);
    expect(ranked).toHaveLength(1);
    expect(ranked[0]?.sharedWords).toEqual([]);
  });
});
