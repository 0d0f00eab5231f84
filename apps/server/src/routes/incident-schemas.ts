// JSON schemas of the emergency-mode API (应急指挥): bodies strictly, answers documented with every
// list capped (maxItems), as test/page-caps.test.ts reads them from the OpenAPI document.
import { INCIDENT_STATUSES, INCIDENT_TASK_STATUSES, INCIDENT_TYPES } from "@civicgrid/shared";
import { Type } from "@sinclair/typebox";
import { MAX_INCIDENT_GRIDS, MAX_POLYGON_POINTS } from "../incidents/incident-area.ts";
import { INCIDENT_CASES_CAP, INCIDENT_LOG_CAP, INCIDENT_WORKERS_CAP } from "../use-cases/get-incident.ts";
import { literalUnion } from "./case-filter-schema.ts";

const strict = { additionalProperties: false } as const;
const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);
const NullableNumber = Type.Union([Type.Number(), Type.Null()]);
const GridCode = Type.String({ pattern: "^[0-9]{14}$" });

export const IncidentType = literalUnion(INCIDENT_TYPES);
export const IncidentStatus = literalUnion(INCIDENT_STATUSES);

/** [lng, lat]; latitude is checked by the use case (422 INCIDENT_AREA_INVALID) */
const LngLat = Type.Array(Type.Number({ minimum: -180, maximum: 180 }), {
  minItems: 2,
  maxItems: 2,
  description: "[lng, lat] (WGS84)",
});

export const DeclareIncidentBody = Type.Object(
  {
    type: IncidentType,
    level: Type.Integer({ minimum: 1, maximum: 4, description: "1 Ⅰ特别重大, 2 Ⅱ重大, 3 Ⅲ较大, 4 Ⅳ一般" }),
    title: Type.String({ minLength: 1, maxLength: 200 }),
    description: Type.Optional(Type.String({ maxLength: 5000 })),
    area: Type.Union([
      Type.Object(
        {
          polygon: Type.Array(LngLat, {
            minItems: 3,
            maxItems: MAX_POLYGON_POINTS,
            description: "a simple polygon (edges may not cross); the closing point may be repeated or not",
          }),
        },
        strict,
      ),
      Type.Object(
        { gridCodes: Type.Array(GridCode, { minItems: 1, maxItems: MAX_INCIDENT_GRIDS, uniqueItems: true }) },
        strict,
      ),
    ]),
    taskText: Type.String({ minLength: 1, maxLength: 2000, description: "the task broadcast to the grid workers" }),
  },
  strict,
);

export const TextBody = (max: number) => Type.Object({ text: Type.String({ minLength: 1, maxLength: max }) }, strict);
export const CloseBody = Type.Object({ summary: Type.String({ minLength: 1, maxLength: 5000 }) }, strict);
export const DoneBody = Type.Object({ note: Type.Optional(Type.String({ maxLength: 2000 })) }, strict);

export const IncidentSummary = Type.Object({
  id: Type.String({ format: "uuid" }),
  code: Type.String({ examples: ["YJ20261127001"] }),
  type: Type.String(),
  level: Type.Integer(),
  title: Type.String(),
  status: Type.String(),
  declaredAt: Type.String(),
  declaredBy: Type.Object({ name: Nullable(Type.String()), unitCode: Type.String(), unitName: Type.String() }),
  closedAt: Nullable(Type.String()),
  scope: Type.Object({ level: Type.String(), code: Type.String(), name: Type.String() }),
  gridCount: Type.Integer(),
  bounds: Type.Object({ minLng: Type.Number(), minLat: Type.Number(), maxLng: Type.Number(), maxLat: Type.Number() }),
  version: Type.Integer(),
});

export const IncidentDetail = Type.Object({
  ...IncidentSummary.properties,
  description: Nullable(Type.String()),
  summary: Nullable(Type.String()),
  area: Type.Object({
    polygon: Type.Union([
      Type.Array(Type.Array(Type.Number(), { maxItems: 2 }), { maxItems: MAX_POLYGON_POINTS }),
      Type.Null(),
    ]),
    gridCodes: Type.Array(Type.String(), { maxItems: MAX_INCIDENT_GRIDS }),
  }),
  canDirect: Type.Boolean(),
  cases: Type.Array(
    Type.Object({
      id: Type.String(),
      code: Type.String(),
      title: Type.String(),
      status: Type.String(),
      lat: Type.Number(),
      lng: Type.Number(),
      gridCode: Type.String(),
      categoryName: Nullable(Type.String()),
      reportedAt: Type.String(),
      overdue: Type.Boolean(),
    }),
    { maxItems: INCIDENT_CASES_CAP, description: "open cases in the grids (within your area), newest first" },
  ),
  caseTotal: Type.Integer(),
  workers: Type.Array(
    Type.Object({
      userId: Type.String(),
      name: Nullable(Type.String()),
      gridCode: Type.String(),
      gridName: Nullable(Type.String()),
      lat: NullableNumber,
      lng: NullableNumber,
      lastSeenAt: Nullable(Type.String()),
      taskStatus: Type.Union([literalUnion(INCIDENT_TASK_STATUSES), Type.Null()]),
    }),
    { maxItems: INCIDENT_WORKERS_CAP, description: "grid workers of the grids, last patrol point, latest task" },
  ),
  workerTotal: Type.Integer(),
  tasks: Type.Object({
    sent: Type.Integer({ description: "not yet acknowledged" }),
    acknowledged: Type.Integer(),
    done: Type.Integer(),
    total: Type.Integer(),
  }),
  log: Type.Array(
    Type.Object({
      id: Type.String(),
      at: Type.String(),
      kind: Type.String(),
      text: Nullable(Type.String()),
      actorName: Nullable(Type.String()),
      unitName: Nullable(Type.String()),
    }),
    { maxItems: INCIDENT_LOG_CAP, description: "newest first" },
  ),
  logTotal: Type.Integer(),
});

export const IncidentTask = Type.Object({
  id: Type.String({ format: "uuid" }),
  incidentId: Type.String(),
  incidentCode: Type.String(),
  incidentStatus: Type.String(),
  type: Type.String(),
  level: Type.Integer(),
  title: Type.String(),
  text: Type.String(),
  round: Type.Integer({ description: "1 for the declaration's broadcast, 2 for the next …" }),
  status: literalUnion(INCIDENT_TASK_STATUSES),
  gridCode: Type.String(),
  gridName: Nullable(Type.String()),
  sentAt: Type.String(),
  ackedAt: Nullable(Type.String()),
  doneAt: Nullable(Type.String()),
  note: Nullable(Type.String()),
});

export const GridFeatures = Type.Object({
  type: Type.Literal("FeatureCollection"),
  features: Type.Array(Type.Object({}, { additionalProperties: true }), { maxItems: MAX_INCIDENT_GRIDS }),
});
