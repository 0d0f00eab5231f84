// Accounts administration (system admin only): list, create, edit, reset a password.
import { ROLES } from "@civicgrid/shared";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import type { FastifyInstance } from "fastify";
import { actorOf } from "../http/auth.ts";
import { ErrorResponse, errorResponses, Page, PageQuery } from "../http/schemas.ts";
import { presentAdminUser } from "../presenters/admin-user.ts";
import { createUser } from "../use-cases/create-user.ts";
import { listUsers } from "../use-cases/list-users.ts";
import { resetUserPassword } from "../use-cases/reset-user-password.ts";
import { updateUser } from "../use-cases/update-user.ts";
import { MIN_PASSWORD_LENGTH } from "../users/account-rules.ts";
import { MAX_GRID_ASSIGNMENTS } from "../users/grid-assignments.ts";

const Role = Type.Union(ROLES.map((r) => Type.Literal(r)));
const Roles = Type.Array(Role, { minItems: 1, maxItems: ROLES.length, uniqueItems: true });
const DisplayName = Type.String({ minLength: 1, maxLength: 100, pattern: "\\S" });
const UnitCode = Type.String({ minLength: 1, maxLength: 64 });
const IdParams = Type.Object({ id: Type.String({ format: "uuid" }) });
/** 我的网格: grid workers only, each grid inside the unit's area (422 GRID_OUT_OF_UNIT otherwise) */
const GridCodes = Type.Array(Type.String({ pattern: "^[0-9]{14}$" }), {
  maxItems: MAX_GRID_ASSIGNMENTS,
  uniqueItems: true,
});
const AdminUser = Type.Object({
  id: Type.String(),
  username: Type.String(),
  displayName: Type.String(),
  roles: Type.Array(Type.String()),
  unitCode: Type.String(),
  unitName: Type.String(),
  active: Type.Boolean(),
  gridCodes: Type.Array(Type.String()),
  grids: Type.Array(Type.Object({ code: Type.String(), name: Type.String() })),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});

export async function adminUserRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const { services } = app;

  r.get(
    "/admin/users",
    {
      schema: {
        tags: ["administration"],
        summary: "Accounts (system admin): q searches username and display name",
        querystring: Type.Object({
          q: Type.Optional(Type.String({ maxLength: 50 })),
          unitCode: Type.Optional(UnitCode),
          role: Type.Optional(Role),
          active: Type.Optional(Type.Boolean()),
          ...PageQuery,
        }),
        response: { 200: Page(AdminUser), 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse },
      },
    },
    async (request) => {
      const { page = 1, pageSize = 20, ...filter } = request.query;
      const result = await listUsers({
        services,
        actor: actorOf(request),
        ip: request.ip,
        filter: filter as Parameters<typeof listUsers>[0]["filter"],
        page,
        pageSize,
      });
      return { items: result.rows.map(presentAdminUser), total: result.total, page, pageSize };
    },
  );

  r.post(
    "/admin/users",
    {
      schema: {
        tags: ["administration"],
        summary: `Create an account (system admin); password ≥ ${MIN_PASSWORD_LENGTH} characters`,
        description:
          "Roles must fit the unit's type and respect 三员 (no two admin roles, no admin role with a business role): 422 VALIDATION_FAILED otherwise. gridCodes only for a grid worker, each grid inside the unit's area: 422 GRID_OUT_OF_UNIT otherwise.",
        body: Type.Object(
          {
            username: Type.String({ pattern: "^[a-z0-9_.-]{3,64}$" }),
            displayName: DisplayName,
            unitCode: UnitCode,
            roles: Roles,
            password: Type.String({ minLength: MIN_PASSWORD_LENGTH, maxLength: 256 }),
            gridCodes: Type.Optional(GridCodes),
          },
          { additionalProperties: false },
        ),
        response: { 201: AdminUser, ...errorResponses },
      },
    },
    async (request, reply) => {
      const row = await createUser({
        services,
        actor: actorOf(request),
        ip: request.ip,
        input: request.body as Parameters<typeof createUser>[0]["input"],
      });
      return reply.status(201).send(presentAdminUser(row));
    },
  );

  r.patch(
    "/admin/users/:id",
    {
      schema: {
        tags: ["administration"],
        summary: "Edit an account (system admin); disabling revokes its sessions",
        description:
          "gridCodes replaces the grid worker's grids (in the same transaction); removing the grid_worker role clears them.",
        params: IdParams,
        body: Type.Object(
          {
            displayName: Type.Optional(DisplayName),
            unitCode: Type.Optional(UnitCode),
            roles: Type.Optional(Roles),
            active: Type.Optional(Type.Boolean()),
            gridCodes: Type.Optional(GridCodes),
          },
          { additionalProperties: false, minProperties: 1 },
        ),
        response: { 200: AdminUser, ...errorResponses },
      },
    },
    async (request) => {
      const row = await updateUser({
        services,
        actor: actorOf(request),
        ip: request.ip,
        userId: request.params.id,
        patch: request.body as Parameters<typeof updateUser>[0]["patch"],
      });
      return presentAdminUser(row);
    },
  );

  r.post(
    "/admin/users/:id/reset-password",
    {
      schema: {
        tags: ["administration"],
        summary: "Reset a password (system admin): a generated 16-character password, shown once; sessions revoked",
        params: IdParams,
        response: { 200: Type.Object({ password: Type.String() }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const result = await resetUserPassword({
        services,
        actor: actorOf(request),
        ip: request.ip,
        userId: request.params.id,
      });
      // the password must not linger in any cache between here and the admin's screen
      reply.header("cache-control", "no-store");
      return result;
    },
  );
}
