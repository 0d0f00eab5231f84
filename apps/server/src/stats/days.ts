// Calendar days in China Standard Time (no daylight saving since 1991), as the rollup keys them.
import { dayNumber, dayString } from "@civicgrid/domain";

/** The CST day of an instant, 'YYYY-MM-DD' (the case codes' day). */
export { cstDay } from "../cases/case-code.ts";

/** `day` shifted by `n` days (negative: earlier). */
export function addDays(day: string, n: number): string {
  return dayString((dayNumber(day) as number) + n);
}

/** Every day from `from` to `to`, both included. */
export function daysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  const last = dayNumber(to) as number;
  for (let d = dayNumber(from) as number; d <= last; d++) out.push(dayString(d));
  return out;
}
