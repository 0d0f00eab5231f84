// Abuse limits of the public routes, per client address and per phone, on @fastify/rate-limit's
// counters (in memory, per server process). Each limit is a preHandler: it runs after validation, so
// a phone-keyed limit sees the validated body. Over the limit: 429 RATE_LIMITED with Retry-After.
import type {} from "@fastify/rate-limit"; // app.createRateLimit
import type { FastifyInstance, FastifyRequest, preHandlerAsyncHookHandler } from "fastify";
import { AppError } from "../errors.ts";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Per window. Client addresses are shared behind NATs, so the per-address limits are generous. */
export const PUBLIC_LIMITS = {
  sessionPerIp: { max: 30, timeWindow: HOUR },
  otpPerIp: { max: 10, timeWindow: HOUR },
  otpPerPhoneMinute: { max: 1, timeWindow: MINUTE },
  otpPerPhoneHour: { max: 5, timeWindow: HOUR },
  uploadPerIp: { max: 60, timeWindow: HOUR },
  reportPerIp: { max: 20, timeWindow: HOUR },
  // above the 5 tries of a code, so a mistyped code is answered as such before the limit
  reportPerPhone: { max: 10, timeWindow: HOUR },
  trackPerIp: { max: 60, timeWindow: MINUTE },
  actionPerIp: { max: 20, timeWindow: HOUR },
  wallPerIp: { max: 600, timeWindow: MINUTE },
} as const;

export type PublicLimit = keyof typeof PUBLIC_LIMITS;

/** The client's address (the socket's; the server does not trust proxy headers). */
export const byIp = (request: FastifyRequest): string => request.ip;

/**
 * A preHandler enforcing one limit. `keyOf` names the counted subject (an address, a phone); null
 * skips the limit for this request (e.g. a report without a phone is not counted per phone).
 */
export function publicLimit(
  app: FastifyInstance,
  name: PublicLimit,
  keyOf: (request: FastifyRequest) => string | null,
): preHandlerAsyncHookHandler {
  const check = app.createRateLimit({
    ...PUBLIC_LIMITS[name],
    keyGenerator: (request: FastifyRequest) => `${name}:${keyOf(request)}`,
  });
  return async (request, reply) => {
    if (keyOf(request) === null) return;
    const result = await check(request);
    if (result.isAllowed || !result.isExceeded) return;
    reply.header("retry-after", String(result.ttlInSeconds));
    throw new AppError("RATE_LIMITED", { limit: name, retryAfterSeconds: result.ttlInSeconds });
  };
}
