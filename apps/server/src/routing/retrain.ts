// A retrain of the routing models from the platform's own closed cases: what the dispatchers finally
// decided — the case's category at closure and the unit that owned it then (after any returns and
// re-dispatches) — learnt from title + description. The CPU part runs in a worker thread
// (run-training.ts); the run is stored as a new version and activated when it is not worse than the
// active pair (train-routing.ts: compared on held-out cases neither has seen). One run at a time per
// server; the scheduled job and the on-demand endpoint both come here.
import type { Db } from "../db/connect.ts";
import { demoLiveEnabled } from "../jobs/demo-live.ts";
import type { Services } from "../services.ts";
import { enableDemoAutoDispatch } from "./demo-auto-dispatch.ts";
import { activateVersion, activeModels, pruneOldModels, storeRun, warmActiveModels } from "./model-store.ts";
import { runTrainingWorker, TrainingRefused } from "./run-training.ts";
import { seatOf } from "./seats.ts";
import type { RoutingExample, RoutingTrainingResult } from "./train-routing.ts";

/** Fewer closed cases than this: no training (the figures would mean nothing). */
export const MIN_TRAINING_CASES = 100;

export type RetrainTrigger = "schedule" | "demand";

export interface TrainingState {
  running: boolean;
  startedAt: Date | null;
  trigger: RetrainTrigger | null;
  lastFinishedAt: Date | null;
  lastVersion: number | null;
  lastError: string | null;
}

export interface RetrainOutcome {
  version: number;
  activated: boolean;
  note: string;
  cases: number;
  ms: number;
}

interface Runner {
  state: TrainingState;
  current: Promise<RetrainOutcome> | null;
}
const runners = new WeakMap<Services, Runner>();

function runnerOf(services: Services): Runner {
  let r = runners.get(services);
  if (!r) {
    r = {
      state: {
        running: false,
        startedAt: null,
        trigger: null,
        lastFinishedAt: null,
        lastVersion: null,
        lastError: null,
      },
      current: null,
    };
    runners.set(services, r);
  }
  return r;
}

export const trainingState = (services: Services): TrainingState => ({ ...runnerOf(services).state });

/** Closed cases that can teach something (a category or a dispatched owner). */
export async function countTrainingCases(db: Db, closedAfter: Date | null = null): Promise<number> {
  let q = db
    .selectFrom("cases")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .where("closed_at", "is not", null)
    .where("status", "in", ["closed", "evaluated"]);
  if (closedAfter) q = q.where("closed_at", ">", closedAfter);
  return Number((await q.executeTakeFirstOrThrow()).n);
}

/** The newest closed cases (at most `limit`), as training examples. */
export async function loadTrainingExamples(services: Services, limit: number): Promise<RoutingExample[]> {
  const rows = await services.db
    .selectFrom("cases")
    .select(["title", "description", "category_code", "owner_unit_code", "dispatched_at", "closed_at"])
    .where("closed_at", "is not", null)
    .where("status", "in", ["closed", "evaluated"])
    .orderBy("closed_at", "desc")
    .limit(limit)
    .execute();
  return rows.map((r) => {
    // consultations answered on the call (直接办结) were never dispatched: they teach no unit
    const owner = r.owner_unit_code && r.dispatched_at ? services.places.unit(r.owner_unit_code) : null;
    const seat = owner ? seatOf(owner) : null;
    return {
      text: `${r.title}\n${r.description}`,
      category: r.category_code,
      seat,
      closedAt: (r.closed_at as Date).getTime(),
    };
  });
}

/**
 * Starts a retrain unless one is running (then that one is returned). The promise settles when the
 * run is stored (and perhaps activated); callers that must not wait simply don't.
 */
export function startRetrain(services: Services, trigger: RetrainTrigger): Promise<RetrainOutcome> {
  const runner = runnerOf(services);
  if (runner.current) return runner.current;
  const started = services.clock.now();
  runner.state = { ...runner.state, running: true, startedAt: started, trigger, lastError: null };
  const run = retrain(services, trigger)
    .then((outcome) => {
      runner.state = { ...runner.state, lastVersion: outcome.version };
      services.logger.info({ ...outcome, trigger }, "routing models trained");
      return outcome;
    })
    .catch((err: unknown) => {
      const message = err instanceof Error ? err.message : String(err);
      runner.state = { ...runner.state, lastError: message };
      if (err instanceof TrainingRefused) services.logger.info({ trigger, message }, "routing models not trained");
      else services.logger.error({ err, trigger }, "routing model training failed");
      throw err;
    })
    .finally(() => {
      runner.current = null;
      runner.state = { ...runner.state, running: false, lastFinishedAt: services.clock.now() };
    });
  runner.current = run;
  return run;
}

async function retrain(services: Services, trigger: RetrainTrigger): Promise<RetrainOutcome> {
  const t0 = performance.now();
  const { db } = services;
  const examples = await loadTrainingExamples(services, services.config.MODEL_TRAINING_CASES);
  if (examples.length < MIN_TRAINING_CASES) {
    throw new TrainingRefused(`${examples.length} closed cases, at least ${MIN_TRAINING_CASES} needed`);
  }
  const active = await activeModels(db);
  const result = await runTrainingWorker(
    examples,
    active && {
      version: active.version,
      dataUntil: active.dataUntil?.getTime() ?? null,
      category: active.category,
      unit: active.unit,
      recorded: active.accuracy,
    },
  );
  const version = await storeRun(db, result, services.clock.now());
  const note = activationNote(result, active?.version ?? null, trigger);
  if (result.comparison.notWorse) {
    await activateVersion(db, { version, by: null, note, now: services.clock.now() });
    if (active === null && demoLiveEnabled(services.config)) {
      const enabled = await enableDemoAutoDispatch(db, services.clock.now());
      services.logger.info({ categories: enabled }, "demo: auto-dispatch switched on where a threshold was found");
    }
    warmActiveModels(services);
  } else {
    await db.updateTable("classifier_models").set({ activation_note: note }).where("version", "=", version).execute();
  }
  await pruneOldModels(db);
  return {
    version,
    activated: result.comparison.notWorse,
    note,
    cases: examples.length,
    ms: Math.round(performance.now() - t0),
  };
}

function activationNote(r: RoutingTrainingResult, activeVersion: number | null, trigger: RetrainTrigger): string {
  const c = r.comparison;
  const by = trigger === "schedule" ? "scheduled retrain" : "retrain on demand";
  if (c.basis === "first") return `${by}: first model, activated`;
  const fmt = (x: { category: number; unit: number }) => `category ${x.category.toFixed(3)}, unit ${x.unit.toFixed(3)}`;
  const basis =
    c.basis === "fresh-held-out"
      ? `on ${c.cases} held-out cases closed after v${activeVersion}'s data`
      : `held-out figures as recorded (too few cases new to v${activeVersion})`;
  const verdict = c.notWorse ? "not worse: activated" : `worse: v${activeVersion} stays active`;
  return `${by}: accuracy ${fmt(c.candidate)} vs v${activeVersion} ${c.active ? fmt(c.active) : "—"}, ${basis}; ${verdict}`;
}
