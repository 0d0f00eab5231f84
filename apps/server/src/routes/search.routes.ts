import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import type { FastifyInstance } from "fastify";
import { actorOf } from "../http/auth.ts";
import { CaseSchema, ErrorResponse } from "../http/schemas.ts";
import { MAX_MARKS, presentSearchPage } from "../presenters/search-result.ts";
import { RANK_POOL, SEARCH_MAX_PAGE_SIZE, type SearchCasesFilter, searchCases } from "../use-cases/search-cases.ts";
import { CaseFilterQuery } from "./case-filter-schema.ts";

const Marks = Type.Array(Type.Tuple([Type.Integer(), Type.Integer()]), {
  maxItems: MAX_MARKS,
  description: "[start, end) UTF-16 offsets into `text` where the query matched",
});
const MarkedText = Type.Object({ text: Type.String(), ranges: Marks });

const SearchHitSchema = Type.Intersect([
  CaseSchema,
  Type.Object({
    score: Type.Number({ description: "relevance × recency (docs/search.md); 2 for a full case code" }),
    highlight: Type.Object({
      title: MarkedText,
      address: Type.Union([MarkedText, Type.Null()]),
      snippet: Type.Object({
        field: Type.Union([Type.Literal("description"), Type.Literal("note")]),
        text: Type.String(),
        ranges: Marks,
        cutStart: Type.Boolean(),
        cutEnd: Type.Boolean(),
      }),
      matchedIn: Type.Array(
        Type.Union(["title", "code", "address", "description", "note"].map((f) => Type.Literal(f))),
        { maxItems: 5 },
      ),
    }),
  }),
]);

const SearchQuery = Type.Object({
  q: Type.String({
    minLength: 1,
    maxLength: 100,
    description:
      "Words separated by spaces, all of which must occur: Chinese matches as a substring (1 character or more), " +
      "letters and digits as whole words (the last one of a word also by its beginning); a full case code finds its case.",
  }),
  status: CaseFilterQuery.status,
  categoryCode: CaseFilterQuery.categoryCode,
  source: CaseFilterQuery.source,
  divisionCode: CaseFilterQuery.divisionCode,
  reportedFrom: CaseFilterQuery.reportedFrom,
  reportedTo: CaseFilterQuery.reportedTo,
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: RANK_POOL, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: SEARCH_MAX_PAGE_SIZE, default: 20 })),
});

export async function searchRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const { services } = app;

  r.get(
    "/search",
    {
      schema: {
        tags: ["cases"],
        summary: "Smart search (智能搜索) over the caller's cases, ranked by relevance and recency, with marks",
        description:
          `Title, code, coarse address, description and notes. The newest ${RANK_POOL} matches are ranked, so ` +
          `page × pageSize may not pass ${RANK_POOL} (400); \`total\` is exact below ${RANK_POOL}, and ` +
          `\`totalCapped\` says more cases match than were ranked.`,
        querystring: SearchQuery,
        response: {
          200: Type.Object({
            items: Type.Array(SearchHitSchema),
            total: Type.Integer(),
            totalCapped: Type.Boolean(),
            page: Type.Integer(),
            pageSize: Type.Integer(),
            terms: Type.Array(Type.String(), { maxItems: 100, description: "the query's terms, as searched" }),
          }),
          400: ErrorResponse,
          401: ErrorResponse,
        },
      },
    },
    async (request, reply) => {
      const { q, page = 1, pageSize = 20, ...filter } = request.query;
      const result = await searchCases({
        services,
        actor: actorOf(request),
        q,
        filter: filter as SearchCasesFilter,
        page,
        pageSize,
      });
      // how the matches were read (walk / index / windows): for the bench and for tracing slow queries
      reply.header("x-search-plan", result.plan);
      return presentSearchPage(result, services.places, services.clock.now());
    },
  );
}
