// Reloads the in-memory directory after a unit edit. Two edits close together may finish their loads
// out of order; a load started later has seen every earlier commit, so only a newer load may replace
// the directory and a slow older one never puts stale units back.
import type { Services } from "../services.ts";
import { PlaceDirectory } from "./directory.ts";

const sequence = new WeakMap<Services, { started: number; applied: number }>();

export async function reloadPlaces(services: Services): Promise<void> {
  let state = sequence.get(services);
  if (!state) {
    state = { started: 0, applied: 0 };
    sequence.set(services, state);
  }
  const mine = ++state.started;
  const next = await PlaceDirectory.load(services.db);
  if (mine > state.applied) {
    services.places = next;
    state.applied = mine;
  }
}
