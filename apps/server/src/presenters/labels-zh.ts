// Chinese words for statuses and sources in files handed out of the system (exports). The same words
// as the workbench (apps/web/src/i18n/zh.ts), so a spreadsheet reads like the screen it came from.
import type { CaseSource, CaseStatus } from "@civicgrid/shared";

export const STATUS_ZH: Record<CaseStatus, string> = {
  reported: "待立案",
  registered: "待派遣",
  rejected: "不予立案",
  merged: "已并案",
  dispatched: "待签收",
  accepted: "处置中",
  returned: "已退回",
  handled: "待核查",
  closed: "已结案",
  evaluated: "已评价",
};

export const SOURCE_ZH: Record<CaseSource, string> = {
  grid: "网格员上报",
  hotline: "12345热线",
  web: "网上来信",
  app: "移动端",
  media: "媒体曝光",
  open311: "开放接口",
  video: "视频发现",
  superior: "上级交办",
};
