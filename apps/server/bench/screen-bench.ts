// The big screen's endpoints through the real HTTP stack, timed next to their naive GROUP BY
// equivalents (naive-queries.ts) in the same run, with a check that both give the same figures.
// Sequential requests from one client: p50/p95 are single-request latencies, not throughput.
import { performance } from "node:perf_hooks";
import type { Db } from "../src/db/connect.ts";
import {
  type Level,
  type NaiveScope,
  type NaiveWindows,
  naiveCharts,
  naiveHeat,
  naivePoints,
  naiveSummary,
  naiveWindows,
  naiveWorkers,
} from "./naive-queries.ts";

export interface ScreenBenchOptions {
  base: string;
  db: Db;
  login: (username: string) => Promise<string>;
  runs: number;
  naiveRuns: number;
  log: (line: string) => void;
}

// biome-ignore lint/suspicious/noExplicitAny: response bodies are checked field by field below
type Body = any;

interface Endpoint {
  name: string;
  path: string;
  naive: (db: Db, s: NaiveScope, w: NaiveWindows) => Promise<unknown>;
  /** mismatches between the endpoint's body and the naive figures (empty: they agree) */
  compare: (body: Body, naive: Body) => string[];
}

const POINTS_LIMIT = 10_000;
const near = (a: number | null, b: number | null) => (a === null || b === null ? a === b : Math.abs(a - b) < 1e-9);

function diff(label: string, a: unknown, b: unknown, out: string[]) {
  const same = typeof a === "number" || a === null ? near(a as number | null, b as number | null) : a === b;
  if (!same) out.push(`${label}: endpoint ${String(a)} vs naive ${String(b)}`);
}

const ENDPOINTS: Endpoint[] = [
  {
    name: "summary",
    path: "/api/v1/screen/summary",
    naive: naiveSummary,
    compare: (body, naive) => {
      const out: string[] = [];
      for (const [k, v] of Object.entries(naive)) diff(k, body.kpis[k], v, out);
      return out;
    },
  },
  {
    name: "charts",
    path: "/api/v1/screen/charts?days=30",
    naive: naiveCharts,
    compare: (body, n) => {
      const out: string[] = [];
      for (const d of body.daily) {
        diff(`daily ${d.day} reported`, d.reported, n.reported.get(d.day) ?? 0, out);
        diff(`daily ${d.day} closed`, d.closed, n.closed.get(d.day) ?? 0, out);
      }
      diff(
        "categories",
        JSON.stringify(body.categories.map((c: Body) => [c.code, c.count])),
        JSON.stringify(n.categories.map((c: Body) => [c.code, c.count])),
        out,
      );
      for (const s of body.sources) diff(`source ${s.source}`, s.count, n.sources.get(s.source) ?? 0, out);
      diff("sources", body.sources.length, n.sources.size, out);
      for (const r of body.ranking) {
        const x = n.ranking.get(r.code) ?? { reported: 0, closed: 0, overdue: 0, resolvedRate: null };
        for (const k of ["reported", "closed", "overdue", "resolvedRate"])
          diff(`ranking ${r.code} ${k}`, r[k], x[k], out);
      }
      diff(
        "overdueByUnit",
        JSON.stringify(body.overdueByUnit.map((u: Body) => [u.unitCode, u.count])),
        JSON.stringify(n.overdueByUnit.map((u: Body) => [u.unitCode, u.count])),
        out,
      );
      return out;
    },
  },
  {
    name: "points",
    path: `/api/v1/screen/points?limit=${POINTS_LIMIT}`,
    naive: (db, s, w) => naivePoints(db, s, w, POINTS_LIMIT),
    compare: (body, n) => {
      const out: string[] = [];
      diff("total", body.total, n.total, out);
      diff("items", body.items.length, n.items, out);
      return out;
    },
  },
  {
    name: "heat",
    path: "/api/v1/screen/heat?days=30",
    naive: naiveHeat,
    compare: (body, n: Map<string, number>) => {
      const out: string[] = [];
      diff("cells", body.cells.length, n.size, out);
      for (const c of body.cells) diff(`grid ${c.gridCode}`, c.weight, n.get(c.gridCode) ?? 0, out);
      return out;
    },
  },
  {
    name: "workers",
    path: "/api/v1/screen/workers",
    naive: naiveWorkers,
    compare: (body, n) => {
      const out: string[] = [];
      diff("workers", body.items.length, n, out);
      return out;
    },
  },
];

function quantile(ms: number[], p: number) {
  const s = [...ms].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? 0;
}

const ms = (x: number) => (x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${x.toFixed(1)} ms`);

export interface ScreenRow {
  endpoint: string;
  scope: string;
  first: number;
  p50: number;
  p95: number;
  naiveP50: number;
  naiveP95: number;
  agree: boolean;
  mismatches: string[];
}

export async function benchScreen(o: ScreenBenchOptions): Promise<ScreenRow[]> {
  const scopes: { label: string; user: string; scope: NaiveScope }[] = [
    { label: "city", user: "city_dispatcher", scope: { level: "city" as Level, code: "210300000000" } },
    { label: "district", user: "tiexi_center", scope: { level: "district" as Level, code: "210303000000" } },
  ];
  const rows: ScreenRow[] = [];
  for (const { label, user, scope } of scopes) {
    const token = await o.login(user);
    const get = async (path: string) => {
      const res = await fetch(`${o.base}${path}`, { headers: { authorization: `Bearer ${token}` } });
      const body = await res.json();
      if (res.status !== 200) throw new Error(`${path} as ${user}: ${res.status} ${JSON.stringify(body)}`);
      return body as Body;
    };
    for (const e of ENDPOINTS) {
      let t = performance.now();
      await get(e.path);
      const first = performance.now() - t;
      const times: number[] = [];
      for (let i = 0; i < o.runs; i++) {
        t = performance.now();
        await get(e.path);
        times.push(performance.now() - t);
      }
      const naiveTimes: number[] = [];
      for (let i = 0; i < o.naiveRuns; i++) {
        t = performance.now();
        await e.naive(o.db, scope, naiveWindows(new Date()));
        naiveTimes.push(performance.now() - t);
      }
      // the figures, fetched back to back (live windows such as "the last 30 minutes" move on:
      // a second try settles a case or patrol point crossing the boundary in between)
      let mismatches: string[] = [];
      for (let attempt = 0; attempt < 2; attempt++) {
        const body = await get(e.path);
        mismatches = e.compare(body, await e.naive(o.db, scope, naiveWindows(new Date())));
        if (!mismatches.length) break;
      }
      const row: ScreenRow = {
        endpoint: e.name,
        scope: label,
        first,
        p50: quantile(times, 0.5),
        p95: quantile(times, 0.95),
        naiveP50: quantile(naiveTimes, 0.5),
        naiveP95: quantile(naiveTimes, 0.95),
        agree: mismatches.length === 0,
        mismatches,
      };
      rows.push(row);
      o.log(
        `  ${e.name} (${label}): first ${ms(first)}, p50 ${ms(row.p50)}, p95 ${ms(row.p95)}; ` +
          `naive p50 ${ms(row.naiveP50)}, p95 ${ms(row.naiveP95)}; figures agree: ${row.agree ? "yes" : "no"}`,
      );
      for (const m of mismatches.slice(0, 5)) o.log(`      ${m}`);
    }
  }
  return rows;
}

/** The table `npm run bench` prints (Markdown, so docs/benchmarks.md can take it as is). */
export function screenTable(rows: ScreenRow[], runs: number, naiveRuns: number): string[] {
  const out = [
    `| endpoint | scope | first | rollup p50 | p95 | naive p50 | p95 | speed-up (p50) | p95 ≤ 100 ms, ≥ 10× | figures agree |`,
    "|---|---|--:|--:|--:|--:|--:|--:|:-:|:-:|",
  ];
  for (const r of rows) {
    const speedup = r.naiveP50 / Math.max(r.p50, 0.001);
    const met = r.p95 <= 100 && speedup >= 10;
    out.push(
      `| ${r.endpoint} | ${r.scope} | ${ms(r.first)} | ${ms(r.p50)} | ${ms(r.p95)} | ${ms(r.naiveP50)} | ` +
        `${ms(r.naiveP95)} | ${speedup.toFixed(speedup >= 10 ? 0 : 1)}× | ${met ? "met" : "missed"} | ${r.agree ? "yes" : "no"} |`,
    );
  }
  out.push(
    "",
    `endpoints: ${runs} sequential requests each after one first request; naive: ${naiveRuns} runs each; ` +
      `figures agree: ${rows.every((r) => r.agree) ? "yes" : "no"}`,
  );
  return out;
}
