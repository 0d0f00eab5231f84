// The portal's ban list (system admin): list, bar a phone, lift a ban. Every change is audited.
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import type { FastifyInstance } from "fastify";
import { actorOf } from "../http/auth.ts";
import { ErrorResponse, errorResponses, Page, PageQuery } from "../http/schemas.ts";
import { presentBannedPhone } from "../presenters/banned-phone.ts";
import { banPhone } from "../use-cases/ban-phone.ts";
import { listBannedPhones } from "../use-cases/list-banned-phones.ts";
import { unbanPhone } from "../use-cases/unban-phone.ts";
import { Phone } from "./public-schemas.ts";

const tags = ["administration"];
const BannedPhone = Type.Object({
  id: Type.String(),
  /** masked: 138****1234 */
  phone: Type.String(),
  reason: Type.String(),
  bannedAt: Type.String(),
  bannedBy: Type.Union([Type.Object({ username: Type.String(), displayName: Type.String() }), Type.Null()]),
});

export async function adminBannedPhoneRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const { services } = app;

  r.get(
    "/admin/banned-phones",
    {
      schema: {
        tags,
        summary: "Phones barred from the citizens' portal (system admin); q matches digits of the number",
        querystring: Type.Object({ q: Type.Optional(Type.String({ maxLength: 20 })), ...PageQuery }),
        response: { 200: Page(BannedPhone), 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse },
      },
    },
    async (request) => {
      const { page = 1, pageSize = 20, q } = request.query;
      const result = await listBannedPhones({ services, actor: actorOf(request), ip: request.ip, q, page, pageSize });
      return { items: result.rows.map(presentBannedPhone), total: result.total, page, pageSize };
    },
  );

  r.post(
    "/admin/banned-phones",
    {
      schema: {
        tags,
        summary: "Bar a phone from the portal: no one-time codes, no reports (system admin)",
        body: Type.Object(
          { phone: Phone, reason: Type.String({ minLength: 1, maxLength: 200, pattern: "\\S" }) },
          { additionalProperties: false },
        ),
        response: { 201: BannedPhone, ...errorResponses },
      },
    },
    async (request, reply) => {
      const row = await banPhone({ services, actor: actorOf(request), ip: request.ip, ...request.body });
      return reply.status(201).send(presentBannedPhone(row));
    },
  );

  r.delete(
    "/admin/banned-phones/:phone",
    {
      schema: {
        tags,
        summary: "Lift a phone's ban (system admin)",
        params: Type.Object({ phone: Type.Union([Phone, Type.String({ format: "uuid" })]) }),
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await unbanPhone({ services, actor: actorOf(request), ip: request.ip, phone: request.params.phone });
      return reply.status(204).send(null);
    },
  );
}
