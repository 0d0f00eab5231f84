// Hooks of the phone app: network state, the outbox and the patrol under way, as React state.
import { useEffect, useState, useSyncExternalStore } from "react";
import { isOnline, subscribeNetwork } from "./network.ts";
import type { QueueItem } from "./offline/db.ts";
import { listQueue, subscribeQueue } from "./offline/queue.ts";
import { type ActivePatrol, currentPatrol, subscribePatrol } from "./patrol/recorder.ts";

/** Whether the server can be reached (see network.ts). */
export function useOnline(): boolean {
  return useSyncExternalStore(subscribeNetwork, isOnline);
}

export interface QueueView {
  items: QueueItem[];
  /** reports and checks not sent yet (waiting, sending or failed) */
  pending: number;
  failed: number;
  /** batches of patrol data still to send */
  patrolBatches: number;
}

export function useQueue(userId: string | undefined): QueueView {
  const [items, setItems] = useState<QueueItem[]>([]);
  useEffect(() => {
    if (!userId) return;
    let live = true;
    const load = () =>
      void listQueue(userId).then((list) => {
        if (live) setItems(list);
      });
    load();
    const off = subscribeQueue(load);
    return () => {
      live = false;
      off();
    };
  }, [userId]);
  const own = items.filter((i) => !i.payload.kind.startsWith("patrol-"));
  return {
    items,
    pending: own.filter((i) => i.state !== "sent").length,
    failed: items.filter((i) => i.state === "failed").length,
    patrolBatches: items.filter((i) => i.payload.kind.startsWith("patrol-") && i.state !== "sent").length,
  };
}

export function usePatrol(): ActivePatrol | null {
  return useSyncExternalStore(subscribePatrol, currentPatrol);
}

/** The phone's position once (for the home map and a new report); null until known or when refused. */
export function useCurrentPosition(enabled = true) {
  const [pos, setPos] = useState<{ lat: number; lng: number; accuracy: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: tick asks for a fresh fix
  useEffect(() => {
    if (!enabled || !("geolocation" in navigator)) return;
    let live = true;
    navigator.geolocation.getCurrentPosition(
      (p) => {
        if (live) {
          setPos({ lat: p.coords.latitude, lng: p.coords.longitude, accuracy: p.coords.accuracy });
          setError(null);
        }
      },
      (e) => {
        if (live) setError(e.message || `GPS ${e.code}`);
      },
      { enableHighAccuracy: true, timeout: 20_000, maximumAge: 30_000 },
    );
    return () => {
      live = false;
    };
  }, [enabled, tick]);
  return { pos, error, refresh: () => setTick((n) => n + 1) };
}
