// Demo live activity: the demo city keeps moving while someone watches the big screen. Every tick
// (20 s) a rotating third of the per-grid demo workers walk their grids (demo-live-patrols.ts);
// every 30–60 s a worker on patrol reports a problem and one or two cases move a step on through the
// real use cases (demo-live-cases.ts), so the screen's live stream has events. Started only in demo
// mode outside tests, and unless DEMO_LIVE=off. Safe across restarts: shifts and patrol keys derive
// from the clock, every write is idempotent or a real use-case call.
import type { Config } from "../config.ts";
import { Rng } from "../seed/history/random.ts";
import type { HistoryTexts } from "../seed/history/texts.ts";
import { GRID_WORKER_USERNAME_SQL } from "../seed/seed-demo-workers.ts";
import type { Services } from "../services.ts";
import { type Advanced, advanceDemoCases, loadDemoTexts, reportDemoCase } from "./demo-live-cases.ts";
import { type DemoWorker, SHIFT_MS, TICK_MS, tickDemoPatrols } from "./demo-live-patrols.ts";

/** Between two reports (and two rounds of case steps). */
export const REPORT_GAP_MS: readonly [number, number] = [30_000, 60_000];

export interface DemoLiveState {
  workers: DemoWorker[] | null;
  texts: HistoryTexts | null;
  /** when the next report and case steps are due (ms); 0: on the first tick */
  nextReportAt: number;
}

export const newDemoLiveState = (): DemoLiveState => ({ workers: null, texts: null, nextReportAt: 0 });

export interface DemoLiveTickResult {
  onPatrol: number;
  moved: number;
  closed: number;
  reported: { caseId: string; code: string; by: string } | null;
  advanced: Advanced[];
}

/** Whether the demo's live activity runs for this configuration. */
export function demoLiveEnabled(config: Pick<Config, "CIVICGRID_DEMO" | "NODE_ENV" | "DEMO_LIVE">): boolean {
  return config.CIVICGRID_DEMO && config.NODE_ENV !== "test" && config.DEMO_LIVE !== "off";
}

/** The per-grid demo workers (seed-demo-workers.ts) with their grid and unit. */
export async function loadDemoWorkers(services: Services): Promise<DemoWorker[]> {
  const rows = await services.db
    .selectFrom("users as u")
    .innerJoin("grid_worker_grids as g", "g.user_id", "u.id")
    .select(["u.id", "u.username", "u.display_name", "u.unit_code", "g.grid_code"])
    .where("u.username", "~", GRID_WORKER_USERNAME_SQL)
    .where("u.active", "=", true)
    .orderBy("u.username")
    .execute();
  return rows.map((r) => ({
    userId: r.id,
    username: r.username,
    displayName: r.display_name,
    unitCode: r.unit_code,
    gridCode: r.grid_code.trim(),
  }));
}

/** One tick at services.clock.now(): patrols always, a report and case steps when due. */
export async function demoLiveTick(services: Services, state: DemoLiveState, rng: Rng): Promise<DemoLiveTickResult> {
  state.workers ??= await loadDemoWorkers(services);
  const workers = state.workers;
  const patrol = await tickDemoPatrols(services, workers, rng);
  const now = services.clock.now().getTime();
  let reported: DemoLiveTickResult["reported"] = null;
  let advanced: Advanced[] = [];
  if (now >= state.nextReportAt && workers.length > 0) {
    state.nextReportAt = now + REPORT_GAP_MS[0] + Math.floor(rng.next() * (REPORT_GAP_MS[1] - REPORT_GAP_MS[0]));
    state.texts ??= await loadDemoTexts(services);
    // a walker who just moved reports where they stand; else any worker, somewhere in their grid
    const walking = workers.filter((w) => patrol.positions.has(w.userId));
    const worker = walking.length ? rng.pick(walking) : rng.pick(workers);
    const row = await reportDemoCase(services, state.texts, worker, patrol.positions.get(worker.userId) ?? null, rng);
    if (row) reported = { caseId: row.id, code: row.code, by: worker.username };
    advanced = await advanceDemoCases(services, 1 + rng.int(2), rng, reported ? [reported.caseId] : []);
  }
  return { onPatrol: patrol.onPatrol, moved: patrol.moved, closed: patrol.closed, reported, advanced };
}

/** Starts the ticks; returns the stop function (main.ts calls it on shutdown). */
export function startDemoLive(services: Services): () => void {
  if (!demoLiveEnabled(services.config)) return () => {};
  const state = newDemoLiveState();
  const rng = new Rng(Date.now() >>> 0);
  let running = false;
  let stopped = false;
  let first = true;
  const tick = async () => {
    if (running || stopped) return;
    running = true;
    try {
      const r = await demoLiveTick(services, state, rng);
      if (first) {
        first = false;
        services.logger.info(
          {
            workers: state.workers?.length ?? 0,
            onPatrol: r.onPatrol,
            tickSeconds: TICK_MS / 1000,
            shiftHours: SHIFT_MS / 3_600_000,
            reportEverySeconds: REPORT_GAP_MS.map((ms) => ms / 1000),
          },
          "demo live activity started: grid workers patrol, report and cases move on (DEMO_LIVE=off stops it)",
        );
      }
      if (r.reported || r.advanced.length) services.logger.debug(r, "demo live tick");
    } catch (err) {
      // a tick cut short by shutdown (pool closed) is no failure worth reporting
      if (!stopped) services.logger.error({ err }, "demo live activity tick failed");
    } finally {
      running = false;
    }
  };
  const timer = setInterval(tick, TICK_MS);
  timer.unref();
  void tick();
  return () => {
    stopped = true;
    clearInterval(timer);
  };
}
