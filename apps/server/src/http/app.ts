// The Fastify application: plugins, the error envelope, authentication and the route modules.
import cookie from "@fastify/cookie";
import rateLimit from "@fastify/rate-limit";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyInstance } from "fastify";
import { adminRoutes } from "../routes/admin.routes.ts";
import { analysisRoutes } from "../routes/analysis.routes.ts";
import { assessmentRoutes } from "../routes/assessment.routes.ts";
import { authRoutes } from "../routes/auth.routes.ts";
import { caseRoutes } from "../routes/cases.routes.ts";
import { configRoutes } from "../routes/config.routes.ts";
import { duplicateRoutes } from "../routes/duplicates.routes.ts";
import { hotlineRoutes } from "../routes/hotline.routes.ts";
import { incidentRoutes } from "../routes/incidents.routes.ts";
import { mobileRoutes } from "../routes/mobile.routes.ts";
import { open311Routes } from "../routes/open311.routes.ts";
import { placeRoutes } from "../routes/places.routes.ts";
import { publicRoutes } from "../routes/public.routes.ts";
import { routingRoutes } from "../routes/routing.routes.ts";
import { screenRoutes } from "../routes/screen.routes.ts";
import { searchRoutes } from "../routes/search.routes.ts";
import { workbenchRoutes } from "../routes/workbench.routes.ts";
import type { Services } from "../services.ts";
import { registerAuth } from "./auth.ts";
import { registerCsrf } from "./csrf.ts";
import { registerErrorHandling } from "./error-handler.ts";
import { frameworkErrors } from "./framework-errors.ts";
import { registerResponseSizeWatch } from "./response-size.ts";
import { registerSecurityHeaders } from "./security-headers.ts";
import { registerWeb } from "./static-web.ts";
import { registerValidation } from "./validation.ts";

/** Request bodies are small JSON; photos have their own upload route with its own cap. */
export const BODY_LIMIT = 1024 * 1024;

export async function buildApp(services: Services): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: services.logger,
    bodyLimit: BODY_LIMIT,
    trustProxy: false,
    frameworkErrors,
  }) as unknown as FastifyInstance;

  app.decorate("services", services);
  registerValidation(app);
  registerErrorHandling(app);
  // the API speaks JSON only: other bodies get a clear 415 rather than being read as text
  app.removeContentTypeParser("text/plain");
  await registerSecurityHeaders(app, services.config.TILE_URL);
  registerResponseSizeWatch(app);
  await app.register(cookie);
  await app.register(swagger, {
    openapi: {
      info: {
        title: "CivicGrid API",
        version: "1",
        description:
          "市域治理一体化平台 — one problem database, one closed loop. Errors: { error: { code, message, messageEn } }.",
      },
      components: {
        securitySchemes: {
          bearer: { type: "http", scheme: "bearer" },
          cookie: { type: "apiKey", in: "cookie", name: "cg_session" },
        },
      },
      security: [{ bearer: [] }, { cookie: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: "/api/docs" });
  // abuse limits are set per route (the citizens' portal); nothing is limited globally
  await app.register(rateLimit, { global: false });
  registerAuth(app);
  registerCsrf(app);

  await app.register(
    async (api) => {
      await api.register(authRoutes);
      await api.register(placeRoutes);
      await api.register(caseRoutes);
      await api.register(searchRoutes);
      await api.register(duplicateRoutes);
      await api.register(configRoutes);
      await api.register(workbenchRoutes);
      await api.register(adminRoutes);
      await api.register(hotlineRoutes);
      await api.register(publicRoutes);
      await api.register(mobileRoutes);
      await api.register(screenRoutes);
      await api.register(incidentRoutes);
      await api.register(assessmentRoutes);
      await api.register(analysisRoutes);
      await api.register(routingRoutes);
    },
    { prefix: "/api/v1" },
  );
  // Open311 GeoReport v2 at the root: its own errors, form bodies and api_key (docs/open311.md)
  await app.register(open311Routes, { prefix: "/open311/v2" });
  app.get("/healthz", { schema: { hide: true } }, async () => ({ ok: true, seeding: services.status.seeding }));
  app.decorate("hasWeb", await registerWeb(app));
  return app;
}

declare module "fastify" {
  interface FastifyInstance {
    services: Services;
    /** whether the built workbench is being served */
    hasWeb: boolean;
  }
}
