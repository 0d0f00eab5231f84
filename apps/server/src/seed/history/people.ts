// Made-up reporters for hotline, web and app cases: plausible names and mobile numbers, never real
// people (the numbers are random, and the UI masks them anyway).
import type { Rng } from "./random.ts";

const SURNAMES = [
  ..."王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严武戴孔",
];
const GIVEN = [..."伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏辉建国志文斌宇浩凯丹晶琳雪梅春海波宁颖晨"];
const MOBILE_PREFIXES = [
  "130",
  "131",
  "132",
  "133",
  "134",
  "135",
  "136",
  "137",
  "138",
  "139",
  "150",
  "151",
  "152",
  "155",
  "156",
  "157",
  "158",
  "159",
  "166",
  "177",
  "180",
  "181",
  "182",
  "183",
  "185",
  "186",
  "187",
  "188",
  "189",
  "199",
];

export function reporterName(rng: Rng): string {
  const surname = rng.pick(SURNAMES);
  // 12345 tickets usually record a caller as 张先生 / 李女士
  if (rng.chance(0.65)) return `${surname}${rng.chance(0.5) ? "先生" : "女士"}`;
  return `${surname}${rng.pick(GIVEN)}${rng.chance(0.6) ? rng.pick(GIVEN) : ""}`;
}

/** A full name as a staff list shows it (陈静, 王建国): no 先生/女士. */
export function personName(rng: Rng): string {
  return `${rng.pick(SURNAMES)}${rng.pick(GIVEN)}${rng.chance(0.55) ? rng.pick(GIVEN) : ""}`;
}

export function reporterPhone(rng: Rng): string {
  let digits = "";
  for (let i = 0; i < 8; i++) digits += String(rng.int(10));
  return `${rng.pick(MOBILE_PREFIXES)}${digits}`;
}
