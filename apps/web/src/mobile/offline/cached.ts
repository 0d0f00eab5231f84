// Reads that still answer offline: the last good answer of each path is kept on the device and shown,
// marked as stale, when the server cannot be reached.
import { useCallback, useEffect, useState } from "react";
import { ApiError, get } from "../../lib/api.ts";
import { noteRequest } from "../network.ts";
import { kvGet, kvSet, mobileDb } from "./db.ts";

export interface Cached<T> {
  data: T;
  /** when it was fetched; stale: from the device, the server could not be reached */
  at: string;
  stale: boolean;
}

const keyOf = (path: string) => `get:${path}`;

export async function cachedGet<T>(path: string): Promise<Cached<T>> {
  try {
    const data = await get<T>(path);
    noteRequest();
    const fresh = { data, at: new Date().toISOString(), stale: false };
    await kvSet(keyOf(path), fresh);
    return fresh;
  } catch (err) {
    noteRequest(err);
    if (err instanceof ApiError && err.status === 0) {
      const saved = await kvGet<Cached<T>>(keyOf(path));
      if (saved) return { ...saved, stale: true };
    }
    throw err;
  }
}

/** Forgets every kept answer (on sign-out: they belong to the user who read them). */
export async function clearCachedReads(): Promise<void> {
  const db = await mobileDb();
  const keys = await db.getAllKeys("kv");
  for (const k of keys) if (typeof k === "string" && k.startsWith("get:")) await db.delete("kv", k);
}

export interface CachedState<T> {
  data: T | undefined;
  stale: boolean;
  at: string | null;
  error: unknown;
  loading: boolean;
  reload: () => void;
}

/** cachedGet as React state; a null path loads nothing. Keeps the latest answer only. */
export function useCachedGet<T>(path: string | null): CachedState<T> {
  const [state, setState] = useState<Omit<CachedState<T>, "reload">>({
    data: undefined,
    stale: false,
    at: null,
    error: null,
    loading: path !== null,
  });
  const [tick, setTick] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: tick asks for a reload
  useEffect(() => {
    if (path === null) return;
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    cachedGet<T>(path)
      .then((c) => {
        if (live) setState({ data: c.data, stale: c.stale, at: c.at, error: null, loading: false });
      })
      .catch((error: unknown) => {
        if (live) setState((s) => ({ ...s, error, loading: false }));
      });
    return () => {
      live = false;
    };
  }, [path, tick]);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { ...state, reload };
}
