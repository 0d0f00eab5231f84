import { DIVISION_LEVELS, UNIT_TYPES } from "@civicgrid/shared";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import type { FastifyInstance } from "fastify";
import { actorOf } from "../http/auth.ts";
import { ErrorResponse, Page, PageQuery, UnitSchema } from "../http/schemas.ts";
import { presentUnit } from "../presenters/unit.ts";
import { listUnits } from "../use-cases/list-units.ts";
import { locatePoint } from "../use-cases/locate-point.ts";

const Named = Type.Object({ code: Type.String(), name: Type.String() });

export async function placeRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  r.get(
    "/locate",
    {
      schema: {
        tags: ["places"],
        summary: "Grid, community, township, district and city of a point (WGS84)",
        querystring: Type.Object({
          lat: Type.Number({ minimum: -90, maximum: 90 }),
          lng: Type.Number({ minimum: -180, maximum: 180 }),
        }),
        response: {
          200: Type.Object({ grid: Named, community: Named, township: Named, district: Named, city: Named }),
          400: ErrorResponse,
          401: ErrorResponse,
          422: ErrorResponse,
        },
      },
    },
    async (request) => locatePoint({ services: app.services, lat: request.query.lat, lng: request.query.lng }),
  );

  r.get(
    "/units",
    {
      schema: {
        tags: ["places"],
        summary: "Units visible to the caller (paginated)",
        querystring: Type.Object({
          level: Type.Optional(Type.Union(DIVISION_LEVELS.map((l) => Type.Literal(l)))),
          type: Type.Optional(Type.Union(UNIT_TYPES.map((t) => Type.Literal(t)))),
          divisionCode: Type.Optional(Type.String({ pattern: "^[0-9]{12}$" })),
          q: Type.Optional(Type.String({ maxLength: 50 })),
          ...PageQuery,
        }),
        response: { 200: Page(UnitSchema), 400: ErrorResponse, 401: ErrorResponse },
      },
    },
    async (request) => {
      const { page = 1, pageSize = 20, ...filter } = request.query;
      const result = listUnits({ services: app.services, actor: actorOf(request), filter, page, pageSize });
      return { ...result, items: result.items.map((u) => presentUnit(u, app.services.places)) };
    },
  );
}
