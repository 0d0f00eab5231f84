import { describe, expect, it } from "vitest";
import {
  buildScenario,
  chooseDuplicateThreshold,
  evaluateDuplicates,
  type LabelledMessage,
  seeded,
  sweepThresholds,
} from "./duplicate-eval.ts";
import { pointNear, reword, sentencesOf } from "./re-report.ts";
import { distanceMeters, textSimilarity } from "./similarity.ts";

const STORY = {
  title: "小区附近道路噪音严重影响居民休息",
  detail:
    "我们小区附近有一家工地，每天晚上施工到凌晨。噪音非常大，居民无法休息。已经投诉多次，但是一直没有解决。希望有关部门尽快处理！",
};

describe("reword", () => {
  it("cuts sentences at their closing punctuation", () => {
    expect(sentencesOf("一。二！三？四")).toEqual(["一。", "二！", "三？", "四"]);
  });

  it("is repeatable for a seed and differs between seeds", () => {
    expect(reword(STORY, seeded(3))).toEqual(reword(STORY, seeded(3)));
    const texts = new Set([1, 2, 3, 4, 5].map((s) => reword(STORY, seeded(s)).detail));
    expect(texts.size).toBeGreaterThan(1);
  });

  it("changes the words but keeps the story recognisable", () => {
    for (let seed = 1; seed <= 20; seed++) {
      const r = reword(STORY, seeded(seed));
      expect(r.rules).toContain("synonyms");
      expect(`${r.title}${r.detail}`).not.toBe(`${STORY.title}${STORY.detail}`);
      // something of the story stays (a summary may keep only the title)
      expect(textSimilarity(`${r.title} ${r.detail}`, `${STORY.title} ${STORY.detail}`).score).toBeGreaterThan(0.1);
    }
  });

  it("swaps listed synonyms", () => {
    const seen = new Set<string>();
    for (let seed = 1; seed <= 30; seed++) seen.add(reword(STORY, seeded(seed)).detail);
    expect([...seen].some((d) => d.includes("噪声") || d.includes("住户") || d.includes("周边"))).toBe(true);
  });
});

describe("pointNear", () => {
  it("lands at the asked distance", () => {
    const p = { lat: 41.1, lng: 123 };
    for (const m of [0, 50, 300, 1500]) expect(distanceMeters(p, pointNear(p, m, seeded(m)))).toBeCloseTo(m, -1);
  });
});

/** Six distinct stories in two categories, enough for a scenario with re-reports and unrelated reports. */
const MESSAGES: LabelledMessage[] = [
  {
    id: "1",
    title: "路灯不亮",
    detail: "幸福路与和平街交叉口的路灯连续三天晚上不亮，行人看不清路。",
    categoryCode: "H06",
  },
  { id: "2", title: "井盖丢失", detail: "建设大街小学门口的雨水井盖丢失，孩子上学很危险。", categoryCode: "H06" },
  { id: "3", title: "工地夜间施工", detail: "铁西区某工地每天晚上施工到凌晨两点，噪音扰民。", categoryCode: "H04" },
  { id: "4", title: "饭店油烟", detail: "胜利路一家饭店的油烟直排进居民楼，家里窗户都不敢开。", categoryCode: "H04" },
  { id: "5", title: "公交站牌损坏", detail: "人民公园公交站的站牌被撞坏了，乘客看不到线路信息。", categoryCode: "H06" },
  { id: "6", title: "河道垃圾", detail: "南沙河桥下堆满了生活垃圾，夏天气味很大，蚊虫很多。", categoryCode: "H04" },
  { id: "6", title: "河道垃圾", detail: "重复的编号只算一次", categoryCode: "H04" },
];

describe("buildScenario / evaluateDuplicates", () => {
  const scenario = buildScenario(MESSAGES, { seed: 5, originalShare: 0.67, reReportShare: 1, neighbourhoodSize: 2 });

  it("makes open cases, re-reports of them within days nearby, and unrelated reports", () => {
    expect(scenario.cases).toHaveLength(4);
    const reReports = scenario.queries.filter((q) => q.kind === "re-report");
    expect(reReports.length).toBeGreaterThanOrEqual(4);
    for (const q of reReports) {
      const origin = scenario.cases.find((c) => c.problem === q.problem);
      expect(origin).toBeDefined();
      expect(distanceMeters(q, origin!)).toBeLessThanOrEqual(800); // 0.8 × the hotline radius
      const days = (q.at.getTime() - origin!.reportedAt.getTime()) / 86_400_000;
      expect(days).toBeGreaterThan(0);
      expect(days).toBeLessThanOrEqual(7);
    }
    expect(scenario.queries.filter((q) => q.kind === "unrelated")).toHaveLength(2);
  });

  it("scores the candidate lists against the truth", () => {
    const m = evaluateDuplicates(scenario, 0.15);
    expect(m.recall).toBeGreaterThan(0.5);
    expect(m.precision).toBeGreaterThan(0.5);
    // with no threshold at all every nearby case is listed: precision falls
    expect(evaluateDuplicates(scenario, 0).precision).toBeLessThan(m.precision);
    // an impossible threshold lists nothing: recall 0, precision counted as 1
    const none = evaluateDuplicates(scenario, 1.01);
    expect(none).toMatchObject({ recall: 0, precision: 1, listed: 0 });
  });

  it("chooses the threshold of best F1, the lower one on a tie", () => {
    const sweep = sweepThresholds([scenario], [0, 0.15, 1.01]);
    expect(sweep).toHaveLength(3);
    expect(chooseDuplicateThreshold(sweep)?.threshold).toBe(0.15);
    const flat = [0.3, 0.1, 0.2].map((threshold) => ({ ...sweep[1]!, threshold }));
    expect(chooseDuplicateThreshold(flat)?.threshold).toBe(0.1);
    expect(chooseDuplicateThreshold([])).toBeNull();
  });
});
