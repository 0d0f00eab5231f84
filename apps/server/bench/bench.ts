// `npm run bench`: prints speed and memory figures (no assertions). Starts a throwaway embedded
// PostgreSQL (or uses DATABASE_URL's server, in a new database), seeds the demo with its year of
// history, then measures locate, intake, list and transition through the real HTTP stack.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { createServices, prepareDatabase, seedDemoHistory } from "../src/boot.ts";
import { loadConfig } from "../src/config.ts";
import { ensureDatabase, openPool } from "../src/db/connect.ts";
import { startEmbeddedPostgres } from "../src/db/embedded.ts";
import { buildApp } from "../src/http/app.ts";
import { createLogger } from "../src/logger.ts";

const HISTORY = Number(process.env.SEED_HISTORY_CASES ?? 78_182);
const logger = createLogger("warn");

function stats(ms: number[]) {
  const s = [...ms].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? 0;
  return `p50 ${q(0.5).toFixed(1)} ms, p95 ${q(0.95).toFixed(1)} ms, max ${q(1).toFixed(1)} ms (n=${s.length})`;
}

async function main() {
  const tmp = await mkdtemp(path.join(os.tmpdir(), "civicgrid-bench-"));
  const embedded = process.env.DATABASE_URL
    ? null
    : await startEmbeddedPostgres({ dataDir: tmp, port: 0, logger, ephemeral: true });
  const adminUrl = process.env.DATABASE_URL ?? embedded!.adminUrl();
  const dbName = `cg_bench_${Date.now()}`;
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
  await seedDemoHistory(handle, config, logger);
  console.log(
    `seed (reference + demo accounts + ${HISTORY} history cases): ${((performance.now() - t) / 1000).toFixed(1)} s`,
  );

  t = performance.now();
  const services = await createServices(handle, config, logger);
  console.log(
    `load directory (divisions, ${services.places.units.size} units, grid index): ${(performance.now() - t).toFixed(0)} ms`,
  );

  // locate: in-memory grid index
  const N = 200_000;
  let hits = 0;
  t = performance.now();
  for (let i = 0; i < N; i++) {
    const lat = 40.4 + ((i * 7919) % 10_000) / 10_000;
    const lng = 122.4 + (((i * 104_729) % 10_000) / 10_000) * 1.2;
    if (services.places.locate(lat, lng)) hits++;
  }
  const secs = (performance.now() - t) / 1000;
  console.log(`locate: ${(N / secs).toFixed(0)} points/s (${hits} of ${N} inside the city)`);

  const app = await buildApp(services);
  await app.listen({ port: 0, host: "127.0.0.1" });
  const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  const login = async (username: string) =>
    (
      (await (
        await fetch(`${base}/api/v1/auth/login`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ username, password: "bench-password-1" }),
        })
      ).json()) as { token: string }
    ).token;
  const grid = await login("yuhua_grid01");
  const centre = await login("bajiazi_center");
  const city = await login("city_dispatcher");
  const loc = await services.db
    .selectFrom("grids")
    .select("geometry")
    .where("community_code", "=", "210303003003")
    .executeTakeFirstOrThrow();
  const ring = loc.geometry[0]![0]!;
  const lng = ring.reduce((a, p) => a + p[0]!, 0) / ring.length;
  const lat = ring.reduce((a, p) => a + p[1]!, 0) / ring.length;

  // intake: sequential and 20 concurrent clients
  const createOne = async () => {
    const s = performance.now();
    const res = await fetch(`${base}/api/v1/cases`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${grid}` },
      body: JSON.stringify({ description: "楼下垃圾堆放", lat, lng, source: "grid" }),
    });
    const body = (await res.json()) as { id: string };
    return { ms: performance.now() - s, id: body.id };
  };
  const seq: number[] = [];
  const ids: string[] = [];
  for (let i = 0; i < 200; i++) {
    const r = await createOne();
    seq.push(r.ms);
    ids.push(r.id);
  }
  console.log(`POST /cases sequential: ${stats(seq)}`);
  t = performance.now();
  const conc: number[] = [];
  await Promise.all(
    Array.from({ length: 20 }, async () => {
      for (let i = 0; i < 25; i++) conc.push((await createOne()).ms);
    }),
  );
  console.log(`POST /cases 20 clients: ${(500 / ((performance.now() - t) / 1000)).toFixed(0)} cases/s, ${stats(conc)}`);

  // lists over the whole history
  const timeGet = async (token: string, q: string, n = 50) => {
    const out: number[] = [];
    for (let i = 0; i < n; i++) {
      const s = performance.now();
      await (await fetch(`${base}/api/v1/cases?${q}`, { headers: { authorization: `Bearer ${token}` } })).arrayBuffer();
      out.push(performance.now() - s);
    }
    return stats(out);
  };
  console.log(`GET /cases city, newest first: ${await timeGet(city, "pageSize=50")}`);
  console.log(`GET /cases city, overdue: ${await timeGet(city, "overdue=true&pageSize=50")}`);
  console.log(`GET /cases city, text search: ${await timeGet(city, `q=${encodeURIComponent("垃圾")}&pageSize=50`)}`);
  console.log(
    `GET /cases township, status filter: ${await timeGet(centre, "status=reported&status=registered&pageSize=50")}`,
  );

  // transitions
  const trans: number[] = [];
  for (const id of ids.slice(0, 100)) {
    const s = performance.now();
    await fetch(`${base}/api/v1/cases/${id}/actions/register`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${centre}` },
      body: "{}",
    });
    trans.push(performance.now() - s);
  }
  console.log(`POST /cases/:id/actions/register: ${stats(trans)}`);
  const mem = process.memoryUsage();
  console.log(
    `server process memory: rss ${(mem.rss / 2 ** 20).toFixed(0)} MiB, heap used ${(mem.heapUsed / 2 ** 20).toFixed(0)} MiB`,
  );

  await app.close();
  await handle.close();
  if (embedded) await embedded.stop();
  await rm(tmp, { recursive: true, force: true });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
