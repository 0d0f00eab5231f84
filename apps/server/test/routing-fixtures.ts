// Closed cases to train the routing models on in the tests: three problems, each written many ways
// (what × where × detail), owned at closure by the unit a dispatcher chose. Inserted straight into
// `cases` as closed (the history of a platform in use); the tests then report new cases in new words.
import type { Place } from "@civicgrid/domain";
import type { TestContext } from "./harness.ts";

export interface FixtureTopic {
  /** what the problem is, several wordings */
  what: string[];
  /** more words about it */
  detail: string[];
}

const WHERE = ["小区", "3号楼", "路口", "幼儿园旁", "菜市场附近", "东门", "南侧", "公交站旁", "老旧楼院", "广场边"];

export const TOPICS = {
  clutter: {
    what: [
      "楼道里堆满杂物",
      "楼道堆放纸箱和旧家具",
      "消防通道被杂物堵塞",
      "单元门口乱堆废品",
      "楼梯间堆放自行车和杂物",
    ],
    detail: ["影响居民通行", "存在火灾隐患", "多次劝说无效", "希望社区尽快清理", "邻居意见很大", "晚上容易绊倒"],
  },
  pipe: {
    what: ["自来水管道破裂漏水", "供水管爆裂水流满地", "地下水管漏水冒水", "自来水井冒水不止", "供水管线渗漏路面积水"],
    detail: [
      "已经流了一整天",
      "浪费大量自来水",
      "冬天路面结冰很滑",
      "附近几栋楼水压很低",
      "请水务部门抢修",
      "路面被冲出坑",
    ],
  },
  heating: {
    what: ["家里暖气不热", "供暖温度不达标", "暖气片冰凉没有热度", "室温只有十几度", "整栋楼暖气不热"],
    detail: [
      "老人孩子冻得受不了",
      "交了取暖费却不热",
      "打热力公司电话没人管",
      "晚上只能开电暖气",
      "希望尽快解决供热问题",
      "已经持续一周",
    ],
  },
} satisfies Record<string, FixtureTopic>;

export type TopicKey = keyof typeof TOPICS;

/** The i-th wording of a topic: every combination differs, so no two texts are the same. */
export function fixtureText(topic: FixtureTopic, i: number): { title: string; description: string } {
  const what = topic.what[i % topic.what.length] as string;
  const where = WHERE[Math.floor(i / topic.what.length) % WHERE.length] as string;
  const detail = topic.detail[(i * 7) % topic.detail.length] as string;
  return { title: `${where}${what}`, description: `${where}${what},${detail}。` };
}

let serial = 0;

/** Inserts `count` closed cases of a topic at a place, with the category and final owner given. */
export async function insertClosedCases(
  ctx: TestContext,
  o: { topic: FixtureTopic; count: number; categoryCode: string; ownerUnitCode: string; place: Place; centre: string },
): Promise<void> {
  const db = ctx.handle.owner.db;
  const now = ctx.clock.now().getTime();
  const rows = Array.from({ length: o.count }, (_, i) => {
    const text = fixtureText(o.topic, i);
    const reported = new Date(now - (60 - (i % 50)) * 86_400_000);
    serial++;
    return {
      code: `FX${String(serial).padStart(8, "0")}`,
      title: text.title,
      description: text.description,
      source: "grid",
      category_code: o.categoryCode,
      status: "closed",
      lat: 41.12,
      lng: 122.96,
      grid_code: o.place.grid,
      community_code: o.place.community,
      township_code: o.place.township,
      district_code: o.place.district,
      city_code: o.place.city,
      centre_unit_code: o.centre,
      owner_unit_code: o.ownerUnitCode,
      involved_unit_codes: [o.centre, o.ownerUnitCode],
      reported_at: reported,
      registered_at: reported,
      dispatched_at: new Date(reported.getTime() + 3_600_000),
      closed_at: new Date(reported.getTime() + 86_400_000 + serial * 1000),
    };
  });
  await db.insertInto("cases").values(rows).execute();
}
