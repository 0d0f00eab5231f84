// Indicators of a grid worker's patrols (巡查): how many problems each patrol brings in, and how much
// of the worker's own grids the patrols actually walk through.
import { ratio } from "./indicators.ts";

export interface TimeSpan {
  start: number;
  /** null: under way; counts up to `now` */
  end: number | null;
}

/** 巡查发现率: reports made during patrols ÷ patrols. */
export function reportsPerPatrol(reportsDuringPatrols: number, patrols: number): number | null {
  return ratio(reportsDuringPatrols, patrols);
}

/** 网格巡查覆盖率: assigned grids with at least one patrol point inside ÷ grids assigned. */
export function patrolCoverage(patrolledGrids: Iterable<string>, assignedGrids: Iterable<string>): number | null {
  const assigned = new Set(assignedGrids);
  let covered = 0;
  for (const code of new Set(patrolledGrids)) if (assigned.has(code)) covered++;
  return ratio(covered, assigned.size);
}

/** Reports (epoch ms) made while one of the patrols was under way; `now` closes an open patrol. */
export function countReportsDuringPatrols(
  reportTimes: readonly number[],
  patrols: readonly TimeSpan[],
  now: number,
): number {
  const spans = patrols.map((p) => [p.start, p.end ?? now] as const);
  let n = 0;
  for (const t of reportTimes) if (spans.some(([s, e]) => t >= s && t <= e)) n++;
  return n;
}
