// 综合评价: rankings of areas, units and people over any period (≤ 366 days) with the change against
// the previous period of equal length, their XLSX exports and the monthly PDF report. Permission
// `assessment:view`; everything is scoped to the caller's area (outside: 404). See docs/indicators.md.
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import type { FastifyInstance, FastifyReply } from "fastify";
import { actorOf } from "../http/auth.ts";
import { errorResponses } from "../http/schemas.ts";
import { presentAreaRankingPage, presentRankingPage } from "../presenters/assessment.ts";
import { type ExportRequest, exportAssessment } from "../use-cases/export-assessment.ts";
import { type AreaQuery as AreaQueryInput, getAreaRanking } from "../use-cases/get-area-ranking.ts";
import { getAssessmentReport } from "../use-cases/get-assessment-report.ts";
import { getPeopleRanking, type PeopleQuery as PeopleQueryInput } from "../use-cases/get-people-ranking.ts";
import { getUnitRanking, type UnitQuery as UnitQueryInput } from "../use-cases/get-unit-ranking.ts";
import {
  AreaQuery,
  AreaRankingPage,
  PeopleQuery,
  pagedQuery,
  RankingPage,
  ReportQuery,
  UnitQuery,
} from "./assessment-schemas.ts";

const tags = ["assessment"];
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
/** A file body (sent as is, never serialised), documented as binary in OpenAPI. */
const BinaryResponse = Type.Unsafe<Buffer>({ type: "string", format: "binary" });

export async function assessmentRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const { services } = app;

  r.get(
    "/assessment/areas",
    {
      schema: {
        tags,
        summary: "Areas (district, township, community or grid) under a division, ranked over a period",
        querystring: pagedQuery(AreaQuery),
        response: { 200: AreaRankingPage, ...errorResponses },
      },
    },
    async (request) => {
      const { page = 1, pageSize = 20, ...query } = request.query;
      return presentAreaRankingPage(
        await getAreaRanking({ services, actor: actorOf(request), query: query as AreaQueryInput, page, pageSize }),
      );
    },
  );

  r.get(
    "/assessment/units",
    {
      schema: {
        tags,
        summary: "Units seated in the caller's area, ranked by the cases they own",
        querystring: pagedQuery(UnitQuery),
        response: { 200: RankingPage, ...errorResponses },
      },
    },
    async (request) => {
      const { page = 1, pageSize = 20, ...query } = request.query;
      return presentRankingPage(
        await getUnitRanking({ services, actor: actorOf(request), query: query as UnitQueryInput, page, pageSize }),
      );
    },
  );

  r.get(
    "/assessment/people",
    {
      schema: {
        tags,
        summary: "Grid workers (reports, patrols) or handlers (feedbacks) of the caller's area, ranked",
        querystring: pagedQuery(PeopleQuery),
        response: { 200: RankingPage, ...errorResponses },
      },
    },
    async (request) => {
      const { page = 1, pageSize = 20, ...query } = request.query;
      return presentRankingPage(
        await getPeopleRanking({ services, actor: actorOf(request), query: query as PeopleQueryInput, page, pageSize }),
      );
    },
  );

  const sendFile = (reply: FastifyReply, type: string, filename: string, file: Buffer) =>
    reply
      .header("content-type", type)
      .header("content-disposition", `attachment; filename="${filename}"`)
      .header("cache-control", "no-store")
      .send(file);

  const exports = [
    ["areas", AreaQuery, "The area ranking as an XLSX file (all rows); audited"],
    ["units", UnitQuery, "The unit ranking as an XLSX file (all rows); audited"],
    ["people", PeopleQuery, "The people ranking as an XLSX file (all rows); audited"],
  ] as const;
  for (const [table, querystring, summary] of exports) {
    r.get(
      `/assessment/${table}/export`,
      {
        schema: { tags, summary, querystring, produces: [XLSX], response: { 200: BinaryResponse, ...errorResponses } },
      },
      async (request, reply) => {
        const { file, filename } = await exportAssessment({
          services,
          actor: actorOf(request),
          request: { table, query: request.query } as ExportRequest,
          ip: request.ip,
        });
        return sendFile(reply, XLSX, filename, file);
      },
    );
  }

  r.get(
    "/assessment/report.pdf",
    {
      schema: {
        tags,
        summary: "The monthly assessment report of a division as a PDF, charts drawn on the server",
        querystring: ReportQuery,
        produces: ["application/pdf"],
        response: { 200: BinaryResponse, ...errorResponses, 503: errorResponses[400] },
      },
    },
    async (request, reply) => {
      const { file, filename } = await getAssessmentReport({
        services,
        actor: actorOf(request),
        month: request.query.month,
        division: request.query.division,
      });
      return sendFile(reply, "application/pdf", filename, file);
    },
  );
}
