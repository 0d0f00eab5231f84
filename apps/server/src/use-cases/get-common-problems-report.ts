// The monthly common-problem report (共性问题月报) of a division of the caller's area, as data and
// text for the workbench (the PDF shows the same, assessment/report/common-problems.ts).
import type { Actor } from "../access/actor.ts";
import { alertAreaOf, narrowArea } from "../analysis/alert-scope.ts";
import { gatherCommonProblems } from "../analysis/monthly.ts";
import { commonProblemsText } from "../assessment/report/common-problems.ts";
import { AppError } from "../errors.ts";
import type { Services } from "../services.ts";

export interface GetCommonProblemsReportOptions {
  services: Services;
  actor: Actor;
  /** YYYY-MM */
  month: string;
  /** a division (12 digits) of the caller's area; default the caller's own */
  division?: string;
}

export async function getCommonProblemsReport({ services, actor, month, division }: GetCommonProblemsReportOptions) {
  const area = narrowArea(services.places, alertAreaOf(actor), division);
  const target = services.places.division(area.code);
  if (!target) throw new AppError("DIVISION_NOT_FOUND", { code: area.code });
  const data = await gatherCommonProblems(services.db, services.places, target, month);
  return { ...data, text: commonProblemsText(data) };
}
