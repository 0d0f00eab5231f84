// Every failure leaves as { error: { code, message, messageEn } } with a 4xx where the client is at
// fault. Unknown errors are logged and answered with a bare 500: no stack traces leave the server.
import type { FastifyError, FastifyInstance, FastifyRequest } from "fastify";
import { auditRequestState, recordAudit } from "../audit/record-audit.ts";
import { AppError, errorBody } from "../errors.ts";
import { shellFor, wantsAppShell } from "./static-web.ts";

export function registerErrorHandling(app: FastifyInstance): void {
  registerAccessDeniedAudit(app);
  app.setErrorHandler((err: FastifyError, request, reply) => {
    if (err instanceof AppError) {
      return reply.status(err.status).send(errorBody(err.code, err.details));
    }
    if (err.validation) {
      const details = err.validation.map((v) => ({
        field: `${err.validationContext ?? "body"}${v.instancePath || ""}${
          v.keyword === "required" ? `/${(v.params as { missingProperty?: string }).missingProperty}` : ""
        }`,
        problem: v.message,
      }));
      return reply.status(400).send(errorBody("VALIDATION_FAILED", details));
    }
    switch (err.code) {
      case "FST_ERR_CTP_BODY_TOO_LARGE":
        return reply.status(413).send(errorBody("PAYLOAD_TOO_LARGE"));
      case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
        return reply.status(415).send(errorBody("UNSUPPORTED_MEDIA_TYPE"));
      case "FST_ERR_CTP_EMPTY_JSON_BODY":
      case "FST_ERR_CTP_INVALID_JSON_BODY":
        return reply.status(400).send(errorBody("INVALID_JSON"));
    }
    if (err instanceof SyntaxError || (err.statusCode === 400 && /JSON/i.test(err.message))) {
      return reply.status(400).send(errorBody("INVALID_JSON"));
    }
    if (err.statusCode === 429) return reply.status(429).send(errorBody("RATE_LIMITED"));
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      return reply.status(err.statusCode).send(errorBody("VALIDATION_FAILED", { reason: err.message }));
    }
    request.log.error({ err }, "unhandled error");
    return reply.status(500).send(errorBody("INTERNAL"));
  });
  app.setNotFoundHandler((request, reply) => {
    if (app.hasWeb && wantsAppShell(request.method, request.url, request.headers.accept)) {
      return reply.header("cache-control", "no-cache").sendFile(shellFor(request.url));
    }
    return reply.status(404).send(errorBody("ROUTE_NOT_FOUND"));
  });
}

/** At most this many `access.denied` rows per client address and minute: a flood stays a trickle. */
export const ACCESS_DENIED_PER_MINUTE = 30;

/**
 * Every refused access to the API is on record (等保 three: audit of access control failures):
 * 401 and 403 on any API route, and 404 on a route that names a resource (`/cases/:id`), which is
 * how an out-of-jurisdiction read is answered. Recorded with the route's pattern (never the raw URL,
 * which may hold a receipt code), the method and the status. Unknown paths and static files are not.
 */
function registerAccessDeniedAudit(app: FastifyInstance): void {
  const windows = new Map<string, { start: number; count: number }>();
  const allow = (ip: string, now: number) => {
    const w = windows.get(ip);
    if (!w || now - w.start >= 60_000) {
      if (windows.size > 10_000) windows.clear();
      windows.set(ip, { start: now, count: 1 });
      return true;
    }
    return ++w.count <= ACCESS_DENIED_PER_MINUTE;
  };
  const states = new WeakMap<FastifyRequest, { refusalRecorded: boolean }>();
  app.addHook("onRequest", (request, _reply, done) => {
    const state = { refusalRecorded: false };
    states.set(request, state);
    auditRequestState.enterWith(state);
    done();
  });
  app.addHook("onResponse", async (request, reply) => {
    // a use case recorded this refusal itself, with its own action (requirePermissionAudited, auth.login)
    if (states.get(request)?.refusalRecorded) return;
    const status = reply.statusCode;
    if (status !== 401 && status !== 403 && status !== 404) return;
    const route = request.routeOptions.url;
    if (!route || !isApiRoute(route)) return;
    if (status === 404 && !route.includes(":")) return;
    if (!allow(request.ip, Date.now())) return;
    const services = app.services;
    await recordAudit(services, {
      actor: actorOrNull(request),
      action: "access.denied",
      objectType: "route",
      objectId: `${request.method} ${route}`,
      outcome: "denied",
      ip: request.ip,
      detail: { method: request.method, route, status },
    });
  });
}

const isApiRoute = (route: string) => route.startsWith("/api/") || route.startsWith("/open311/");
const actorOrNull = (request: FastifyRequest) => request.actor ?? null;
