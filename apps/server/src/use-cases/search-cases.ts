// 智能搜索: one query over the caller's cases — title, code, address, description and the notes along
// the loop — with the case list's filters, ranked by relevance and recency (docs/search.md).
//
// The matching cases (token index, 020; jurisdiction and filters as in the case list) are taken
// newest first up to RANK_POOL (search/newest-matches.ts keeps that bounded on a million cases), and
// those are ranked by
//   score = ts_rank(tokens, query, 32) × (RECENCY_FLOOR + (1 − RECENCY_FLOOR) × e^(−age / RECENCY_DAYS))
// — ts_rank/(1 + ts_rank) weighs where the words stand (title and code A, address B, description C,
// notes D) and how often; the recency factor halves an old case at most. A full case code ranks
// first. A common word in a million cases thus ranks its newest RANK_POOL matches; a rare one all of
// them. Paging goes as deep as the pool, and the total is exact below it ("more than" at it).
import type { ParsedQuery } from "@civicgrid/domain";
import type { CaseSource, CaseStatus } from "@civicgrid/shared";
import type { Actor } from "../access/actor.ts";
import { scopeCases } from "../access/case-scope.ts";
import type { CaseRow } from "../db/schema.ts";
import { AppError } from "../errors.ts";
import { SYSTEM_EVENT_ACTIONS } from "../search/case-document.ts";
import { parseCaseQuery } from "../search/match-cases.ts";
import { type NewestMatches, newestMatches } from "../search/newest-matches.ts";
import type { Services } from "../services.ts";
import { filteredCases } from "./list-cases.ts";

/** The newest matches ranked per query: also how deep the pages go and where the count stops. */
export const RANK_POOL = 500;
export const RECENCY_DAYS = 90;
export const RECENCY_FLOOR = 0.5;
export const SEARCH_MAX_PAGE_SIZE = 50;

export interface SearchCasesFilter {
  status?: CaseStatus[];
  categoryCode?: string;
  source?: CaseSource;
  divisionCode?: string;
  reportedFrom?: string;
  reportedTo?: string;
}

export interface SearchCasesOptions {
  services: Services;
  actor: Actor;
  q: string;
  filter: SearchCasesFilter;
  page: number;
  pageSize: number;
}

export interface SearchHit {
  row: CaseRow;
  score: number;
  /** the case's notes (events in order, then note columns no event carries), for the snippets */
  notes: string[];
}

export interface SearchCasesResult {
  query: ParsedQuery;
  hits: SearchHit[];
  total: number;
  /** more cases match than RANK_POOL: `total` is the pool, the rest were not read */
  totalCapped: boolean;
  /** how the pool was read (search/newest-matches.ts), for the bench and the logs */
  plan: NewestMatches["plan"];
  page: number;
  pageSize: number;
}

export async function searchCases({
  services,
  actor,
  q,
  filter,
  page,
  pageSize,
}: SearchCasesOptions): Promise<SearchCasesResult> {
  const query = parseCaseQuery(q);
  if (!query.tsquery && !query.caseCode)
    throw new AppError("VALIDATION_FAILED", {
      field: "q",
      problem: "nothing to search for: no letters, digits or Chinese",
    });
  if (page * pageSize > RANK_POOL)
    throw new AppError("VALIDATION_FAILED", {
      field: "page",
      problem: `search results go ${RANK_POOL} deep: narrow the query or the filters`,
    });
  const { db, clock } = services;
  const now = clock.now();
  const scoped = filteredCases({ services, actor, filter });

  const pool = await newestMatches({ db, scoped, query, now, limit: RANK_POOL });
  const ranked = pool.rows
    .map((r) => ({ ...r, score: r.code === query.caseCode ? 2 : r.rel * recencyFactor(now, r.reported_at) }))
    .sort((a, b) => b.score - a.score || b.reported_at.getTime() - a.reported_at.getTime() || (a.id < b.id ? -1 : 1))
    .slice((page - 1) * pageSize, page * pageSize);

  const ids = ranked.map((r) => r.id);
  const [rows, notes] = ids.length
    ? await Promise.all([
        scopeCases(db.selectFrom("cases").selectAll(), actor).where("id", "in", ids).execute(),
        db
          .selectFrom("case_events")
          .select(["case_id", "note"])
          .where("case_id", "in", ids)
          .where("note", "is not", null)
          .where("action", "not in", SYSTEM_EVENT_ACTIONS)
          .orderBy("case_id")
          .orderBy("seq")
          .execute(),
      ])
    : [[], []];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const notesOf = new Map<string, string[]>();
  for (const n of notes) {
    const list = notesOf.get(n.case_id) ?? [];
    if (!list.includes(n.note!)) list.push(n.note!);
    notesOf.set(n.case_id, list);
  }
  const hits: SearchHit[] = [];
  for (const r of ranked) {
    const row = byId.get(r.id);
    if (!row) continue;
    const list = notesOf.get(r.id) ?? [];
    for (const n of [row.result_note, row.rating_comment, row.last_return_reason])
      if (n && !list.includes(n)) list.push(n);
    hits.push({ row, score: r.score, notes: list });
  }
  return { query, hits, total: pool.rows.length, totalCapped: !pool.complete, plan: pool.plan, page, pageSize };
}

/** 1 for a case reported now, falling towards RECENCY_FLOOR with age (e-folding RECENCY_DAYS). */
export function recencyFactor(now: Date, reportedAt: Date): number {
  const ageDays = Math.max(0, now.getTime() - reportedAt.getTime()) / 86_400_000;
  return RECENCY_FLOOR + (1 - RECENCY_FLOOR) * Math.exp(-ageDays / RECENCY_DAYS);
}
