// The case list as a file: the same filters as GET /cases (jurisdiction included), at most
// EXPORT_MAX_ROWS rows. Every export is audited with its filter, since it takes case data out of the
// system in bulk.
import type { Actor } from "../access/actor.ts";
import { recordAudit } from "../audit/record-audit.ts";
import type { Services } from "../services.ts";
import { type CaseSort, filteredCases, type ListCasesFilter, sortCases } from "./list-cases.ts";

export const EXPORT_MAX_ROWS = 10_000;

export interface ExportCasesOptions {
  services: Services;
  actor: Actor;
  filter: ListCasesFilter;
  sort: CaseSort;
  ip?: string | null;
}

export async function exportCases({ services, actor, filter, sort, ip }: ExportCasesOptions) {
  const query = filteredCases({ services, actor, filter }).select((eb) => [
    "cases.code",
    "cases.title",
    "cases.status",
    "cases.source",
    "cases.category_code",
    "cases.district_code",
    "cases.township_code",
    "cases.community_code",
    "cases.grid_code",
    "cases.owner_unit_code",
    "cases.reported_at",
    "cases.due_at",
    eb
      .selectFrom("categories")
      .select("categories.name")
      .whereRef("categories.code", "=", "cases.category_code")
      .as("category_name"),
  ]);
  // one row more than the cap tells whether the export was cut
  const fetched = await sortCases(query, sort)
    .limit(EXPORT_MAX_ROWS + 1)
    .execute();
  const truncated = fetched.length > EXPORT_MAX_ROWS;
  const rows = truncated ? fetched.slice(0, EXPORT_MAX_ROWS) : fetched;
  await recordAudit(services, {
    actor,
    action: "case.export",
    objectType: "case",
    outcome: "success",
    ip,
    detail: { filter, sort, rows: rows.length, truncated },
  });
  return { rows, truncated };
}
