import { INBOX_BUCKETS } from "@civicgrid/domain";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import type { FastifyInstance } from "fastify";
import { actorOf } from "../http/auth.ts";
import { ErrorResponse } from "../http/schemas.ts";
import { presentAssignOptions, presentCaseMarker, presentDispatchOptions } from "../presenters/case-options.ts";
import { caseWorkbook, exportFilename } from "../presenters/case-workbook.ts";
import { exportCases } from "../use-cases/export-cases.ts";
import { getAssignOptions } from "../use-cases/get-assign-options.ts";
import { getDispatchOptions } from "../use-cases/get-dispatch-options.ts";
import { getInbox } from "../use-cases/get-inbox.ts";
import { MAP_DEFAULT_LIMIT, MAP_MAX_LIMIT, mapCases } from "../use-cases/map-cases.ts";
import { revealReporter, revealReporterPhone } from "../use-cases/reveal-reporter-phone.ts";
import { attachmentRoutes } from "./attachments.routes.ts";
import { CaseFilterQuery, CaseSortQuery, caseFilterOf, caseSortOf, literalUnion } from "./case-filter-schema.ts";
import { RevealBody } from "./reveal-schemas.ts";

/** A file body (sent as is, never serialised), documented as binary in OpenAPI. */
const BinaryResponse = Type.Unsafe<Buffer>({ type: "string", format: "binary" });

const IdParams = Type.Object({ id: Type.String({ format: "uuid" }) });
const ZhEn = Type.Object({ zh: Type.String(), en: Type.String() });
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** Routes added for the staff workbench (issue #3); see docs/api-workbench.md. */
export async function workbenchRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const { services } = app;
  await app.register(attachmentRoutes);

  r.get(
    "/inbox",
    {
      schema: {
        tags: ["workbench"],
        summary: "待办: how many cases wait on the caller in each bucket (list them with GET /cases?bucket=)",
        response: {
          200: Type.Object({
            buckets: Type.Array(Type.Object({ key: literalUnion(INBOX_BUCKETS), count: Type.Integer() })),
          }),
          401: ErrorResponse,
        },
      },
    },
    async (request) => getInbox({ services, actor: actorOf(request) }),
  );

  r.get(
    "/cases/export",
    {
      schema: {
        tags: ["workbench"],
        summary: "The filtered case list as an XLSX file (≤ 10,000 rows; X-Truncated: true when cut); audited",
        querystring: Type.Object({ ...CaseFilterQuery, ...CaseSortQuery }),
        produces: [XLSX],
        response: { 200: BinaryResponse, 400: ErrorResponse, 401: ErrorResponse },
      },
    },
    async (request, reply) => {
      const { rows, truncated } = await exportCases({
        services,
        actor: actorOf(request),
        filter: caseFilterOf(request.query),
        sort: caseSortOf(request.query),
        ip: request.ip,
      });
      const now = services.clock.now();
      const file = await caseWorkbook(rows, services.places, now);
      if (truncated) reply.header("x-truncated", "true");
      return reply
        .header("content-type", XLSX)
        .header("content-disposition", `attachment; filename="${exportFilename(now)}"`)
        .header("cache-control", "no-store")
        .send(file);
    },
  );

  r.get(
    "/cases/map",
    {
      schema: {
        tags: ["workbench"],
        summary: "Filtered cases as map points, newest first",
        querystring: Type.Object({
          ...CaseFilterQuery,
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: MAP_MAX_LIMIT, default: MAP_DEFAULT_LIMIT })),
        }),
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                id: Type.String(),
                code: Type.String(),
                title: Type.String(),
                status: Type.String(),
                lat: Type.Number(),
                lng: Type.Number(),
                overdue: Type.Boolean(),
                reportedAt: Type.String(),
              }),
            ),
            truncated: Type.Boolean(),
          }),
          400: ErrorResponse,
          401: ErrorResponse,
        },
      },
    },
    async (request) => {
      const { rows, truncated } = await mapCases({
        services,
        actor: actorOf(request),
        filter: caseFilterOf(request.query),
        limit: request.query.limit ?? MAP_DEFAULT_LIMIT,
      });
      const now = services.clock.now();
      return { items: rows.map((row) => presentCaseMarker(row, now)), truncated };
    },
  );

  r.get(
    "/cases/:id/dispatch-options",
    {
      schema: {
        tags: ["workbench"],
        summary: "派遣: the units the caller may dispatch this case to, grouped by level, with the suggestion",
        params: IdParams,
        response: {
          200: Type.Object({
            suggested: Type.Union([
              Type.Object({ unitCode: Type.String(), name: Type.String(), reason: ZhEn }),
              Type.Null(),
            ]),
            groups: Type.Array(
              Type.Object({
                key: Type.String(),
                label: ZhEn,
                units: Type.Array(
                  Type.Object({
                    code: Type.String(),
                    name: Type.String(),
                    type: Type.String(),
                    departmentKind: Type.Union([Type.String(), Type.Null()]),
                  }),
                ),
              }),
            ),
          }),
          400: ErrorResponse,
          401: ErrorResponse,
          404: ErrorResponse,
        },
      },
    },
    async (request) =>
      presentDispatchOptions(
        await getDispatchOptions({ services, actor: actorOf(request), caseId: request.params.id }),
      ),
  );

  r.get(
    "/cases/:id/assign-options",
    {
      schema: {
        tags: ["workbench"],
        summary: "下派: the centres one level down the caller may hand this case to",
        params: IdParams,
        response: {
          200: Type.Object({
            units: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), type: Type.String() })),
          }),
          400: ErrorResponse,
          401: ErrorResponse,
          404: ErrorResponse,
        },
      },
    },
    async (request) =>
      presentAssignOptions(await getAssignOptions({ services, actor: actorOf(request), caseId: request.params.id })),
  );

  r.post(
    "/cases/:id/reporter-phone",
    {
      schema: {
        tags: ["workbench"],
        summary: "The reporter's full phone number, with a reason (hotline agents and centres; audited)",
        params: IdParams,
        body: Type.Object(
          { reason: Type.String({ minLength: 1, maxLength: 500, pattern: "\\S" }) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ phone: Type.Union([Type.String(), Type.Null()]) }),
          400: ErrorResponse,
          401: ErrorResponse,
          403: ErrorResponse,
          404: ErrorResponse,
        },
      },
    },
    async (request) =>
      revealReporterPhone({
        services,
        actor: actorOf(request),
        caseId: request.params.id,
        reason: request.body.reason.trim(),
        ip: request.ip,
      }),
  );

  r.post(
    "/cases/:id/reporter/reveal",
    {
      schema: {
        tags: ["workbench"],
        summary: "The reporter's full name, phone, ID number and exact address, with a reason (pii:unmask; audited)",
        params: IdParams,
        body: RevealBody,
        response: {
          200: Type.Object({
            name: Type.Union([Type.String(), Type.Null()]),
            phone: Type.Union([Type.String(), Type.Null()]),
            idNumber: Type.Union([Type.String(), Type.Null()]),
            address: Type.Union([Type.String(), Type.Null()]),
          }),
          400: ErrorResponse,
          401: ErrorResponse,
          403: ErrorResponse,
          404: ErrorResponse,
        },
      },
    },
    async (request) =>
      revealReporter({
        services,
        actor: actorOf(request),
        caseId: request.params.id,
        reason: request.body.reason,
        ip: request.ip,
      }),
  );
}
