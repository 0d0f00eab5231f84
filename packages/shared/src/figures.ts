// The assessment's figures (综合评价): what each measures, its Chinese and English name, and the
// figures each ranking table shows, in column order. One definition for the workbench's table, the
// server's XLSX export and the monthly PDF. Names follow GLOSSARY.md and docs/indicators.md; the
// formulas live in packages/domain/src/assessment/indicators.ts.

/** count: a number of cases or steps; rate: 0..1; days: working days; ratio: reports per patrol */
export type FigureKind = "count" | "rate" | "days" | "ratio";

export const FIGURES = {
  reported: { kind: "count", zh: "上报数", en: "Reported" },
  registered: { kind: "count", zh: "立案数", en: "Registered" },
  dispatched: { kind: "count", zh: "派遣数", en: "Dispatched" },
  accurateDispatches: { kind: "count", zh: "准确派遣数", en: "Accurate dispatches" },
  handled: { kind: "count", zh: "处置数", en: "Handled" },
  closed: { kind: "count", zh: "结案数", en: "Closed" },
  open: { kind: "count", zh: "在办数", en: "Open" },
  overdue: { kind: "count", zh: "超期数", en: "Overdue" },
  evaluated: { kind: "count", zh: "评价数", en: "Evaluated" },
  found: { kind: "count", zh: "问题发现数", en: "Found" },
  resolved: { kind: "count", zh: "问题解决数", en: "Resolved" },
  resolvedRate: { kind: "rate", zh: "问题解决率", en: "Resolved rate" },
  closureRate: { kind: "rate", zh: "结案率", en: "Closure rate" },
  onTimeClosureRate: { kind: "rate", zh: "按期结案率", en: "On-time closure" },
  onTimeHandlingRate: { kind: "rate", zh: "按期处置率", en: "On-time handling" },
  reworkRate: { kind: "rate", zh: "返工率", en: "Rework rate" },
  accurateDispatchRate: { kind: "rate", zh: "准确派遣率", en: "Accurate dispatch" },
  responseRate: { kind: "rate", zh: "响应率", en: "Response rate" },
  resolutionRate: { kind: "rate", zh: "解决率", en: "Resolution rate" },
  satisfactionRate: { kind: "rate", zh: "满意率", en: "Satisfaction" },
  avgHandlingDays: { kind: "days", zh: "平均处置用时(工作日)", en: "Avg handling (working days)" },
  patrols: { kind: "count", zh: "巡查次数", en: "Patrols" },
  reportsDuringPatrols: { kind: "count", zh: "巡查中上报数", en: "Reports on patrol" },
  reportsPerPatrol: { kind: "ratio", zh: "巡查发现率(件/次)", en: "Reports per patrol" },
  patrolCoverage: { kind: "rate", zh: "网格巡查覆盖率", en: "Patrol coverage" },
  feedbacks: { kind: "count", zh: "处置反馈次数", en: "Feedbacks" },
  cases: { kind: "count", zh: "处置案件数", en: "Cases handled" },
} as const satisfies Record<string, { kind: FigureKind; zh: string; en: string }>;

export type FigureKey = keyof typeof FIGURES;
export const FIGURE_KEYS = Object.keys(FIGURES) as FigureKey[];

/** Less is better: a fall is good news, and a ranking by one of these puts the lowest first. */
export const LOWER_IS_BETTER_FIGURES: readonly FigureKey[] = ["reworkRate", "avgHandlingDays", "overdue", "open"];

/** The ranking tables: areas (any level), units, and the two kinds of people. */
export type AssessmentTable = "areas" | "units" | "grid_worker" | "handler";

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
export const TABLE_FIGURES: Readonly<Record<AssessmentTable, readonly FigureKey[]>> = {
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

/** What a ranking row is (an area level, a unit type, a kind of person), in both languages. */
export const SUBJECT_KINDS: Readonly<Record<string, { zh: string; en: string }>> = {
  city: { zh: "市", en: "City" },
  district: { zh: "区县", en: "District" },
  township: { zh: "街道乡镇", en: "Township" },
  community: { zh: "社区村", en: "Community" },
  grid: { zh: "网格", en: "Grid" },
  department: { zh: "职能部门", en: "Department" },
  community_station: { zh: "社区工作站", en: "Community station" },
  township_centre: { zh: "街道中心", en: "Township centre" },
  district_centre: { zh: "区县中心", en: "District centre" },
  city_centre: { zh: "市中心", en: "City centre" },
  hotline: { zh: "12345热线", en: "12345 hotline" },
  grid_worker: { zh: "网格员", en: "Grid worker" },
  handler: { zh: "处置人员", en: "Handler" },
};
