// Plausibility limits of patrol data sent by phones, which may have been offline for a while.
import { AppError } from "../errors.ts";

/** A phone's clock may run a little ahead of the server's. */
export const CLOCK_SKEW_MS = 5 * 60_000;
/** A patrol recorded offline may reach the server this long after it started. */
export const MAX_OFFLINE_MS = 7 * 86_400_000;
/** Points per request; the phone sends a batch every few seconds to a minute. */
export const MAX_POINTS_PER_BATCH = 500;
/** Points per patrol: a fix every 5 s for almost three days. */
export const MAX_POINTS_PER_PATROL = 50_000;
/** The track returned with one patrol. */
export const MAX_TRACK_POINTS = MAX_POINTS_PER_PATROL;

/** A time sent by the phone: not in the future, not from before the offline window. */
export function plausibleTime(iso: string | undefined, now: Date, field: string): Date {
  if (iso === undefined) return now;
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) throw new AppError("VALIDATION_FAILED", { field, problem: "not a date-time" });
  if (at.getTime() > now.getTime() + CLOCK_SKEW_MS || at.getTime() < now.getTime() - MAX_OFFLINE_MS) {
    throw new AppError("INVALID_PATROL_TIME", { field, at: iso, now: now.toISOString() });
  }
  return at;
}
