// How common the query's lexemes are, from the statistics ANALYZE keeps on `cases.search_tokens`
// (pg_stats.most_common_elems: the ~10,000 most common lexemes at statistics target 1000, 020),
// read once every ten minutes; a lexeme outside the list counts as half the least common one, as
// the planner counts it.
import type { ParsedQuery, QueryLexeme } from "@civicgrid/domain";
import { sql } from "kysely";
import type { Db } from "../db/connect.ts";

const TTL_MS = 10 * 60_000;

interface Stats {
  freq: Map<string, number>;
  /** sorted lexemes, for prefixes */
  sorted: string[];
  /** the frequency given to a lexeme outside the list (PostgreSQL's rule: half the least common) */
  floor: number;
  /** cases in the table, as ANALYZE last counted them */
  rows: number;
}

let cache: { at: number; db: Db; stats: Stats } | null = null;

async function load(db: Db): Promise<Stats> {
  if (cache && cache.db === db && Date.now() - cache.at < TTL_MS) return cache.stats;
  const [r, t] = await Promise.all([
    sql<{ elems: string[] | null; freqs: number[] | null }>`
      select most_common_elems::text::text[] as elems, most_common_elem_freqs as freqs
      from pg_stats where schemaname = current_schema() and tablename = 'cases' and attname = 'search_tokens'`.execute(
      db,
    ),
    sql<{ rows: number }>`select reltuples::float8 as rows from pg_class where oid = 'cases'::regclass`.execute(db),
  ]);
  const row = r.rows[0];
  const freq = new Map<string, number>();
  const elems = row?.elems ?? [];
  const freqs = row?.freqs ?? [];
  for (const [i, e] of elems.entries()) freq.set(e, freqs[i] ?? 0);
  // after the per-element frequencies PostgreSQL stores the minimum and the maximum
  const min = freqs.length > elems.length ? (freqs[elems.length] ?? 0) : 0;
  const stats: Stats = {
    freq,
    sorted: [...elems].sort(),
    // no statistics yet (a fresh database): assume rare, the index plan is then right
    floor: elems.length ? min / 2 : 0.0001,
    rows: Math.max(0, Number(t.rows[0]?.rows ?? 0)),
  };
  cache = { at: Date.now(), db, stats };
  return stats;
}

function lexemeShare(s: Stats, l: QueryLexeme): number {
  if (!l.prefix) return s.freq.get(l.text) ?? s.floor;
  // a prefix: the lexemes of the list that start with it (binary search for the first)
  let lo = 0;
  let hi = s.sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (s.sorted[mid]! < l.text) lo = mid + 1;
    else hi = mid;
  }
  let sum = 0;
  for (let i = lo; i < s.sorted.length && s.sorted[i]!.startsWith(l.text); i++) sum += s.freq.get(s.sorted[i]!) ?? 0;
  return Math.min(1, Math.max(sum, s.floor));
}

/**
 * The query's rarest lexeme and the share of cases holding it: the most cases the query can match
 * (each of its words must be there), and the one posting list the index is asked for — the whole
 * query then checks the rows it returns. Estimating below that bound is what goes wrong: the planner
 * multiplies the bigrams of a phrase, and the words of one query, as if independent, and they are
 * not (垃圾 and 圾桶; a citizen's two words for the same problem).
 */
export async function rarestLexeme(
  db: Db,
  query: ParsedQuery,
): Promise<{ tsquery: string; share: number; postings: number } | null> {
  const lexemes = query.terms.flatMap((t) => t.lexemes);
  if (lexemes.length === 0) return null;
  const s = await load(db);
  let best = lexemes[0]!;
  let share = lexemeShare(s, best);
  for (const l of lexemes.slice(1)) {
    const x = lexemeShare(s, l);
    if (x < share) [best, share] = [l, x];
  }
  return { tsquery: `'${best.text}'${best.prefix ? ":*" : ""}`, share, postings: Math.ceil(share * s.rows) };
}
