// The security admin's role matrix and the auditor's audit log: each readable by that one role only.
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import type { FastifyInstance } from "fastify";
import { actorOf } from "../http/auth.ts";
import { ErrorResponse, Page, PageQuery } from "../http/schemas.ts";
import { presentAuditRecord } from "../presenters/audit-record.ts";
import { getRoleMatrix } from "../use-cases/get-role-matrix.ts";
import { listAuditRecords } from "../use-cases/list-audit-records.ts";
import { verifyAuditChainFor } from "../use-cases/verify-audit-chain.ts";

const DayOrInstant = Type.Union([
  Type.String({ pattern: "^\\d{4}-\\d{2}-\\d{2}$" }),
  Type.String({ format: "date-time" }),
]);
const Nullable = (t: ReturnType<typeof Type.String>) => Type.Union([t, Type.Null()]);
const AuditRecord = Type.Object({
  id: Type.String(),
  at: Type.String(),
  username: Nullable(Type.String()),
  unitCode: Nullable(Type.String()),
  role: Nullable(Type.String()),
  action: Type.String(),
  objectType: Nullable(Type.String()),
  objectId: Nullable(Type.String()),
  outcome: Type.String(),
  ip: Nullable(Type.String()),
  detail: Type.Unknown(),
});
const RoleRow = Type.Object({
  role: Type.String(),
  users: Type.Integer(),
  permissions: Type.Array(Type.String()),
  caseActions: Type.Array(Type.String()),
  caseActionGrants: Type.Array(Type.Object({ action: Type.String(), relations: Type.Array(Type.String()) })),
});
const readErrors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse };

export async function securityRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const { services } = app;

  r.get(
    "/security/roles",
    {
      schema: {
        tags: ["security"],
        summary: "Roles × permissions and case actions, with active accounts per role (security admin)",
        description:
          "caseActionGrants gives, per case action, the relation to the case the role needs: coordinator, owner, territory, reporter or jurisdiction.",
        response: { 200: Type.Object({ roles: Type.Array(RoleRow) }), ...readErrors },
      },
    },
    async (request) => ({ roles: await getRoleMatrix({ services, actor: actorOf(request), ip: request.ip }) }),
  );

  r.get(
    "/audit/verify",
    {
      schema: {
        tags: ["security"],
        summary: "Verify the audit log's hash chain (auditor): ok, or the first broken link",
        response: {
          200: Type.Object({
            ok: Type.Boolean(),
            rows: Type.Integer(),
            firstId: Type.Union([Type.Integer(), Type.Null()]),
            lastId: Type.Union([Type.Integer(), Type.Null()]),
            anchoredAfterPurge: Type.Union([Type.Integer(), Type.Null()]),
            broken: Type.Union([
              Type.Object({ id: Type.Integer(), problem: Type.String(), message: Type.String() }),
              Type.Null(),
            ]),
          }),
          ...readErrors,
        },
      },
    },
    async (request) => verifyAuditChainFor({ services, actor: actorOf(request), ip: request.ip }),
  );

  r.get(
    "/audit",
    {
      schema: {
        tags: ["security"],
        summary: "Audit records, newest first (auditor)",
        description:
          "from/to: a date (a day in Beijing time; `to` includes it) or a date-time (`to` exclusive). action: exact or a dotted prefix (`admin.user`).",
        querystring: Type.Object({
          from: Type.Optional(DayOrInstant),
          to: Type.Optional(DayOrInstant),
          username: Type.Optional(Type.String({ maxLength: 64 })),
          action: Type.Optional(Type.String({ maxLength: 64 })),
          outcome: Type.Optional(Type.Union(["success", "failure", "denied"].map((o) => Type.Literal(o)))),
          ...PageQuery,
        }),
        response: { 200: Page(AuditRecord), ...readErrors },
      },
    },
    async (request) => {
      const { page = 1, pageSize = 20, ...filter } = request.query;
      const result = await listAuditRecords({
        services,
        actor: actorOf(request),
        ip: request.ip,
        filter: filter as Parameters<typeof listAuditRecords>[0]["filter"],
        page,
        pageSize,
      });
      return { items: result.rows.map(presentAuditRecord), total: result.total, page, pageSize };
    },
  );
}
