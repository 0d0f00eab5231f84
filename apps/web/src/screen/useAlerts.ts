// The screen's alerts (共性问题 / 趋势异常) of the level shown: live ones not dismissed, read every
// minute and at once when the stream announces a new one (event `alert`), which stays marked as new
// for a while so the wall shows what just appeared.
import { useCallback, useEffect, useRef, useState } from "react";
import { screenApi } from "./api.ts";
import type { AlertEvent, ScreenAlert } from "./types.ts";

const POLL_MS = 60_000;
const NEW_MS = 10 * 60_000;

export interface ScreenAlerts {
  alerts: ScreenAlert[] | null;
  /** ids announced by the stream in the last minutes */
  fresh: ReadonlySet<string>;
  onAlert: (ev: AlertEvent) => void;
  reload: () => void;
}

export function useAlerts(division: string | null, enabled: boolean): ScreenAlerts {
  const [alerts, setAlerts] = useState<ScreenAlert[] | null>(null);
  const [fresh, setFresh] = useState<ReadonlySet<string>>(new Set());
  const generation = useRef(0);

  const load = useCallback(() => {
    if (!enabled) return;
    const gen = generation.current;
    screenApi
      .alerts(division)
      .then((page) => {
        if (gen === generation.current) setAlerts(page.items);
      })
      .catch(() => {});
  }, [division, enabled]);

  useEffect(() => {
    generation.current += 1;
    setAlerts(null);
    load();
    const poll = setInterval(load, POLL_MS);
    return () => clearInterval(poll);
  }, [load]);

  const onAlert = useCallback(
    (ev: AlertEvent) => {
      setFresh((s) => new Set([...s, ev.id]));
      setTimeout(
        () =>
          setFresh((s) => {
            const next = new Set(s);
            next.delete(ev.id);
            return next;
          }),
        NEW_MS,
      );
      load();
    },
    [load],
  );
  return { alerts, fresh, onAlert, reload: load };
}
