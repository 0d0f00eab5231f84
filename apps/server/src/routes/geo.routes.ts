// Places for maps and pickers: the division tree one level at a time, the district, township,
// community and grid outlines. Open to every signed-in user: boundaries carry no personal data.
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import type { FastifyInstance } from "fastify";
import { ErrorResponse } from "../http/schemas.ts";
import { presentDivision, presentDivisionDetail } from "../presenters/division.ts";
import { presentDivisionOutline } from "../presenters/division-outline.ts";
import { presentGridFeature } from "../presenters/grid-feature.ts";
import { BOUNDARY_ATTRIBUTION, getDistrictOutlines } from "../use-cases/get-district-outlines.ts";
import { getDivision } from "../use-cases/get-division.ts";
import { getGridFeature } from "../use-cases/get-grid-feature.ts";
import { listCommunityOutlines, MAX_COMMUNITY_OUTLINES } from "../use-cases/list-community-outlines.ts";
import { listDivisions } from "../use-cases/list-divisions.ts";
import { listGridFeatures } from "../use-cases/list-grid-features.ts";
import { listTownshipOutlines, MAX_TOWNSHIP_OUTLINES } from "../use-cases/list-township-outlines.ts";

const DivisionCode = Type.String({ pattern: "^[0-9]{12}$" });
const GridCode = Type.String({ pattern: "^[0-9]{14}$" });
const Level = Type.String();
const Division = Type.Object({
  code: Type.String(),
  name: Type.String(),
  level: Level,
  parentCode: Type.Union([Type.String(), Type.Null()]),
  childCount: Type.Integer(),
});
const GridFeature = Type.Object({
  type: Type.Literal("Feature"),
  id: Type.String(),
  properties: Type.Object({ code: Type.String(), name: Type.String(), communityCode: Type.String() }),
  geometry: Type.Object({ type: Type.Literal("MultiPolygon"), coordinates: Type.Unknown() }),
});
const Lng = Type.Number({ minimum: -180, maximum: 180 });
const Lat = Type.Number({ minimum: -90, maximum: 90 });
/** A township or community, dissolved from its grids (coordinates rounded to 5 decimals, ≈ 1 m). */
const OutlineFeature = Type.Object({
  type: Type.Literal("Feature"),
  id: Type.String(),
  bbox: Type.Tuple([Lng, Lat, Lng, Lat], { description: "[minLng, minLat, maxLng, maxLat]" }),
  properties: Type.Object({
    code: Type.String(),
    name: Type.String(),
    parentCode: Type.String(),
    gridCount: Type.Integer(),
    labelAt: Type.Tuple([Lng, Lat], { description: "a point inside the largest part, for the name" }),
  }),
  geometry: Type.Object({ type: Type.Literal("MultiPolygon"), coordinates: Type.Unknown() }),
});
const outlines = (max: number) =>
  Type.Object({ type: Type.Literal("FeatureCollection"), features: Type.Array(OutlineFeature, { maxItems: max }) });
const errors = { 400: ErrorResponse, 401: ErrorResponse, 404: ErrorResponse };

/** Outlines change only with a new release of the seed data; grids only by a migration. */
const DISTRICTS_CACHE = "private, max-age=604800";
const GRIDS_CACHE = "private, max-age=3600";

export async function geoRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const { services } = app;

  r.get(
    "/divisions",
    {
      schema: {
        tags: ["places"],
        summary: "Children of a division (all of them, ordered by code); without parentCode, the city",
        querystring: Type.Object({ parentCode: Type.Optional(DivisionCode) }),
        response: { 200: Type.Object({ items: Type.Array(Division) }), ...errors },
      },
    },
    async (request) => {
      const divisions = listDivisions({ services, parentCode: request.query.parentCode });
      return { items: divisions.map((d) => presentDivision(d, services.places)) };
    },
  );

  r.get(
    "/divisions/:code",
    {
      schema: {
        tags: ["places"],
        summary: "One division and its path from the city down to it (inclusive)",
        params: Type.Object({ code: DivisionCode }),
        response: {
          200: Type.Object({
            code: Type.String(),
            name: Type.String(),
            level: Level,
            parentCode: Type.Union([Type.String(), Type.Null()]),
            path: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), level: Level })),
          }),
          ...errors,
        },
      },
    },
    async (request) => {
      const { division, path } = getDivision({ services, code: request.params.code });
      return presentDivisionDetail(division, path);
    },
  );

  // untyped: the body is pre-serialised GeoJSON, sent as is
  app.get(
    "/geo/districts",
    {
      // public data (published boundaries): the citizens' portal draws its map on it without a sign-in
      config: { auth: false },
      schema: {
        tags: ["places"],
        summary: `GeoJSON FeatureCollection of the district outlines (properties: code, name); ${BOUNDARY_ATTRIBUTION}`,
        description: "Long-cached, with an ETag: a matching If-None-Match gets 304.",
      },
    },
    async (request, reply) => {
      const { body, etag } = getDistrictOutlines({ services });
      reply.header("cache-control", DISTRICTS_CACHE).header("etag", etag);
      if (request.headers["if-none-match"] === etag) return reply.status(304).send();
      return reply.type("application/geo+json; charset=utf-8").send(body);
    },
  );

  r.get(
    "/geo/grids",
    {
      schema: {
        tags: ["places"],
        summary: "GeoJSON FeatureCollection of the grids of one community or one township (≤ 2000)",
        querystring: Type.Object({
          communityCode: Type.Optional(DivisionCode),
          townshipCode: Type.Optional(DivisionCode),
        }),
        response: {
          200: Type.Object({ type: Type.Literal("FeatureCollection"), features: Type.Array(GridFeature) }),
          ...errors,
        },
      },
    },
    async (request, reply) => {
      const rows = await listGridFeatures({ services, ...request.query });
      reply.header("cache-control", GRIDS_CACHE);
      return { type: "FeatureCollection" as const, features: rows.map(presentGridFeature) };
    },
  );

  r.get(
    "/geo/townships",
    {
      schema: {
        tags: ["places"],
        summary: "GeoJSON FeatureCollection of the township outlines of one district, or of the whole city",
        description:
          "Each outline is the union of the township's grids, lightly simplified; computed once per process.",
        querystring: Type.Object({ districtCode: Type.Optional(DivisionCode) }),
        response: { 200: outlines(MAX_TOWNSHIP_OUTLINES), ...errors },
      },
    },
    async (request, reply) => {
      const items = await listTownshipOutlines({ services, districtCode: request.query.districtCode });
      reply.header("cache-control", GRIDS_CACHE);
      return { type: "FeatureCollection" as const, features: items.map(presentDivisionOutline) };
    },
  );

  r.get(
    "/geo/communities",
    {
      schema: {
        tags: ["places"],
        summary: "GeoJSON FeatureCollection of the community outlines of one township or one district",
        description:
          "Exactly one of townshipCode and districtCode. Each outline is the union of the community's grids.",
        querystring: Type.Object({
          townshipCode: Type.Optional(DivisionCode),
          districtCode: Type.Optional(DivisionCode),
        }),
        response: { 200: outlines(MAX_COMMUNITY_OUTLINES), ...errors },
      },
    },
    async (request, reply) => {
      const items = await listCommunityOutlines({ services, ...request.query });
      reply.header("cache-control", GRIDS_CACHE);
      return { type: "FeatureCollection" as const, features: items.map(presentDivisionOutline) };
    },
  );

  r.get(
    "/geo/grids/:code",
    {
      schema: {
        tags: ["places"],
        summary: "One grid as a GeoJSON Feature",
        params: Type.Object({ code: GridCode }),
        response: { 200: GridFeature, ...errors },
      },
    },
    async (request, reply) => {
      const row = await getGridFeature({ services, code: request.params.code });
      reply.header("cache-control", GRIDS_CACHE);
      return presentGridFeature(row);
    },
  );
}
