import { describe, expect, it } from "vitest";
import { DEFAULT_DUPLICATE_RULE, DUPLICATE_RULES_BY_CODE, duplicateRuleFor } from "./duplicate-rules.ts";
import { DUPLICATE_MIN_TEXT, rankDuplicates } from "./duplicates.ts";
import type { SimilarCandidate } from "./similarity.ts";

describe("duplicateRuleFor", () => {
  it("takes the longest listed prefix of the category code, else the default", () => {
    expect(duplicateRuleFor("M06028")).toEqual({ radiusM: 500, windowDays: 14 }); // noise
    expect(duplicateRuleFor("M06013")).toEqual(DEFAULT_DUPLICATE_RULE); // road damage: a point problem
    expect(duplicateRuleFor("C02043")).toEqual({ radiusM: 300, windowDays: 30 }); // speed bump
    expect(duplicateRuleFor("H0101")).toEqual({ radiusM: 1000, windowDays: 30 }); // hotline class
    expect(duplicateRuleFor("H010208")).toEqual({ radiusM: 1500, windowDays: 14 }); // heating outage
    expect(duplicateRuleFor(null)).toEqual(DEFAULT_DUPLICATE_RULE);
    expect(duplicateRuleFor("")).toEqual(DEFAULT_DUPLICATE_RULE);
  });
  it("hands out copies: a caller cannot change the table", () => {
    duplicateRuleFor("M06028").radiusM = 1;
    expect(DUPLICATE_RULES_BY_CODE.M06028?.radiusM).toBe(500);
  });
});

describe("rankDuplicates", () => {
  const at = new Date("2026-11-20T02:00:00Z");
  const here = { lat: 41.1193, lng: 122.9647 };
  const north = (m: number) => ({ lat: here.lat + m / 111_195, lng: here.lng });
  const daysBefore = (n: number) => new Date(at.getTime() - n * 86_400_000);
  const c = (id: string, text: string, metres: number, extra: Partial<SimilarCandidate> = {}): SimilarCandidate => ({
    id,
    text,
    categoryCode: "M01023",
    reportedAt: daysBefore(2),
    ...north(metres),
    ...extra,
  });
  const report = "裕华社区3号楼东侧人行道上的井盖破损了,晚上有行人差点绊倒,请尽快修理";
  const query = { ...here, text: report, categoryCode: "M01023", at };

  it("lists the same problem told differently, not a different problem at the same spot", () => {
    const ranked = rankDuplicates(query, [
      c("dup", "3号楼东边人行道井盖破损,有行人绊倒风险", 120),
      c("samePlace", "3号楼楼道里有人堆放杂物,影响通行", 10),
      c("sameKind", "幼儿园门口雨水箅子缺失", 40),
    ]);
    expect(ranked.map((r) => r.candidate.id)).toEqual(["dup"]);
    expect(ranked[0]?.textScore).toBeGreaterThanOrEqual(DUPLICATE_MIN_TEXT);
    expect(ranked[0]?.sharedWords.join(" ")).toContain("人行道");
    expect(ranked[0]?.sameCategory).toBe(true);
  });

  it("keeps to the category's radius and window, both ways in time", () => {
    const text = "3号楼东侧人行道井盖破损,行人绊倒";
    const ranked = rankDuplicates(query, [
      c("near", text, 250),
      c("far", text, 350), // manhole covers: 300 m
      c("later", text, 50, { reportedAt: new Date(at.getTime() + 3 * 86_400_000) }),
      c("old", text, 50, { reportedAt: daysBefore(31) }), // 30 days
    ]);
    expect(ranked.map((r) => r.candidate.id).sort()).toEqual(["later", "near"]);
  });

  it("without a category, each candidate's own rule applies", () => {
    const noise = "小区南门烧烤店每晚噪音扰民到凌晨";
    const candidates = [
      c("noise", "小区南门烧烤店噪音扰民,每晚到凌晨", 450, { categoryCode: "M06028" }),
      c("cover", "小区南门烧烤店门口井盖噪音", 450), // same distance, but a point problem: 300 m
    ];
    const ranked = rankDuplicates({ ...here, text: noise, at }, candidates);
    expect(ranked.map((r) => r.candidate.id)).toEqual(["noise"]);
    expect(ranked[0]?.sameCategory).toBeNull();
  });

  it("ranks the closer story first, caps the list, and finds nothing for an empty text", () => {
    const list = [
      c("weak", "人行道井盖破损", 250),
      c("strong", "3号楼东侧人行道上的井盖破损了,晚上行人差点绊倒", 10),
      ...Array.from({ length: 8 }, (_, i) => c(`n${i}`, "3号楼东侧人行道上的井盖破损了", 150 + i)),
    ];
    const ranked = rankDuplicates(query, list, { limit: 3 });
    expect(ranked).toHaveLength(3);
    expect(ranked[0]?.candidate.id).toBe("strong");
    expect(rankDuplicates({ ...query, text: "。,!" }, list)).toEqual([]);
  });

  it("applies the threshold it is given", () => {
    // one bigram in common (东侧): about 0.05
    const loose = c("loose", "东侧绿地里的树枝被风刮断了挡住路", 20);
    expect(rankDuplicates(query, [loose], { minText: 0.01 })).toHaveLength(1);
    expect(rankDuplicates(query, [loose])).toHaveLength(0);
  });
});
