// Runs a training run in a worker thread (node:worker_threads), so the minute of CPU it takes never
// blocks requests. In the built server the worker is dist/train-worker.js, bundled beside main.js
// (build.mjs). From the TypeScript sources (tests, `npm run dev`) Node 20 cannot load a .ts worker
// (loader hooks do not reach worker threads before Node 22), so the entry is bundled once in memory
// with esbuild — the same tool and settings as the build — and run as an eval worker.
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { ActivePair, RoutingExample, RoutingTrainingResult } from "./train-routing.ts";

export class TrainingRefused extends Error {}

let sourceBundle: Promise<string> | null = null;

async function bundleFromSource(): Promise<string> {
  const { build } = await import("esbuild");
  const out = await build({
    entryPoints: [fileURLToPath(new URL("./train-worker.ts", import.meta.url))],
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    write: false,
    logLevel: "silent",
  });
  return out.outputFiles[0]?.text ?? "";
}

async function startWorker(workerData: unknown): Promise<Worker> {
  if (!import.meta.url.endsWith(".ts")) {
    return new Worker(fileURLToPath(new URL("./train-worker.js", import.meta.url)), { workerData });
  }
  sourceBundle ??= bundleFromSource();
  return new Worker(await sourceBundle, { eval: true, workerData });
}

export async function runTrainingWorker(
  examples: RoutingExample[],
  active: ActivePair | null,
): Promise<RoutingTrainingResult> {
  const worker = await startWorker({ examples, active });
  // a run in progress does not keep a stopping process alive
  worker.unref();
  type Reply = { ok: true; result: RoutingTrainingResult } | { ok: false; notEnoughData: boolean; message: string };
  return new Promise((resolve, reject) => {
    let settled = false;
    worker.once("message", (m: Reply) => {
      settled = true;
      if (m.ok) resolve(m.result);
      else reject(m.notEnoughData ? new TrainingRefused(m.message) : new Error(m.message));
    });
    worker.once("error", (err) => {
      settled = true;
      reject(err);
    });
    worker.once("exit", (code) => {
      if (!settled) reject(new Error(`training worker stopped (exit code ${code})`));
    });
  });
}
