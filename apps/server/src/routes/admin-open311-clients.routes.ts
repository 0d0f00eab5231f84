// Open311 clients (system admin): list, create (the API key is shown once), rename, disable.
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import type { FastifyInstance } from "fastify";
import { actorOf } from "../http/auth.ts";
import { ErrorResponse, errorResponses, Page, PageQuery } from "../http/schemas.ts";
import { presentOpen311Client } from "../presenters/open311-client.ts";
import { createOpen311Client } from "../use-cases/create-open311-client.ts";
import { listOpen311Clients } from "../use-cases/list-open311-clients.ts";
import { updateOpen311Client } from "../use-cases/update-open311-client.ts";

const Name = Type.String({ minLength: 1, maxLength: 100, pattern: "\\S" });
const Client = Type.Object({
  id: Type.String(),
  name: Type.String(),
  keyPrefix: Type.String(),
  active: Type.Boolean(),
  createdAt: Type.String(),
  createdBy: Type.Union([Type.String(), Type.Null()]),
  lastUsedAt: Type.Union([Type.String(), Type.Null()]),
  requestCount: Type.Integer(),
});

export async function adminOpen311ClientRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const { services } = app;
  const tags = ["administration"];

  r.get(
    "/admin/open311-clients",
    {
      schema: {
        tags,
        summary: "Open311 client applications (system admin)",
        querystring: Type.Object({ active: Type.Optional(Type.Boolean()), ...PageQuery }),
        response: { 200: Page(Client), 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse },
      },
    },
    async (request) => {
      const { page = 1, pageSize = 20, active } = request.query;
      const result = await listOpen311Clients({
        services,
        actor: actorOf(request),
        ip: request.ip,
        filter: { active },
        page,
        pageSize,
      });
      return { items: result.rows.map(presentOpen311Client), total: result.total, page, pageSize };
    },
  );

  r.post(
    "/admin/open311-clients",
    {
      schema: {
        tags,
        summary: "Register an Open311 client: its API key is in this response only",
        body: Type.Object({ name: Name }, { additionalProperties: false }),
        response: { 201: Type.Object({ client: Client, apiKey: Type.String() }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const { client, apiKey } = await createOpen311Client({
        services,
        actor: actorOf(request),
        ip: request.ip,
        input: request.body,
      });
      // the key must not linger in any cache between here and the admin's screen
      reply.header("cache-control", "no-store");
      return reply.status(201).send({ client: presentOpen311Client(client), apiKey });
    },
  );

  r.patch(
    "/admin/open311-clients/:id",
    {
      schema: {
        tags,
        summary: "Rename, disable or enable an Open311 client (a disabled key is refused with 403)",
        params: Type.Object({ id: Type.String({ format: "uuid" }) }),
        body: Type.Object(
          { name: Type.Optional(Name), active: Type.Optional(Type.Boolean()) },
          { additionalProperties: false, minProperties: 1 },
        ),
        response: { 200: Client, ...errorResponses },
      },
    },
    async (request) => {
      const row = await updateOpen311Client({
        services,
        actor: actorOf(request),
        ip: request.ip,
        clientId: request.params.id,
        patch: request.body,
      });
      return presentOpen311Client(row);
    },
  );
}
