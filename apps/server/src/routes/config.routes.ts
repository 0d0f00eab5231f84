import { DEPARTMENT_KINDS, DIVISION_LEVELS, type DivisionLevel, type HandlerKind } from "@civicgrid/shared";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import type { FastifyInstance } from "fastify";
import { actorOf } from "../http/auth.ts";
import { ErrorResponse, errorResponses, Page, PageQuery } from "../http/schemas.ts";
import { presentCategory, presentResponsibility } from "../presenters/category.ts";
import { getCalendarYear } from "../use-cases/get-calendar-year.ts";
import { listCategories } from "../use-cases/list-categories.ts";
import { replaceCalendarYear } from "../use-cases/replace-calendar-year.ts";
import { updateResponsibility } from "../use-cases/update-responsibility.ts";

const Day = Type.String({ pattern: "^\\d{4}-\\d{2}-\\d{2}$" });
const Year = Type.Object({ year: Type.Integer({ minimum: 2000, maximum: 2100 }) });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Responsibility = Type.Object({
  categoryCode: Type.String(),
  handlerKind: Type.String(),
  level: Type.String(),
  limitDays: Type.Number(),
  territorial: Type.Boolean(),
  updatedAt: Type.String(),
});
const Category = Type.Object({
  code: Type.String(),
  name: Type.String(),
  kind: Type.String(),
  parentCode: Nullable(Type.String()),
  responsibility: Nullable(
    Type.Object({
      handlerKind: Type.String(),
      level: Nullable(Type.String()),
      limitDays: Type.Number(),
      territorial: Nullable(Type.Boolean()),
    }),
  ),
});
const CalendarYear = Type.Object({
  year: Type.Integer(),
  holidays: Type.Array(Type.String()),
  workdays: Type.Array(Type.String()),
});

export async function configRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const { services } = app;

  r.get(
    "/categories",
    {
      schema: {
        tags: ["configuration"],
        summary: "Categories (GB/T 47678.5 components and matters, hotline taxonomy) with their responsibility entry",
        querystring: Type.Object({
          kind: Type.Optional(Type.String({ maxLength: 32 })),
          parentCode: Type.Optional(Type.String({ maxLength: 16 })),
          q: Type.Optional(Type.String({ maxLength: 50 })),
          leafOnly: Type.Optional(Type.Boolean()),
          ...PageQuery,
        }),
        response: { 200: Page(Category), 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse },
      },
    },
    async (request) => {
      const { page = 1, pageSize = 20, ...filter } = request.query;
      const result = await listCategories({ services, actor: actorOf(request), filter, page, pageSize });
      return { items: result.rows.map(presentCategory), total: result.total, page, pageSize };
    },
  );

  r.put(
    "/responsibility-entries/:categoryCode",
    {
      schema: {
        tags: ["configuration"],
        summary: "Edit the responsibility list (权责清单) entry of a category (system admin)",
        params: Type.Object({ categoryCode: Type.String({ pattern: "^[A-Z0-9]{2,16}$" }) }),
        body: Type.Object(
          {
            handlerKind: Type.Union([Type.Literal("territorial"), ...DEPARTMENT_KINDS.map((k) => Type.Literal(k))]),
            level: Type.Union(DIVISION_LEVELS.map((l) => Type.Literal(l))),
            limitDays: Type.Number({ exclusiveMinimum: 0, maximum: 365 }),
          },
          { additionalProperties: false },
        ),
        response: { 200: Responsibility, ...errorResponses },
      },
    },
    async (request) => {
      const row = await updateResponsibility({
        services,
        actor: actorOf(request),
        categoryCode: request.params.categoryCode,
        ip: request.ip,
        entry: {
          handlerKind: request.body.handlerKind as HandlerKind,
          level: request.body.level as DivisionLevel,
          limitDays: request.body.limitDays,
        },
      });
      return presentResponsibility(row);
    },
  );

  r.get(
    "/calendar/:year",
    {
      schema: {
        tags: ["configuration"],
        summary: "Public holidays and adjusted working days (调休) of a year",
        params: Year,
        response: { 200: CalendarYear, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse },
      },
    },
    async (request) => getCalendarYear({ services, actor: actorOf(request), year: request.params.year }),
  );

  r.put(
    "/calendar/:year",
    {
      schema: {
        tags: ["configuration"],
        summary: "Replace a year's holidays and adjusted working days (system admin)",
        params: Year,
        body: Type.Object(
          {
            holidays: Type.Array(Day, { maxItems: 120, uniqueItems: true }),
            workdays: Type.Array(Day, { maxItems: 30, uniqueItems: true }),
          },
          { additionalProperties: false },
        ),
        response: { 200: CalendarYear, ...errorResponses },
      },
    },
    async (request) =>
      replaceCalendarYear({
        services,
        actor: actorOf(request),
        year: request.params.year,
        ...request.body,
        ip: request.ip,
      }),
  );
}
