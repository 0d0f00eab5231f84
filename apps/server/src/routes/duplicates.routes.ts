// Duplicates (并案): candidate duplicates of a case (dispatch view) or of a report being written
// (phone report, hotline desk), and the outcome notices of a case others were merged into. The merge
// itself is the case action POST /cases/:id/actions/merge. See docs/duplicates.md.
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import type { FastifyInstance } from "fastify";
import { actorOf } from "../http/auth.ts";
import { errorResponses, Page, PageQuery } from "../http/schemas.ts";
import { presentDuplicateCandidate, presentOutcomeNotice } from "../presenters/duplicate.ts";
import { presentPage } from "../presenters/page.ts";
import { DUPLICATE_MAX_LIMIT, findDuplicateCandidates } from "../use-cases/find-duplicate-candidates.ts";
import { listOutcomeNotices } from "../use-cases/list-outcome-notices.ts";

const IdParams = Type.Object({ id: Type.String({ format: "uuid" }) });
const Loose = (props: Parameters<typeof Type.Object>[0]) => Type.Object(props, { additionalProperties: true });
const Limit = Type.Optional(Type.Integer({ minimum: 1, maximum: DUPLICATE_MAX_LIMIT, default: 5 }));
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

const Candidates = Type.Object({
  items: Type.Array(
    Loose({
      id: Type.String(),
      code: Type.String(),
      status: Type.String(),
      meTooCount: Type.Integer(),
      score: Type.Number(),
      why: Loose({ distanceM: Type.Integer(), textScore: Type.Number() }),
    }),
  ),
  radiusM: Nullable(Type.Integer({ description: "the category's radius; null: each candidate's own" })),
  windowDays: Nullable(Type.Integer()),
  threshold: Type.Number({ description: "the lowest text similarity offered (DUPLICATE_MIN_TEXT)" }),
});

const DESCRIPTION =
  "Open cases in the caller's jurisdiction within the category's radius and window (docs/duplicates.md: a " +
  "point problem 300 m, a nuisance 500 m, a hotline ticket 1000 m …) whose text (character bigrams) is at " +
  "least `threshold` similar; best first, with the reasons in `why`.";

export async function duplicateRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const { services } = app;

  r.get(
    "/cases/:id/duplicates",
    {
      schema: {
        tags: ["cases"],
        summary: "并案候选: open cases that look like the same problem as this case (dispatch view)",
        description: `${DESCRIPTION} The window runs both ways from the case's report time.`,
        params: IdParams,
        querystring: Type.Object({ limit: Limit }),
        response: { 200: Candidates, ...errorResponses },
      },
    },
    async (request) => {
      const found = await findDuplicateCandidates({
        services,
        actor: actorOf(request),
        subject: { caseId: request.params.id },
        limit: request.query.limit ?? 5,
      });
      const { ranked, ...rest } = found;
      return { ...rest, items: ranked.map((x) => presentDuplicateCandidate(x, services.places)) };
    },
  );

  r.get(
    "/cases/duplicates",
    {
      schema: {
        tags: ["cases"],
        summary: "Maybe the same as …: duplicate candidates of a report being written (phone report, desk)",
        description: DESCRIPTION,
        querystring: Type.Object({
          lat: Type.Number({ minimum: -90, maximum: 90 }),
          lng: Type.Number({ minimum: -180, maximum: 180 }),
          text: Type.String({ minLength: 1, maxLength: 5000 }),
          categoryCode: Type.Optional(Type.String({ pattern: "^[A-Z0-9]{2,16}$" })),
          limit: Limit,
        }),
        response: { 200: Candidates, ...errorResponses },
      },
    },
    async (request) => {
      const { lat, lng, text, categoryCode, limit = 5 } = request.query;
      const found = await findDuplicateCandidates({
        services,
        actor: actorOf(request),
        subject: { lat, lng, text, categoryCode },
        limit,
      });
      const { ranked, ...rest } = found;
      return { ...rest, items: ranked.map((x) => presentDuplicateCandidate(x, services.places)) };
    },
  );

  r.get(
    "/cases/:id/notices",
    {
      schema: {
        tags: ["cases"],
        summary: "并案告知: who is told the outcome of this case (reporters of merged cases, 'me too' callers)",
        description:
          "Written when the case is closed; delivered afterwards: `sent` (a text message), `shown` (portal or " +
          "staff reporter: the case shows it), `callback` (no sender: the hotline calls back), `failed`, `pending`.",
        params: IdParams,
        querystring: Type.Object(PageQuery),
        response: {
          200: Page(
            Loose({ id: Type.Integer(), caseCode: Type.String(), channel: Type.String(), status: Type.String() }),
          ),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const { page = 1, pageSize = 20 } = request.query;
      const result = await listOutcomeNotices({
        services,
        actor: actorOf(request),
        caseId: request.params.id,
        page,
        pageSize,
      });
      return presentPage(result, presentOutcomeNotice);
    },
  );
}
