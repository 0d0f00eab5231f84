// The case filters of GET /cases, shared with the export and the map so that all three accept the
// same query string and select the same cases.
import { INBOX_BUCKETS, type InboxBucket } from "@civicgrid/domain";
import { CASE_SOURCES, CASE_STATUSES, type CaseStatus } from "@civicgrid/shared";
import { Type } from "@sinclair/typebox";
import type { CaseSort, ListCasesFilter } from "../use-cases/list-cases.ts";

export const literalUnion = (values: readonly string[]) => Type.Union(values.map((v) => Type.Literal(v)));

export const CaseFilterQuery = {
  status: Type.Optional(Type.Array(literalUnion(CASE_STATUSES), { maxItems: 10 })),
  divisionCode: Type.Optional(Type.String({ pattern: "^([0-9]{12}|[0-9]{14})$" })),
  categoryCode: Type.Optional(Type.String({ pattern: "^[A-Z0-9]{1,16}$" })),
  source: Type.Optional(literalUnion(CASE_SOURCES)),
  overdue: Type.Optional(Type.Boolean()),
  ownerUnitCode: Type.Optional(Type.String({ maxLength: 64 })),
  q: Type.Optional(Type.String({ maxLength: 100 })),
  reportedFrom: Type.Optional(Type.String({ format: "date-time" })),
  reportedTo: Type.Optional(Type.String({ format: "date-time" })),
  bucket: Type.Optional(literalUnion(INBOX_BUCKETS)),
};

export const CaseSortQuery = {
  sort: Type.Optional(literalUnion(["reportedAt", "-reportedAt", "dueAt", "-dueAt", "updatedAt", "-updatedAt"])),
};

/** The validated query string as the list's filter (paging and other keys left out). */
export function caseFilterOf(query: Record<string, unknown>): ListCasesFilter {
  const filter: Record<string, unknown> = {};
  for (const key of Object.keys(CaseFilterQuery)) if (query[key] !== undefined) filter[key] = query[key];
  return filter as ListCasesFilter & { status?: CaseStatus[]; bucket?: InboxBucket };
}

export function caseSortOf(query: { sort?: string }): CaseSort {
  return (query.sort ?? "-reportedAt") as CaseSort;
}
