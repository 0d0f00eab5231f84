// The smart search (GET /api/v1/search) through the real HTTP stack over the generated cases and the
// seeded history: a query mix drawn from the cases themselves (no word list: substrings of titles,
// descriptions and addresses of a fixed random sample, and real case codes), a third of it with
// filters, by users of four scopes. Sequential requests from one client: single-request latencies.
import { performance } from "node:perf_hooks";
import { sql } from "kysely";
import type { Db } from "../src/db/connect.ts";
import { indexCaseTexts } from "../src/jobs/index-case-texts.ts";

export interface SearchBenchOptions {
  base: string;
  db: Db;
  login: (username: string) => Promise<string>;
  queries: number;
  log: (line: string) => void;
  seed?: number;
}

type QueryClass = "2 chars" | "3–4 chars" | "two words" | "address" | "case code";

interface BenchQuery {
  kind: QueryClass;
  scope: Scope;
  q: string;
  filters: Record<string, string | string[]>;
}

type Scope = "city" | "district" | "township" | "department";
/** demo accounts (seed/demo-accounts.ts) of each scope, with their share of the queries */
const USERS: { scope: Scope; username: string; share: number }[] = [
  { scope: "city", username: "city_dispatcher", share: 0.4 },
  { scope: "district", username: "tiexi_center", share: 0.2 },
  { scope: "township", username: "bajiazi_center", share: 0.3 },
  { scope: "department", username: "dept_water", share: 0.1 },
];
const CLASSES: { kind: QueryClass; share: number }[] = [
  { kind: "2 chars", share: 0.3 },
  { kind: "3–4 chars", share: 0.3 },
  { kind: "two words", share: 0.15 },
  { kind: "address", share: 0.15 },
  { kind: "case code", share: 0.1 },
];
const FILTERED_SHARE = 1 / 3;
const WARM_UP = 30;
const TARGET_P95_MS = 150;

interface SampleCase {
  code: string;
  title: string;
  description: string;
  address_area: string | null;
  district_code: string;
  category_code: string | null;
  source: string;
}

/** A small seeded generator (mulberry32): the same seed draws the same queries. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const HAN_RUN = /\p{Script=Han}+/gu;

/** A random run of `len` Han characters inside the text, or null. */
function hanSlice(text: string | null, len: number, r: () => number): string | null {
  const runs = [...(text ?? "").matchAll(HAN_RUN)].map((m) => [...m[0]]).filter((cs) => cs.length >= len);
  if (runs.length === 0) return null;
  const run = runs[Math.floor(r() * runs.length)]!;
  const start = Math.floor(r() * (run.length - len + 1));
  return run.slice(start, start + len).join("");
}

function pick<T extends { share: number }>(items: T[], r: () => number): T {
  let u = r();
  for (const it of items) {
    u -= it.share;
    if (u < 0) return it;
  }
  return items[items.length - 1]!;
}

function drawQueries(sample: SampleCase[], n: number, seed: number): BenchQuery[] {
  const r = rng(seed);
  const out: BenchQuery[] = [];
  while (out.length < n) {
    const c = sample[Math.floor(r() * sample.length)]!;
    const { kind } = pick(CLASSES, r);
    let q: string | null = null;
    if (kind === "2 chars") q = hanSlice(r() < 0.6 ? c.title : c.description, 2, r);
    else if (kind === "3–4 chars") q = hanSlice(r() < 0.5 ? c.title : c.description, 3 + Math.floor(r() * 2), r);
    else if (kind === "two words") {
      const a = hanSlice(c.title, 2 + Math.floor(r() * 2), r);
      const b = hanSlice(c.description, 2 + Math.floor(r() * 2), r);
      q = a && b ? `${a} ${b}` : null;
    } else if (kind === "address") q = hanSlice(c.address_area, 3 + Math.floor(r() * 3), r);
    else q = c.code;
    if (!q) continue;
    const { scope } = pick(USERS, r);
    const filters: BenchQuery["filters"] = {};
    if (r() < FILTERED_SHARE) {
      const f = Math.floor(r() * 5);
      if (f === 0) filters.status = r() < 0.5 ? ["closed", "evaluated"] : ["dispatched", "accepted", "handled"];
      if (f === 1 && c.category_code) filters.categoryCode = c.category_code.slice(0, 2);
      if (f === 2) filters.source = c.source;
      if (f === 3) filters.reportedFrom = new Date(Date.now() - (r() < 0.5 ? 30 : 365) * 86_400_000).toISOString();
      if (f === 4 && scope === "city") filters.divisionCode = c.district_code;
      if (Object.keys(filters).length === 0) filters.status = ["closed", "evaluated"];
    }
    out.push({ kind, scope, q, filters });
  }
  return out;
}

function quantile(xs: number[], p: number) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? 0;
}
const ms = (x: number) => `${x.toFixed(1)} ms`;
const fmt = (n: number) => n.toLocaleString("en-US");

function url(base: string, q: BenchQuery) {
  const u = new URL(`${base}/api/v1/search`);
  u.searchParams.set("q", q.q);
  u.searchParams.set("pageSize", "20");
  for (const [k, v] of Object.entries(q.filters))
    for (const x of Array.isArray(v) ? v : [v]) u.searchParams.append(k, x);
  return u.toString();
}

export async function benchSearch(o: SearchBenchOptions): Promise<void> {
  const { db, log } = o;
  // a --data-dir cluster generated for the screen alone has no tokens yet: index them the slow way
  const pending = await sql<{ n: number }>`select count(*)::int as n from cases where search_tokens is null`.execute(
    db,
  );
  if (pending.rows[0]!.n > 0) {
    const t = performance.now();
    const r = await indexCaseTexts({ db, batchSize: 5_000 });
    log(
      `search tokens written for ${fmt(r.cases)} cases without them in ${((performance.now() - t) / 1000).toFixed(1)} s`,
    );
    await sql`vacuum (analyze) cases`.execute(db);
  }
  const sizes = await sql<{ cases: number; tokens: string; avg: number; gin: string }>`
    select (select count(*)::int from cases) as cases,
      pg_size_pretty((select sum(pg_column_size(search_tokens)) from cases)::bigint) as tokens,
      (select avg(pg_column_size(search_tokens))::int from cases) as avg,
      pg_size_pretty(pg_relation_size('cases_search')) as gin`.execute(db);
  const s = sizes.rows[0]!;
  log(`cases: ${fmt(s.cases)}; search tokens ${s.tokens} (${s.avg} bytes a case); GIN index cases_search ${s.gin}`);

  await prewarm(db, log);
  const sample = await sql<SampleCase>`
    select code, title, description, address_area, district_code, category_code, source
    from cases tablesample system (1) repeatable (20250601)
    order by code limit 2000`.execute(db);
  const queries = drawQueries(sample.rows, o.queries + WARM_UP, o.seed ?? 20_250_601);
  const tokens = new Map<Scope, string>();
  for (const u of USERS) tokens.set(u.scope, await o.login(u.username));

  const results: { q: BenchQuery; ms: number; total: number; capped: boolean; plan: string }[] = [];
  for (const [i, q] of queries.entries()) {
    const t = performance.now();
    const res = await fetch(url(o.base, q), { headers: { authorization: `Bearer ${tokens.get(q.scope)}` } });
    const body = (await res.json()) as { total?: number; totalCapped?: boolean; error?: { code: string } };
    const took = performance.now() - t;
    if (!res.ok) throw new Error(`search ${q.q}: ${res.status} ${body.error?.code}`);
    const plan = res.headers.get("x-search-plan") ?? "?";
    if (i >= WARM_UP) results.push({ q, ms: took, total: body.total ?? 0, capped: body.totalCapped ?? false, plan });
  }

  const line = (label: string, rows: typeof results) => {
    if (rows.length === 0) return;
    const t = rows.map((r) => r.ms);
    const totals = rows.map((r) => r.total);
    const capped = rows.filter((r) => r.capped).length;
    log(
      `| ${label} | ${rows.length} | ${ms(quantile(t, 0.5))} | ${ms(quantile(t, 0.95))} | ${ms(quantile(t, 1))} | ` +
        `${fmt(quantile(totals, 0.5))} | ${capped ? `${capped} over the pool` : "—"} |`,
    );
  };
  log("");
  log("| queries | n | p50 | p95 | max | median matches | capped counts |");
  log("|---|---|---|---|---|---|---|");
  for (const c of CLASSES)
    line(
      c.kind,
      results.filter((r) => r.q.kind === c.kind),
    );
  for (const u of USERS)
    line(
      `${u.scope} (${u.username})`,
      results.filter((r) => r.q.scope === u.scope),
    );
  for (const plan of ["walk", "index", "window", "walk+index", "walk+window"])
    line(
      `plan: ${plan}`,
      results.filter((r) => r.plan === plan),
    );
  line(
    "without filters",
    results.filter((r) => Object.keys(r.q.filters).length === 0),
  );
  line(
    "with filters",
    results.filter((r) => Object.keys(r.q.filters).length > 0),
  );
  line("all", results);
  log("");
  log("slowest:");
  for (const r of [...results].sort((a, b) => b.ms - a.ms).slice(0, 8))
    log(
      `  ${ms(r.ms)}  ${r.q.scope}  "${r.q.q}"  ${JSON.stringify(r.q.filters)}  plan ${r.plan}, ` +
        `${r.capped ? "over " : ""}${fmt(r.total)} matches`,
    );
  const p95 = quantile(
    results.map((r) => r.ms),
    0.95,
  );
  log("");
  log(
    `search p50 ${ms(
      quantile(
        results.map((r) => r.ms),
        0.5,
      ),
    )}, p95 ${ms(p95)} over ${fmt(s.cases)} cases: target p95 ≤ ${TARGET_P95_MS} ms ${p95 <= TARGET_P95_MS ? "met" : "NOT met"}`,
  );
}

/**
 * A server that has been answering for a while holds its hot pages in memory; a --data-dir cluster
 * restarted for this run holds none. pg_prewarm (contrib, in the embedded and Debian's server) loads
 * the cases, their tokens and the indexes the search reads, so both start alike.
 */
async function prewarm(db: Db, log: (line: string) => void): Promise<void> {
  try {
    await sql`create extension if not exists pg_prewarm`.execute(db);
    const r = await sql<{ pages: number }>`
      select sum(pg_prewarm(c.oid))::bigint as pages from pg_class c
      where c.relname in ('cases', 'cases_search', 'cases_reported_at', 'cases_district', 'cases_township',
        'cases_community', 'cases_status', 'cases_involved', 'cases_category', 'cases_pkey')
        or c.oid = (select reltoastrelid from pg_class where relname = 'cases')`.execute(db);
    log(
      `prewarmed ${fmt(Math.round((Number(r.rows[0]?.pages ?? 0) * 8) / 1024))} MB of cases and indexes (pg_prewarm)`,
    );
  } catch (err) {
    log(`pg_prewarm not available (${(err as Error).message}): the first queries read from disk`);
  }
}
