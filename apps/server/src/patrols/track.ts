// The length of a patrol's GPS track. Phones report jitter while the worker stands still and the odd
// jump when the fix is poor, so a point counts only when it is precise enough, has moved further
// than its own uncertainty, and was reached at a walking, cycling or driving speed.
import { distanceMeters } from "@civicgrid/domain";

export interface TrackPoint {
  at: Date;
  lat: number;
  lng: number;
  /** the fix's radius of uncertainty in metres, when the phone gave one */
  accuracy: number | null;
}

/** Fixes less precise than this are kept on the track but do not count towards the distance. */
export const MAX_COUNTED_ACCURACY_M = 100;
/** Faster than this between two fixes is a GPS jump, not movement (about 180 km/h). */
export const MAX_SPEED_M_PER_S = 50;
/** Movement below the fixes' uncertainty is jitter; the threshold is capped so that coarse fixes still add up. */
const MAX_JITTER_M = 30;

/** Great-circle distance in metres: the domain's, shared with duplicate detection. */
export const haversineMetres = distanceMeters;

/** Distance walked along the points (sorted here by time), in whole metres. */
export function trackDistance(points: readonly TrackPoint[]): number {
  const usable = points
    .filter((p) => p.accuracy === null || p.accuracy <= MAX_COUNTED_ACCURACY_M)
    .slice()
    .sort((a, b) => a.at.getTime() - b.at.getTime());
  let total = 0;
  let last: TrackPoint | undefined;
  for (const p of usable) {
    if (!last) {
      last = p;
      continue;
    }
    const d = haversineMetres(last, p);
    const seconds = (p.at.getTime() - last.at.getTime()) / 1000;
    const jitter = Math.min(MAX_JITTER_M, Math.max(last.accuracy ?? 0, p.accuracy ?? 0));
    if (d <= jitter) continue; // still within the uncertainty of the last counted fix
    if (seconds <= 0 || d / seconds > MAX_SPEED_M_PER_S) continue; // a jump: keep the last good fix
    total += d;
    last = p;
  }
  return Math.round(total);
}
