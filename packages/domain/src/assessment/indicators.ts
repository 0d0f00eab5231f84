// The assessment indicators (综合评价) computed from summed rollup counts. Pure arithmetic, shared by
// the big screen and the assessment pages, so both show the same figure for the same period.
//
// Cohort convention: every count describes the cases REPORTED in the period (by their report day,
// Asia/Shanghai), measured as they stand now. docs/indicators.md spells out each formula.
import { LOWER_IS_BETTER_FIGURES } from "@civicgrid/shared";

/** One row of the case rollup (or a sum of rows), camelCase of its columns. */
export interface IndicatorCounts {
  reported: number;
  registered: number;
  dispatched: number;
  /** dispatched + returns: every dispatch, the redispatches after a return included */
  dispatches: number;
  returns: number;
  acceptedInTime: number;
  handled: number;
  handledOnTime: number;
  dueToHandle: number;
  reworked: number;
  closed: number;
  closedOnTime: number;
  dueToClose: number;
  open: number;
  overdueOpen: number;
  overdueEver: number;
  evaluated: number;
  satisfied: number;
  basically: number;
  unsatisfied: number;
  solved: number;
  /** working days from the latest dispatch to the feedback, summed over the cases that have them */
  handlingDaysSum: number;
  handlingDaysN: number;
}

export const COUNT_KEYS = [
  "reported",
  "registered",
  "dispatched",
  "dispatches",
  "returns",
  "acceptedInTime",
  "handled",
  "handledOnTime",
  "dueToHandle",
  "reworked",
  "closed",
  "closedOnTime",
  "dueToClose",
  "open",
  "overdueOpen",
  "overdueEver",
  "evaluated",
  "satisfied",
  "basically",
  "unsatisfied",
  "solved",
  "handlingDaysSum",
  "handlingDaysN",
] as const satisfies readonly (keyof IndicatorCounts)[];

export function emptyCounts(): IndicatorCounts {
  const out = {} as IndicatorCounts;
  for (const k of COUNT_KEYS) out[k] = 0;
  return out;
}

/** Sum of any number of count rows (a period is the sum of its days). */
export function addCounts(...rows: readonly IndicatorCounts[]): IndicatorCounts {
  const out = emptyCounts();
  for (const row of rows) for (const k of COUNT_KEYS) out[k] += row[k];
  return out;
}

/** The figures of an area, unit or person over a period; rates are 0..1, null when undefined. */
export interface Indicators {
  reported: number;
  registered: number;
  dispatched: number;
  /** dispatches that were not returned (准确派遣数) */
  accurateDispatches: number;
  handled: number;
  closed: number;
  open: number;
  /** open cases past their deadline now (超期数) */
  overdue: number;
  evaluated: number;
  /** the article's 问题发现数: every problem reported in the period, whatever the channel */
  found: number;
  /** the article's 问题解决数: found problems settled now — closed, or ended at intake (unfounded, duplicate) */
  resolved: number;
  /**
   * 问题解决率 = resolved ÷ problems due: found minus those still open within their time limit (not
   * yet due either way), i.e. resolved ÷ (resolved + open past the deadline)
   */
  resolvedRate: number | null;
  /** 结案率 = closed ÷ registered */
  closureRate: number | null;
  /** 按期结案率 = closed on time ÷ due to close */
  onTimeClosureRate: number | null;
  /** 按期处置率 = handled on time ÷ due to handle */
  onTimeHandlingRate: number | null;
  /** 返工率 = cases with ≥ 1 failed verification ÷ handled */
  reworkRate: number | null;
  /** 准确派遣率 = (dispatches − returns) ÷ dispatches */
  accurateDispatchRate: number | null;
  /** 响应率 = accepted within the response limit ÷ dispatched */
  responseRate: number | null;
  /** 解决率 = rated as solved ÷ evaluated */
  resolutionRate: number | null;
  /** 满意率 = (satisfied + basically) ÷ evaluated */
  satisfactionRate: number | null;
  /** 平均处置用时 (working days, dispatch → feedback) */
  avgHandlingDays: number | null;
}

export type IndicatorKey = keyof Indicators;
export type IndicatorKind = "count" | "rate" | "days";

/** What each indicator measures: drives the period-over-period change and the display. */
export const INDICATOR_KINDS: Readonly<Record<IndicatorKey, IndicatorKind>> = {
  reported: "count",
  registered: "count",
  dispatched: "count",
  accurateDispatches: "count",
  handled: "count",
  closed: "count",
  open: "count",
  overdue: "count",
  evaluated: "count",
  found: "count",
  resolved: "count",
  resolvedRate: "rate",
  closureRate: "rate",
  onTimeClosureRate: "rate",
  onTimeHandlingRate: "rate",
  reworkRate: "rate",
  accurateDispatchRate: "rate",
  responseRate: "rate",
  resolutionRate: "rate",
  satisfactionRate: "rate",
  avgHandlingDays: "days",
};

export const INDICATOR_KEYS = Object.keys(INDICATOR_KINDS) as IndicatorKey[];

/** Indicators where less is better (@civicgrid/shared's list): rankings put the lowest first. */
export const LOWER_IS_BETTER: ReadonlySet<IndicatorKey> = new Set(
  LOWER_IS_BETTER_FIGURES.filter((k): k is IndicatorKey => k in INDICATOR_KINDS),
);

/** n ÷ d, or null when nothing was there to measure (never NaN or Infinity). */
export function ratio(n: number, d: number): number | null {
  return d > 0 ? n / d : null;
}

export function computeIndicators(c: IndicatorCounts): Indicators {
  const found = c.reported;
  const resolved = c.reported - c.open;
  return {
    reported: c.reported,
    registered: c.registered,
    dispatched: c.dispatched,
    accurateDispatches: c.dispatches - c.returns,
    handled: c.handled,
    closed: c.closed,
    open: c.open,
    overdue: c.overdueOpen,
    evaluated: c.evaluated,
    found,
    resolved,
    resolvedRate: ratio(resolved, resolved + c.overdueOpen),
    closureRate: ratio(c.closed, c.registered),
    onTimeClosureRate: ratio(c.closedOnTime, c.dueToClose),
    onTimeHandlingRate: ratio(c.handledOnTime, c.dueToHandle),
    reworkRate: ratio(c.reworked, c.handled),
    accurateDispatchRate: ratio(c.dispatches - c.returns, c.dispatches),
    responseRate: ratio(c.acceptedInTime, c.dispatched),
    resolutionRate: ratio(c.solved, c.evaluated),
    satisfactionRate: ratio(c.satisfied + c.basically, c.evaluated),
    avgHandlingDays: ratio(c.handlingDaysSum, c.handlingDaysN),
  };
}
