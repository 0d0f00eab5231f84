// Emergency mode (应急指挥): centres declare incidents over grids of their area, broadcast tasks to
// the grid workers there, keep a log and close them; the command screen reads them. The grid
// workers' side (their tasks, 收到, 已完成) is under /mobile/incident-tasks.
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import { type Static, type TSchema, Type } from "@sinclair/typebox";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { actorOf } from "../http/auth.ts";
import { ErrorResponse, errorResponses, Page, PageQuery } from "../http/schemas.ts";
import type { DirectingOptions } from "../incidents/direct-incident.ts";
import { presentGridFeature } from "../presenters/grid-feature.ts";
import { presentIncident, presentIncidentDetail, presentIncidentTask } from "../presenters/incident.ts";
import { presentPage } from "../presenters/page.ts";
import type { Services } from "../services.ts";
import { acknowledgeIncidentTask } from "../use-cases/acknowledge-incident-task.ts";
import { addIncidentLog } from "../use-cases/add-incident-log.ts";
import { broadcastIncidentTask } from "../use-cases/broadcast-incident-task.ts";
import { closeIncident } from "../use-cases/close-incident.ts";
import { completeIncidentTask } from "../use-cases/complete-incident-task.ts";
import { type DeclareIncidentInput, declareIncident } from "../use-cases/declare-incident.ts";
import { getIncident } from "../use-cases/get-incident.ts";
import { listIncidentGrids } from "../use-cases/list-incident-grids.ts";
import { listIncidentTasks } from "../use-cases/list-incident-tasks.ts";
import { listIncidents } from "../use-cases/list-incidents.ts";
import {
  CloseBody,
  DeclareIncidentBody,
  DoneBody,
  GridFeatures,
  IncidentDetail,
  IncidentStatus,
  IncidentSummary,
  IncidentTask,
  TextBody,
} from "./incident-schemas.ts";

const IdParams = Type.Object({ id: Type.String({ format: "uuid" }) });
const IfMatch = Type.Object({ "if-match": Type.Optional(Type.String({ pattern: '^(W/)?"?[0-9]{1,9}"?$' })) });
const IF_MATCH_NOTE =
  "Send If-Match with the incident's `version` to act only on the incident as you saw it (else 409 INCIDENT_CHANGED).";

/** The version in an If-Match header (`3`, `"3"` or `W/"3"`), validated by the route's schema. */
function versionOf(header: string | undefined): number | undefined {
  return header === undefined ? undefined : Number(header.replace(/^W\//, "").replaceAll('"', ""));
}

/** The phone's steps may be sent without a body (curl, a retry): validated as an empty object. */
async function bodyOptional(request: FastifyRequest) {
  request.body ??= {};
}

/** The incident's detail as the caller sees it, after a change. */
async function detailFor(services: Services, request: FastifyRequest, id: string) {
  const detail = await getIncident({ services, actor: actorOf(request), id });
  return presentIncidentDetail(detail, services.places, services.clock.now());
}

export async function incidentRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const { services } = app;

  r.post(
    "/incidents",
    {
      schema: {
        tags: ["incidents"],
        summary: "Declare an incident (应急事件) over a drawn polygon or chosen grids; broadcasts the first task",
        description:
          "The grids are those whose outline meets the polygon (boundaries included), or those chosen — only " +
          "grids of your own area (others: 422). Every grid worker of those grids gets a task on their phone. " +
          "Send an Idempotency-Key header to make retries safe: the same key and body return the same incident.",
        headers: Type.Object({ "idempotency-key": Type.Optional(Type.String({ minLength: 8, maxLength: 128 })) }),
        body: DeclareIncidentBody,
        response: { 201: IncidentDetail, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { row, replayed } = await declareIncident({
        services,
        actor: actorOf(request),
        input: request.body as DeclareIncidentInput,
        idempotencyKey: request.headers["idempotency-key"],
        ip: request.ip,
      });
      if (replayed) reply.header("Idempotent-Replayed", "true");
      return reply.status(201).send(await detailFor(services, request, row.id));
    },
  );

  r.get(
    "/incidents",
    {
      schema: {
        tags: ["incidents"],
        summary: "Incidents touching your area, newest first",
        querystring: Type.Object({ status: Type.Optional(IncidentStatus), ...PageQuery }),
        response: { 200: Page(IncidentSummary), 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse },
      },
    },
    async (request) => {
      const { status, page = 1, pageSize = 20 } = request.query;
      const result = await listIncidents({
        services,
        actor: actorOf(request),
        status: status as "active" | "closed" | undefined,
        page,
        pageSize,
      });
      return presentPage(result, (row) => presentIncident(row, services.places));
    },
  );

  r.get(
    "/incidents/:id",
    {
      schema: {
        tags: ["incidents"],
        summary: "One incident: open cases and grid workers in its grids, task counts, log",
        params: IdParams,
        response: {
          200: IncidentDetail,
          400: ErrorResponse,
          401: ErrorResponse,
          403: ErrorResponse,
          404: ErrorResponse,
        },
      },
    },
    async (request) => detailFor(services, request, request.params.id),
  );

  r.get(
    "/incidents/:id/grids",
    {
      schema: {
        tags: ["incidents"],
        summary: "The outlines of an incident's grids as a GeoJSON FeatureCollection",
        params: IdParams,
        response: { 200: GridFeatures, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (request) => {
      const rows = await listIncidentGrids({ services, actor: actorOf(request), id: request.params.id });
      return { type: "FeatureCollection" as const, features: rows.map(presentGridFeature) };
    },
  );

  /** A directing step (log, tasks, close): If-Match, a strict body, one use case, the detail as it is now. */
  const directing = <B extends TSchema>(
    step: string,
    summary: string,
    body: B,
    run: (options: DirectingOptions, body: Static<B>) => Promise<unknown>,
  ) =>
    r.post(
      `/incidents/:id/${step}`,
      {
        schema: {
          tags: ["incidents"],
          summary,
          description: IF_MATCH_NOTE,
          params: IdParams,
          headers: IfMatch,
          body,
          response: { 200: IncidentDetail, ...errorResponses },
        },
      },
      async (request) => {
        const options: DirectingOptions = {
          services,
          actor: actorOf(request),
          incidentId: request.params.id,
          expectedVersion: versionOf(request.headers["if-match"]),
          ip: request.ip,
        };
        await run(options, request.body as Static<B>);
        return detailFor(services, request, request.params.id);
      },
    );

  directing("log", "Add a line to the incident's log", TextBody(5000), (o, { text }) => addIncidentLog({ ...o, text }));
  directing("tasks", "Broadcast a task to every grid worker of the incident's grids", TextBody(2000), (o, { text }) =>
    broadcastIncidentTask({ ...o, text }),
  );
  directing(
    "close",
    "Close the incident with a summary; its tasks leave the grid workers' phones",
    CloseBody,
    (o, { summary }) => closeIncident({ ...o, summary }),
  );

  r.get(
    "/mobile/incident-tasks",
    {
      schema: {
        tags: ["mobile"],
        summary: "My emergency tasks (应急任务) of active incidents, newest first",
        querystring: Type.Object({ ...PageQuery }),
        response: { 200: Page(IncidentTask), 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse },
      },
    },
    async (request) => {
      const { page = 1, pageSize = 20 } = request.query;
      const result = await listIncidentTasks({ services, actor: actorOf(request), page, pageSize });
      return presentPage(result, (row) => presentIncidentTask(row, services.places));
    },
  );

  r.post(
    "/mobile/incident-tasks/:id/ack",
    {
      preValidation: bodyOptional,
      schema: {
        tags: ["mobile"],
        summary: "收到: acknowledge one of my emergency tasks (repeating it changes nothing)",
        params: IdParams,
        body: Type.Object({}, { additionalProperties: false }),
        response: { 200: IncidentTask, ...errorResponses },
      },
    },
    async (request) => {
      const task = await acknowledgeIncidentTask({
        services,
        actor: actorOf(request),
        taskId: request.params.id,
        ip: request.ip,
      });
      return presentIncidentTask(task, services.places);
    },
  );

  r.post(
    "/mobile/incident-tasks/:id/done",
    {
      preValidation: bodyOptional,
      schema: {
        tags: ["mobile"],
        summary: "已完成: report one of my emergency tasks done, with an optional note (repeating it changes nothing)",
        params: IdParams,
        body: DoneBody,
        response: { 200: IncidentTask, ...errorResponses },
      },
    },
    async (request) => {
      const task = await completeIncidentTask({
        services,
        actor: actorOf(request),
        taskId: request.params.id,
        note: request.body.note,
        ip: request.ip,
      });
      return presentIncidentTask(task, services.places);
    },
  );
}
