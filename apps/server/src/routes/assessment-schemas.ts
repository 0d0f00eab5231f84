// JSON schemas of the assessment (综合评价) routes: the period and sort every ranking accepts, and
// the ranked rows (figures and their change against the previous period).
import { UNIT_TYPES } from "@civicgrid/shared";
import { type TSchema, Type } from "@sinclair/typebox";
import { AREA_LEVELS } from "../assessment/jurisdiction.ts";
import { FIGURE_KEYS } from "../assessment/ranking.ts";
import { Page, PageQuery } from "../http/schemas.ts";
import { PEOPLE_KINDS } from "../use-cases/get-people-ranking.ts";
import { literalUnion } from "./case-filter-schema.ts";

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const Day = Type.String({ pattern: "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", description: "YYYY-MM-DD (China Standard Time)" });

/** The period (default: this month so far, at most 366 days), and what to rank by. */
export const RankingQuery = {
  from: Type.Optional(Day),
  to: Type.Optional(Day),
  sort: Type.Optional(literalUnion(FIGURE_KEYS)),
  order: Type.Optional(literalUnion(["asc", "desc"])),
};

export const AreaQuery = Type.Object({
  ...RankingQuery,
  level: Type.Optional(literalUnion(AREA_LEVELS)),
  parent: Type.Optional(Type.String({ pattern: "^[0-9]{12}$", description: "a division of the caller's area" })),
});
export const UnitQuery = Type.Object({
  ...RankingQuery,
  unitType: Type.Optional(literalUnion(UNIT_TYPES)),
});
export const PeopleQuery = Type.Object({ ...RankingQuery, kind: literalUnion(PEOPLE_KINDS) });

export const pagedQuery = <T extends ReturnType<typeof Type.Object>>(q: T) =>
  Type.Composite([q, Type.Object(PageQuery)]);

const Figures = Type.Object(Object.fromEntries(FIGURE_KEYS.map((k) => [k, Type.Optional(Nullable(Type.Number()))])), {
  description: "rates 0..1; counts; avgHandlingDays in working days; null: nothing to measure",
});
const Change = Type.Object(Object.fromEntries(FIGURE_KEYS.map((k) => [k, Type.Optional(Nullable(Type.Number()))])), {
  description: "against the previous period: percentage points for rates, per cent for counts, days",
});
const Period = Type.Object({ from: Type.String(), to: Type.String() });

export const RankingRow = Type.Object({
  rank: Nullable(Type.Integer()),
  code: Type.String(),
  name: Type.String(),
  kind: Type.String(),
  context: Nullable(Type.String()),
  hasChildren: Type.Boolean(),
  figures: Figures,
  change: Change,
});

const RankingMeta = {
  period: Period,
  previous: Period,
  sort: Type.String(),
  order: Type.String(),
};

export const RankingPage = Type.Composite([Page(RankingRow), Type.Object(RankingMeta)]);
export const AreaRankingPage = Type.Composite([
  Page(RankingRow),
  Type.Object({
    ...RankingMeta,
    level: Type.String(),
    parent: Type.Object({ code: Type.String(), name: Type.String(), level: Type.String() }),
    summary: RankingRow,
  }),
]);

export const ReportQuery = Type.Object({
  month: Type.String({ pattern: "^[0-9]{4}-[0-9]{2}$", description: "YYYY-MM" }),
  division: Type.Optional(Type.String({ pattern: "^[0-9]{12}$" })),
});
