// The Fastify application: plugins, the error envelope, authentication and the route modules.
import cookie from "@fastify/cookie";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyInstance } from "fastify";
import { adminRoutes } from "../routes/admin.routes.ts";
import { authRoutes } from "../routes/auth.routes.ts";
import { caseRoutes } from "../routes/cases.routes.ts";
import { configRoutes } from "../routes/config.routes.ts";
import { placeRoutes } from "../routes/places.routes.ts";
import { workbenchRoutes } from "../routes/workbench.routes.ts";
import type { Services } from "../services.ts";
import { registerAuth } from "./auth.ts";
import { registerErrorHandling } from "./error-handler.ts";
import { registerWeb } from "./static-web.ts";
import { registerValidation } from "./validation.ts";

/** Request bodies are small JSON; photos have their own upload route with its own cap. */
export const BODY_LIMIT = 1024 * 1024;

export async function buildApp(services: Services): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: services.logger,
    bodyLimit: BODY_LIMIT,
    trustProxy: false,
  }) as unknown as FastifyInstance;

  app.decorate("services", services);
  registerValidation(app);
  registerErrorHandling(app);
  // the API speaks JSON only: other bodies get a clear 415 rather than being read as text
  app.removeContentTypeParser("text/plain");
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
  registerAuth(app);

  await app.register(
    async (api) => {
      await api.register(authRoutes);
      await api.register(placeRoutes);
      await api.register(caseRoutes);
      await api.register(configRoutes);
      await api.register(workbenchRoutes);
      await api.register(adminRoutes);
    },
    { prefix: "/api/v1" },
  );
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
