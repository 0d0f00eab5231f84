// Emergency mode's state: the active incidents in the viewer's scope, the one shown (kept in the URL
// as ?incident=, so a reload stays on it), and its detail, refreshed on the live `incident` events
// and every 15 s (workers acknowledge tasks on their phones). A newly declared incident takes the
// screen over; one the viewer left for normal mode does not come back by itself on a reload.
import { useCallback, useEffect, useRef, useState } from "react";
import { incidentApi } from "../api.ts";
import type { IncidentDetail, IncidentEvent, IncidentSummary } from "../types.ts";

const DETAIL_POLL_MS = 15_000;
const LIST_POLL_MS = 60_000;
const DISMISSED_KEY = "civicgrid.screen.dismissedIncidents";

function dismissed(): Set<string> {
  try {
    return new Set(JSON.parse(sessionStorage.getItem(DISMISSED_KEY) ?? "[]") as string[]);
  } catch {
    return new Set();
  }
}
function dismiss(id: string) {
  const all = dismissed();
  all.add(id);
  sessionStorage.setItem(DISMISSED_KEY, JSON.stringify([...all]));
}

export interface Incidents {
  /** the first list has been read: the screen knows whether an incident takes it over */
  ready: boolean;
  active: IncidentSummary[];
  currentId: string | null;
  detail: IncidentDetail | null;
  show: (id: string) => void;
  /** back to normal mode; the incident stays active, only this screen leaves it */
  leave: () => void;
  refresh: () => void;
  onEvent: (ev: IncidentEvent) => void;
}

export function useIncidents(enabled: boolean, initialId: string | null): Incidents {
  const [active, setActive] = useState<IncidentSummary[]>([]);
  const [currentId, setCurrentId] = useState<string | null>(initialId);
  const [detail, setDetail] = useState<IncidentDetail | null>(null);
  const [ready, setReady] = useState(!enabled);
  const firstList = useRef(true);
  const currentRef = useRef(currentId);
  currentRef.current = currentId;

  const loadList = useCallback(() => {
    if (!enabled) return;
    incidentApi
      .active()
      .then((page) => {
        setActive(page.items);
        // on opening the screen: an active incident the viewer has not left takes it over
        if (firstList.current) {
          firstList.current = false;
          const gone = dismissed();
          const latest = [...page.items]
            .filter((i) => !gone.has(i.id))
            .sort((a, b) => b.declaredAt.localeCompare(a.declaredAt))[0];
          if (!currentRef.current && latest) setCurrentId(latest.id);
        }
      })
      .catch(() => {})
      .finally(() => setReady(true));
  }, [enabled]);

  const loadDetail = useCallback((id: string) => {
    incidentApi
      .detail(id)
      .then((d) => {
        if (currentRef.current !== id) return;
        setDetail(d);
      })
      .catch(() => {
        // gone or out of reach: back to normal mode
        if (currentRef.current === id) {
          setCurrentId(null);
          setDetail(null);
        }
      });
  }, []);

  useEffect(() => {
    loadList();
    const id = setInterval(loadList, LIST_POLL_MS);
    return () => clearInterval(id);
  }, [loadList]);

  useEffect(() => {
    if (!enabled || !currentId) {
      setDetail(null);
      return;
    }
    setDetail((d) => (d?.id === currentId ? d : null));
    loadDetail(currentId);
    const id = setInterval(() => loadDetail(currentId), DETAIL_POLL_MS);
    return () => clearInterval(id);
  }, [enabled, currentId, loadDetail]);

  const show = useCallback((id: string) => setCurrentId(id), []);
  const leave = useCallback(() => {
    if (currentRef.current) dismiss(currentRef.current);
    setCurrentId(null);
  }, []);
  const refresh = useCallback(() => {
    loadList();
    if (currentRef.current) loadDetail(currentRef.current);
  }, [loadList, loadDetail]);

  const onEvent = useCallback(
    (ev: IncidentEvent) => {
      const id = ev.incidentId ?? ev.id;
      loadList();
      if (!id) return;
      if (ev.action === "declared" || ev.action === "declare") setCurrentId(id);
      else if (id === currentRef.current) loadDetail(id);
    },
    [loadList, loadDetail],
  );

  return { ready, active, currentId, detail, show, leave, refresh, onEvent };
}
