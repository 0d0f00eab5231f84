// Chinese names of the figures, units and levels for the XLSX export and the PDF report (the web
// has its own dictionaries). Names follow the glossary (../shared/GLOSSARY.md).
import type { FigureKey } from "./ranking.ts";

export const FIGURE_ZH: Readonly<Record<FigureKey, string>> = {
  reported: "上报数",
  registered: "立案数",
  dispatched: "派遣数",
  accurateDispatches: "准确派遣数",
  handled: "处置数",
  closed: "结案数",
  open: "在办数",
  overdue: "超期数",
  evaluated: "评价数",
  found: "问题发现数",
  resolved: "问题解决数",
  resolvedRate: "问题解决率",
  closureRate: "结案率",
  onTimeClosureRate: "按期结案率",
  onTimeHandlingRate: "按期处置率",
  reworkRate: "返工率",
  accurateDispatchRate: "准确派遣率",
  responseRate: "响应率",
  resolutionRate: "解决率",
  satisfactionRate: "满意率",
  avgHandlingDays: "平均处置用时(工作日)",
  patrols: "巡查次数",
  reportsDuringPatrols: "巡查中上报数",
  reportsPerPatrol: "巡查发现率(件/次)",
  patrolCoverage: "网格巡查覆盖率",
  feedbacks: "处置反馈次数",
  cases: "处置案件数",
};

export const KIND_ZH: Readonly<Record<string, string>> = {
  city: "市",
  district: "区县",
  township: "街道乡镇",
  community: "社区村",
  grid: "网格",
  department: "职能部门",
  community_station: "社区工作站",
  township_centre: "街道中心",
  district_centre: "区县中心",
  city_centre: "市中心",
  hotline: "12345热线",
  grid_worker: "网格员",
  handler: "处置人员",
};

export type TableKind = "areas" | "units" | "grid_worker" | "handler";

const AREA_FIGURES: readonly FigureKey[] = [
  "reported",
  "registered",
  "closed",
  "closureRate",
  "onTimeClosureRate",
  "onTimeHandlingRate",
  "reworkRate",
  "accurateDispatchRate",
  "responseRate",
  "resolutionRate",
  "satisfactionRate",
  "overdue",
  "avgHandlingDays",
  "found",
  "resolved",
  "resolvedRate",
];

/** The figures each table shows (and exports), in column order. */
export const TABLE_FIGURES: Readonly<Record<TableKind, readonly FigureKey[]>> = {
  areas: AREA_FIGURES,
  units: AREA_FIGURES,
  grid_worker: [
    "reported",
    "registered",
    "closed",
    "closureRate",
    "patrols",
    "reportsDuringPatrols",
    "reportsPerPatrol",
    "patrolCoverage",
    "onTimeClosureRate",
    "satisfactionRate",
    "overdue",
  ],
  handler: [
    "feedbacks",
    "cases",
    "closed",
    "onTimeHandlingRate",
    "reworkRate",
    "avgHandlingDays",
    "evaluated",
    "resolutionRate",
    "satisfactionRate",
  ],
};
