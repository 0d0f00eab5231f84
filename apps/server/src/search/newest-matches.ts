// The newest cases a query matches, up to a pool size, with their text relevance — at a cost that
// stays bounded whatever the query (docs/search.md). The GIN index answers "which cases contain
// these lexemes" but not in time order: taking the newest means fetching every match to sort it,
// tens of thousands of rows for a common word. Walking the newest cases of the caller's scope and
// checking each is cheap when one case in a few matches and hopeless when one in a thousand does.
// Left alone, the planner prices a tsvector check and a posting at next to nothing and picks each
// plan where the other is right. So the server estimates N, the cases in scope and filters (the
// planner's estimate: EXPLAIN, no execution), E, how many of them match (N × the share s of the
// query's rarest lexeme in pg_stats, lexeme-stats.ts), and B, at most how many do (the cases holding
// that lexeme city-wide, up to N: a community's name is common in its own district) — a bound too
// high costs a window more, an estimate too low an unbounded pass — and reads:
//
// - walk (s ≥ WALK_SHARE): the newest cases in scope, each checked, up to 1.5 × pool × N/E of
//   them (never more than WALK_BUDGET); when the text is rarer in this scope than city-wide (the
//   name of another district), the walk stops there, and what it saw replaces the estimate for the
//   index passes that go on from where it stopped;
// - index (B ≤ 4 × pool): one pass over the index, every match fetched — at most B rows;
// - windows (otherwise): the index ANDed with "reported in the last d days", d sized to hold about
//   twice the pool if B were spread evenly since the oldest case; each further window sized by
//   what the last one held (none: the rest at once) — a few times the pool in rows.
// The index is asked only for the rarest lexeme, which the planner estimates well (it takes the
// bigrams of a phrase for independent: 垃圾桶 a hundred times rarer than it is) and reads as one
// posting list; the whole query checks the rows it returns. The index passes order by an expression,
// not the column, so that the planner cannot turn them into a time-ordered walk after all.
import type { ParsedQuery } from "@civicgrid/domain";
import { type ExpressionBuilder, sql } from "kysely";
import type { Db } from "../db/connect.ts";
import type { Database } from "../db/schema.ts";
import type { filteredCases } from "../use-cases/list-cases.ts";
import { rarestLexeme } from "./lexeme-stats.ts";

export type ScopedCases = ReturnType<typeof filteredCases>;

/** From this share of matching cases on, walking the newest cases beats reading the index. */
export const WALK_SHARE = 0.1;
/** The most cases one walk checks before it hands over to the index. */
export const WALK_BUDGET = 5_000;
/** A further window reaches at most this many times the previous one's length further back. */
const MAX_GROWTH = 16;
const DAY_MS = 86_400_000;
/** The oldest report, cached: it moves only when history is loaded. */
const OLDEST_TTL_MS = 10 * 60_000;

export interface PoolRow {
  id: string;
  code: string;
  reported_at: Date;
  /** ts_rank(tokens, query, 32): 0..1 */
  rel: number;
}

export type MatchPlan = "walk" | "index" | "window" | "walk+index" | "walk+window";

export interface NewestMatches {
  rows: PoolRow[];
  /** every match was read (the pool did not fill up) */
  complete: boolean;
  plan: MatchPlan;
  /** cases in scope and filters, of them matching if text and place were independent, and at most */
  estimates: { scope: number; matches: number; atMost: number };
}

export async function newestMatches(o: {
  db: Db;
  /** the caller's cases with the filters, without the text */
  scoped: ScopedCases;
  query: ParsedQuery;
  now: Date;
  limit: number;
}): Promise<NewestMatches> {
  const [scope, rarest] = await Promise.all([estimateRows(o.scoped), rarestLexeme(o.db, o.query)]);
  const match = indexedMatch(o.query, rarest?.tsquery ?? "");
  const matches = Math.max(o.query.caseCode ? 1 : 0, Math.round(scope * (rarest?.share ?? 0)));
  // the matches in scope can be many more than scope × share when text and place go together (a
  // community's name in its district), never more than the cases holding the lexeme city-wide
  const atMost = Math.max(matches, Math.min(scope, rarest?.postings ?? 0));
  const estimates = { scope, matches, atMost };
  const pool = o.limit;
  const { tsquery } = o.query;

  let before: Boundary | null = null;
  let walked: PoolRow[] = [];
  // matches there may be in what is left to read: the bound, then what the walk saw
  let expected = atMost;
  if (matches >= WALK_SHARE * scope && matches > pool) {
    const budget = Math.min(WALK_BUDGET, Math.ceil((1.5 * pool * scope) / matches));
    const walk = await walkNewest(o.db, o.scoped, o.query, budget);
    walked = walk.hits.slice(0, pool);
    if (walked.length >= pool || walk.scanned < budget)
      return { rows: walked, complete: walked.length < pool, plan: "walk", estimates };
    before = walk.last;
    // rarer here than city-wide (the name of another district): trust the share the walk saw
    expected = Math.ceil((Math.max(1, walk.hits.length) / walk.scanned) * scope);
  }
  const older = (qb: ScopedCases) => (before ? qb.where(olderThan(before)) : qb);
  const rows = [...walked];
  if (expected <= 4 * pool) {
    rows.push(...(await pass(o.db, older(o.scoped.where(match)), pool - rows.length, tsquery)));
    return { rows, complete: rows.length < pool, plan: before ? "walk+index" : "index", estimates };
  }
  const oldest = await oldestReport(o.db);
  const from = before?.reported_at ?? o.now;
  const spanDays = Math.max(1, (from.getTime() - oldest.getTime()) / DAY_MS);
  let days = Math.max(1, Math.ceil((spanDays * 2 * pool) / expected));
  let upper: Date | null = null;
  let reach = 0;
  for (;;) {
    const lower = days >= spanDays ? null : new Date(from.getTime() - days * DAY_MS);
    let qb = older(o.scoped.where(match));
    if (lower) qb = qb.where("cases.reported_at", ">=", lower);
    if (upper) qb = qb.where("cases.reported_at", "<", upper);
    const got = await pass(o.db, qb, pool - rows.length, tsquery);
    rows.push(...got);
    if (rows.length >= pool || !lower) break;
    // the next window sized by what this one held: none — the rest at once; some — enough for the
    // pool at that rate, at least twice and at most MAX_GROWTH times as far back
    const span = days - reach;
    reach = days;
    upper = lower;
    days =
      got.length === 0
        ? spanDays
        : days + Math.min(MAX_GROWTH * span, Math.max(span, (1.5 * span * (pool - rows.length)) / got.length));
  }
  return { rows, complete: rows.length < pool, plan: before ? "walk+window" : "window", estimates };
}

/**
 * The query for the index passes: the index is asked for the rarest lexeme (lexeme-stats.ts), and the
 * whole query checks what it returns (written so that no index takes that part); a full case code
 * also matches by its column.
 */
function indexedMatch(query: ParsedQuery, indexed: string) {
  return (eb: ExpressionBuilder<Database, "cases">) => {
    const conditions = [];
    if (query.tsquery) {
      const lookup = eb(sql`cases.search_tokens`, "@@", sql`${indexed}::tsquery`);
      conditions.push(
        indexed === query.tsquery
          ? lookup
          : eb.and([lookup, eb(sql`(cases.search_tokens @@ ${query.tsquery}::tsquery)`, "is", true)]),
      );
    }
    if (query.caseCode) conditions.push(eb("cases.code", "=", query.caseCode));
    return conditions.length ? eb.or(conditions) : eb.val(false);
  };
}

/** Where a walk stopped: the last case it checked (newest first, then by id). */
interface Boundary {
  reported_at: Date;
  id: string;
}

function olderThan(b: Boundary) {
  return (eb: ExpressionBuilder<Database, "cases">) =>
    eb.or([
      eb("cases.reported_at", "<", b.reported_at),
      eb.and([eb("cases.reported_at", "=", b.reported_at), eb("cases.id", ">", b.id)]),
    ]);
}

/**
 * The newest `budget` cases in scope, each checked against the query (written so that no index can
 * take it): the matches with their relevance, how many were checked, and the last one checked.
 */
async function walkNewest(db: Db, scoped: ScopedCases, query: ParsedQuery, budget: number) {
  const inner = scoped
    .select(["cases.id", "cases.code", "cases.reported_at", "cases.search_tokens"])
    .orderBy("cases.reported_at", "desc")
    .orderBy("cases.id")
    .limit(budget);
  const tsquery = query.tsquery ? sql`${query.tsquery}::tsquery` : sql`''::tsquery`;
  const rows = await db
    .selectFrom(inner.as("w"))
    .select([
      "w.id",
      "w.code",
      "w.reported_at",
      sql<boolean>`(w.search_tokens @@ ${tsquery}) is true or w.code = ${query.caseCode ?? ""}`.as("hit"),
    ])
    .orderBy("w.reported_at", "desc")
    .orderBy("w.id")
    .execute();
  const hits = rows.filter((r) => r.hit);
  const ranks = hits.length
    ? await db
        .selectFrom("cases")
        .select(["id", sql<number>`coalesce(ts_rank(search_tokens, ${tsquery}, 32), 0)`.as("rel")])
        .where(
          "id",
          "in",
          hits.map((h) => h.id),
        )
        .execute()
    : [];
  const rel = new Map(ranks.map((r) => [r.id, Number(r.rel)]));
  const last = rows[rows.length - 1];
  return {
    hits: hits.map((h): PoolRow => ({ id: h.id, code: h.code, reported_at: h.reported_at, rel: rel.get(h.id) ?? 0 })),
    scanned: rows.length,
    last: last ? { reported_at: last.reported_at, id: last.id } : null,
  };
}

/**
 * One index pass: the newest `limit` rows of the query with their relevance (computed on those rows
 * only). It orders by an expression, not the column, so that the planner cannot turn it into a
 * time-ordered walk (see above).
 */
async function pass(db: Db, qb: ScopedCases, limit: number, tsquery: string) {
  const inner = qb
    .select(["cases.id", "cases.code", "cases.reported_at", "cases.search_tokens"])
    .orderBy(sql`cases.reported_at + interval '0 seconds'`, "desc")
    .orderBy("cases.id")
    .limit(limit);
  const got = await db
    .selectFrom(inner.as("m"))
    .select([
      "m.id",
      "m.code",
      "m.reported_at",
      sql<number>`coalesce(ts_rank(m.search_tokens, ${tsquery || ""}::tsquery, 32), 0)`.as("rel"),
    ])
    .execute();
  return got.map((r): PoolRow => ({ id: r.id, code: r.code, reported_at: r.reported_at, rel: Number(r.rel) }));
}

/** The planner's estimate of the rows of a query (EXPLAIN: planned, not run). */
async function estimateRows(qb: ScopedCases): Promise<number> {
  const plan = await qb.select(sql.lit(1).as("one")).explain("json");
  const root = (plan[0]?.["QUERY PLAN"] as { Plan?: { "Plan Rows"?: number } }[] | undefined)?.[0]?.Plan;
  return root?.["Plan Rows"] ?? Number.POSITIVE_INFINITY;
}

let oldestCache: { at: number; value: Date; db: Db } | null = null;

async function oldestReport(db: Db): Promise<Date> {
  if (oldestCache && oldestCache.db === db && Date.now() - oldestCache.at < OLDEST_TTL_MS) return oldestCache.value;
  const row = await db.selectFrom("cases").select(sql<Date | null>`min(reported_at)`.as("oldest")).executeTakeFirst();
  const value = row?.oldest ?? new Date();
  oldestCache = { at: Date.now(), value, db };
  return value;
}
