// JSON schemas of the analysis API (共性问题 / 分析研判): queries coerced, bodies strict, every list in
// an answer capped (test/page-caps.test.ts reads them from the OpenAPI document).
import { Type } from "@sinclair/typebox";
import { MONTHLY_TOP } from "../analysis/monthly.ts";
import { ALERT_POINTS_CAP, HOTSPOT_SERIES_DAYS, TREND_SERIES_WEEKS } from "../use-cases/get-analysis-alert.ts";
import { ALERT_STATUSES } from "../use-cases/list-analysis-alerts.ts";
import { literalUnion } from "./case-filter-schema.ts";

const strict = { additionalProperties: false } as const;
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Num = Type.Number();

export const AlertKind = literalUnion(["hotspot", "trend"]);
export const AlertStatus = literalUnion(ALERT_STATUSES);

export const AlertListQuery = {
  kind: Type.Optional(AlertKind),
  status: Type.Optional(Type.Array(AlertStatus, { maxItems: 4 })),
  active: Type.Optional(Type.Boolean({ description: "true: signals still present; false: ended ones" })),
  division: Type.Optional(
    Type.String({ pattern: "^([0-9]{12}|[0-9]{14})$", description: "a division or grid inside your area" }),
  ),
};

export const ReviewBody = Type.Object({ note: Type.Optional(Type.String({ maxLength: 2000 })) }, strict);
export const TaskBody = Type.Object(
  { note: Type.Optional(Type.String({ maxLength: 2000, description: "the centre's words for the handling unit" })) },
  strict,
);

const LatLng = Type.Object({ lat: Num, lng: Num });

export const AlertSchema = Type.Object({
  id: Type.String({ format: "uuid" }),
  kind: AlertKind,
  level: Type.String({ description: "where the signal is: grid or community (hotspots), city or district (trends)" }),
  code: Type.String(),
  placeName: Type.String(),
  communityCode: Nullable(Type.String()),
  districtCode: Nullable(Type.String()),
  location: Nullable(LatLng),
  category: Type.Object({
    code: Type.String(),
    name: Type.String(),
    level: literalUnion(["category", "class"]),
    classCode: Nullable(Type.String()),
  }),
  window: Type.Object({ days: Type.Integer(), from: Type.String(), to: Type.String() }),
  observed: Type.Integer({ description: "reports in the window (merged duplicates and refused reports left out)" }),
  expected: Num,
  ratio: Nullable(Num),
  pValue: Type.Number({ description: "P(X ≥ observed) under the usual rate" }),
  qValue: Nullable(Num),
  score: Type.Number({ description: "−log10 p: how surprising (the ranking key)" }),
  peakScore: Num,
  method: Type.String({ description: "poisson (hotspots), seasonal or recent (trends); docs/analysis.md" }),
  status: AlertStatus,
  active: Type.Boolean(),
  firstSeenAt: Type.String(),
  lastSeenAt: Type.String(),
  endedAt: Nullable(Type.String()),
  statusChangedAt: Nullable(Type.String()),
  statusNote: Nullable(Type.String()),
  taskCaseId: Nullable(Type.String()),
  version: Type.Integer(),
});

export const AlertDetailSchema = Type.Object({
  ...AlertSchema.properties,
  explanation: Type.Object({
    baselineWeeks: Nullable(Type.Array(Num, { maxItems: 20 })),
    upper: Nullable(Num),
    z: Nullable(Num),
    baselineCount: Nullable(Num),
    baselineDays: Nullable(Num),
    expectedFromCity: Nullable(Num),
    expectedFromOwnPast: Nullable(Num),
  }),
  series: Type.Object({
    unit: literalUnion(["day", "week"]),
    points: Type.Array(Type.Object({ day: Type.String(), count: Type.Integer() }), {
      maxItems: Math.max(HOTSPOT_SERIES_DAYS, TREND_SERIES_WEEKS),
    }),
  }),
  caseCount: Type.Integer(),
  points: Type.Array(
    Type.Object({ id: Type.String(), code: Type.String(), lat: Num, lng: Num, status: Type.String() }),
    { maxItems: ALERT_POINTS_CAP, description: "the newest cases behind the alert, for the map" },
  ),
  task: Nullable(
    Type.Object({
      id: Type.String(),
      code: Type.String(),
      title: Type.String(),
      status: Type.String(),
      ownerUnit: Nullable(Type.Object({ code: Type.String(), name: Type.String() })),
    }),
  ),
});

export const TaskResultSchema = Type.Object({
  alert: AlertSchema,
  taskCase: Type.Object(
    { id: Type.String(), code: Type.String(), status: Type.String() },
    { additionalProperties: true },
  ),
  dispatched: Type.Boolean(),
  dispatchError: Nullable(Type.String()),
});

const Top = <T extends Parameters<typeof Type.Array>[0]>(item: T) => Type.Array(item, { maxItems: MONTHLY_TOP });

export const MonthlyQuery = {
  month: Type.String({ pattern: "^[0-9]{4}-(0[1-9]|1[0-2])$", description: "YYYY-MM" }),
  division: Type.Optional(Type.String({ pattern: "^[0-9]{12}$", description: "a division inside your area" })),
};

export const MonthlySchema = Type.Object({
  month: Type.String(),
  from: Type.String(),
  to: Type.String(),
  division: Type.Object({ level: Type.String(), code: Type.String(), name: Type.String() }),
  analysedAt: Nullable(Type.String({ description: "when the analysis sweep last ran; null: not yet" })),
  total: Type.Integer(),
  previousTotal: Type.Integer(),
  categories: Top(
    Type.Object({ code: Type.String(), name: Type.String(), count: Type.Integer(), previous: Type.Integer() }),
  ),
  rising: Top(
    Type.Object({
      code: Type.String(),
      name: Type.String(),
      count: Type.Integer(),
      expected: Num,
      ratio: Num,
      pValue: Num,
    }),
  ),
  hotspots: Top(
    Type.Object({
      level: Type.String(),
      code: Type.String(),
      place: Type.String(),
      categoryCode: Type.String(),
      categoryName: Type.String(),
      observed: Type.Integer(),
      expected: Num,
      ratio: Num,
    }),
  ),
  alerts: Type.Object({
    total: Type.Integer(),
    byKind: Type.Record(Type.String(), Type.Integer()),
    byStatus: Type.Record(Type.String(), Type.Integer()),
    top: Top(
      Type.Object({
        id: Type.String(),
        kind: Type.String(),
        place: Type.String(),
        categoryName: Type.String(),
        observed: Type.Integer(),
        expected: Num,
        status: Type.String(),
        taskCode: Nullable(Type.String()),
        taskStatus: Nullable(Type.String()),
      }),
    ),
  }),
  /** the month in words (Chinese, as in the PDF) */
  text: Type.String(),
});
