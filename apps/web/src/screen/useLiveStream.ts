// The screen's live feed: an EventSource on /api/v1/screen/stream for the level shown (the session
// cookie authenticates it). The browser retries a dropped connection by itself; when the server
// refuses or ends the stream for good (the EventSource is CLOSED), it is opened again after a
// growing pause. Every (re)open after the first asks the page to reload, since events were missed.
import { useEffect, useRef, useState } from "react";
import { streamUrl } from "./api.ts";
import type { AlertEvent, CaseEvent, IncidentEvent } from "./types.ts";

export type LiveStatus = "connecting" | "live" | "reconnecting";

interface Handlers {
  onCase: (ev: CaseEvent) => void;
  onIncident: (ev: IncidentEvent) => void;
  /** a new hotspot or trend alert of the analysis sweep */
  onAlert?: (ev: AlertEvent) => void;
  /** the stream is open again after a break */
  onReconnected: () => void;
}

const MAX_PAUSE_MS = 30_000;

function parse<T>(e: Event): T | null {
  try {
    return JSON.parse((e as MessageEvent<string>).data) as T;
  } catch {
    return null;
  }
}

export function useLiveStream(division: string | null, enabled: boolean, handlers: Handlers): LiveStatus {
  const [status, setStatus] = useState<LiveStatus>("connecting");
  const latest = useRef(handlers);
  latest.current = handlers;

  useEffect(() => {
    if (!enabled) return;
    let source: EventSource | null = null;
    let retry: ReturnType<typeof setTimeout> | null = null;
    let failures = 0;
    let opened = false;
    let stopped = false;

    const connect = () => {
      setStatus(opened ? "reconnecting" : "connecting");
      const es = new EventSource(streamUrl(division), { withCredentials: true });
      source = es;
      es.addEventListener("open", () => {
        failures = 0;
        setStatus("live");
        if (opened) latest.current.onReconnected();
        opened = true;
      });
      es.addEventListener("case", (e) => {
        const ev = parse<CaseEvent>(e);
        if (ev) latest.current.onCase(ev);
      });
      es.addEventListener("incident", (e) => {
        const ev = parse<IncidentEvent>(e);
        if (ev) latest.current.onIncident(ev);
      });
      es.addEventListener("alert", (e) => {
        const ev = parse<AlertEvent>(e);
        if (ev) latest.current.onAlert?.(ev);
      });
      // the server ends the stream when the session does: reload (which finds an expired session and
      // goes to the sign-in) and open a new stream after a pause
      es.addEventListener("end", () => {
        es.close();
        setStatus("reconnecting");
        failures += 1;
        opened = true;
        latest.current.onReconnected();
        retry = setTimeout(connect, Math.min(MAX_PAUSE_MS, 1_000 * 2 ** Math.min(failures - 1, 5)));
      });
      es.addEventListener("error", () => {
        if (stopped) return;
        setStatus("reconnecting");
        // CONNECTING: the browser is retrying on its own; CLOSED: it gave up, so do it ourselves
        if (es.readyState === EventSource.CLOSED) {
          es.close();
          failures += 1;
          const pause = Math.min(MAX_PAUSE_MS, 1_000 * 2 ** Math.min(failures - 1, 5));
          retry = setTimeout(connect, pause);
          // a refused stream may be an expired session: the page's next read finds out and signs out
          opened = true;
        }
      });
    };
    connect();
    return () => {
      stopped = true;
      if (retry) clearTimeout(retry);
      source?.close();
    };
  }, [division, enabled]);

  return status;
}
