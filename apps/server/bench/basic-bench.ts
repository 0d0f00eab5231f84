// The bench's first sections, on the seeded demo (its year of 78,182 cases): locate, intake,
// lists over the whole history and a transition, through the real HTTP stack.
import { performance } from "node:perf_hooks";
import type { Services } from "../src/services.ts";

export function stats(ms: number[]) {
  const s = [...ms].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? 0;
  return `p50 ${q(0.5).toFixed(1)} ms, p95 ${q(0.95).toFixed(1)} ms, max ${q(1).toFixed(1)} ms (n=${s.length})`;
}

export async function benchBasics(o: {
  services: Services;
  base: string;
  login: (username: string) => Promise<string>;
  log: (line: string) => void;
}) {
  const { services, base, login, log } = o;
  // locate: in-memory grid index
  const N = 200_000;
  let hits = 0;
  let t = performance.now();
  for (let i = 0; i < N; i++) {
    const lat = 40.4 + ((i * 7919) % 10_000) / 10_000;
    const lng = 122.4 + (((i * 104_729) % 10_000) / 10_000) * 1.2;
    if (services.places.locate(lat, lng)) hits++;
  }
  const secs = (performance.now() - t) / 1000;
  log(`locate: ${(N / secs).toFixed(0)} points/s (${hits} of ${N} inside the city)`);

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
  log(`POST /cases sequential: ${stats(seq)}`);
  t = performance.now();
  const conc: number[] = [];
  await Promise.all(
    Array.from({ length: 20 }, async () => {
      for (let i = 0; i < 25; i++) conc.push((await createOne()).ms);
    }),
  );
  log(`POST /cases 20 clients: ${(500 / ((performance.now() - t) / 1000)).toFixed(0)} cases/s, ${stats(conc)}`);

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
  log(`GET /cases city, newest first: ${await timeGet(city, "pageSize=50")}`);
  log(`GET /cases city, overdue: ${await timeGet(city, "overdue=true&pageSize=50")}`);
  log(`GET /cases city, text search: ${await timeGet(city, `q=${encodeURIComponent("垃圾")}&pageSize=50`)}`);
  log(`GET /cases township, status filter: ${await timeGet(centre, "status=reported&status=registered&pageSize=50")}`);

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
  log(`POST /cases/:id/actions/register: ${stats(trans)}`);
}
