// Per-address limit on the sign-in endpoints (password, code, first-time setup): a guessing client is
// slowed down even across many accounts. Counters live in @fastify/rate-limit's memory store.
import type {} from "@fastify/rate-limit";
import type { FastifyInstance, FastifyRequest, preHandlerAsyncHookHandler } from "fastify";
import { AppError } from "../errors.ts";

export function loginLimit(app: FastifyInstance, name: string): preHandlerAsyncHookHandler {
  const check = app.createRateLimit({
    max: app.services.config.LOGIN_RATE_LIMIT_PER_MINUTE,
    timeWindow: 60_000,
    keyGenerator: (request: FastifyRequest) => `${name}:${request.ip}`,
  });
  return async (request, reply) => {
    const result = await check(request);
    if (result.isAllowed || !result.isExceeded) return;
    reply.header("retry-after", String(result.ttlInSeconds));
    throw new AppError("RATE_LIMITED", { limit: name, retryAfterSeconds: result.ttlInSeconds });
  };
}
