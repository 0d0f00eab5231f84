// A ranking as an XLSX file: the whole table (not one page), audited like the case export since it
// takes figures and staff names out of the system.
import type { AssessmentTable } from "@civicgrid/shared";
import type { Actor } from "../access/actor.ts";
import type { Ranking } from "../assessment/ranking.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { assessmentFilename, assessmentWorkbook } from "../presenters/assessment-workbook.ts";
import type { Services } from "../services.ts";
import { type AreaQuery, areaRankingFor } from "./get-area-ranking.ts";
import { type PeopleQuery, peopleRankingFor } from "./get-people-ranking.ts";
import { type UnitQuery, unitRankingFor } from "./get-unit-ranking.ts";

export type ExportRequest =
  | { table: "areas"; query: AreaQuery }
  | { table: "units"; query: UnitQuery }
  | { table: "people"; query: PeopleQuery };

export interface ExportAssessmentOptions {
  services: Services;
  actor: Actor;
  request: ExportRequest;
  ip?: string | null;
}

export async function exportAssessment({ services, actor, request, ip }: ExportAssessmentOptions) {
  let ranking: Ranking;
  let table: AssessmentTable;
  switch (request.table) {
    case "areas":
      ranking = await areaRankingFor(services, actor, request.query);
      table = "areas";
      break;
    case "units":
      ranking = await unitRankingFor(services, actor, request.query);
      table = "units";
      break;
    case "people":
      ranking = await peopleRankingFor(services, actor, request.query);
      table = request.query.kind;
      break;
  }
  const now = services.clock.now();
  const file = await assessmentWorkbook(table, ranking, now);
  await recordAudit(services, {
    actor,
    action: "assessment.export",
    objectType: "assessment",
    outcome: "success",
    ip,
    detail: { table, query: request.query, rows: ranking.rows.length },
  });
  return { file, filename: assessmentFilename(table, ranking) };
}
