// The cases behind an alert, newest first, paged; only those the caller may see.
import { sql } from "kysely";
import type { Actor } from "../access/actor.ts";
import { alertCases } from "../analysis/alert-cases.ts";
import { loadCategoryTree } from "../analysis/categories.ts";
import type { Services } from "../services.ts";
import { findAlertInArea } from "./get-analysis-alert.ts";

export interface ListAnalysisAlertCasesOptions {
  services: Services;
  actor: Actor;
  id: string;
  page: number;
  pageSize: number;
}

export async function listAnalysisAlertCases({ services, actor, id, page, pageSize }: ListAnalysisAlertCasesOptions) {
  const alert = await findAlertInArea(services, actor, id);
  const cases = alertCases(services.db, actor, alert, await loadCategoryTree(services.db));
  const [rows, count] = await Promise.all([
    cases
      .selectAll()
      .orderBy("reported_at", "desc")
      .orderBy("id")
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    cases.select(sql<number>`count(*)::int`.as("n")).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: count.n, page, pageSize };
}
