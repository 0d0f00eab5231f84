// 智能分派 (docs/classification.md): suggestions for a case (dispatch form) and for a report being
// written (intake), and the models page — versions with held-out figures, retrain on demand,
// activation, the auto-dispatch switch per category. Admin endpoints need models:manage.
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import type { FastifyInstance } from "fastify";
import { actorOf } from "../http/auth.ts";
import { errorResponses, Page, PageQuery } from "../http/schemas.ts";
import { presentPage } from "../presenters/page.ts";
import {
  presentAutoDispatchFigures,
  presentAutoDispatchSetting,
  presentCaseSuggestions,
  presentCategorySuggestions,
  presentModelLabel,
  presentModelVersion,
  presentTrainingState,
} from "../presenters/routing.ts";
import { SUGGESTION_COUNT } from "../routing/suggest.ts";
import { activateModelVersion } from "../use-cases/activate-model-version.ts";
import { getCaseSuggestions } from "../use-cases/get-case-suggestions.ts";
import { listAutoDispatchSettings } from "../use-cases/list-auto-dispatch-settings.ts";
import { listModelLabels } from "../use-cases/list-model-labels.ts";
import { listModelVersions } from "../use-cases/list-model-versions.ts";
import { retrainRoutingModels } from "../use-cases/retrain-routing-models.ts";
import { suggestCaseCategories } from "../use-cases/suggest-case-categories.ts";
import { updateAutoDispatchSetting } from "../use-cases/update-auto-dispatch-setting.ts";
import { ModelLabel, TrainingState, VersionsPage } from "./routing-schemas.ts";

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Terms = Type.Array(Type.Object({ term: Type.String(), weight: Type.Number() }), {
  maxItems: 5,
  description: "the words of the text that raised this suggestion most",
});
const Confidence = Type.Number({ minimum: 0, maximum: 1 });
const CategorySuggestion = Type.Object({
  code: Type.String(),
  name: Type.String(),
  confidence: Confidence,
  terms: Terms,
});
const CategorySuggestions = {
  modelVersion: Nullable(Type.Integer({ description: "the active version; null: no model yet (empty lists)" })),
  categories: Type.Array(CategorySuggestion, { maxItems: SUGGESTION_COUNT }),
};
const CaseSuggestions = Type.Object({
  ...CategorySuggestions,
  units: Type.Array(
    Type.Object({
      code: Type.String(),
      name: Type.String(),
      seat: Type.String({ description: "what the model learnt: level:kind of the owner (e.g. district:water)" }),
      confidence: Confidence,
      terms: Terms,
    }),
    { maxItems: SUGGESTION_COUNT },
  ),
  caseCategoryCode: Nullable(Type.String()),
  autoDispatched: Nullable(Type.Object({ at: Type.String(), unitCode: Nullable(Type.String()) })),
});
const VersionParams = Type.Object({ version: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }) });
const tags = ["routing"];

export async function routingRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const { services } = app;

  r.get(
    "/cases/:id/suggestions",
    {
      schema: {
        tags: ["cases"],
        summary: "智能分派: top-3 categories and handling units for a case, with confidence and driving words",
        description:
          "From the active routing models (docs/classification.md). Units are the ones serving the case's place; " +
          "for a centre only units it may dispatch to. Empty lists while no model is active.",
        params: Type.Object({ id: Type.String({ format: "uuid" }) }),
        response: { 200: CaseSuggestions, ...errorResponses },
      },
    },
    async (request) =>
      presentCaseSuggestions(
        await getCaseSuggestions({ services, actor: actorOf(request), caseId: request.params.id }),
      ),
  );

  r.post(
    "/cases/category-suggestions",
    {
      schema: {
        tags: ["cases"],
        summary: "智能分派 on intake: top-3 categories for a report being written (nothing is stored)",
        body: Type.Object(
          {
            title: Type.Optional(Type.String({ maxLength: 200 })),
            description: Type.String({ minLength: 1, maxLength: 5000 }),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object(CategorySuggestions), ...errorResponses },
      },
    },
    async (request) =>
      presentCategorySuggestions(await suggestCaseCategories({ services, actor: actorOf(request), ...request.body })),
  );

  r.get(
    "/admin/models",
    {
      schema: {
        tags,
        summary:
          "Routing model versions, newest first, with held-out figures; the training state; auto-dispatch figures",
        querystring: Type.Object(PageQuery),
        response: { 200: VersionsPage, ...errorResponses },
      },
    },
    async (request) => {
      const { page = 1, pageSize = 20 } = request.query;
      const result = await listModelVersions({ services, actor: actorOf(request), ip: request.ip, page, pageSize });
      return {
        ...presentPage(result, presentModelVersion),
        training: presentTrainingState(result.training),
        autoDispatch: presentAutoDispatchFigures(result.autoDispatch),
      };
    },
  );

  r.get(
    "/admin/models/:version/labels",
    {
      schema: {
        tags,
        summary: "Held-out figures per label of a version (and, for categories, the auto-dispatch threshold)",
        params: VersionParams,
        querystring: Type.Object({
          kind: Type.Union([Type.Literal("category"), Type.Literal("unit")]),
          q: Type.Optional(Type.String({ maxLength: 50 })),
          ...PageQuery,
        }),
        response: { 200: Page(ModelLabel), ...errorResponses },
      },
    },
    async (request) => {
      const { page = 1, pageSize = 20, kind, q } = request.query;
      const result = await listModelLabels({
        services,
        actor: actorOf(request),
        ip: request.ip,
        version: request.params.version,
        kind,
        q,
        page,
        pageSize,
      });
      return presentPage(result, presentModelLabel);
    },
  );

  r.post(
    "/admin/models/retrain",
    {
      schema: {
        tags,
        summary: "Retrain the routing models now from the closed cases (runs in the background; 202)",
        response: { 202: TrainingState, ...errorResponses },
      },
    },
    async (request, reply) => {
      const state = await retrainRoutingModels({ services, actor: actorOf(request), ip: request.ip });
      return reply.status(202).send(presentTrainingState(state));
    },
  );

  r.post(
    "/admin/models/:version/activate",
    {
      schema: {
        tags,
        summary: "Make a stored version the active pair; its thresholds replace the current ones",
        params: VersionParams,
        response: { 200: Type.Object({ version: Type.Integer() }), ...errorResponses },
      },
    },
    async (request) =>
      activateModelVersion({ services, actor: actorOf(request), ip: request.ip, version: request.params.version }),
  );

  const Setting = Type.Object({
    categoryCode: Type.String(),
    name: Type.String(),
    enabled: Type.Boolean(),
    threshold: Nullable(Type.Number({ description: "unit confidence from which precision stayed ≥ 0.95; null: none" })),
    precision: Nullable(Type.Number()),
    coverage: Nullable(Type.Number({ description: "share of the category's held-out cases at or above it" })),
    support: Nullable(Type.Integer()),
    modelVersion: Nullable(Type.Integer()),
    updatedAt: Type.String(),
    updatedBy: Nullable(Type.String()),
  });

  r.get(
    "/admin/auto-dispatch",
    {
      schema: {
        tags,
        summary: "Auto-dispatch switch per category with the active version's threshold (most held-out cases first)",
        querystring: Type.Object({ q: Type.Optional(Type.String({ maxLength: 50 })), ...PageQuery }),
        response: { 200: Page(Setting), ...errorResponses },
      },
    },
    async (request) => {
      const { page = 1, pageSize = 20, q } = request.query;
      const result = await listAutoDispatchSettings({
        services,
        actor: actorOf(request),
        ip: request.ip,
        q,
        page,
        pageSize,
      });
      return presentPage(result, presentAutoDispatchSetting);
    },
  );

  r.put(
    "/admin/auto-dispatch/:categoryCode",
    {
      schema: {
        tags,
        summary: "Switch auto-dispatch on or off for a category",
        params: Type.Object({ categoryCode: Type.String({ pattern: "^[A-Z0-9]{2,16}$" }) }),
        body: Type.Object({ enabled: Type.Boolean() }, { additionalProperties: false }),
        response: { 200: Setting, ...errorResponses },
      },
    },
    async (request) =>
      presentAutoDispatchSetting(
        await updateAutoDispatchSetting({
          services,
          actor: actorOf(request),
          ip: request.ip,
          categoryCode: request.params.categoryCode,
          enabled: request.body.enabled,
        }),
      ),
  );
}
