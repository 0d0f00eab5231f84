import { CASE_ACTIONS, SUBMITTABLE_SOURCES } from "@civicgrid/shared";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import type { FastifyInstance } from "fastify";
import { MAX_PHOTOS } from "../attachments/link-photos.ts";
import { errorBody } from "../errors.ts";
import { actorOf } from "../http/auth.ts";
import { CaseSchema, ErrorResponse, errorResponses, Page, PageQuery } from "../http/schemas.ts";
import { presentCase, presentCaseSummary } from "../presenters/case.ts";
import { presentPage } from "../presenters/page.ts";
import { type CreateCaseInput, createCase } from "../use-cases/create-case.ts";
import { getCase } from "../use-cases/get-case.ts";
import { listCases } from "../use-cases/list-cases.ts";
import { performCaseAction } from "../use-cases/perform-case-action.ts";
import { ACTION_BODIES } from "./case-action-schemas.ts";
import { CaseFilterQuery, CaseSortQuery, caseFilterOf, caseSortOf, literalUnion } from "./case-filter-schema.ts";

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
          /** 18-character resident ID (checksum checked); stored sealed, shown masked */
          idNumber: Type.Optional(Type.String({ pattern: "^[0-9]{17}[0-9Xx]$" })),
        },
        { additionalProperties: false },
      ),
    ),
    photoIds: Type.Optional(
      Type.Array(Type.String({ format: "uuid" }), {
        maxItems: MAX_PHOTOS,
        uniqueItems: true,
        description: "photos uploaded with POST /attachments by the same user",
      }),
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
        description: "`bucket` selects one inbox bucket (GET /inbox) on top of the other filters.",
        querystring: Type.Object({
          ...CaseFilterQuery,
          ...CaseSortQuery,
          ...PageQuery,
        }),
        response: { 200: Page(CaseSchema), 400: ErrorResponse, 401: ErrorResponse },
      },
    },
    async (request) => {
      const { page = 1, pageSize = 20 } = request.query;
      const result = await listCases({
        services,
        actor: actorOf(request),
        filter: caseFilterOf(request.query),
        sort: caseSortOf(request.query),
        page,
        pageSize,
      });
      const now = services.clock.now();
      return presentPage(result, (row) => presentCaseSummary(row, services.places, now));
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
      const found = await getCase({
        services,
        actor: actorOf(request),
        id: request.params.id,
        view: { ip: request.ip },
      });
      return presentCase(found.row, services.places, services.clock.now(), { ...found, pii: services.pii });
    },
  );

  for (const action of CASE_ACTIONS) {
    r.post(
      `/cases/:id/actions/${action}`,
      {
        schema: {
          tags: ["case actions"],
          summary: ACTION_BODIES[action].description,
          description:
            "Send an Idempotency-Key header to make retries safe: the same key and body return the case " +
            "without a second transition; the key with another body is refused (422). Send If-Match with the " +
            "case's `version` to act only on the case as you saw it (else 409 CONCURRENT_UPDATE).",
          params: IdParams,
          headers: Type.Object({
            "idempotency-key": Type.Optional(Type.String({ minLength: 8, maxLength: 128 })),
            "if-match": Type.Optional(Type.String({ pattern: '^(W/)?"?[0-9]{1,9}"?$' })),
          }),
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
          ip: request.ip,
          idempotencyKey: request.headers["idempotency-key"],
          expectedVersion: versionOf(request.headers["if-match"]),
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

/** The version in an If-Match header (`3`, `"3"` or `W/"3"`), validated by the route's schema. */
function versionOf(header: string | undefined): number | undefined {
  return header === undefined ? undefined : Number(header.replace(/^W\//, "").replaceAll('"', ""));
}
