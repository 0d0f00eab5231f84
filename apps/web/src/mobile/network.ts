// Is the server reachable? navigator.onLine only knows whether the phone has some network (it says
// "online" on a Wi-Fi without internet, and some browsers keep it wrong after a reload), so the app
// also notes what its own requests met: a request that could not reach the server marks it offline
// until one gets through or the browser reports the network back.
import { ApiError } from "../lib/api.ts";

let reachable = true;
const listeners = new Set<() => void>();

function set(value: boolean) {
  if (reachable === value) return;
  reachable = value;
  for (const fn of listeners) fn();
}

/** Notes the outcome of a request: an answer (any status) means the server is there. */
export function noteRequest(err?: unknown): void {
  if (err === undefined) set(true);
  else if (err instanceof ApiError) set(err.status !== 0);
}

export function subscribeNetwork(fn: () => void): () => void {
  listeners.add(fn);
  const back = () => set(true);
  window.addEventListener("online", back);
  window.addEventListener("online", fn);
  window.addEventListener("offline", fn);
  return () => {
    listeners.delete(fn);
    window.removeEventListener("online", back);
    window.removeEventListener("online", fn);
    window.removeEventListener("offline", fn);
  };
}

export function isOnline(): boolean {
  return navigator.onLine && reachable;
}

/** Asks the server whether it is there (cheap, no session needed); used while marked offline. */
export async function probeServer(): Promise<void> {
  try {
    const res = await fetch("/healthz", { cache: "no-store" });
    set(res.ok);
  } catch {
    set(false);
  }
}
