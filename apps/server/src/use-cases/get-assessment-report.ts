// The monthly assessment report (综合评价月报) of a division of the viewer's area as a PDF, charts
// drawn on the server. Audited: it carries staff names (the grid workers' table).
import type { Actor } from "../access/actor.ts";
import { divisionIn, viewerArea } from "../assessment/jurisdiction.ts";
import { gatherReport, monthPeriods } from "../assessment/report/data.ts";
import { findReportFont } from "../assessment/report/font.ts";
import { buildReportModel } from "../assessment/report/model.ts";
import { renderReportPdf } from "../assessment/report/pdf.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { AppError } from "../errors.ts";
import type { Services } from "../services.ts";

export interface GetAssessmentReportOptions {
  services: Services;
  actor: Actor;
  /** YYYY-MM */
  month: string;
  /** a division of the viewer's area (default: the viewer's own) */
  division?: string;
}

export async function getAssessmentReport({ services, actor, month, division }: GetAssessmentReportOptions) {
  const area = viewerArea(actor, services.places);
  const target = divisionIn(area, services.places, division);
  const periods = monthPeriods(month);
  if (!periods) throw new AppError("PERIOD_INVALID", { month, maxDays: 366 });
  const font = findReportFont();
  const now = services.clock.now();
  const data = await gatherReport(services.db, services.places, target, month, periods, now);
  const file = await renderReportPdf(await buildReportModel(data, now), font, now);
  await recordAudit(services, {
    actor,
    action: "assessment.report",
    objectType: "division",
    objectId: target.code,
    outcome: "success",
    detail: { month, bytes: file.length },
  });
  return { file, filename: `assessment-report-${target.code}-${month}.pdf` };
}
