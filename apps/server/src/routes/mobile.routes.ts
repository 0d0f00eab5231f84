// The grid workers' phone app (/m/): home screen, task lists and patrols with their GPS tracks.
// Reports, photos and checks go through the common routes (POST /cases, /attachments, case actions),
// each with an Idempotency-Key so that the phone's offline queue may retry them safely.
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import type { FastifyInstance } from "fastify";
import { actorOf } from "../http/auth.ts";
import { CaseSchema, ErrorResponse, errorResponses, Page, PageQuery } from "../http/schemas.ts";
import { MAX_POINTS_PER_BATCH } from "../patrols/limits.ts";
import { presentMobileHome, presentMobileTask } from "../presenters/mobile.ts";
import { presentPage } from "../presenters/page.ts";
import { presentPatrol, presentPatrolWithTrack } from "../presenters/patrol.ts";
import { appendPatrolPoints } from "../use-cases/append-patrol-points.ts";
import { getMobileHome } from "../use-cases/get-mobile-home.ts";
import { getPatrol } from "../use-cases/get-patrol.ts";
import { listMobileTasks, MOBILE_TASK_KINDS } from "../use-cases/list-mobile-tasks.ts";
import { listPatrols } from "../use-cases/list-patrols.ts";
import { startPatrol } from "../use-cases/start-patrol.ts";
import { stopPatrol } from "../use-cases/stop-patrol.ts";
import { literalUnion } from "./case-filter-schema.ts";

const IdParams = Type.Object({ id: Type.String({ format: "uuid" }) });
const KeyHeader = Type.Object({ "idempotency-key": Type.Optional(Type.String({ minLength: 8, maxLength: 128 })) });
const strict = { additionalProperties: false } as const;

const Patrol = Type.Object({
  id: Type.String({ format: "uuid" }),
  startedAt: Type.String(),
  endedAt: Type.Union([Type.String(), Type.Null()]),
  active: Type.Boolean(),
  durationSeconds: Type.Integer(),
  distanceM: Type.Integer(),
  pointCount: Type.Integer(),
});
const TrackPoint = Type.Object({
  at: Type.String(),
  lat: Type.Number(),
  lng: Type.Number(),
  accuracy: Type.Union([Type.Number(), Type.Null()]),
});
const PointInput = Type.Object(
  {
    at: Type.String({ format: "date-time" }),
    lat: Type.Number({ minimum: -90, maximum: 90 }),
    lng: Type.Number({ minimum: -180, maximum: 180 }),
    accuracy: Type.Optional(Type.Number({ minimum: 0, maximum: 100_000 })),
  },
  strict,
);
const GridFeatures = Type.Object({
  type: Type.Literal("FeatureCollection"),
  features: Type.Array(Type.Object({}, { additionalProperties: true })),
});
const Home = Type.Object({
  user: Type.Object({ username: Type.String(), displayName: Type.String(), unitName: Type.String() }),
  community: Type.Union([Type.Object({ code: Type.String(), name: Type.String() }), Type.Null()]),
  grids: GridFeatures,
  tasks: Type.Object({ toVerify: Type.Integer(), myOpen: Type.Integer(), overdue: Type.Integer() }),
  patrol: Type.Union([Patrol, Type.Null()]),
  today: Type.Object({ patrols: Type.Integer(), distanceM: Type.Integer() }),
});
const Task = Type.Object(
  {
    ...CaseSchema.properties,
    lat: Type.Number(),
    lng: Type.Number(),
    excerpt: Type.String(),
    handledAt: Type.Union([Type.String(), Type.Null()]),
    resultNote: Type.Union([Type.String(), Type.Null()]),
  },
  { additionalProperties: true },
);
const PatrolWithTrack = Type.Object({ ...Patrol.properties, track: Type.Array(TrackPoint) });

export async function mobileRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const { services } = app;

  r.get(
    "/mobile/home",
    {
      schema: {
        tags: ["mobile"],
        summary: "Grid worker's home: my grids (GeoJSON), task counts, the patrol under way, today's patrols",
        response: { 200: Home, 401: ErrorResponse, 403: ErrorResponse },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const home = await getMobileHome({ services, actor });
      return presentMobileHome(home, actor, services.places, services.clock.now());
    },
  );

  r.get(
    "/mobile/tasks",
    {
      schema: {
        tags: ["mobile"],
        summary: "Grid worker's tasks: `verify` (核查 on site, oldest first) or `mine` (own open reports)",
        querystring: Type.Object({ kind: literalUnion(MOBILE_TASK_KINDS), ...PageQuery }),
        response: { 200: Page(Task), 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse },
      },
    },
    async (request) => {
      const { kind, page = 1, pageSize = 20 } = request.query;
      const result = await listMobileTasks({
        services,
        actor: actorOf(request),
        kind: kind as (typeof MOBILE_TASK_KINDS)[number],
        page,
        pageSize,
      });
      const now = services.clock.now();
      return presentPage(result, (row) => presentMobileTask(row, services.places, now));
    },
  );

  r.post(
    "/mobile/patrols",
    {
      schema: {
        tags: ["mobile"],
        summary: "Start a patrol (巡查); ends a patrol left open",
        description:
          "`startedAt` is when the worker pressed start (the phone may have been offline). Send an Idempotency-Key: " +
          "the same key returns the same patrol (200 instead of 201).",
        headers: KeyHeader,
        body: Type.Object({ startedAt: Type.Optional(Type.String({ format: "date-time" })) }, strict),
        response: { 200: Patrol, 201: Patrol, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { row, replayed } = await startPatrol({
        services,
        actor: actorOf(request),
        startedAt: request.body.startedAt,
        idempotencyKey: request.headers["idempotency-key"],
      });
      if (replayed) reply.header("Idempotent-Replayed", "true");
      return reply.status(replayed ? 200 : 201).send(presentPatrol(row, services.clock.now()));
    },
  );

  r.post(
    "/mobile/patrols/:id/points",
    {
      schema: {
        tags: ["mobile"],
        summary: `Append up to ${MAX_POINTS_PER_BATCH} GPS points; a point already stored (same time) is skipped`,
        params: IdParams,
        body: Type.Object({ points: Type.Array(PointInput, { minItems: 1, maxItems: MAX_POINTS_PER_BATCH }) }, strict),
        response: {
          200: Type.Object({ patrol: Patrol, accepted: Type.Integer(), duplicates: Type.Integer() }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const { row, accepted, duplicates } = await appendPatrolPoints({
        services,
        actor: actorOf(request),
        patrolId: request.params.id,
        points: request.body.points,
      });
      return { patrol: presentPatrol(row, services.clock.now()), accepted, duplicates };
    },
  );

  r.post(
    "/mobile/patrols/:id/stop",
    {
      schema: {
        tags: ["mobile"],
        summary: "End a patrol (idempotent: an ended patrol is returned as it is)",
        params: IdParams,
        body: Type.Object({ endedAt: Type.Optional(Type.String({ format: "date-time" })) }, strict),
        response: { 200: Patrol, ...errorResponses },
      },
    },
    async (request) => {
      const row = await stopPatrol({
        services,
        actor: actorOf(request),
        patrolId: request.params.id,
        endedAt: request.body.endedAt,
      });
      return presentPatrol(row, services.clock.now());
    },
  );

  r.get(
    "/mobile/patrols",
    {
      schema: {
        tags: ["mobile"],
        summary: "My patrols, newest first",
        querystring: Type.Object({ ...PageQuery }),
        response: { 200: Page(Patrol), 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse },
      },
    },
    async (request) => {
      const { page = 1, pageSize = 20 } = request.query;
      const result = await listPatrols({ services, actor: actorOf(request), page, pageSize });
      const now = services.clock.now();
      return presentPage(result, (row) => presentPatrol(row, now));
    },
  );

  r.get(
    "/mobile/patrols/:id",
    {
      schema: {
        tags: ["mobile"],
        summary: "One of my patrols with its track",
        params: IdParams,
        response: {
          200: PatrolWithTrack,
          400: ErrorResponse,
          401: ErrorResponse,
          403: ErrorResponse,
          404: ErrorResponse,
        },
      },
    },
    async (request) => {
      const { row, points } = await getPatrol({ services, actor: actorOf(request), patrolId: request.params.id });
      return presentPatrolWithTrack(row, points, services.clock.now());
    },
  );
}
