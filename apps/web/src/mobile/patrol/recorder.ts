// The patrol under way on this phone: GPS fixes from watchPosition go into a small buffer that is put
// into the outbox every few seconds, so a track recorded without a network is sent later like
// everything else. The patrol's state survives a reload (IndexedDB); recording resumes when the app
// is open again (browsers do not give web apps the position in the background).
import { randomId } from "../../lib/ids.ts";
import { kvGet, kvSet, type PatrolPoint } from "../offline/db.ts";
import { enqueue, sendQueue } from "../offline/queue.ts";
import { type Fix, step } from "./distance.ts";

export interface ActivePatrol {
  userId: string;
  /** the start's Idempotency-Key and the patrol's name on this phone until the server gives an id */
  patrolKey: string;
  startedAt: string;
  points: number;
  distanceM: number;
  lastCounted: Fix | null;
  /** the latest fixes, for the map (the full track is on the server) */
  track: [number, number][];
  /** the last known position and when it came */
  position: PatrolPoint | null;
  gpsError: string | null;
}

const KV_KEY = "activePatrol";
/** Put buffered fixes into the outbox this often, or when this many are waiting. */
const FLUSH_MS = 15_000;
const FLUSH_POINTS = 30;
/** Fixes closer in time than this are one. */
const MIN_INTERVAL_MS = 3_000;
/** Fixes worse than this are not recorded at all. */
const MAX_ACCURACY_M = 200;
const MAP_TRACK_POINTS = 2_000;

let active: ActivePatrol | null = null;
let loaded: Promise<void> | null = null;
let watchId: number | null = null;
let buffer: PatrolPoint[] = [];
let flushTimer: number | null = null;
const listeners = new Set<() => void>();

function emit() {
  for (const fn of listeners) fn();
}

export function subscribePatrol(fn: () => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

export function currentPatrol(): ActivePatrol | null {
  return active;
}

async function save() {
  await kvSet(KV_KEY, active);
  emit();
}

/** Loads the patrol left under way by this user (after a reload) and resumes recording it. */
export function resumePatrol(userId: string): Promise<void> {
  if (!loaded) {
    loaded = kvGet<ActivePatrol | null>(KV_KEY).then((saved) => {
      active = saved && saved.userId === userId ? saved : null;
      if (active) watch();
      emit();
    });
  }
  return loaded;
}

export async function startPatrol(userId: string): Promise<void> {
  await resumePatrol(userId);
  if (active) return;
  const patrolKey = randomId();
  const startedAt = new Date().toISOString();
  active = {
    userId,
    patrolKey,
    startedAt,
    points: 0,
    distanceM: 0,
    lastCounted: null,
    track: [],
    position: null,
    gpsError: null,
  };
  await enqueue(userId, { kind: "patrol-start", patrolKey, startedAt });
  await save();
  watch();
  void sendQueue(userId);
}

export async function stopPatrol(): Promise<void> {
  if (!active) return;
  unwatch();
  const { userId, patrolKey } = active;
  await flush();
  await enqueue(userId, { kind: "patrol-stop", patrolKey, endedAt: new Date().toISOString() });
  active = null;
  await save();
  void sendQueue(userId);
}

function watch() {
  if (watchId !== null || !("geolocation" in navigator)) return;
  watchId = navigator.geolocation.watchPosition(onFix, onError, {
    enableHighAccuracy: true,
    maximumAge: 5_000,
    timeout: 30_000,
  });
  flushTimer = window.setInterval(() => void flush(), FLUSH_MS);
}

function unwatch() {
  if (watchId !== null) navigator.geolocation.clearWatch(watchId);
  if (flushTimer !== null) window.clearInterval(flushTimer);
  watchId = null;
  flushTimer = null;
}

function onFix(pos: GeolocationPosition) {
  if (!active) return;
  const at = pos.timestamp || Date.now();
  const accuracy = Number.isFinite(pos.coords.accuracy) ? Math.round(pos.coords.accuracy * 10) / 10 : null;
  // a cached fix from before the start, or a burst of fixes within a few seconds, adds nothing
  const lastAt = active.position ? Date.parse(active.position.at) : 0;
  if (at < Date.parse(active.startedAt) || at - lastAt < MIN_INTERVAL_MS) return;
  if (accuracy !== null && accuracy > MAX_ACCURACY_M) return;
  const point: PatrolPoint = {
    at: new Date(at).toISOString(),
    lat: pos.coords.latitude,
    lng: pos.coords.longitude,
    ...(accuracy === null ? {} : { accuracy }),
  };
  const s = step(active.lastCounted, { at, lat: point.lat, lng: point.lng, accuracy });
  active = {
    ...active,
    points: active.points + 1,
    distanceM: active.distanceM + s.add,
    lastCounted: s.last,
    position: point,
    gpsError: null,
    track: [...active.track, [point.lat, point.lng] as [number, number]].slice(-MAP_TRACK_POINTS),
  };
  buffer.push(point);
  void save();
  if (buffer.length >= FLUSH_POINTS) void flush();
}

function onError(err: GeolocationPositionError) {
  if (!active) return;
  active = { ...active, gpsError: err.message || `GPS ${err.code}` };
  emit();
}

/** Moves the buffered fixes into the outbox (one item per batch) and tries to send them. The patrol's
 * state itself is saved on each fix, so nothing here writes it (a stop may be clearing it meanwhile). */
async function flush(): Promise<void> {
  if (!active || buffer.length === 0) return;
  const { userId, patrolKey } = active;
  const points = buffer;
  buffer = [];
  await enqueue(userId, { kind: "patrol-points", patrolKey, points });
  void sendQueue(userId);
}

/** On sign-out: stop listening (the saved patrol stays for that user's next session). */
export function detachPatrol(): void {
  unwatch();
  void flush();
  active = null;
  loaded = null;
  emit();
}
