// Units administration (system admin only): list every unit, create one, rename or (de)activate it;
// the grids inside a unit's area, for assigning grid workers' grids.
import { CREATABLE_UNIT_TYPES } from "@civicgrid/domain";
import { DEPARTMENT_KINDS, UNIT_TYPES } from "@civicgrid/shared";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import type { FastifyInstance } from "fastify";
import { actorOf } from "../http/auth.ts";
import { ErrorResponse, errorResponses, Page, PageQuery, UnitSchema } from "../http/schemas.ts";
import { presentUnit } from "../presenters/unit.ts";
import { presentUnitGrid } from "../presenters/unit-grid.ts";
import { createUnit } from "../use-cases/create-unit.ts";
import { listAdminUnits } from "../use-cases/list-admin-units.ts";
import { listUnitGrids } from "../use-cases/list-unit-grids.ts";
import { updateUnit } from "../use-cases/update-unit.ts";

const literals = (values: readonly string[]) => Type.Union(values.map((v) => Type.Literal(v)));
const Name = Type.String({ minLength: 1, maxLength: 100, pattern: "\\S" });
const NameEn = Type.String({ maxLength: 200 });
const UnitGrid = Type.Object({
  code: Type.String(),
  name: Type.String(),
  communityCode: Type.String(),
  communityName: Type.Union([Type.String(), Type.Null()]),
});

export async function adminUnitRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const { services } = app;

  r.get(
    "/admin/units",
    {
      schema: {
        tags: ["administration"],
        summary: "All units, active or not (system admin); divisionCode selects that division's subtree",
        querystring: Type.Object({
          q: Type.Optional(Type.String({ maxLength: 50 })),
          type: Type.Optional(literals(UNIT_TYPES)),
          divisionCode: Type.Optional(Type.String({ pattern: "^[0-9]{12}$" })),
          active: Type.Optional(Type.Boolean()),
          ...PageQuery,
        }),
        response: { 200: Page(UnitSchema), 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse },
      },
    },
    async (request) => {
      const { page = 1, pageSize = 20, ...filter } = request.query;
      const result = await listAdminUnits({
        services,
        actor: actorOf(request),
        ip: request.ip,
        filter: filter as Parameters<typeof listAdminUnits>[0]["filter"],
        page,
        pageSize,
      });
      return { ...result, items: result.items.map((u) => presentUnit(u, services.places)) };
    },
  );

  r.post(
    "/admin/units",
    {
      schema: {
        tags: ["administration"],
        summary: "Create a unit (system admin): code `<divisionCode>-<centre|station|kind>`, level from the division",
        body: Type.Object(
          {
            name: Name,
            nameEn: Type.Optional(NameEn),
            type: literals(CREATABLE_UNIT_TYPES),
            divisionCode: Type.String({ pattern: "^[0-9]{12}$" }),
            departmentKind: Type.Optional(literals(DEPARTMENT_KINDS)),
          },
          { additionalProperties: false },
        ),
        response: { 201: UnitSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const unit = await createUnit({
        services,
        actor: actorOf(request),
        ip: request.ip,
        input: request.body as Parameters<typeof createUnit>[0]["input"],
      });
      return reply.status(201).send(presentUnit(unit, services.places));
    },
  );

  r.patch(
    "/admin/units/:code",
    {
      schema: {
        tags: ["administration"],
        summary: "Rename, deactivate or reactivate a unit (system admin); a unit with active accounts stays active",
        params: Type.Object({ code: Type.String({ minLength: 1, maxLength: 64 }) }),
        body: Type.Object(
          {
            name: Type.Optional(Name),
            nameEn: Type.Optional(Type.Union([NameEn, Type.Null()])),
            active: Type.Optional(Type.Boolean()),
          },
          { additionalProperties: false, minProperties: 1 },
        ),
        response: { 200: UnitSchema, ...errorResponses },
      },
    },
    async (request) => {
      const unit = await updateUnit({
        services,
        actor: actorOf(request),
        ip: request.ip,
        code: request.params.code,
        patch: request.body,
      });
      return presentUnit(unit, services.places);
    },
  );

  r.get(
    "/admin/units/:code/grids",
    {
      schema: {
        tags: ["administration"],
        summary: "Grids inside the unit's area (system admin), without outlines; q searches name and code",
        params: Type.Object({ code: Type.String({ minLength: 1, maxLength: 64 }) }),
        querystring: Type.Object({ q: Type.Optional(Type.String({ maxLength: 50 })), ...PageQuery }),
        response: { 200: Page(UnitGrid), ...errorResponses },
      },
    },
    async (request) => {
      const { page = 1, pageSize = 20, q } = request.query;
      const result = await listUnitGrids({
        services,
        actor: actorOf(request),
        ip: request.ip,
        unitCode: request.params.code,
        q,
        page,
        pageSize,
      });
      return { ...result, items: result.items.map((g) => presentUnitGrid(g, services.places)) };
    },
  );
}
