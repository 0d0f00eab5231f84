// Table types: the case rollups of 017_rollups.sql (kept by a trigger on `cases`), read by the big
// screen and the assessment.

/** 017: cohort rollup — every case counted on the day it was reported (Asia/Shanghai), as of now */
export interface CaseRollupTable {
  scope: "city" | "district" | "township" | "community" | "grid" | "unit" | "reporter";
  scope_code: string;
  /** 'YYYY-MM-DD' */
  day: string;
  /** the category's top-level ancestor ('' when none) */
  category_class: string;
  source: string;
  reported: number;
  registered: number;
  dispatched: number;
  dispatches: number;
  returns: number;
  accepted_in_time: number;
  handled: number;
  handled_on_time: number;
  due_to_handle: number;
  reworked: number;
  closed: number;
  closed_on_time: number;
  due_to_close: number;
  open: number;
  overdue_open: number;
  overdue_ever: number;
  evaluated: number;
  satisfied: number;
  basically: number;
  unsatisfied: number;
  solved: number;
  handling_days_sum: number;
  handling_days_n: number;
}

/** 017: case_rollup summed over class and source (the screen's per-day figures) */
export type CaseDayRollupTable = Omit<CaseRollupTable, "category_class" | "source">;

/** 017: open cases now per geographic scope and owning unit ('' before dispatch) */
export interface CaseOpenRollupTable {
  scope: "city" | "district" | "township" | "community" | "grid";
  scope_code: string;
  unit_code: string;
  open: number;
  overdue_open: number;
}

/** 017: closures by the day they happened */
export interface CaseCloseRollupTable {
  scope: CaseRollupTable["scope"];
  scope_code: string;
  day: string;
  closed: number;
}
