// Every failure leaves as { error: { code, message, messageEn } } with a 4xx where the client is at
// fault. Unknown errors are logged and answered with a bare 500: no stack traces leave the server.
import type { FastifyError, FastifyInstance } from "fastify";
import { AppError, errorBody } from "../errors.ts";
import { shellFor, wantsAppShell } from "./static-web.ts";

export function registerErrorHandling(app: FastifyInstance): void {
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
