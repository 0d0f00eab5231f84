// Shared JSON-schema pieces for routes (TypeBox): the error envelope and paging.
import { type TSchema, Type } from "@sinclair/typebox";

export const ErrorResponse = Type.Object(
  {
    error: Type.Object({
      code: Type.String(),
      message: Type.String(),
      messageEn: Type.String(),
      details: Type.Optional(Type.Unknown()),
    }),
  },
  { $id: "ErrorResponse" },
);

export const MAX_PAGE_SIZE = 100;

export const PageQuery = {
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_PAGE_SIZE, default: 20 })),
};

export function Page<T extends TSchema>(item: T) {
  return Type.Object({
    items: Type.Array(item),
    total: Type.Integer(),
    page: Type.Integer(),
    pageSize: Type.Integer(),
  });
}

/** An object documented by the properties named, others allowed (answers described loosely). */
export const Loose = (props: Parameters<typeof Type.Object>[0]) => Type.Object(props, { additionalProperties: true });

export const errorResponses = {
  400: ErrorResponse,
  401: ErrorResponse,
  403: ErrorResponse,
  404: ErrorResponse,
  409: ErrorResponse,
  422: ErrorResponse,
};

export const UnitSchema = Type.Object({
  code: Type.String(),
  name: Type.String(),
  nameEn: Type.Union([Type.String(), Type.Null()]),
  type: Type.String(),
  level: Type.String(),
  divisionCode: Type.String(),
  divisionName: Type.Union([Type.String(), Type.Null()]),
  departmentKind: Type.Union([Type.String(), Type.Null()]),
  active: Type.Boolean(),
});

/** Documented core of a case; further fields pass through (additionalProperties). */
export const CaseSchema = Type.Object(
  {
    id: Type.String({ format: "uuid" }),
    code: Type.String({ examples: ["AS-20261127-000123"] }),
    title: Type.String(),
    status: Type.String(),
    source: Type.String(),
    categoryCode: Type.Union([Type.String(), Type.Null()]),
    gridCode: Type.String(),
    communityCode: Type.String(),
    townshipCode: Type.String(),
    districtCode: Type.String(),
    ownerUnit: Type.Union([
      Type.Object({ code: Type.String(), name: Type.String() }, { additionalProperties: true }),
      Type.Null(),
    ]),
    deadlines: Type.Object({}, { additionalProperties: true }),
    overdue: Type.Boolean(),
  },
  { additionalProperties: true },
);
