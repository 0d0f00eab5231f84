import { reportedRange } from "./caseQuery.ts";
import type { CaseSummary } from "./types.ts";

/** The server's caps (search-cases.ts): page size, and how deep the ranked results go. */
export const SEARCH_PAGE_SIZE = 20;
export const SEARCH_POOL = 500;

export interface SearchState {
  q: string;
  status: string[];
  categoryCode?: string;
  divisionCode?: string;
  source?: string;
  /** days, YYYY-MM-DD, inclusive */
  from?: string;
  to?: string;
  page: number;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function readSearch(sp: URLSearchParams): SearchState {
  const from = sp.get("from") ?? undefined;
  const to = sp.get("to") ?? undefined;
  const page = Number(sp.get("page"));
  return {
    q: sp.get("q") ?? "",
    status: sp.getAll("status"),
    categoryCode: sp.get("category") || undefined,
    divisionCode: sp.get("division") || undefined,
    source: sp.get("source") || undefined,
    from: from && DAY.test(from) ? from : undefined,
    to: to && DAY.test(to) ? to : undefined,
    page: Number.isInteger(page) && page >= 1 ? Math.min(page, SEARCH_POOL / SEARCH_PAGE_SIZE) : 1,
  };
}

export function writeSearch(s: SearchState): URLSearchParams {
  const sp = new URLSearchParams();
  if (s.q) sp.set("q", s.q);
  for (const x of s.status) sp.append("status", x);
  if (s.categoryCode) sp.set("category", s.categoryCode);
  if (s.divisionCode) sp.set("division", s.divisionCode);
  if (s.source) sp.set("source", s.source);
  if (s.from) sp.set("from", s.from);
  if (s.to) sp.set("to", s.to);
  if (s.page !== 1) sp.set("page", String(s.page));
  return sp;
}

export function apiSearchQuery(s: SearchState): Record<string, unknown> {
  return {
    q: s.q,
    status: s.status,
    categoryCode: s.categoryCode,
    divisionCode: s.divisionCode,
    source: s.source,
    ...reportedRange(s.from, s.to),
    page: s.page,
    pageSize: SEARCH_PAGE_SIZE,
  };
}

/** [start, end) UTF-16 offsets into the text next to them. */
export type Marks = [number, number][];

export interface MarkedText {
  text: string;
  ranges: Marks;
}

export type SearchField = "title" | "code" | "address" | "description" | "note";

export interface SearchHit extends CaseSummary {
  score: number;
  highlight: {
    title: MarkedText;
    address: MarkedText | null;
    snippet: MarkedText & { field: "description" | "note"; cutStart: boolean; cutEnd: boolean };
    matchedIn: SearchField[];
  };
}

export interface SearchPage {
  items: SearchHit[];
  total: number;
  totalCapped: boolean;
  page: number;
  pageSize: number;
  terms: string[];
}
