// Errors Fastify's router raises before any route or hook runs (a malformed percent-encoding, a path
// parameter over maxParamLength): by default a bare Fastify JSON; here the API's envelope, or
// Open311's own error list under /open311/.
import type { ErrorCode } from "@civicgrid/shared";
import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { errorBody } from "../errors.ts";
import { errorItems, formatOfUrl, langOf, sendErrors } from "../open311/errors.ts";

export function frameworkErrors(err: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const code: ErrorCode = err.code === "FST_ERR_MAX_PARAM_LENGTH" ? "URI_TOO_LONG" : "INVALID_URL";
  // onRequest hooks (security headers) do not run for these: the basic ones by hand
  reply
    .header("x-content-type-options", "nosniff")
    .header("content-security-policy", "default-src 'none'; frame-ancestors 'none'");
  if (request.url.startsWith("/open311/")) {
    return sendErrors(reply, formatOfUrl(request.url), errorItems(code, langOf(request)));
  }
  return reply.status(code === "URI_TOO_LONG" ? 414 : 400).send(errorBody(code));
}
