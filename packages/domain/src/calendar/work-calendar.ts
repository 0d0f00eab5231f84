// Working-day calendar used by every time limit (SLA) in the platform.
//
// Time limits are counted in working days of 24 hours: time that falls on a non-working day does
// not count. Whether a day is a working day depends on China's public holidays and adjusted
// working days (调休), which change every year; they arrive here as plain data (admin-edited per
// year in the database) so the domain stays pure.
//
// All arithmetic is on epoch milliseconds with a fixed UTC+8 offset (China Standard Time has no
// DST). Local-time Date getters are never used, so results do not depend on the process time zone.

/** Holiday data, dates as 'YYYY-MM-DD' in CST. */
export interface CalendarData {
  /**
   * Days off. Seed data lists every day of each officially announced holiday range, so weekend
   * days inside a range appear here too; listing a weekend day is harmless (it is off anyway).
   */
  holidays: string[];
  /** Adjusted working days (调休): weekend days that are working days. */
  workdays: string[];
}

const DAY_MS = 86_400_000;
/** China Standard Time is UTC+8 all year. */
const CST_OFFSET_MS = 8 * 3_600_000;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Index of the CST calendar day containing the instant (day 0 = 1970-01-01 CST). */
function cstDayIndex(ms: number): number {
  return Math.floor((ms + CST_OFFSET_MS) / DAY_MS);
}

/** Instant of 00:00 CST on the given day index. */
function cstDayStart(day: number): number {
  return day * DAY_MS - CST_OFFSET_MS;
}

/** 0 = Sunday … 6 = Saturday; 1970-01-01 was a Thursday. */
function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** Parses a strict 'YYYY-MM-DD' string to a day index; rejects impossible dates like 2025-02-30. */
function parseDay(value: string, field: string): number {
  const m = DATE_RE.exec(value);
  if (m) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    const d = Number(m[3]);
    const utc = Date.UTC(y, mo - 1, d);
    const check = new Date(utc);
    // Round-trip check catches overflowing days/months, which Date.UTC silently normalises.
    if (check.getUTCFullYear() === y && check.getUTCMonth() === mo - 1 && check.getUTCDate() === d) {
      return utc / DAY_MS;
    }
  }
  throw new RangeError(`WorkCalendar: invalid date ${JSON.stringify(value)} in ${field} (expected YYYY-MM-DD)`);
}

function instantOf(date: Date, name: string): number {
  const ms = date.getTime();
  if (!Number.isFinite(ms)) throw new RangeError(`WorkCalendar: ${name} is an invalid Date`);
  return ms;
}

export class WorkCalendar {
  // Day indices rather than strings: lookups in the hot loops need no formatting.
  readonly #holidays: ReadonlySet<number>;
  readonly #workdays: ReadonlySet<number>;

  /** Throws RangeError on malformed dates or a date listed both as holiday and as workday. */
  constructor(data: CalendarData) {
    const holidays = new Set(data.holidays.map((s) => parseDay(s, "holidays")));
    const workdays = new Set(data.workdays.map((s) => parseDay(s, "workdays")));
    // Contradictory data would silently shift deadlines; fail loudly so the admin fixes it.
    for (const day of workdays) {
      if (holidays.has(day)) {
        const iso = new Date(day * DAY_MS).toISOString().slice(0, 10);
        throw new RangeError(`WorkCalendar: ${iso} is listed both as holiday and as workday`);
      }
    }
    this.#holidays = holidays;
    this.#workdays = workdays;
  }

  /** Whether the CST calendar day of the instant is a working day. */
  isWorkingDay(date: Date): boolean {
    return this.#isWorkingDayIndex(cstDayIndex(instantOf(date, "date")));
  }

  /**
   * The instant after `ms` of working time has elapsed from `from`; time on non-working days is
   * skipped; if `from` is on a non-working day, counting starts at 00:00 CST of the next working
   * day. Returns the earliest such instant, so a limit that exactly fills a working day ends at
   * 24:00 of that day (= 00:00 of the next calendar day, even if that day is not a working day).
   * `ms` is rounded to whole milliseconds and must be finite and >= 0.
   */
  addWorkingTime(from: Date, ms: number): Date {
    if (!Number.isFinite(ms) || ms < 0) {
      throw new RangeError(`WorkCalendar: working time must be a finite number >= 0, got ${ms}`);
    }
    let remaining = Math.round(ms);
    let t = instantOf(from, "from");
    let day = cstDayIndex(t);
    if (!this.#isWorkingDayIndex(day)) {
      day = this.#nextWorkingDay(day);
      t = cstDayStart(day);
    }
    // Per-day stepping: ~1.4 iterations per working day, cheap even for a year-long limit.
    for (;;) {
      const available = cstDayStart(day + 1) - t;
      if (remaining <= available) return new Date(t + remaining);
      remaining -= available;
      day = this.#nextWorkingDay(day);
      t = cstDayStart(day);
    }
  }

  /** = addWorkingTime(from, days * 24h); fractional days allowed. */
  addWorkingDays(from: Date, days: number): Date {
    return this.addWorkingTime(from, days * DAY_MS);
  }

  /** Working time in ms between a and b (0 if b <= a). */
  workingTimeBetween(a: Date, b: Date): number {
    const start = instantOf(a, "a");
    const end = instantOf(b, "b");
    if (end <= start) return 0;
    let total = 0;
    const lastDay = cstDayIndex(end);
    for (let day = cstDayIndex(start); day <= lastDay; day++) {
      if (!this.#isWorkingDayIndex(day)) continue;
      const from = Math.max(start, cstDayStart(day));
      const to = Math.min(end, cstDayStart(day + 1));
      if (to > from) total += to - from;
    }
    return total;
  }

  #isWorkingDayIndex(day: number): boolean {
    // Adjusted workdays win over the weekend rule; holidays win over Mon–Fri. Days outside the
    // data's years simply fall back to Mon–Fri.
    if (this.#workdays.has(day)) return true;
    if (this.#holidays.has(day)) return false;
    const wd = weekdayOf(day);
    return wd >= 1 && wd <= 5;
  }

  /** First working day strictly after `day`; terminates because the holiday list is finite. */
  #nextWorkingDay(day: number): number {
    let d = day + 1;
    while (!this.#isWorkingDayIndex(d)) d++;
    return d;
  }
}

/**
 * Due and warning instants for a time limit of `limitDays` working days starting at `from`.
 * The warning fires once `warnRatio` of the limit has elapsed (default 80%).
 */
export function deadlinesFor(
  cal: WorkCalendar,
  from: Date,
  limitDays: number,
  warnRatio = 0.8,
): { dueAt: Date; warnAt: Date } {
  if (!Number.isFinite(limitDays) || limitDays < 0) {
    throw new RangeError(`deadlinesFor: limitDays must be a finite number >= 0, got ${limitDays}`);
  }
  if (!Number.isFinite(warnRatio) || warnRatio < 0 || warnRatio > 1) {
    throw new RangeError(`deadlinesFor: warnRatio must be between 0 and 1, got ${warnRatio}`);
  }
  const limitMs = limitDays * DAY_MS;
  return {
    dueAt: cal.addWorkingTime(from, limitMs),
    warnAt: cal.addWorkingTime(from, limitMs * warnRatio),
  };
}
