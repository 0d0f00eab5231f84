// The assessment API's shapes (GET /assessment/areas|units|people) and what each table shows.

export type FigureKey =
  | "reported"
  | "registered"
  | "dispatched"
  | "accurateDispatches"
  | "handled"
  | "closed"
  | "open"
  | "overdue"
  | "evaluated"
  | "found"
  | "resolved"
  | "resolvedRate"
  | "closureRate"
  | "onTimeClosureRate"
  | "onTimeHandlingRate"
  | "reworkRate"
  | "accurateDispatchRate"
  | "responseRate"
  | "resolutionRate"
  | "satisfactionRate"
  | "avgHandlingDays"
  | "patrols"
  | "reportsDuringPatrols"
  | "reportsPerPatrol"
  | "patrolCoverage"
  | "feedbacks"
  | "cases";

export interface RankingRow {
  rank: number | null;
  code: string;
  name: string;
  kind: string;
  context: string | null;
  hasChildren: boolean;
  figures: Partial<Record<FigureKey, number | null>>;
  change: Partial<Record<FigureKey, number | null>>;
}

export interface Period {
  from: string;
  to: string;
}

export interface RankingPage {
  items: RankingRow[];
  total: number;
  page: number;
  pageSize: number;
  period: Period;
  previous: Period;
  sort: FigureKey;
  order: "asc" | "desc";
  /** areas only */
  level?: AreaLevel;
  parent?: { code: string; name: string; level: string };
  summary?: RankingRow;
}

export type AreaLevel = "district" | "township" | "community" | "grid";
export const AREA_LEVELS: readonly AreaLevel[] = ["district", "township", "community", "grid"];
export type TabKey = AreaLevel | "units" | "grid_worker" | "handler";

const RATES: readonly FigureKey[] = [
  "resolvedRate",
  "closureRate",
  "onTimeClosureRate",
  "onTimeHandlingRate",
  "reworkRate",
  "accurateDispatchRate",
  "responseRate",
  "resolutionRate",
  "satisfactionRate",
  "patrolCoverage",
];

export type FigureKind = "rate" | "count" | "days" | "ratio";

export function kindOf(key: FigureKey): FigureKind {
  if (RATES.includes(key)) return "rate";
  if (key === "avgHandlingDays") return "days";
  if (key === "reportsPerPatrol") return "ratio";
  return "count";
}

/** Less is better: a fall is good news. */
export const LOWER_IS_BETTER: readonly FigureKey[] = ["reworkRate", "avgHandlingDays", "overdue", "open"];

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
  "resolvedRate",
];

/** The columns of each table (the server's XLSX has the same ones, see assessment/labels.ts). */
export function figuresOf(tab: TabKey): readonly FigureKey[] {
  if (tab === "grid_worker") {
    return [
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
    ];
  }
  if (tab === "handler") {
    return [
      "feedbacks",
      "cases",
      "closed",
      "onTimeHandlingRate",
      "reworkRate",
      "avgHandlingDays",
      "evaluated",
      "resolutionRate",
      "satisfactionRate",
    ];
  }
  return AREA_FIGURES;
}
