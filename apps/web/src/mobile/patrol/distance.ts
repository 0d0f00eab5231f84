// The distance walked, measured on the phone while patrolling with the server's rules (its
// patrols/track.ts): imprecise fixes, jitter within the fixes' uncertainty and jumps faster than any
// vehicle do not count. The server recomputes it from the stored track; this is the live figure.

export interface Fix {
  at: number;
  lat: number;
  lng: number;
  accuracy: number | null;
}

const MAX_COUNTED_ACCURACY_M = 100;
const MAX_SPEED_M_PER_S = 50;
const MAX_JITTER_M = 30;
const rad = (d: number) => (d * Math.PI) / 180;

export function haversineMetres(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const dLat = rad(b.lat - a.lat);
  const dLng = rad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * 6_371_008.8 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** One step: the metres the new fix adds, and the fix to measure the next one from. */
export function step(last: Fix | null, fix: Fix): { add: number; last: Fix | null } {
  if (fix.accuracy !== null && fix.accuracy > MAX_COUNTED_ACCURACY_M) return { add: 0, last };
  if (!last) return { add: 0, last: fix };
  const d = haversineMetres(last, fix);
  const seconds = (fix.at - last.at) / 1000;
  const jitter = Math.min(MAX_JITTER_M, Math.max(last.accuracy ?? 0, fix.accuracy ?? 0));
  if (d <= jitter || seconds <= 0 || d / seconds > MAX_SPEED_M_PER_S) return { add: 0, last };
  return { add: d, last: fix };
}
