// The period of an assessment request: CST calendar days, validated (from ≤ to, at most a leap year
// long), and the previous period of equal length it is compared with.
import { dayNumber, type Period, previousPeriod } from "@civicgrid/domain";
import { AppError } from "../errors.ts";

/** A year, leap day included: the longest period one request may cover. */
export const MAX_PERIOD_DAYS = 366;
const CST_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

export interface Periods {
  current: Period;
  previous: Period;
}

/** The CST calendar day of an instant. */
export function cstDay(at: Date): string {
  return new Date(at.getTime() + CST_MS).toISOString().slice(0, 10);
}

/** 00:00 CST of a day: the instant a period starts. */
export function startOf(day: string): Date {
  return new Date(`${day}T00:00:00+08:00`);
}

/** 00:00 CST of the day after: where a period ends (exclusive). */
export function endOf(day: string): Date {
  return new Date(startOf(day).getTime() + DAY_MS);
}

/**
 * The requested period; by default the current month up to today. 400 PERIOD_INVALID when a date is
 * not a real day, from is after to, or the span is longer than MAX_PERIOD_DAYS.
 */
export function periodsOf(query: { from?: string; to?: string }, now: Date): Periods {
  const today = cstDay(now);
  const to = query.to ?? today;
  const from = query.from ?? (query.to ? `${to.slice(0, 8)}01` : `${today.slice(0, 8)}01`);
  const a = dayNumber(from);
  const b = dayNumber(to);
  if (a === null || b === null || a > b || b - a + 1 > MAX_PERIOD_DAYS) {
    throw new AppError("PERIOD_INVALID", { from, to, maxDays: MAX_PERIOD_DAYS });
  }
  const current = { from, to };
  return { current, previous: previousPeriod(current) };
}

/** Both periods as one range of days, for a single query over the rollup. */
export function spanOf({ current, previous }: Periods): Period {
  return { from: previous.from, to: current.to };
}
