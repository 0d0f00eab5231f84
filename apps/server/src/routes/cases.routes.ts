import { CASE_ACTIONS, CASE_SOURCES, CASE_STATUSES, type CaseStatus, SUBMITTABLE_SOURCES } from "@civicgrid/shared";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import type { FastifyInstance } from "fastify";
import { errorBody } from "../errors.ts";
import { actorOf } from "../http/auth.ts";
import { CaseSchema, ErrorResponse, errorResponses, Page, PageQuery } from "../http/schemas.ts";
import { presentCase, presentCaseSummary } from "../presenters/case.ts";
import { type CreateCaseInput, createCase } from "../use-cases/create-case.ts";
import { getCase } from "../use-cases/get-case.ts";
import { type CaseSort, listCases } from "../use-cases/list-cases.ts";
import { performCaseAction } from "../use-cases/perform-case-action.ts";
import { ACTION_BODIES } from "./case-action-schemas.ts";

const literalUnion = (values: readonly string[]) => Type.Union(values.map((v) => Type.Literal(v)));
const IdParams = Type.Object({ id: Type.String({ format: "uuid" }) });

const CreateCaseBody = Type.Object(
  {
    description: Type.String({ minLength: 1, maxLength: 5000 }),
    lat: Type.Number({ minimum: -90, maximum: 90 }),
    lng: Type.Number({ minimum: -180, maximum: 180 }),
    title: Type.Optional(Type.String({ maxLength: 200 })),
    categoryCode: Type.Optional(Type.String({ pattern: "^[A-Z0-9]{2,16}$" })),
    address: Type.Optional(Type.String({ maxLength: 300 })),
    source: literalUnion(SUBMITTABLE_SOURCES),
    reporter: Type.Optional(
      Type.Object(
        {
          name: Type.Optional(Type.String({ maxLength: 50 })),
          phone: Type.Optional(Type.String({ pattern: "^\\+?[0-9][0-9 -]{4,19}$" })),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);

export async function caseRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const { services } = app;

  r.post(
    "/cases",
    {
      schema: {
        tags: ["cases"],
        summary: "Report a problem: located, routed and given its time limit",
        description: "Send an Idempotency-Key header to make retries safe: the same key and body return the same case.",
        headers: Type.Object({ "idempotency-key": Type.Optional(Type.String({ minLength: 8, maxLength: 128 })) }),
        body: CreateCaseBody,
        response: { 201: CaseSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { row, replayed } = await createCase({
        services,
        actor: actorOf(request),
        input: request.body as CreateCaseInput,
        idempotencyKey: request.headers["idempotency-key"],
      });
      if (replayed) reply.header("Idempotent-Replayed", "true");
      return reply.status(201).send(presentCase(row, services.places, services.clock.now()));
    },
  );

  r.get(
    "/cases",
    {
      schema: {
        tags: ["cases"],
        summary: "Cases within the caller's jurisdiction (filtered, sorted, paginated)",
        querystring: Type.Object({
          status: Type.Optional(Type.Array(literalUnion(CASE_STATUSES), { maxItems: 10 })),
          divisionCode: Type.Optional(Type.String({ pattern: "^([0-9]{12}|[0-9]{14})$" })),
          categoryCode: Type.Optional(Type.String({ pattern: "^[A-Z0-9]{1,16}$" })),
          source: Type.Optional(literalUnion(CASE_SOURCES)),
          overdue: Type.Optional(Type.Boolean()),
          ownerUnitCode: Type.Optional(Type.String({ maxLength: 64 })),
          q: Type.Optional(Type.String({ maxLength: 100 })),
          reportedFrom: Type.Optional(Type.String({ format: "date-time" })),
          reportedTo: Type.Optional(Type.String({ format: "date-time" })),
          sort: Type.Optional(
            literalUnion(["reportedAt", "-reportedAt", "dueAt", "-dueAt", "updatedAt", "-updatedAt"]),
          ),
          ...PageQuery,
        }),
        response: { 200: Page(CaseSchema), 400: ErrorResponse, 401: ErrorResponse },
      },
    },
    async (request) => {
      const { page = 1, pageSize = 20, sort = "-reportedAt", status, ...filter } = request.query;
      const result = await listCases({
        services,
        actor: actorOf(request),
        filter: { ...filter, status: status as CaseStatus[] | undefined },
        sort: sort as CaseSort,
        page,
        pageSize,
      });
      const now = services.clock.now();
      return {
        ...result,
        rows: undefined,
        items: result.rows.map((row) => presentCaseSummary(row, services.places, now)),
      };
    },
  );

  r.get(
    "/cases/:id",
    {
      schema: {
        tags: ["cases"],
        summary: "One case with its event timeline and the actions the caller may take now",
        params: IdParams,
        response: { 200: CaseSchema, 400: ErrorResponse, 401: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (request) => {
      const found = await getCase({ services, actor: actorOf(request), id: request.params.id });
      return presentCase(found.row, services.places, services.clock.now(), found);
    },
  );

  for (const action of CASE_ACTIONS) {
    r.post(
      `/cases/:id/actions/${action}`,
      {
        schema: {
          tags: ["case actions"],
          summary: ACTION_BODIES[action].description,
          params: IdParams,
          body: ACTION_BODIES[action],
          response: { 200: CaseSchema, ...errorResponses },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        const row = await performCaseAction({
          services,
          actor,
          caseId: request.params.id,
          action,
          body: request.body as Record<string, unknown>,
        });
        const found = await getCase({ services, actor, id: row.id }).catch(() => null);
        return presentCase(row, services.places, services.clock.now(), found ?? {});
      },
    );
  }

  r.post(
    "/cases/:id/actions/:action",
    { schema: { hide: true, params: Type.Object({ id: Type.String(), action: Type.String() }) } },
    async (_request, reply) => reply.status(404).send(errorBody("UNKNOWN_ACTION", { actions: CASE_ACTIONS })),
  );
}
