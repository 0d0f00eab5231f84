// Vocabulary for the runtime placeholders of case texts.
//   {place}    a street or a residential compound (or the case's community name)
//   {landmark} a point of reference near the problem
//   {time}     when it was seen, as a grid worker or caller would say it
// Street names are real Anshan streets; compound names are generic and plausible.

export const PLACEHOLDERS = ["place", "landmark", "time"] as const;

export const STREETS = [
  "胜利北路", "胜利南路", "南胜利路", "建国大道", "建国南路", "二一九路", "园林路", "千山中路", "千山西路",
  "站前街", "人民路", "鞍千路", "湖南街", "五一路", "解放东路", "解放西路", "中华路", "南中华路",
  "民生东路", "民生西路", "和平路", "光明路", "东山街", "青年街", "对炉山路", "钢都路", "山南街",
  "烈士山路", "友好街", "健身街", "繁荣路", "兴盛路", "铁西三道街", "铁东一道街", "建设大道",
  "深沟寺路", "灵山路", "千山路", "鞍海路", "永乐路", "宁远路", "达道湾路", "旧堡路", "齐大山路",
];

export const COMPOUNDS = [
  "丽景家园", "和平小区", "湖南小区", "园林小区", "胜利小区", "山南小区", "钢都花园", "福康家园",
  "锦绣家园", "阳光丽都", "翰林苑", "和谐家园", "新城佳苑", "幸福里小区", "鞍钢职工住宅区",
  "东方花园", "绿地新城", "金山小区", "银座公寓", "长大小区", "裕华小区", "立山新村", "曙光小区",
  "灵山新居", "千山雅居", "万科城市花园", "温馨家园", "铁西新村", "春风佳苑", "太平新村",
  "美林湾小区", "怡园小区", "明达新区", "烈士山小区", "东鞍山新村", "学府嘉园",
];

export const LANDMARKS = [
  "二一九公园南门", "胜利广场", "鞍山站站前广场", "玉佛苑停车场", "孟泰公园", "烈士山公园",
  "东山风景区入口", "南沙河桥头", "运粮河边", "杨柳河沿岸", "鞍山西站", "市中心医院门诊楼",
  "十字路口东北角", "公交站台旁", "农贸市场门口", "小学门口", "幼儿园门前", "社区卫生服务中心门口",
  "超市门前", "银行网点门口", "加油站旁", "药店门前", "社区党群服务中心门前", "菜市场后身",
  "3号楼与5号楼之间", "小区东门", "小区南门", "地下通道出口", "过街天桥下", "人行道上",
  "路口西侧", "快递驿站门口", "洗车行旁边", "早市路段", "体育场北门", "老年活动室门前",
];

export const TIMES = [
  "今天上午", "今天下午", "今天中午", "今早七点左右", "今天傍晚", "昨天晚上", "昨晚九点多",
  "近几天", "这两天", "本周以来", "近一周", "每天早上", "每天夜里", "最近半个月",
];

/** Throws when a template has an unknown {placeholder}, an unbalanced brace, or is empty. */
export function checkTemplate(text: string, where: string): void {
  if (text.trim() === "") throw new Error(`empty template in ${where}`);
  const known = new Set<string>(PLACEHOLDERS);
  for (const m of text.matchAll(/\{([^{}]*)\}/gu)) {
    if (!known.has(m[1] ?? "")) throw new Error(`unknown placeholder {${m[1]}} in ${where}: ${text}`);
  }
  if (/[{}]/u.test(text.replace(/\{[^{}]*\}/gu, ""))) throw new Error(`stray brace in ${where}: ${text}`);
}
