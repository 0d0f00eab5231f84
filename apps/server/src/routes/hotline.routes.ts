// The 12345 hotline desk: caller history, similar open cases while typing, "me too" callers,
// consultations closed on the call (直接办结), places by name; the bulk import of tickets is
// hotline-imports.routes.ts. See docs/hotline.md.
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import type { FastifyInstance } from "fastify";
import { actorOf } from "../http/auth.ts";
import { CaseSchema, errorResponses, Loose, Page, PageQuery } from "../http/schemas.ts";
import { presentCase } from "../presenters/case.ts";
import { presentCaller, presentCallerCase, presentPlace, presentSimilarCase } from "../presenters/hotline.ts";
import { presentPage } from "../presenters/page.ts";
import { attachCaller } from "../use-cases/attach-caller.ts";
import { findSimilarCases, SIMILAR_MAX_LIMIT } from "../use-cases/find-similar-cases.ts";
import { getCase } from "../use-cases/get-case.ts";
import { listCallerCases } from "../use-cases/list-caller-cases.ts";
import { listCaseCallers } from "../use-cases/list-case-callers.ts";
import { resolveConsultation } from "../use-cases/resolve-consultation.ts";
import { revealCaseCaller } from "../use-cases/reveal-case-caller.ts";
import { searchPlaces } from "../use-cases/search-places.ts";
import { hotlineImportRoutes } from "./hotline-imports.routes.ts";
import { RevealBody } from "./reveal-schemas.ts";

const PhoneText = Type.String({ pattern: "^\\+?[0-9][0-9 -]{4,19}$" });
const IdParams = Type.Object({ id: Type.String({ format: "uuid" }) });
const IdempotencyHeader = Type.Object({
  "idempotency-key": Type.Optional(Type.String({ minLength: 8, maxLength: 128 })),
});

const CallerBody = Type.Object(
  {
    name: Type.Optional(Type.String({ maxLength: 50 })),
    phone: Type.Optional(PhoneText),
    note: Type.Optional(Type.String({ maxLength: 2000, description: "what the caller said" })),
  },
  { additionalProperties: false },
);
const Caller = Loose({ id: Type.Integer(), name: Type.Union([Type.String(), Type.Null()]), at: Type.String() });

const ConsultationBody = Type.Object(
  {
    description: Type.String({ minLength: 1, maxLength: 5000, description: "the caller's question" }),
    answer: Type.String({ minLength: 1, maxLength: 4000, description: "the answer given on the call" }),
    lat: Type.Number({ minimum: -90, maximum: 90 }),
    lng: Type.Number({ minimum: -180, maximum: 180 }),
    title: Type.Optional(Type.String({ maxLength: 200 })),
    categoryCode: Type.Optional(Type.String({ pattern: "^[A-Z0-9]{2,16}$" })),
    address: Type.Optional(Type.String({ maxLength: 300 })),
    reporter: Type.Optional(
      Type.Object(
        {
          name: Type.Optional(Type.String({ maxLength: 50 })),
          phone: Type.Optional(PhoneText),
          idNumber: Type.Optional(Type.String({ pattern: "^[0-9]{17}[0-9Xx]$" })),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);

export async function hotlineRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const { services } = app;
  await app.register(hotlineImportRoutes);

  r.get(
    "/hotline/callers/:phone/cases",
    {
      schema: {
        tags: ["hotline"],
        summary: "来电历史: the caller's earlier cases, as reporter or as a 'me too' caller, newest call first",
        description: "Personal data: for roles that may see reporter data (pii:unmask); every look-up is audited.",
        params: Type.Object({ phone: PhoneText }),
        querystring: Type.Object(PageQuery),
        response: { 200: Page(Loose({ id: Type.String(), lastCallAt: Type.String() })), ...errorResponses },
      },
    },
    async (request) => {
      const { page = 1, pageSize = 20 } = request.query;
      const result = await listCallerCases({
        services,
        actor: actorOf(request),
        phone: request.params.phone,
        page,
        pageSize,
        ip: request.ip,
      });
      const now = services.clock.now();
      return presentPage(result, (c) => presentCallerCase(c, services.places, now));
    },
  );

  r.get(
    "/cases/similar",
    {
      schema: {
        tags: ["hotline"],
        summary: "Open cases near a point, of the category's window, that look like the same problem, best first",
        description:
          "Radius and window per category (docs/duplicates.md: 300 m / 30 days by default, 500 m for nuisances, " +
          "1000 m for hotline categories …). Score 0…1 from shared words (Chinese character bigrams), distance, " +
          "category and age, with the reasons in `why`; `likelyDuplicate` marks the duplicate candidates.",
        querystring: Type.Object({
          lat: Type.Number({ minimum: -90, maximum: 90 }),
          lng: Type.Number({ minimum: -180, maximum: 180 }),
          text: Type.Optional(Type.String({ maxLength: 5000 })),
          categoryCode: Type.Optional(Type.String({ pattern: "^[A-Z0-9]{2,16}$" })),
          excludeId: Type.Optional(Type.String({ format: "uuid" })),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: SIMILAR_MAX_LIMIT, default: 5 })),
        }),
        response: {
          200: Type.Object({
            items: Type.Array(Loose({ id: Type.String(), score: Type.Number(), why: Loose({}) })),
            radiusM: Type.Integer(),
            windowDays: Type.Integer(),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const { lat, lng, text = "", categoryCode, excludeId, limit = 5 } = request.query;
      const found = await findSimilarCases({
        services,
        actor: actorOf(request),
        lat,
        lng,
        text,
        categoryCode,
        excludeId,
        limit,
      });
      return {
        items: found.ranked.map((x) => presentSimilarCase(x, services.places)),
        radiusM: found.radiusM,
        windowDays: found.windowDays,
      };
    },
  );

  r.get(
    "/hotline/places",
    {
      schema: {
        tags: ["hotline"],
        summary: "Communities and townships whose name contains q (≤ 10), each with a point inside it",
        querystring: Type.Object({ q: Type.String({ minLength: 1, maxLength: 50 }) }),
        response: { 200: Type.Object({ items: Type.Array(Loose({ code: Type.String() })) }), ...errorResponses },
      },
    },
    async (request) => {
      const found = await searchPlaces({ services, actor: actorOf(request), q: request.query.q });
      return { items: found.map(presentPlace) };
    },
  );

  r.post(
    "/cases/:id/callers",
    {
      schema: {
        tags: ["hotline"],
        summary: "附议 'me too': attach a further caller to an open case (its me-too action and the caller, together)",
        params: IdParams,
        headers: IdempotencyHeader,
        body: CallerBody,
        response: {
          200: Type.Object({ case: CaseSchema, caller: Type.Union([Caller, Type.Null()]) }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { row, caller } = await attachCaller({
        services,
        actor,
        caseId: request.params.id,
        caller: request.body,
        ip: request.ip,
        idempotencyKey: request.headers["idempotency-key"],
      });
      const found = await getCase({ services, actor, id: row.id }).catch(() => null);
      return {
        case: presentCase(row, services.places, services.clock.now(), found ?? {}),
        caller: caller ? presentCaller(caller) : null,
      };
    },
  );

  r.get(
    "/cases/:id/callers",
    {
      schema: {
        tags: ["hotline"],
        summary: "The further callers of a case, newest first (phones masked; for roles that may see reporter data)",
        params: IdParams,
        querystring: Type.Object(PageQuery),
        response: { 200: Page(Caller), ...errorResponses },
      },
    },
    async (request) => {
      const { page = 1, pageSize = 20 } = request.query;
      const result = await listCaseCallers({
        services,
        actor: actorOf(request),
        caseId: request.params.id,
        page,
        pageSize,
      });
      return presentPage(result, presentCaller);
    },
  );

  r.post(
    "/cases/:id/callers/:callerId/reveal",
    {
      schema: {
        tags: ["hotline"],
        summary: "A further caller's full name and phone, with a reason (pii:unmask; audited without the values)",
        params: Type.Object({
          id: Type.String({ format: "uuid" }),
          callerId: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }),
        }),
        body: RevealBody,
        response: {
          200: Type.Object({
            name: Type.Union([Type.String(), Type.Null()]),
            phone: Type.Union([Type.String(), Type.Null()]),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) =>
      revealCaseCaller({
        services,
        actor: actorOf(request),
        caseId: request.params.id,
        callerId: request.params.callerId,
        reason: request.body.reason,
        ip: request.ip,
      }),
  );

  r.post(
    "/hotline/consultations",
    {
      schema: {
        tags: ["hotline"],
        summary: "直接办结: record a consultation answered on the call — reported and closed with the answer at once",
        headers: IdempotencyHeader,
        body: ConsultationBody,
        response: { 201: CaseSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { answer, ...input } = request.body;
      const { row, replayed } = await resolveConsultation({
        services,
        actor,
        input,
        answer,
        idempotencyKey: request.headers["idempotency-key"],
        ip: request.ip,
      });
      if (replayed) reply.header("Idempotent-Replayed", "true");
      const found = await getCase({ services, actor, id: row.id }).catch(() => null);
      return reply.status(201).send(presentCase(row, services.places, services.clock.now(), found ?? {}));
    },
  );
}
