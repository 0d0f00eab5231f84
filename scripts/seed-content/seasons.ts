// Seasonal multipliers (Jan..Dec) per family of categories, and relative frequency weights.
// Anshan: heating season 1 Nov – 31 Mar (pipes filled and tested in October), rain in July and
// August, snow November to March, construction stops over the winter, spring dust and clean-up.

export const SEASONAL: Record<string, number[]> = {
  flat: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1],
  heating: [2.3, 1.9, 1.3, 0.4, 0.1, 0.05, 0.05, 0.05, 0.15, 0.9, 2.5, 2.4],
  frozen: [2.6, 2.0, 0.8, 0.2, 0.1, 0.1, 0.1, 0.1, 0.1, 0.3, 1.2, 2.4],
  water_supply: [1.6, 1.4, 1.0, 0.8, 0.8, 0.9, 1.1, 1.1, 0.9, 0.8, 1.0, 1.5],
  snow: [2.8, 2.2, 1.1, 0.15, 0, 0, 0, 0, 0, 0.1, 1.6, 2.9],
  flood: [0.2, 0.2, 0.4, 0.6, 0.9, 1.5, 3.0, 2.8, 1.2, 0.6, 0.3, 0.2],
  dust: [0.6, 0.8, 1.6, 1.9, 1.5, 1.0, 0.8, 0.8, 0.9, 1.1, 0.8, 0.6],
  garbage: [0.8, 1.0, 1.4, 1.5, 1.3, 1.1, 1.1, 1.1, 1.0, 1.0, 0.9, 0.8],
  construction: [0.2, 0.3, 0.9, 1.4, 1.5, 1.5, 1.3, 1.3, 1.4, 1.3, 0.7, 0.2],
  street_trade: [0.4, 0.5, 0.8, 1.1, 1.4, 1.6, 1.7, 1.6, 1.3, 1.0, 0.6, 0.4],
  noise: [0.7, 0.8, 0.9, 1.0, 1.2, 1.3, 1.4, 1.3, 1.1, 1.0, 0.7, 0.6],
  greening: [0.3, 0.3, 0.8, 1.4, 1.6, 1.6, 1.7, 1.5, 1.2, 1.0, 0.5, 0.3],
  burning: [0.6, 0.5, 1.6, 1.9, 0.8, 0.5, 0.5, 0.5, 0.8, 1.6, 1.8, 0.7],
  lighting: [1.3, 1.2, 1.0, 0.9, 0.8, 0.7, 0.7, 0.8, 0.9, 1.1, 1.3, 1.4],
  power: [1.1, 1.0, 0.8, 0.8, 0.9, 1.3, 1.6, 1.5, 1.0, 0.8, 0.9, 1.1],
  wages: [2.0, 1.6, 0.8, 0.8, 0.8, 0.9, 0.9, 0.8, 0.9, 0.9, 1.2, 2.4],
  education: [0.7, 1.2, 1.3, 0.9, 1.0, 1.4, 1.5, 1.6, 1.7, 0.8, 0.7, 0.6],
  tourism: [0.6, 0.9, 0.8, 1.2, 1.6, 1.1, 1.3, 1.3, 1.1, 1.6, 0.6, 0.5],
  festival: [1.8, 2.0, 0.7, 0.5, 0.6, 0.6, 0.6, 0.6, 1.0, 1.9, 0.7, 1.0],
};

/** First match wins; tested against the category name (hotline: "l1/l2/l3"). */
const SEASON_RULES: [RegExp, string][] = [
  [/采暖|供热|热力/u, "heating"],
  [/供水器|水鹤|水井/u, "frozen"],
  [/自来水供应/u, "water_supply"],
  [/积雪|结冰/u, "snow"],
  [/雨水|排水|防汛|泵站|雨污水|箅子|堤岸|河道|水域|地下通道|铁路桥涵|立交桥/u, "flood"],
  [/扬尘|道路不洁|道路遗撒|积存垃圾渣土|大气污染/u, "dust"],
  [/焚烧/u, "burning"],
  [/施工|工地|渣土|掘路|预埋件|无证建设|车轮夹带|高空悬吊|工程款/u, "construction"],
  [/垃圾|暴露|乱堆|废弃家具|动物尸体|环境卫生|公共厕所|化粪池|固体污染/u, "garbage"],
  [/占道经营|店外经营|露天烧烤|游商|早（夜）市|占道洗车|占道促销|油烟|无证餐饮|城管执法/u, "street_trade"],
  [/噪声|噪音|扰民/u, "noise"],
  [/树|绿地|绿化|病虫害|公园|花架|喷泉|林地/u, "greening"],
  [/路灯|地灯|景观灯|配电箱/u, "lighting"],
  [/电力|变压器|高压线|电力供应|充电桩/u, "power"],
  [/工资发放|农民工|劳动合同|劳务派遣/u, "wages"],
  [/考试招生|教育收费|教育行政管理|教育体制|失学辍学/u, "education"],
  [/景区|旅游/u, "tourism"],
  [/节庆|彩旗/u, "festival"],
];

export function seasonOf(text: string): string {
  for (const [re, family] of SEASON_RULES) if (re.test(text)) return family;
  return "flat";
}

/** Relative weights of GB/T objects and matters (by name; a matter mirroring a component is
 *  matched by its object name and gets half the component's weight). Unlisted names weigh 1–2. */
export const GBT_WEIGHTS: [RegExp, number][] = [
  [/^暴露垃圾$/u, 160],
  [/^乱堆杂物$/u, 140],
  [/^占道经营$/u, 120],
  [/^道路破损$/u, 90],
  [/^非法小广告$/u, 80],
  [/^路灯$/u, 70],
  [/^积存垃圾渣土$/u, 60],
  [/^机动车乱停放$/u, 60],
  [/^店外经营$/u, 60],
  [/^噪声扰民$/u, 50],
  [/^道路不洁$/u, 50],
  [/^垃圾站（箱）满溢$/u, 50],
  [/^(供水|污水|雨水)井盖$/u, 35],
  [/^私搭乱建$/u, 40],
  [/^道路积雪、结冰$/u, 40],
  [/^无照经营游商$/u, 30],
  [/^行道树$/u, 28],
  [/^垃圾箱$/u, 25],
  [/^雨水箅子$/u, 22],
  [/^(施工扰民|工地扬尘|露天烧烤|非机动车乱停放)$/u, 25],
  [/^(油烟污染|占用消防通道|废弃家具设备|绿地脏乱)$/u, 20],
  [/^(私设地锁、阻车桩|垃圾未分类|道路遗撒（洒）|施工占道|绿地)$/u, 15],
  [
    /^(热力井盖|化粪池井盖|公共厕所|交通信号灯|沿街晾挂|焚烧垃圾、树叶|废弃车辆|早（夜）市管理问题|共享单车乱象|违规户外广告|街头散发广告)$/u,
    10,
  ],
  [
    /^(景观灯|交通标志牌及标线|交通护栏|公交站设施|户外健身设施|户外广告|牌匾标识|垃圾间（楼）|树池树穴|施工废弃料|渣土运输车辆未安装密闭装置|施工工地车轮夹带|违规牌匾标识|非法占绿毁绿|乱倒乱排污水、废水)$/u,
    8,
  ],
  [
    /^(电力井盖|通信井盖|燃气井盖|不明井盖|消防设施|施工工地围挡问题|病虫害|动物尸体|废品收购乱象|占道洗车|占道促销宣传|盲道缺损|路缘石缺损|交通标线不清晰|无证餐饮|农贸市场秩序问题|公用电梯)$/u,
    6,
  ],
  [
    /^(绿地护栏|街头座椅|门（楼号）牌|露天供热管道|流浪乞讨|擅自饲养家禽家畜|空调室外机低挂|违章接坡|台阶破损|河道污染|非法伐树)$/u,
    4,
  ],
  [
    /^(路名牌|减速带|无障碍设施|停车场|变压器（箱）|电力设施|通信交接箱|监控电子眼设施|充电桩|宣传栏|路灯配电箱|水域不洁)$/u,
    3,
  ],
];

export function gbtWeight(objectName: string, isMirror: boolean): number {
  let w = 2;
  for (const [re, weight] of GBT_WEIGHTS) {
    if (re.test(objectName)) {
      w = weight;
      break;
    }
  }
  return isMirror ? Math.max(1, Math.round(w / 2)) : w;
}
