// The text condition shared by the search (search-cases.ts) and the case list's `q` (list-cases.ts,
// also the export and the map): the query's phrases against the token index (020), or a full case
// code — so a case is found by its code even before its tokens are written.
import { MAX_QUERY_LEXEMES, type ParsedQuery, parseSearchQuery, queryLexemeCount } from "@civicgrid/domain";
import { type ExpressionBuilder, sql } from "kysely";
import type { Database } from "../db/schema.ts";
import { AppError } from "../errors.ts";

/** The parsed query; too many lexemes (each one a posting list to intersect) is a 400. */
export function parseCaseQuery(q: string): ParsedQuery {
  const parsed = parseSearchQuery(q);
  if (queryLexemeCount(parsed) > MAX_QUERY_LEXEMES)
    throw new AppError("VALIDATION_FAILED", {
      field: "q",
      problem: `at most ${MAX_QUERY_LEXEMES} characters and words to search for`,
    });
  return parsed;
}

/** The cases the query matches; a query with nothing searchable in it matches none. */
export function matchCondition(parsed: ParsedQuery) {
  return (eb: ExpressionBuilder<Database, "cases">) => {
    const conditions = [];
    if (parsed.tsquery) conditions.push(eb(sql`cases.search_tokens`, "@@", sql`${parsed.tsquery}::tsquery`));
    if (parsed.caseCode) conditions.push(eb("cases.code", "=", parsed.caseCode));
    return conditions.length ? eb.or(conditions) : eb.val(false);
  };
}
