// Time for the demo history, all in China Standard Time (UTC+8, no DST) on epoch milliseconds:
// when problems are reported (weekday/weekend rhythm, hours of the day by channel, season) and when
// staffed offices act on them (office hours on working days, a duty shift on days off).
import type { WorkCalendar } from "@civicgrid/domain";
import { type Rng, WeightedSampler } from "./random.ts";

export const MINUTE = 60_000;
export const HOUR = 3_600_000;
export const DAY = 86_400_000;
const CST = 8 * HOUR;

export const dayIndex = (ms: number) => Math.floor((ms + CST) / DAY);
export const dayStart = (day: number) => day * DAY - CST;
/** 0 = January, for the CST calendar day */
export const monthOfDay = (day: number) => new Date(day * DAY).getUTCMonth();
/** 'YYYY-MM-DD' of the CST day of an instant */
export const cstDate = (ms: number) => new Date(ms + CST).toISOString().slice(0, 10);

/** Reports per hour of the day, by channel (relative). */
export const HOURS: Record<string, number[]> = {
  // grid workers patrol in office hours, mornings busiest
  grid: [
    0, 0, 0, 0, 0, 0, 0.02, 0.3, 1.0, 1.6, 1.6, 1.1, 0.4, 0.8, 1.4, 1.4, 1.0, 0.4, 0.15, 0.08, 0.05, 0.03, 0.01, 0,
  ],
  // 12345 is staffed around the clock; calls follow the citizens' day
  hotline: [
    0.08, 0.05, 0.03, 0.03, 0.04, 0.08, 0.2, 0.5, 1.0, 1.5, 1.5, 1.2, 0.7, 1.0, 1.3, 1.3, 1.1, 0.9, 0.8, 0.8, 0.7, 0.5,
    0.3, 0.15,
  ],
  // online channels peak after work
  online: [
    0.15, 0.08, 0.04, 0.03, 0.03, 0.06, 0.2, 0.5, 0.8, 1.0, 1.0, 0.9, 0.9, 0.8, 0.9, 0.9, 0.9, 0.9, 1.0, 1.3, 1.4, 1.3,
    0.9, 0.4,
  ],
  media: [0, 0, 0, 0, 0, 0, 0.1, 0.4, 1.0, 1.3, 1.3, 1.0, 0.5, 0.8, 1.2, 1.2, 1.0, 0.6, 0.3, 0.2, 0.1, 0.05, 0, 0],
};

export const hourProfile = (source: string) =>
  source === "grid" || source === "hotline" || source === "media" ? source : "online";

/** Days off see fewer reports: fewer patrols, fewer people out. */
export const OFF_DAY_WEIGHT = 0.55;

export class HistoryClock {
  readonly calendar: WorkCalendar;
  readonly #working = new Map<number, boolean>();
  readonly #hours = new Map<string, WeightedSampler<number>>();

  constructor(calendar: WorkCalendar) {
    this.calendar = calendar;
    const hours = Array.from({ length: 24 }, (_, h) => h);
    for (const [k, w] of Object.entries(HOURS)) this.#hours.set(k, new WeightedSampler(hours, w));
  }

  isWorkingDay(day: number): boolean {
    let w = this.#working.get(day);
    if (w === undefined) {
      w = this.calendar.isWorkingDay(new Date(dayStart(day) + 12 * HOUR));
      this.#working.set(day, w);
    }
    return w;
  }

  nextWorkingDay(day: number): number {
    let d = day + 1;
    while (!this.isWorkingDay(d)) d++;
    return d;
  }

  /** `ms` of working time after t (non-working days do not count). */
  addWork(t: number, ms: number): number {
    return this.calendar.addWorkingTime(new Date(t), Math.max(0, ms)).getTime();
  }

  addWorkDays(t: number, days: number): number {
    return this.calendar.addWorkingDays(new Date(t), days).getTime();
  }

  workBetween(a: number, b: number): number {
    return this.calendar.workingTimeBetween(new Date(a), new Date(b));
  }

  /** The first moment at or after t when a staffed office acts: 08:00–18:00 on working days, or a duty shift. */
  office(t: number, rng: Rng): number {
    const d = dayIndex(t);
    const m = t - dayStart(d);
    if (this.isWorkingDay(d)) {
      if (m >= 8 * HOUR && m < 18 * HOUR) return t;
      if (m < 8 * HOUR) return dayStart(d) + 8 * HOUR + rng.range(0, 50) * MINUTE;
    } else if (m >= 9 * HOUR && m < 16 * HOUR && rng.chance(0.2)) {
      return t; // 值班: the duty officer handles some cases on days off
    }
    return dayStart(this.nextWorkingDay(d)) + 8 * HOUR + rng.range(0, 50) * MINUTE;
  }

  /** The last office moment at or before t (17:00–18:00 of the previous working day when t is off hours). */
  officeBefore(t: number, rng: Rng): number {
    const d = dayIndex(t);
    const m = t - dayStart(d);
    if (this.isWorkingDay(d) && m >= 8 * HOUR && m < 18 * HOUR) return t;
    let day = this.isWorkingDay(d) && m >= 18 * HOUR ? d : d - 1;
    while (!this.isWorkingDay(day)) day--;
    return Math.min(t, dayStart(day) + 17 * HOUR + rng.range(0, 59) * MINUTE);
  }

  /** An office reaction `ms` after t: short delays run on the wall clock, long ones in working time. */
  after(t: number, ms: number, rng: Rng): number {
    return this.office(ms < 6 * HOUR ? t + ms : this.addWork(t, ms), rng);
  }

  /**
   * Report instants over the 365 CST days ending with now's day, sorted: days weighted by the
   * working-day rhythm and the month's overall volume, hours by channel.
   */
  sampleReports(count: number, now: number, rng: Rng, monthFactor: readonly number[], sources: readonly string[]) {
    const today = dayIndex(now);
    const days = Array.from({ length: 365 }, (_, i) => today - 364 + i);
    const daySampler = new WeightedSampler(
      days,
      days.map((d) => (this.isWorkingDay(d) ? 1 : OFF_DAY_WEIGHT) * (monthFactor[monthOfDay(d)] ?? 1)),
    );
    const out: { at: number; source: string }[] = [];
    for (const source of sources) {
      const hours = this.#hours.get(hourProfile(source)) as WeightedSampler<number>;
      let at = Number.POSITIVE_INFINITY;
      // the last minutes before now stay empty so that the report's own event fits before now
      while (at > now - 2 * MINUTE) {
        const d = daySampler.draw(rng);
        at = dayStart(d) + hours.draw(rng) * HOUR + Math.floor((rng.next() * HOUR) / 1000) * 1000;
      }
      out.push({ at, source });
    }
    if (out.length !== count) throw new Error("history: source list does not match count");
    return out.sort((a, b) => a.at - b.at);
  }
}
