// TypeBox shapes of the big screen's API (routes/screen.routes.ts); they appear in the OpenAPI doc.
// Every array is capped (maxItems) as test/page-caps.test.ts demands: the divisions of one level,
// the window's days, the top tens, and the map's and patrol layer's own limits.
import { CASE_SOURCES, CASE_STATUSES } from "@civicgrid/shared";
import { Type } from "@sinclair/typebox";
import { CHART_DAYS_DEFAULT, CHART_DAYS_MAX, CHART_DAYS_MIN } from "../use-cases/get-screen-charts.ts";
import { POINTS_DEFAULT, POINTS_MAX } from "../use-cases/list-screen-points.ts";
import { WORKERS_MAX } from "../use-cases/list-screen-workers.ts";
import { literalUnion } from "./case-filter-schema.ts";
import { AutoDispatchFigures } from "./routing-schemas.ts";

/** Children of one division (districts of a city, communities of a township, grids of a community). */
export const MAX_CHILDREN = 2_000;
/** Grids of the whole city, one heat cell each. */
export const MAX_HEAT_CELLS = 20_000;

const Rate = Type.Union([Type.Number({ minimum: 0, maximum: 1 }), Type.Null()]);
const Day = Type.String({ format: "date" });
const Level = literalUnion(["city", "district", "township", "community", "grid"] as const);
const Place = Type.Object({ level: Level, code: Type.String(), name: Type.String() });
const Period = Type.Object({ from: Day, to: Day }, { description: "report days (CST), both included" });

export const DivisionQuery = {
  division: Type.Optional(
    Type.String({
      pattern: "^[0-9]{12}([0-9]{2})?$",
      description: "a 12-digit division or 14-digit grid code inside the caller's area (default: the caller's own)",
    }),
  ),
};

export const DaysQuery = {
  days: Type.Optional(Type.Integer({ minimum: CHART_DAYS_MIN, maximum: CHART_DAYS_MAX, default: CHART_DAYS_DEFAULT })),
};

export const PointsQuery = {
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: POINTS_MAX, default: POINTS_DEFAULT })),
};

export const ScopeSchema = Type.Object({
  level: Level,
  code: Type.String(),
  name: Type.String(),
  breadcrumb: Type.Array(Place, { maxItems: 5, description: "from the caller's own division down to this one" }),
  children: Type.Array(Place, { maxItems: MAX_CHILDREN, description: "the drill-down: one level below" }),
});

export const SummarySchema = Type.Object({
  scope: ScopeSchema,
  kpis: Type.Object({
    reportedToday: Type.Integer(),
    open: Type.Integer(),
    overdue: Type.Integer(),
    closedToday: Type.Integer(),
    found: Type.Integer({ description: "问题发现数 of the 365-day cohort" }),
    resolved: Type.Integer({ description: "问题解决数 of the 365-day cohort" }),
    resolvedRate: Rate,
    onTimeClosureRate: Rate,
    satisfactionRate: Rate,
    patrollingNow: Type.Integer(),
  }),
  period: Period,
  autoDispatch: AutoDispatchFigures,
  asOf: Type.String({ format: "date-time" }),
});

const Count = Type.Integer({ minimum: 0 });

export const ChartsSchema = Type.Object({
  scope: ScopeSchema,
  days: Type.Integer(),
  period: Period,
  rankingPeriod: Period,
  daily: Type.Array(Type.Object({ day: Day, reported: Count, closed: Count }), { maxItems: CHART_DAYS_MAX }),
  trend: Type.Object({
    last7: Count,
    previous7: Count,
    changePct: Type.Union([Type.Number(), Type.Null()], { description: "per cent, last 7 days vs the 7 before" }),
  }),
  categories: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), count: Count }), { maxItems: 10 }),
  // one per intake source (CASE_SOURCES: 8 today), with room for sources added later
  sources: Type.Array(Type.Object({ source: Type.String(), count: Count }), { maxItems: 4 * CASE_SOURCES.length }),
  ranking: Type.Array(
    Type.Object({
      level: Level,
      code: Type.String(),
      name: Type.String(),
      reported: Count,
      closed: Count,
      overdue: Count,
      resolvedRate: Rate,
      onTimeClosureRate: Rate,
      satisfactionRate: Rate,
    }),
    { maxItems: MAX_CHILDREN },
  ),
  overdueByUnit: Type.Array(Type.Object({ unitCode: Type.String(), unitName: Type.String(), count: Count }), {
    maxItems: 10,
  }),
  asOf: Type.String({ format: "date-time" }),
});

// Up to 10,000 points per answer: the item avoids anyOf (a union of literals, String | Null), which
// the response serializer checks item by item at run time (~150 ms for 10,000); an enum and a type
// list document the same values and serialize straight.
const PointStatus = Type.Unsafe<string>({ type: "string", enum: [...CASE_STATUSES] });
const NullableText = Type.Unsafe<string | null>({ type: ["string", "null"] });

export const PointsSchema = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Type.String({ format: "uuid" }),
      code: Type.String(),
      lat: Type.Number(),
      lng: Type.Number(),
      status: PointStatus,
      overdue: Type.Boolean(),
      categoryName: NullableText,
      reportedAt: Type.String({ format: "date-time" }),
    }),
    { maxItems: POINTS_MAX },
  ),
  total: Count,
  truncated: Type.Boolean(),
});

export const HeatSchema = Type.Object({
  scope: Place,
  period: Period,
  cells: Type.Array(Type.Object({ gridCode: Type.String(), lat: Type.Number(), lng: Type.Number(), weight: Count }), {
    maxItems: MAX_HEAT_CELLS,
  }),
});

export const WorkersSchema = Type.Object({
  items: Type.Array(
    Type.Object({
      userId: Type.String({ format: "uuid" }),
      name: Type.String({ description: "masked (陈*)" }),
      gridCode: Type.String(),
      lat: Type.Number(),
      lng: Type.Number(),
      lastSeenAt: Type.String({ format: "date-time" }),
    }),
    { maxItems: WORKERS_MAX },
  ),
});
