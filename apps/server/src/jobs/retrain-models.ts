// The scheduled retrain of the routing models (docs/classification.md): checked hourly from the
// sweeper, it starts a run when there is no model yet and enough closed cases exist (so a fresh demo
// learns from its seeded history right after start), or when the newest version is a day old and at
// least MODEL_RETRAIN_MIN_NEW_CASES cases were closed since the active models' data. The run itself
// goes on in a worker thread after this returns: the sweeper's other jobs do not wait for it.
import { sql } from "kysely";
import { warmActiveModels } from "../routing/model-store.ts";
import { countTrainingCases, MIN_TRAINING_CASES, startRetrain, trainingState } from "../routing/retrain.ts";
import type { Services } from "../services.ts";

export const RETRAIN_CHECK_EVERY_MS = 3_600_000;
export const RETRAIN_EVERY_MS = 24 * 3_600_000;

export interface RetrainCheck {
  started: boolean;
  reason: string;
}

export async function retrainModelsIfDue({ services }: { services: Services }): Promise<RetrainCheck> {
  const { db, clock, config } = services;
  // the active models into memory, if not yet (the first tick after a start)
  warmActiveModels(services);
  if (trainingState(services).running) return { started: false, reason: "a run is going on" };
  const newest = await db
    .selectFrom("classifier_models")
    .select(["trained_at", sql<Date | null>`(select max(data_until) from classifier_models where active)`.as("until")])
    .orderBy("version", "desc")
    .limit(1)
    .executeTakeFirst();
  const now = clock.now().getTime();
  if (newest && now - newest.trained_at.getTime() < RETRAIN_EVERY_MS) {
    return { started: false, reason: "the newest version is less than a day old" };
  }
  const last = trainingState(services);
  // a run that failed is not retried within the day (a broken run would otherwise repeat hourly)
  if (last.lastError && last.lastFinishedAt && now - last.lastFinishedAt.getTime() < RETRAIN_EVERY_MS) {
    return { started: false, reason: "the last run failed less than a day ago" };
  }
  const fresh = await countTrainingCases(db, newest?.until ?? null);
  const needed = newest ? config.MODEL_RETRAIN_MIN_NEW_CASES : MIN_TRAINING_CASES;
  if (fresh < needed) return { started: false, reason: `${fresh} newly closed cases, ${needed} needed` };
  // not awaited: the run reports itself in the log and in the store
  startRetrain(services, "schedule").catch(() => {});
  return { started: true, reason: newest ? `${fresh} cases closed since the active models' data` : "first model" };
}
