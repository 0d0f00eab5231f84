// Loads one API resource and keeps it with its error; stale answers (after the path changed) are
// dropped so a fast filter change never shows an older result.
import { useCallback, useEffect, useRef, useState } from "react";
import { ApiError, get } from "../../lib/api.ts";

export interface Fetched<T> {
  data: T | undefined;
  /** the path `data` was loaded from (data is kept while a new path loads, to avoid flicker) */
  dataPath: string | undefined;
  error: ApiError | undefined;
  loading: boolean;
  reload: () => void;
}

/** GETs `path` (under /api/v1) whenever it changes; `null` means "nothing to load yet". */
export function useFetch<T>(path: string | null): Fetched<T> {
  const [data, setData] = useState<{ path: string; value: T }>();
  const [error, setError] = useState<ApiError>();
  const [loading, setLoading] = useState(false);
  const [tick, setTick] = useState(0);
  const latest = useRef(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: tick forces a reload of the same path
  useEffect(() => {
    if (path === null) return;
    const id = ++latest.current;
    setLoading(true);
    get<T>(path)
      .then((d) => {
        if (id !== latest.current) return;
        setData({ path, value: d });
        setError(undefined);
      })
      .catch((e: unknown) => {
        if (id !== latest.current) return;
        setError(asApiError(e));
      })
      .finally(() => {
        if (id === latest.current) setLoading(false);
      });
  }, [path, tick]);

  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { data: data?.value, dataPath: data?.path, error, loading, reload };
}

/** Anything thrown by a call, as an ApiError with zh/en text (never raw JSON on screen). */
export function asApiError(e: unknown): ApiError {
  if (e instanceof ApiError) return e;
  return new ApiError(0, {
    code: "CLIENT",
    message: "操作失败,请重试",
    messageEn: "Something went wrong; please retry",
  });
}
