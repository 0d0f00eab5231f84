// Assessment periods: inclusive ranges of CST calendar days ('YYYY-MM-DD'), the previous period of
// equal length, and the change of every indicator from one to the other.
import {
  INDICATOR_KEYS,
  INDICATOR_KINDS,
  type IndicatorKey,
  type IndicatorKind,
  type Indicators,
} from "./indicators.ts";

export interface Period {
  /** first day, inclusive */
  from: string;
  /** last day, inclusive */
  to: string;
}

const DAY_MS = 86_400_000;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH_RE = /^(\d{4})-(\d{2})$/;

/** Day number of a strict 'YYYY-MM-DD' (days since 1970-01-01), or null if it is no real date. */
export function dayNumber(value: string): number | null {
  const m = DATE_RE.exec(value);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const utc = Date.UTC(y, mo - 1, d);
  const check = new Date(utc);
  // Date.UTC silently rolls 2025-02-30 over into March: the round trip catches it
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return null;
  return utc / DAY_MS;
}

export function dayString(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Days in the period, both ends included (1 for a single day). */
export function periodLength(p: Period): number {
  const from = dayNumber(p.from);
  const to = dayNumber(p.to);
  if (from === null || to === null) throw new RangeError(`invalid period ${p.from}..${p.to}`);
  return to - from + 1;
}

/** The period of equal length that ends the day before this one starts. */
export function previousPeriod(p: Period): Period {
  const from = dayNumber(p.from) as number;
  const length = periodLength(p);
  return { from: dayString(from - length), to: dayString(from - 1) };
}

/** A calendar month 'YYYY-MM' as a period, or null if it is no real month. */
export function monthPeriod(month: string): Period | null {
  const m = MONTH_RE.exec(month);
  if (!m) return null;
  const [y, mo] = [Number(m[1]), Number(m[2])];
  if (mo < 1 || mo > 12) return null;
  const first = Date.UTC(y, mo - 1, 1) / DAY_MS;
  const next = Date.UTC(y, mo, 1) / DAY_MS;
  return { from: dayString(first), to: dayString(next - 1) };
}

/**
 * The change of each indicator against the previous period: percentage points for rates, per cent
 * of the previous value for counts, days for the handling time. Null where either side has no value
 * (a rate with nothing to measure) or a count grows from zero (no percentage of nothing).
 */
export type IndicatorChange = Record<IndicatorKey, number | null>;

/** What a figure measures, for its change: an indicator's kind, or a plain ratio (e.g. reports per patrol). */
export type MeasureKind = IndicatorKind | "ratio";

/** The change of one figure; see IndicatorChange. */
export function changeOf(kind: MeasureKind, current: number | null, previous: number | null): number | null {
  if (current === null || previous === null) return null;
  switch (kind) {
    case "rate":
      return (current - previous) * 100;
    case "count":
      return previous === 0 ? null : ((current - previous) / previous) * 100;
    case "days":
    case "ratio":
      return current - previous;
  }
}

export function changeBetween(current: Indicators, previous: Indicators): IndicatorChange {
  const out = {} as IndicatorChange;
  for (const key of INDICATOR_KEYS) out[key] = changeOf(INDICATOR_KINDS[key], current[key], previous[key]);
  return out;
}
