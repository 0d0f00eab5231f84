// Responsibility rules (权责清单) for GB/T 47678.5 components and matters.
// Rules are tried in order against the leaf's name (for matters mirroring a component, "异常" is
// stripped first); the first match wins, then the major-class default applies. Editable seed
// data: admins change the list in the platform later.
import type { DivisionLevel, HandlerKind } from "@civicgrid/shared";

export interface Assignment {
  handler: HandlerKind;
  level: DivisionLevel;
  days: number;
  rule: string;
}

type Rule = [pattern: RegExp, handler: HandlerKind, level: DivisionLevel, days: number, label: string];

const T = "territorial";

/** Keyword rules, most specific first. */
export const GBT_RULES: Rule[] = [
  // Manhole covers: 1 working day (a missing or broken cover is a safety hazard), owner by network.
  [/^(供水|污水|雨水|中水)井盖|雨水箅子/u, "water", "district", 1, "井盖-水务"],
  [/^(电力|电缆)井盖/u, "power", "city", 1, "井盖-供电"],
  [/^(通信|电视|网络)井盖/u, "telecom", "city", 1, "井盖-通信"],
  [/^热力井盖/u, "heating", "city", 1, "井盖-供热"],
  [/^燃气井盖/u, "gas", "city", 1, "井盖-燃气"],
  [/^公安井盖/u, "police", "district", 1, "井盖-公安"],
  [/^信号灯电源井盖/u, "police", "city", 1, "井盖-交警"],
  [/^园林井盖/u, "landscaping", "district", 1, "井盖-园林"],
  [/^公交井盖/u, "transport", "city", 1, "井盖-公交"],
  [/^化粪池井盖/u, "housing", "district", 1, "井盖-化粪池"],
  [/^输油（气）井盖/u, "emergency", "district", 1, "井盖-油气管道"],
  [/井盖/u, "urban_management", "district", 1, "井盖-权属不明"],
  // Utilities and networks.
  [/燃气/u, "gas", "city", 1, "燃气设施"],
  [/输油/u, "emergency", "district", 2, "油气管道"],
  [/露天供热管道/u, "heating", "city", 2, "供热管道"],
  [/通信|电话亭/u, "telecom", "city", 5, "通信设施"],
  [/路灯配电箱/u, "urban_management", "district", 2, "路灯配电"],
  [/电力|高压线|变压器|充电桩/u, "power", "city", 3, "电力设施"],
  [/^(水井|供水器|水塔|水鹤|跨河管道|防蚊闸)$/u, "water", "district", 3, "供排水设施"],
  [/堤岸|占用河道/u, "water", "district", 10, "水务-河道堤防"],
  [/防汛|排水泵站|雨污水排放口|水域|沙（河）滩|港监|栈桥/u, "water", "district", 3, "水务-河道防汛"],
  [/消防设施/u, "emergency", "district", 2, "消防设施"],
  [/公用电梯/u, "market", "district", 2, "特种设备"],
  [/综合管廊/u, "housing", "city", 5, "综合管廊"],
  // Lighting.
  [/路灯|地灯|景观灯/u, "urban_management", "district", 3, "照明设施"],
  // Traffic: signals by the traffic police (交警支队, city), other traffic facilities by district 交警大队.
  [/^交通信号灯$|^交通信号设施$/u, "police", "city", 1, "交通信号"],
  [
    /交通标志牌|限高架|交通岗亭|交通护栏|防撞桶|安全岛|人行横道桩|柔性隔离体|道路信息显示屏|交通反视镜|减速带|交通标线/u,
    "police",
    "district",
    5,
    "交通安全设施",
  ],
  [/^机动车乱停放|畜力车|履带车/u, "police", "district", 1, "交警-通行秩序"],
  [/废弃车辆/u, "police", "district", 10, "公安-僵尸车"],
  [/监控电子眼|治安岗亭|紧急报警点|公安指示牌|门（楼号）牌/u, "police", "district", 3, "公安"],
  [/公交|出租车|轨道交通|铁道口|公路隧道|邮筒|快递柜/u, "transport", "city", 5, "交通运输"],
  [/过街天桥|地下通道|立交桥|跨河桥|铁路桥涵/u, "housing", "city", 10, "桥梁隧道"],
  [/边坡/u, "housing", "district", 10, "市政-挡土墙"],
  [/道路隔音屏|沟槽盖板|无障碍(设施|坡道)|盲道|路缘石|台阶破损|^道路破损/u, "housing", "district", 5, "市政道路"],
  [/流浪乞讨/u, "civil_affairs", "district", 1, "民政-救助"],
  [/路名牌|地名牌|救助站/u, "civil_affairs", "district", 5, "民政-地名"],
  [/违规高空悬吊/u, "emergency", "district", 1, "应急-高空作业"],
  [/应急避难/u, "emergency", "district", 5, "应急-标识"],
  [/文物|景区|非法出版物/u, "culture_tourism", "district", 5, "文化旅游"],
  [/车辆加油/u, "emergency", "district", 3, "加油站安全"],
  [/公房地下室|化粪池/u, "housing", "district", 3, "房屋-公房设施"],
  // Environmental monitoring and pollution.
  [/环保监测|污水口监测|污水监测|噪声显示屏|气象监测/u, "ecology", "district", 5, "环境监测"],
  [/施工扰民/u, "ecology", "district", 2, "生态环境-夜间施工"],
  [/非正规垃圾填埋/u, "ecology", "district", 15, "生态环境-填埋场"],
  [/噪声|油烟|河道污染|乱倒乱排污水/u, "ecology", "district", 5, "生态环境"],
  [/医疗废物/u, "health", "district", 1, "医疗废物"],
  // Things the community station (社区网格化工作站) handles itself: tidy-up and persuasion.
  [/暴露垃圾|动物尸体/u, T, "community", 1, "属地-社区清理"],
  [
    /乱堆杂物|积存垃圾渣土|废弃家具|非装饰性吊挂|沿街晾挂|非法小广告|违规标语|垃圾未分类/u,
    T,
    "community",
    2,
    "属地-社区清理",
  ],
  [/占用消防通道|非机动车乱停放/u, T, "community", 1, "属地-社区劝导"],
  [
    /私设地锁|擅自饲养家禽|空调室外机低挂|临街阳台|遮阳篷|晒衣架|旧衣物回收箱|宣传栏|公益性宣传品|绿地脏乱|户外健身设施/u,
    T,
    "community",
    3,
    "属地-社区劝导",
  ],
  // Things the township centre (街道综合执法、环卫) handles: law enforcement has been moved down to it.
  [/道路不洁|垃圾站（箱）满溢|道路积雪|焚烧垃圾/u, T, "township", 1, "属地-街道环卫"],
  [/^(垃圾箱|垃圾间（楼）|环卫工具间（箱）|宠物拾便纸箱|烟头收集器或灭烟处)$/u, T, "township", 3, "属地-街道环卫设施"],
  [
    /店外经营|露天烧烤|占道洗车|占道促销|占用无障碍通道|街头散发广告|擅自在临街的建筑物上挂彩旗|节庆装饰物|早（夜）市|废品收购|建筑物外立面污损|违章接坡|管理责任公示牌/u,
    T,
    "township",
    2,
    "属地-街道综合执法",
  ],
  // Greening.
  [/古树名木/u, "landscaping", "city", 3, "古树名木"],
  [/林地/u, "natural_resources", "district", 10, "林地"],
  [/树|绿地|花架|雕塑|座椅|喷泉|高架挂箱|病虫害|绿化弃料|占绿毁绿|公园秩序/u, "landscaping", "district", 5, "园林绿化"],
  // Market supervision.
  [/无照经营/u, "market", "district", 3, "市场监管-无照经营"],
  [/无证餐饮|临街屠宰|农贸市场|自动售货机|自助缴费机|广告语言文字/u, "market", "district", 5, "市场监管"],
  // City management and enforcement (城管执法).
  [
    /占道经营|道路遗撒|渣土运输|车轮夹带|无证掘路|施工占道|占用无障碍通道|共享单车|非机动车停放点|自行车租赁点|存车支架|便道桩/u,
    "urban_management",
    "district",
    2,
    "城管-街面秩序",
  ],
  [/私搭乱建|无证建设/u, "urban_management", "district", 15, "城管-违法建设"],
  [/违章开设道口|违规设置停车场|违规占用桥下空间|擅自架设管线/u, "urban_management", "district", 10, "城管-违规设置"],
  [/户外广告|牌匾标识|店面无证装修/u, "urban_management", "district", 10, "城管-广告牌匾"],
  [
    /公共厕所|公厕指示牌|垃圾间|垃圾箱|环卫工具间|宠物拾便|烟头收集/u,
    "urban_management",
    "district",
    3,
    "城管-环卫设施",
  ],
  [/停车/u, "urban_management", "district", 5, "城管-停车设施"],
  // Construction sites (住建 supervises them).
  [/工地|施工|预埋件/u, "housing", "district", 3, "住建-工地"],
  // Overhead cables.
  [/架空线缆/u, "telecom", "city", 1, "架空线缆"],
];

/** Defaults per GB/T major class when no keyword rule matches. */
const MAJOR_DEFAULTS: Record<string, Assignment> = {
  "01": { handler: "urban_management", level: "district", days: 5, rule: "大类默认-市政公用" },
  "02": { handler: "police", level: "district", days: 5, rule: "大类默认-交通设施" },
  "03": { handler: "urban_management", level: "district", days: 5, rule: "大类默认-市容环卫" },
  "04": { handler: "landscaping", level: "district", days: 5, rule: "大类默认-园林绿化" },
  "05": { handler: "housing", level: "district", days: 5, rule: "大类默认-其他部件" },
  "06": { handler: T, level: "township", days: 3, rule: "大类默认-市容环境" },
  "07": { handler: "urban_management", level: "district", days: 5, rule: "大类默认-宣传广告" },
  "08": { handler: "housing", level: "district", days: 5, rule: "大类默认-施工管理" },
  "09": { handler: "urban_management", level: "district", days: 3, rule: "大类默认-街面秩序" },
  "10": { handler: T, level: "township", days: 2, rule: "大类默认-其他事项" },
};

/** Object name of a leaf: "供水井盖异常" → "供水井盖", "紧急报警点异常SOS" → "紧急报警点". */
export function objectName(name: string): string {
  return name.replace(/异常(SOS)?$/u, "");
}

export function assignGbt(name: string, majorCode: string): Assignment {
  const obj = objectName(name);
  for (const [pattern, handler, level, days, rule] of GBT_RULES) {
    if (pattern.test(obj)) return { handler, level, days, rule };
  }
  const fallback = MAJOR_DEFAULTS[majorCode];
  if (!fallback) throw new Error(`no rule for GB/T ${majorCode} ${name}`);
  return fallback;
}
