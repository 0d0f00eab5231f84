// The bench's case generator: N cases (10 million by default) written straight into `cases` by
// PostgreSQL itself, so the big screen's rollups can be measured against the naive GROUP BY at a
// city's full history. docs/benchmarks.md describes the distribution; in short:
//
// - spread over the `days` CST days ending now (3 years by default), each day weighted like the demo
//   seed (working days 1, days off 0.55, times the season's volume), hours by channel (seed profiles);
// - over the real grids, weighted like the seed (urban grids 5 : village grids 1, a point the live
//   locator puts in the same grid), categories by frequency × season, channels grid 55% / 12345 28% /
//   web 8% / app 5% / media 2% / Open311 2%, routed to owner units like live intake (routeCase);
// - walked through the loop with the seed's shares and delays (lifecycle.ts): 2.1% merged, 1.5%
//   rejected, 0.2% stuck for good at an open stage, 6% returned once, 2% handled late, 5% rework,
//   85% rated (88% / 9% / 3%). A step after `now` has not happened: old cases are closed (≈ 99.8%),
//   recent ones wait at every open stage, some past their deadline (overdue);
// - grid-channel cases reported by the grid's worker (one made-up worker per grid, which cannot log
//   in), reporters' personal data columns left null; no case_events rows (the screen never reads them).
//
// How: a few small lookup tables (bench schema, drawn with the seed's own samplers in
// generator-tables.ts), then one INSERT … SELECT from generate_series per batch of ≈ 1M cases
// (case-batch-sql.ts), on two connections at once, with the rollup trigger skipped
// (`set civicgrid.rollup_bulk = 'on'`) and the secondary indexes of `cases` dropped meanwhile and built
// again after, then `case_rollup_rebuild()` and VACUUM ANALYZE. Every row is a pure function of its
// number and the seed: the same size, days and seed give the same cases.
import { sql } from "kysely";
import pg from "pg";
import type { Db } from "../src/db/connect.ts";
import { loadCalendar } from "../src/lib/calendar.ts";
import { loadReference } from "../src/seed/seed-history.ts";
import { caseBatchSql } from "./case-batch-sql.ts";
import { createLookupSchema, generatePatrols } from "./generator-setup.ts";
import { buildLookupTables, type LookupTables } from "./generator-tables.ts";
import { createSearchTokenTables } from "./search-tokens.ts";

export interface GenerateOptions {
  db: Db;
  /** the owner's connection string (the generator opens its own connections) */
  url: string;
  count: number;
  days: number;
  now: Date;
  seed?: number;
  /** cases per INSERT statement */
  batchSize?: number;
  /** connections inserting at once */
  parallel?: number;
  /** write the search tokens (020) too (search-tokens.ts): only for the search bench */
  searchTokens?: boolean;
  log: (line: string) => void;
}

export interface GenerateResult {
  cases: number;
  generateMs: number;
  rebuildMs: number | null;
  analyzeMs: number;
}

export const DEFAULT_BENCH_SEED = 20_250_601;

const fmt = (n: number) => n.toLocaleString("en-US");
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

export async function generateCases(o: GenerateOptions): Promise<GenerateResult> {
  const seed = o.seed ?? DEFAULT_BENCH_SEED;
  const batchSize = o.batchSize ?? 1_000_000;
  const started = performance.now();
  const [ref, calendar, counters, staffed] = await Promise.all([
    loadReference(o.db),
    loadCalendar(o.db),
    o.db.selectFrom("case_code_counters").select(["day", "n"]).execute(),
    o.db.selectFrom("grid_worker_grids").select("grid_code").execute(),
  ]);
  const tables = buildLookupTables({
    ref,
    calendar,
    count: o.count,
    days: o.days,
    now: o.now,
    seed,
    codeOffsets: new Map(counters.map((c) => [String(c.day), c.n])),
    staffedGrids: new Set(staffed.map((s) => s.grid_code)),
  });
  await createLookupSchema(o.db, tables, seed);
  const extra = await hasColumn(o.db, "cases", "handling_work_days");
  const search = o.searchTokens === true && (await hasColumn(o.db, "cases", "search_tokens"));
  if (search) await createSearchTokenTables(o.db, tables);
  o.log(
    `generator: lookup tables ready in ${secs(performance.now() - started)} (${fmt(tables.spots.length)} places, ` +
      `${tables.categories.length} categories, ${fmt(tables.workers.length)} grid workers added)`,
  );

  // batches of whole days, ≈ batchSize cases each; two connections take them in turn
  const batches: { from: number; to: number; cases: number }[] = [];
  for (const d of tables.days) {
    const last = batches[batches.length - 1];
    if (last && last.cases + d.count <= batchSize) {
      last.to = d.i;
      last.cases += d.count;
    } else batches.push({ from: d.i, to: d.i, cases: d.count });
  }
  // secondary indexes are dropped for the load and built again after it (a sorted build is many
  // times faster than 10M random insertions into 22 indexes); the primary key and the unique code
  // stay, so every constraint is checked as the rows go in
  const indexes = await secondaryIndexes(o.db);
  for (const ix of indexes) await sql`drop index ${sql.ref(ix.name)}`.execute(o.db);
  const statement = caseBatchSql(tables.categories.length, extra, search);
  const nowS = o.now.getTime() / 1000;
  const t0 = performance.now();
  let done = 0;
  let next = 0;
  const worker = async () => {
    const client = new pg.Client({ connectionString: o.url });
    await client.connect();
    try {
      // the rollup trigger (017) does nothing for these rows: one rebuild at the end instead;
      // the bench cluster is throwaway, so commits need not wait for the disk
      await client.query("set civicgrid.rollup_bulk = 'on'");
      await client.query("set synchronous_commit = off");
      for (let b = next++; b < batches.length; b = next++) {
        const batch = batches[b]!;
        const t = performance.now();
        const res = await client.query(statement, [batch.from, batch.to, nowS]);
        done += res.rowCount ?? 0;
        const elapsed = performance.now() - t0;
        const days = tables.days;
        o.log(
          `  batch ${b + 1}/${batches.length}: ${days[batch.from]!.day} … ${days[batch.to]!.day}, ` +
            `${fmt(res.rowCount ?? 0)} cases in ${secs(performance.now() - t)}; ` +
            `${fmt(done)} / ${fmt(o.count)} (${fmt(Math.round(done / (elapsed / 1000)))} cases/s, ` +
            `eta ${secs(((o.count - done) * elapsed) / Math.max(1, done))})`,
        );
      }
    } finally {
      await client.end();
    }
  };
  let t = performance.now();
  try {
    await Promise.all(Array.from({ length: Math.min(o.parallel ?? 2, batches.length) }, worker));
    await updateCounters(o.db, tables);
    const insertMs = performance.now() - t0;
    o.log(
      `generator: ${fmt(done)} cases inserted in ${secs(insertMs)} (${fmt(Math.round(done / (insertMs / 1000)))} cases/s)`,
    );
  } finally {
    // even after a failed batch: the table keeps its indexes
    t = performance.now();
    for (const ix of indexes)
      await sql.raw(ix.definition.replace(/^CREATE (UNIQUE )?INDEX /, "CREATE $1INDEX IF NOT EXISTS ")).execute(o.db);
  }
  o.log(`generator: ${indexes.length} secondary indexes of cases built again in ${secs(performance.now() - t)}`);
  const generateMs = performance.now() - t0;

  t = performance.now();
  const patrols = await generatePatrols(o.db, o.now);
  o.log(
    `generator: ${fmt(patrols.patrols)} patrols, ${fmt(patrols.points)} track points in ${secs(performance.now() - t)}`,
  );

  let rebuildMs: number | null = null;
  if (await hasFunction(o.db, "case_rollup_rebuild")) {
    t = performance.now();
    await sql`select case_rollup_rebuild()`.execute(o.db);
    rebuildMs = performance.now() - t;
    o.log(`rollup rebuild (case_rollup_rebuild): ${secs(rebuildMs)}`);
  } else o.log("rollup rebuild: skipped (no case_rollup_rebuild: migration 017 missing)");

  // VACUUM as well as ANALYZE: a table of three years has long been vacuumed (visibility map set, hint
  // bits written), and autovacuum starting on 10M fresh rows in the middle of the timings would skew them
  t = performance.now();
  await sql`vacuum (analyze) cases, patrols, patrol_points`.execute(o.db);
  const analyzeMs = performance.now() - t;
  o.log(`vacuum + analyze: ${secs(analyzeMs)}`);
  await sql`drop schema bench cascade`.execute(o.db);
  return { cases: done, generateMs, rebuildMs, analyzeMs };
}

/** Live intake numbers cases after the serials used here. */
async function updateCounters(db: Db, tables: LookupTables) {
  const days = tables.days.filter((d) => d.count > 0);
  await sql`
    insert into case_code_counters (day, n)
    select * from unnest(${days.map((d) => d.day)}::date[], ${days.map((d) => d.codeOffset + d.count)}::int4[])
    on conflict (day) do update set n = greatest(case_code_counters.n, excluded.n)`.execute(db);
}

/** The indexes of `cases` that back no constraint, with their definitions. */
async function secondaryIndexes(db: Db): Promise<{ name: string; definition: string }[]> {
  const r = await sql<{ name: string; definition: string }>`
    select indexname as name, indexdef as definition from pg_indexes
    where schemaname = 'public' and tablename = 'cases'
      and indexname not in (select conname from pg_constraint where conrelid = 'public.cases'::regclass)
    order by indexname`.execute(db);
  return r.rows;
}

async function hasColumn(db: Db, table: string, column: string): Promise<boolean> {
  const r = await sql<{ n: number }>`select count(*)::int as n from information_schema.columns
    where table_schema = 'public' and table_name = ${table} and column_name = ${column}`.execute(db);
  return r.rows[0]!.n > 0;
}

export async function hasFunction(db: Db, name: string): Promise<boolean> {
  const r = await sql<{ n: number }>`select count(*)::int as n from pg_proc where proname = ${name}`.execute(db);
  return r.rows[0]!.n > 0;
}

/** Table and index sizes and row counts, for the bench's report. */
export async function describeSizes(db: Db): Promise<string[]> {
  const r = await sql<{ name: string; rows: number; heap: string; indexes: string; total: string }>`
    select c.relname as name, c.reltuples::bigint as rows,
      pg_size_pretty(pg_table_size(c.oid)) as heap, pg_size_pretty(pg_indexes_size(c.oid)) as indexes,
      pg_size_pretty(pg_total_relation_size(c.oid)) as total
    from pg_class c join pg_namespace s on s.oid = c.relnamespace
    where s.nspname = 'public' and c.relname in ('cases', 'case_rollup', 'case_close_rollup', 'patrols', 'patrol_points')
    order by pg_total_relation_size(c.oid) desc`.execute(db);
  return r.rows.map(
    (x) =>
      `  ${x.name.padEnd(18)} ${fmt(Number(x.rows)).padStart(12)} rows  table ${x.heap}, indexes ${x.indexes}, total ${x.total}`,
  );
}
