// The big screen (一屏指挥): KPI tiles, charts, map points, heat, patrolling workers and the live
// stream of one scope inside the caller's area. Permission screen:view; docs/screen.md.
import type { OutgoingHttpHeaders } from "node:http";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import type { FastifyInstance } from "fastify";
import { actorOf } from "../http/auth.ts";
import { ErrorResponse } from "../http/schemas.ts";
import {
  presentScreenCharts,
  presentScreenPoints,
  presentScreenSummary,
  presentScreenWorkers,
} from "../presenters/screen.ts";
import { closeLiveCases } from "../stats/live-case-set.ts";
import { resolveScreenScope } from "../stats/screen-scope.ts";
import { createScreenStream } from "../stats/screen-stream.ts";
import { CHART_DAYS_DEFAULT, getScreenCharts } from "../use-cases/get-screen-charts.ts";
import { getScreenHeat } from "../use-cases/get-screen-heat.ts";
import { getScreenSummary } from "../use-cases/get-screen-summary.ts";
import { listScreenPoints, POINTS_DEFAULT } from "../use-cases/list-screen-points.ts";
import { listScreenWorkers } from "../use-cases/list-screen-workers.ts";
import {
  ChartsSchema,
  DaysQuery,
  DivisionQuery,
  HeatSchema,
  PointsQuery,
  PointsSchema,
  SummarySchema,
  WorkersSchema,
} from "./screen-schemas.ts";

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };
const tags = ["screen"];

export async function screenRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const { services } = app;
  const hub = createScreenStream(services);
  // open streams would hold app.close() forever: end them first
  app.addHook("preClose", async () => {
    hub.close();
    closeLiveCases(services);
  });

  r.get(
    "/screen/summary",
    {
      schema: {
        tags,
        summary: "KPI tiles of a scope: today, open and overdue now, the 365-day cohort's rates, patrolling now",
        querystring: Type.Object(DivisionQuery),
        response: { 200: SummarySchema, ...errors },
      },
    },
    async (request) =>
      presentScreenSummary(
        await getScreenSummary({ services, actor: actorOf(request), division: request.query.division }),
      ),
  );

  r.get(
    "/screen/charts",
    {
      schema: {
        tags,
        summary:
          "Daily reports and closures, week-on-week trend, top classes, sources, children's ranking, overdue by unit",
        querystring: Type.Object({ ...DivisionQuery, ...DaysQuery }),
        response: { 200: ChartsSchema, ...errors },
      },
    },
    async (request) =>
      presentScreenCharts(
        await getScreenCharts({
          services,
          actor: actorOf(request),
          division: request.query.division,
          days: request.query.days ?? CHART_DAYS_DEFAULT,
        }),
      ),
  );

  r.get(
    "/screen/points",
    {
      schema: {
        tags,
        summary: "Map points: open cases and those closed in the last 24 h (open first, capped by limit)",
        querystring: Type.Object({ ...DivisionQuery, ...PointsQuery }),
        response: { 200: PointsSchema, ...errors },
      },
    },
    async (request) =>
      presentScreenPoints(
        await listScreenPoints({
          services,
          actor: actorOf(request),
          division: request.query.division,
          limit: request.query.limit ?? POINTS_DEFAULT,
        }),
      ),
  );

  r.get(
    "/screen/heat",
    {
      schema: {
        tags,
        summary: "Reports per grid over the last `days` days, at each grid's centre",
        querystring: Type.Object({ ...DivisionQuery, ...DaysQuery }),
        response: { 200: HeatSchema, ...errors },
      },
    },
    async (request) =>
      getScreenHeat({
        services,
        actor: actorOf(request),
        division: request.query.division,
        days: request.query.days ?? CHART_DAYS_DEFAULT,
      }),
  );

  r.get(
    "/screen/workers",
    {
      schema: {
        tags,
        summary: "Grid workers on patrol now (a point in the last 30 minutes), names masked",
        querystring: Type.Object(DivisionQuery),
        response: { 200: WorkersSchema, ...errors },
      },
    },
    async (request) =>
      presentScreenWorkers(
        await listScreenWorkers({ services, actor: actorOf(request), division: request.query.division }),
      ),
  );

  r.get(
    "/screen/stream",
    {
      schema: {
        tags,
        summary:
          "Live events of a scope (text/event-stream): `case`, `incident` and `alert` (a new hotspot or trend), a heartbeat comment every 15 s",
        description:
          "Works with the session cookie (EventSource). Behind a reverse proxy, turn response buffering off " +
          "for this path (nginx: the X-Accel-Buffering: no header is sent; or proxy_buffering off) and allow " +
          "reads idle for more than 15 s. The stream ends (event `end`) when the session does.",
        querystring: Type.Object(DivisionQuery),
        response: {
          200: {
            description: "`event: case` / `event: incident` / `event: alert` / `event: end` frames with JSON data",
            content: { "text/event-stream": { schema: Type.String() } },
          },
          ...errors,
        },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const scope = resolveScreenScope({ places: services.places, actor, division: request.query.division });
      reply.hijack();
      // hijacked: copy the headers set so far (security headers) onto the raw response
      reply.raw.writeHead(200, {
        ...(reply.getHeaders() as OutgoingHttpHeaders),
        "content-type": "text/event-stream; charset=utf-8",
        "cache-control": "no-cache, no-transform",
        connection: "keep-alive",
        "x-accel-buffering": "no",
      });
      hub.add(reply.raw, { level: scope.level, code: scope.code, prefix: scope.prefix }, actor.sessionId);
    },
  );
}
