// A page of search results: each case's summary (as in the case list) with what matched where — the
// title and coarse address with their marks, and one snippet from the description or a note around
// the first match. Marks are [start, end) UTF-16 offsets into the text given next to them.
import { highlightRanges, type ParsedQuery, snippetOf, type TextRange } from "@civicgrid/domain";
import type { PlaceDirectory } from "../places/directory.ts";
import type { SearchCasesResult, SearchHit } from "../use-cases/search-cases.ts";
import { presentCaseSummary } from "./case.ts";

export const SNIPPET_LENGTH = 120;
/** marks per text: a snippet of 120 characters holds at most 60 */
export const MAX_MARKS = 60;

export type SearchField = "title" | "code" | "address" | "description" | "note";

const marked = (text: string, query: ParsedQuery) => ({
  text,
  ranges: highlightRanges(text, query).slice(0, MAX_MARKS),
});

export function presentSearchHit(hit: SearchHit, query: ParsedQuery, places: PlaceDirectory, now: Date) {
  const { row } = hit;
  const title = marked(row.title, query);
  const address = row.address_area ? marked(row.address_area, query) : null;
  const code = highlightRanges(row.code, query);
  const description = highlightRanges(row.description, query);
  const notes = hit.notes.map((text) => ({ text, ranges: highlightRanges(text, query) }));
  const note = notes.find((n) => n.ranges.length > 0);
  const matchedIn: SearchField[] = [];
  if (title.ranges.length) matchedIn.push("title");
  if (code.length) matchedIn.push("code");
  if (address?.ranges.length) matchedIn.push("address");
  if (description.length) matchedIn.push("description");
  if (note) matchedIn.push("note");
  // the description when it matched (or nothing else did), else the first note that did
  const source: { field: "description" | "note"; text: string; ranges: TextRange[] } =
    description.length || !note
      ? { field: "description", text: row.description, ranges: description }
      : { field: "note", text: note.text, ranges: note.ranges };
  const snippet = snippetOf(source.text, source.ranges, SNIPPET_LENGTH);
  return {
    ...presentCaseSummary(row, places, now),
    score: Math.round(hit.score * 10_000) / 10_000,
    highlight: {
      title,
      address,
      snippet: { field: source.field, ...snippet, ranges: snippet.ranges.slice(0, MAX_MARKS) },
      matchedIn,
    },
  };
}

export function presentSearchPage(result: SearchCasesResult, places: PlaceDirectory, now: Date) {
  return {
    items: result.hits.map((hit) => presentSearchHit(hit, result.query, places, now)),
    total: result.total,
    totalCapped: result.totalCapped,
    page: result.page,
    pageSize: result.pageSize,
    terms: result.query.terms.map((t) => t.raw),
  };
}
