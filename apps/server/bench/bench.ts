// `npm run bench`: prints speed and memory figures (no assertions; not part of `npm test`). Starts a
// throwaway embedded PostgreSQL (or uses DATABASE_URL's server, in a new database), seeds the demo
// with its year of history, then:
//   basic   locate, intake, lists and a transition through the real HTTP stack (on the 78k demo)
//   screen  generates BENCH_CASES more cases (10 million by default, generate-cases.ts) into the same
//           database, then times each big-screen endpoint next to its naive GROUP BY (screen-bench.ts)
//   render  scripts/bench-screen-render.ts: 10,000 live points in headless Chromium (when installed)
//   search  (only when asked: --only=search) the smart search's query mix over the generated cases, with
//           their search tokens (search-bench.ts, docs/search.md); e.g. --only=search --cases=1000000
// Flags: --only=basic,screen,render,search  --cases=N (BENCH_CASES)  --days=N (BENCH_DAYS, default 1095)
//        --runs=N (50)  --naive-runs=N (10)  --data-dir=DIR (BENCH_DATA_DIR: keep the cluster and reuse
//        its generated cases on the next run). docs/benchmarks.md describes the figures.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { sql } from "kysely";
import { createServices, prepareDatabase, seedDemoHistory } from "../src/boot.ts";
import { loadConfig } from "../src/config.ts";
import { ensureDatabase, openPool } from "../src/db/connect.ts";
import { startEmbeddedPostgres } from "../src/db/embedded.ts";
import { buildApp } from "../src/http/app.ts";
import { createLogger } from "../src/logger.ts";
import { benchBasics } from "./basic-bench.ts";
import { describeSizes, generateCases } from "./generate-cases.ts";
import { isWebStale, renderScript } from "./render-step.ts";
import { benchScreen, screenTable } from "./screen-bench.ts";
import { benchSearch } from "./search-bench.ts";

const { values: flags } = parseArgs({
  options: {
    only: { type: "string" },
    cases: { type: "string" },
    days: { type: "string" },
    runs: { type: "string" },
    "naive-runs": { type: "string" },
    "data-dir": { type: "string" },
    queries: { type: "string" },
  },
});
const SECTIONS = new Set((flags.only ?? "basic,screen,render").split(",").map((s) => s.trim()));
const count = (v: string | undefined, fallback: number) => (v === undefined ? fallback : Number(v.replaceAll("_", "")));
const CASES = count(flags.cases ?? process.env.BENCH_CASES, 10_000_000);
const DAYS = count(flags.days ?? process.env.BENCH_DAYS, 1095);
const RUNS = count(flags.runs, 50);
const NAIVE_RUNS = count(flags["naive-runs"], 10);
const DATA_DIR = flags["data-dir"] ?? process.env.BENCH_DATA_DIR;
const QUERIES = count(flags.queries, 400);
const HISTORY = Number(process.env.SEED_HISTORY_CASES ?? 78_182);
const logger = createLogger("warn");
const log = (line: string) => console.log(line);

/**
 * The bench's own embedded cluster, sized for 10M cases on this class of machine (2 CPUs, 23 GB RAM,
 * SSD): memory for the table's hot part and the index builds, few checkpoints during the load, SSD
 * page costs. synchronous_commit is off ONLY here: the cluster is thrown away after the run, and a
 * commit need not wait for the disk. Figures on a default server would differ; docs/benchmarks.md.
 */
const BENCH_PG_SETTINGS: Record<string, string> = {
  shared_buffers: "4GB",
  effective_cache_size: "16GB",
  work_mem: "64MB",
  maintenance_work_mem: "1GB",
  max_wal_size: "16GB",
  checkpoint_timeout: "30min",
  random_page_cost: "1.1",
  synchronous_commit: "off",
};

async function main() {
  for (const s of SECTIONS)
    if (!["basic", "screen", "render", "search"].includes(s)) throw new Error(`--only: unknown section ${s}`);
  if (!Number.isInteger(CASES) || CASES < 0) throw new Error("--cases: a whole number");
  // the server serves apps/web/dist only when it exists at start: build it first when stale
  const render = SECTIONS.has("render") ? await prepareRender() : null;
  const tmp = DATA_DIR ? path.resolve(DATA_DIR) : await mkdtemp(path.join(os.tmpdir(), "civicgrid-bench-"));
  const embedded = process.env.DATABASE_URL
    ? null
    : await startEmbeddedPostgres({ dataDir: tmp, port: 0, logger, ephemeral: !DATA_DIR, settings: BENCH_PG_SETTINGS });
  const adminUrl = process.env.DATABASE_URL ?? embedded!.adminUrl();
  const dbName = DATA_DIR ? "cg_bench" : `cg_bench_${Date.now()}`;
  await ensureDatabase(adminUrl, dbName);
  const url = new URL(adminUrl);
  url.pathname = `/${dbName}`;
  const handle = openPool(url.toString(), null, 20);
  const config = loadConfig({
    CIVICGRID_DEMO_PASSWORD: "bench-password-1",
    SEED_HISTORY_CASES: String(HISTORY),
    NODE_ENV: "test",
    // its own throwaway data folder: the PII and audit keys made at start must not land in ./data
    DATA_DIR: path.join(tmp, "data"),
  });

  let t = performance.now();
  await prepareDatabase(handle, config, logger);
  const seeded = await seedDemoHistory(handle, config, logger);
  log(
    seeded?.cases
      ? `seed (reference + demo accounts + ${HISTORY} history cases): ${((performance.now() - t) / 1000).toFixed(1)} s`
      : "seed: the database was seeded before (--data-dir)",
  );

  t = performance.now();
  const services = await createServices(handle, config, logger);
  log(
    `load directory (divisions, ${services.places.units.size} units, grid index): ${(performance.now() - t).toFixed(0)} ms`,
  );
  const app = await buildApp(services);
  await app.listen({ port: 0, host: "127.0.0.1" });
  const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  const login = async (username: string) => {
    const res = await fetch(`${base}/api/v1/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username, password: "bench-password-1" }),
    });
    return ((await res.json()) as { token: string }).token;
  };

  let generated = false;
  /** The generated cases, once for the screen and the search (with the search tokens when it runs). */
  const generateOnce = async () => {
    if (generated) return;
    generated = true;
    if (CASES > 0 && !(await alreadyGenerated(handle.owner.db))) {
      await generateCases({
        db: handle.owner.db,
        url: url.toString(),
        count: CASES,
        days: DAYS,
        now: new Date(),
        log,
        searchTokens: SECTIONS.has("search"),
      });
      if (DATA_DIR)
        await sql`create table bench_generated as select ${CASES}::bigint as cases, ${DAYS}::int as days, now() as at`.execute(
          handle.owner.db,
        );
    }
  };

  if (SECTIONS.has("basic")) {
    await benchBasics({ services, base, login, log });
    const mem = process.memoryUsage();
    log(
      `server process memory: rss ${(mem.rss / 2 ** 20).toFixed(0)} MiB, heap used ${(mem.heapUsed / 2 ** 20).toFixed(0)} MiB`,
    );
  }

  if (SECTIONS.has("screen")) {
    log("");
    log(`== big screen: ${CASES.toLocaleString("en-US")} generated cases over ${DAYS} days ==`);
    if (embedded)
      log(
        `bench PostgreSQL settings: ${Object.entries(BENCH_PG_SETTINGS)
          .map(([k, v]) => `${k}=${v}`)
          .join(", ")}`,
      );
    await generateOnce();
    log("sizes:");
    for (const line of await describeSizes(handle.owner.db)) log(line);
    log("");
    const rows = await benchScreen({ base, db: services.db, login, runs: RUNS, naiveRuns: NAIVE_RUNS, log });
    log("");
    for (const line of screenTable(rows, RUNS, NAIVE_RUNS)) log(line);
  }

  if (SECTIONS.has("search")) {
    log("");
    log(
      `== smart search: ${QUERIES} queries over ${CASES.toLocaleString("en-US")} generated cases + the seeded history ==`,
    );
    await generateOnce();
    await benchSearch({ base, db: handle.owner.db, login, queries: QUERIES, log });
  }

  if (render) {
    log("");
    log("== big screen rendering (scripts/bench-screen-render.ts) ==");
    await run(
      "npx",
      ["tsx", render, "--base", base, "--user", "leader", "--password", "bench-password-1"],
      process.env,
    );
  }

  await app.close();
  await handle.close();
  if (embedded) await embedded.stop();
  if (!DATA_DIR) await rm(tmp, { recursive: true, force: true });
}

/** With --data-dir: the cases of an earlier run with the same size and days are reused. */
async function alreadyGenerated(db: import("../src/db/connect.ts").Db): Promise<boolean> {
  if (!DATA_DIR) return false;
  const r = await sql<{ cases: number; days: number; at: Date }>`
    select cases, days, at from bench_generated`
    .execute(db)
    .catch(() => null);
  const row = r?.rows[0];
  if (!row) return false;
  if (Number(row.cases) !== CASES || row.days !== DAYS)
    throw new Error(`${DATA_DIR} holds ${row.cases} generated cases over ${row.days} days: use another --data-dir`);
  log(`generated cases reused from ${row.at.toISOString()} (statuses and "today" are as of then)`);
  return true;
}

/**
 * helper C's scripts/bench-screen-render.ts runs against this bench's server when Chromium is
 * installed; its printed figures are part of ours. Returns the script, or null (skipped).
 */
async function prepareRender(): Promise<string | null> {
  const script = renderScript();
  if (!existsSync("/usr/bin/chromium")) return skip("render: skipped (no /usr/bin/chromium)");
  if (!script) return skip("render: skipped (scripts/bench-screen-render.ts not found)");
  if (isWebStale()) {
    log("render: building the web first (apps/web/dist is older than its sources)…");
    await run("npm", ["run", "build", "-w", "@civicgrid/web"], { ...process.env, NODE_ENV: "production" });
  }
  return script;
}

function skip(line: string): null {
  log(line);
  return null;
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: "inherit", env });
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(" ")}: exit ${code}`))));
  });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
