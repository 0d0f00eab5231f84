// The case list, always scoped to the caller's jurisdiction, filtered, sorted and paged on the server.
// The filtered query is shared with the export and the map, so all three select the same cases.
import { type InboxBucket, SLA_OPEN_STATUSES } from "@civicgrid/domain";
import type { CaseStatus } from "@civicgrid/shared";
import { type SelectQueryBuilder, sql } from "kysely";
import type { Actor } from "../access/actor.ts";
import { bucketCondition } from "../access/case-relations.ts";
import { divisionColumn, scopeCases } from "../access/case-scope.ts";
import type { Database } from "../db/schema.ts";
import { AppError } from "../errors.ts";
import { matchCondition, parseCaseQuery } from "../search/match-cases.ts";
import type { Services } from "../services.ts";

export interface ListCasesFilter {
  status?: CaseStatus[];
  divisionCode?: string;
  categoryCode?: string;
  source?: string;
  overdue?: boolean;
  ownerUnitCode?: string;
  q?: string;
  reportedFrom?: string;
  reportedTo?: string;
  /** one of the inbox buckets (待办), applied on top of the other filters */
  bucket?: InboxBucket;
}

export type CaseSort = "reportedAt" | "-reportedAt" | "dueAt" | "-dueAt" | "updatedAt" | "-updatedAt";

export interface ListCasesOptions {
  services: Services;
  actor: Actor;
  filter: ListCasesFilter;
  sort: CaseSort;
  page: number;
  pageSize: number;
}

const SORT_COLUMN = { reportedAt: "reported_at", dueAt: "due_at", updatedAt: "updated_at" } as const;
const SLA_OPEN = [...SLA_OPEN_STATUSES];

export async function listCases({ services, actor, filter, sort, page, pageSize }: ListCasesOptions) {
  const qb = filteredCases({ services, actor, filter });
  const [rows, count] = await Promise.all([
    sortCases(qb.selectAll(), sort)
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    qb.select(sql<number>`count(*)::int`.as("n")).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: count.n, page, pageSize };
}

export function sortCases<O>(qb: SelectQueryBuilder<Database, "cases", O>, sort: CaseSort) {
  const desc = sort.startsWith("-");
  const column = SORT_COLUMN[(desc ? sort.slice(1) : sort) as keyof typeof SORT_COLUMN];
  return qb.orderBy(column, (ob) => (desc ? ob.desc().nullsLast() : ob.asc().nullsLast())).orderBy("id");
}

/** The caller's cases matching the filter: a query without a selection, ordering or paging. */
export function filteredCases({ services, actor, filter }: Pick<ListCasesOptions, "services" | "actor" | "filter">) {
  const { db, places, clock } = services;
  let qb = scopeCases(db.selectFrom("cases"), actor);
  if (filter.status?.length) qb = qb.where("status", "in", filter.status);
  if (filter.divisionCode) {
    const grid = filter.divisionCode.length === 14;
    const division = grid ? null : places.division(filter.divisionCode);
    if (!grid && !division)
      throw new AppError("VALIDATION_FAILED", { field: "divisionCode", problem: "unknown division" });
    qb = grid
      ? qb.where("grid_code", "=", filter.divisionCode)
      : qb.where(divisionColumn(division!.level), "=", filter.divisionCode);
  }
  if (filter.categoryCode) {
    // a class or level-1/2 code selects everything below it
    qb = qb.where((eb) =>
      eb.or([
        eb("category_code", "=", filter.categoryCode!),
        eb(
          "category_code",
          "in",
          eb.selectFrom("categories").select("code").where("parent_code", "=", filter.categoryCode!),
        ),
        eb("category_code", "like", `${filter.categoryCode!.replace(/[%_\\]/g, "")}%`),
      ]),
    );
  }
  if (filter.source) qb = qb.where("source", "=", filter.source);
  if (filter.ownerUnitCode) qb = qb.where("owner_unit_code", "=", filter.ownerUnitCode);
  if (filter.reportedFrom) qb = qb.where("reported_at", ">=", new Date(filter.reportedFrom));
  if (filter.reportedTo) qb = qb.where("reported_at", "<", new Date(filter.reportedTo));
  // the search's matching (020, search/match-cases.ts): Chinese substrings and words in the title,
  // code, address, description and notes, through the token index
  if (filter.q?.trim()) qb = qb.where(matchCondition(parseCaseQuery(filter.q)));
  if (filter.overdue !== undefined) {
    const now = clock.now();
    qb = filter.overdue
      ? qb.where("status", "in", SLA_OPEN).where("due_at", "<=", now)
      : qb.where((eb) => eb.or([eb("status", "not in", SLA_OPEN), eb("due_at", "is", null), eb("due_at", ">", now)]));
  }
  if (filter.bucket) qb = qb.where(bucketCondition(actor, filter.bucket, clock.now()));
  return qb;
}
