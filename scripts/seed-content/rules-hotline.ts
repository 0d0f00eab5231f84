// Responsibility rules (权责清单) for the 3-level hotline taxonomy. Each rule is a pattern over
// the path "l1/l2/l3"; the first match wins. Following 接诉即办 practice, tickets about living
// conditions in one place (residential compounds, property services, neighbourhood sanitation,
// village affairs, mediation) go to the township centre (属地); tickets needing a licence holder's
// power (enforcement, permits, benefits) go to the department. Consultations get 1–3 days,
// complaints 5, investigations 10, land/demolition/compensation matters 15.

import type { DivisionLevel, HandlerKind } from "@civicgrid/shared";
import type { Assignment } from "./rules-gbt.ts";

type Rule = [pattern: RegExp, handler: HandlerKind, level: DivisionLevel, days: number, label: string];

const T = "territorial";

export const HOTLINE_RULES: Rule[] = [
  // A level-1 "其他/其他" ticket names no matter: the township of the place takes it first (首接负责).
  [/^[^/]+\/其他\/其他$/u, T, "township", 5, "属地-首接兜底"],
  // 城乡建设
  [/^城乡建设\/安全生产\/事故处理/u, "emergency", "district", 5, "应急-事故"],
  [/^城乡建设\/安全生产\//u, "emergency", "district", 5, "应急-安全生产"],
  [/市政管理\/冬季采暖/u, "heating", "city", 2, "供暖"],
  [/市政管理\/燃气供应/u, "gas", "city", 2, "燃气供应"],
  [/市政管理\/电力供应/u, "power", "city", 2, "电力供应"],
  [/市政管理\/自来水供应/u, "water", "district", 2, "自来水供应"],
  [/市政管理\/(公共汽车|地铁城铁)/u, "transport", "city", 5, "公交"],
  // 城管执法 has been moved down to the townships under dual management (article, section 6).
  [/市政管理\/城管执法/u, T, "township", 5, "属地-街道综合执法"],
  [/市政管理\/(园林绿化|公园管理)/u, "landscaping", "district", 5, "园林绿化"],
  [/市政管理\/(基础设施|城市公共设施)/u, "housing", "district", 5, "市政设施"],
  [/市政管理\/(小区管理|居民服务设施)/u, T, "community", 5, "属地-小区"],
  [/市政管理\/(环境卫生|园林绿化环卫|其他)/u, T, "township", 3, "属地-环境卫生"],
  [/城乡规划\/违章建筑/u, "urban_management", "district", 15, "违法建设"],
  [/^城乡建设\/城乡规划\//u, "natural_resources", "district", 10, "规划"],
  [/^城乡建设\/村镇建设\//u, T, "township", 10, "属地-村镇建设"],
  [/^城乡建设\/工程质量\//u, "housing", "district", 10, "工程质量"],
  [/^城乡建设\/集体土地上房屋拆迁与补偿\//u, T, "township", 15, "属地-村集体拆迁"],
  [/房屋征收与补偿|房屋拆迁与补偿/u, "housing", "district", 15, "征收拆迁"],
  [/^城乡建设\/建筑市场\/拖欠工程款/u, "human_resources", "district", 10, "欠薪-工程款"],
  [/^城乡建设\/建筑市场\//u, "housing", "district", 10, "建筑市场"],
  [/住房公积金/u, "housing", "city", 3, "公积金"],
  [/住房保障与房地产\/物业服务/u, T, "community", 5, "属地-物业"],
  [/住房保障与房地产\/(修缮装修|房屋租赁)/u, T, "community", 5, "属地-房屋使用"],
  [/住房保障与房地产\/(住房困难|保障性住房)/u, T, "township", 10, "属地-住房保障受理"],
  [/^城乡建设\/住房保障与房地产\/(房产证登记、办理|产权交易)/u, "natural_resources", "city", 10, "不动产登记"],
  [/^城乡建设\/住房保障与房地产\//u, "housing", "district", 5, "住房保障"],
  [/^城乡建设\/其他\//u, T, "township", 5, "属地-兜底"],
  // 党务政务: the centres run together with the 党群服务中心 (article), so the township receives them.
  [/^党务政务\/宣传舆论\/互联网信息监管/u, "telecom", "city", 5, "网信"],
  [/^党务政务\/宣传舆论\/(广播影视管理|出版管理|新闻管理)/u, "culture_tourism", "city", 5, "广电出版"],
  [/^党务政务\/(港澳台侨|国防外交)\//u, "civil_affairs", "city", 5, "外事侨务"],
  [/^党务政务\/民族宗教\//u, "civil_affairs", "district", 5, "民族宗教"],
  [/^党务政务\//u, T, "township", 5, "属地-党群服务"],
  // 国土资源
  [/^国土资源\/海洋气象地震\//u, "emergency", "city", 3, "气象地震"],
  [/^国土资源\/土地资源管理\/土地权属纠纷/u, T, "township", 15, "属地-权属调处"],
  [/^国土资源\/土地资源管理\/耕地保护/u, T, "township", 10, "属地-田长制巡查"],
  [/^国土资源\/土地征收\//u, "natural_resources", "district", 15, "土地征收"],
  [/^国土资源\//u, "natural_resources", "district", 10, "国土资源"],
  // 环境保护
  [/^环境保护\/环境污染\/噪音污染/u, "ecology", "district", 5, "噪声"],
  [/^环境保护\/环保管理\/污染损害纠纷调解/u, T, "township", 10, "属地-污染纠纷调解"],
  [/^环境保护\/环境污染\/固体污染/u, T, "township", 5, "属地-垃圾乱倒"],
  [/^环境保护\//u, "ecology", "district", 10, "生态环境"],
  // 纪检监察: received by the township centre and passed to the discipline inspection body.
  [/^纪检监察\//u, T, "township", 15, "属地-纪检转办"],
  // 交通运输
  [/^交通运输\//u, "transport", "city", 5, "交通运输"],
  // 经济管理
  [/^经济管理\/安全生产\//u, "emergency", "district", 5, "安全生产"],
  [/金融财税\/(集资融资|非法经济活动)/u, "police", "district", 10, "非法集资"],
  [/^经济管理\/(国资监管|企业破产)\//u, "human_resources", "city", 10, "改制破产职工"],
  [/^经济管理\/能源管理\//u, "power", "city", 5, "能源"],
  [/^经济管理\//u, "market", "city", 5, "经济管理"],
  // 科技与信息产业
  [/^科技与信息产业\/知识产权\//u, "market", "city", 10, "知识产权"],
  [/^科技与信息产业\//u, "telecom", "city", 5, "通信信息"],
  // 民政
  [/^民政\/基层选举和社区建设\//u, T, "township", 5, "属地-社区建设"],
  [/^民政\/社会救助\//u, T, "township", 10, "属地-救助受理"],
  [/^民政\/福利慈善\/福利事业/u, T, "township", 5, "属地-高龄津贴受理"],
  [/^民政\/(区划地名\/边界纠纷|救灾募捐\/救灾管理)/u, T, "township", 10, "属地-边界救灾"],
  [/^民政\/(复退安置|优抚)\//u, "civil_affairs", "district", 10, "退役优抚"],
  [/^民政\//u, "civil_affairs", "district", 5, "民政"],
  // 农村农业
  [/^农村农业\/(村务管理|土地承包经营)\//u, T, "township", 10, "属地-村务"],
  [/^农村农业\/其他\/农村“八大员”问题/u, T, "township", 10, "属地-村务"],
  [/^农村农业\/水利水电\/水事纠纷/u, T, "township", 10, "属地-水事调处"],
  [/^农村农业\/(惠农补贴|扶贫开发)\//u, T, "township", 10, "属地-补贴核实发放"],
  [/^农村农业\/(水利水电|水库移民)\//u, "water", "district", 10, "水利"],
  [/^农村农业\/林业管理\/森林防火/u, "emergency", "district", 2, "森林防火"],
  [/^农村农业\/林业管理\/林权改革及权属纠纷/u, T, "township", 15, "属地-林权调处"],
  [/^农村农业\/(林业管理|草原草场|野生资源管理)\//u, "natural_resources", "district", 10, "林草"],
  [/^农村农业\//u, "agriculture", "district", 5, "农业农村"],
  // 商贸旅游
  [/^商贸旅游\/旅游管理\//u, "culture_tourism", "district", 5, "旅游"],
  [/^商贸旅游\//u, "market", "district", 5, "市场监管"],
  // 卫生计生
  [/^卫生计生\/食品药品监管\//u, "market", "district", 5, "食品药品"],
  [
    /^卫生计生\/人口计生\/(计划生育服务管理|独生子女父母奖励政策|失独家庭|人口政策|其他)/u,
    T,
    "community",
    3,
    "属地-计生服务",
  ],
  [/^卫生计生\/医患纠纷\//u, "health", "district", 10, "医患纠纷"],
  [/^卫生计生\//u, "health", "district", 5, "卫生健康"],
  // 政法: the township 司法所 does legal aid, mediation and community correction.
  // Neighbour disputes: the community mediation committee (人民调解委员会) in the station.
  [/^政法\/仲裁与调解\/司法调解/u, T, "community", 5, "属地-人民调解"],
  [/^政法\/仲裁与调解\/(劳动仲裁|人事仲裁)/u, "human_resources", "district", 10, "劳动人事仲裁"],
  [/^政法\/(法律服务|法制建设|行政复议|诉讼|仲裁与调解)\//u, T, "township", 5, "属地-司法所"],
  [/^政法\/刑罚执行\/社区矫正/u, T, "township", 5, "属地-社区矫正"],
  [/^政法\/户籍证件\/流动人口管理/u, T, "community", 3, "属地-流动人口登记"],
  [/^政法\/社会治安\/消防安全/u, "emergency", "district", 2, "消防安全"],
  [/^政法\/交通管理\//u, "police", "city", 5, "交警"],
  [/^政法\//u, "police", "district", 5, "公安"],
  // 教育文体
  [/^教育文体\/失学辍学\//u, T, "township", 10, "属地-控辍保学"],
  [/^教育文体\/(体育|文化|文物管理)\//u, "culture_tourism", "district", 5, "文体旅"],
  [/^教育文体\//u, "education", "district", 5, "教育"],
  // 劳动和社会保障
  [/城镇居民社会保险\/|就业培训\/就业和再就业/u, T, "township", 3, "属地-劳动保障所"],
  [/工资福利\/工资发放|劳动关系\/农民工权益/u, "human_resources", "district", 5, "欠薪"],
  [/^劳动和社会保障\//u, "human_resources", "district", 5, "人社"],
];

/** Consultation-like leaves (policy questions) get a shorter limit. */
const CONSULT = /政策|标准|改革|立法|申报|宣传/u;

export function assignHotline(l1: string, l2: string, l3: string): Assignment {
  const path = `${l1}/${l2}/${l3}`;
  for (const [pattern, handler, level, days, rule] of HOTLINE_RULES) {
    if (!pattern.test(path)) continue;
    const limit = CONSULT.test(l3) && days > 3 && days < 15 ? 3 : days;
    return { handler, level, days: limit, rule };
  }
  throw new Error(`no hotline rule for ${path}`);
}
