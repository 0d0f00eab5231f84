// Response size: every list is bounded by its schema (page sizes ≤ MAX_PAGE_SIZE, map points and
// exports by their own limits — test/page-caps.test.ts walks the OpenAPI document for that), so an
// oversized body means a bound is missing. It is logged, not refused: by the time onSend runs the
// work is done, and cutting a legitimate download (the 10,000-row export, a 10 MB photo) would be
// worse than a log line that names the route.
import type { FastifyInstance } from "fastify";

export const RESPONSE_WARN_BYTES = 8 * 1024 * 1024;

export function registerResponseSizeWatch(app: FastifyInstance, limit = RESPONSE_WARN_BYTES): void {
  app.addHook("onSend", async (request, reply, payload) => {
    const size =
      typeof payload === "string" ? Buffer.byteLength(payload) : Buffer.isBuffer(payload) ? payload.length : 0;
    if (size > limit) {
      request.log.warn({ route: request.routeOptions.url, status: reply.statusCode, bytes: size }, "large response");
    }
    return payload;
  });
}
