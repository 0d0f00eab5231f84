// The figures of the level shown: everything on a scope change; then KPIs and charts again at most
// every 2 s after live events (a burst of events is one refetch) and every 60 s anyway; heat and
// workers every 60 s; the points in full every 5 min and after a reconnect (live events keep them
// current in between). Answers for a scope no longer shown are dropped.
import { useCallback, useEffect, useRef, useState } from "react";
import { ApiError } from "../lib/api.ts";
import { screenApi } from "./api.ts";
import type { Charts, HeatCell, Points, Summary, Worker } from "./types.ts";

const THROTTLE_MS = 2_000;
const POLL_MS = 60_000;
const POINTS_MS = 5 * 60_000;

export interface ScreenData {
  summary: Summary | null;
  charts: Charts | null;
  points: Points | null;
  heat: HeatCell[] | null;
  workers: Worker[] | null;
  /** the scope could not be read (out of jurisdiction, forbidden, network) */
  error: ApiError | null;
  /** KPIs and charts again, throttled: call it on every live event */
  touch: () => void;
  /** everything again (after a reconnect: events may have been missed) */
  reloadAll: () => void;
}

export function useScreenData(division: string | null): ScreenData {
  const [summary, setSummary] = useState<Summary | null>(null);
  const [charts, setCharts] = useState<Charts | null>(null);
  const [points, setPoints] = useState<Points | null>(null);
  const [heat, setHeat] = useState<HeatCell[] | null>(null);
  const [workers, setWorkers] = useState<Worker[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const generation = useRef(0);
  const lastFigures = useRef(0);
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);

  const guard = useCallback(<T>(gen: number, set: (v: T) => void) => {
    return (v: T) => {
      if (gen === generation.current) set(v);
    };
  }, []);
  const fail = useCallback((gen: number) => {
    return (err: unknown) => {
      if (gen !== generation.current) return;
      setError(err instanceof ApiError ? err : new ApiError(0, { code: "NETWORK", message: "", messageEn: "" }));
    };
  }, []);

  const loadFigures = useCallback(() => {
    const gen = generation.current;
    lastFigures.current = Date.now();
    screenApi
      .summary(division)
      .then((s) => {
        if (gen !== generation.current) return;
        setSummary(s);
        setError(null);
      })
      .catch(fail(gen));
    screenApi.charts(division).then(guard(gen, setCharts)).catch(fail(gen));
  }, [division, guard, fail]);

  const loadSlow = useCallback(() => {
    const gen = generation.current;
    screenApi
      .heat(division)
      .then((h) => guard(gen, setHeat)(h.cells))
      .catch(() => {});
    screenApi
      .workers(division)
      .then((w) => guard(gen, setWorkers)(w.items))
      .catch(() => {});
  }, [division, guard]);

  const loadPoints = useCallback(() => {
    const gen = generation.current;
    screenApi
      .points(division)
      .then(guard(gen, setPoints))
      .catch(() => {});
  }, [division, guard]);

  // a new scope: forget the old figures (no mixing of two levels on one screen) and load all
  useEffect(() => {
    generation.current += 1;
    setSummary(null);
    setCharts(null);
    setPoints(null);
    setHeat(null);
    setWorkers(null);
    setError(null);
    loadFigures();
    loadPoints();
    loadSlow();
    const poll = setInterval(() => {
      loadFigures();
      loadSlow();
    }, POLL_MS);
    const pointsPoll = setInterval(loadPoints, POINTS_MS);
    return () => {
      clearInterval(poll);
      clearInterval(pointsPoll);
      if (pending.current) clearTimeout(pending.current);
      pending.current = null;
    };
  }, [loadFigures, loadPoints, loadSlow]);

  const touch = useCallback(() => {
    if (pending.current) return; // one refetch is already on its way for this burst
    const wait = Math.max(0, lastFigures.current + THROTTLE_MS - Date.now());
    pending.current = setTimeout(() => {
      pending.current = null;
      loadFigures();
    }, wait);
  }, [loadFigures]);

  const reloadAll = useCallback(() => {
    loadFigures();
    loadPoints();
    loadSlow();
  }, [loadFigures, loadPoints, loadSlow]);

  return { summary, charts, points, heat, workers, error, touch, reloadAll };
}
