// The security admin's policies and account resets (三员: the system admin manages accounts, but the
// second factor of any account and the password of an admin-role account are the security admin's).
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import type { FastifyInstance } from "fastify";
import { AppError } from "../errors.ts";
import { actorOf } from "../http/auth.ts";
import { errorResponses } from "../http/schemas.ts";
import { resetUserPassword } from "../use-cases/reset-user-password.ts";
import { resetUserTotp } from "../use-cases/reset-user-totp.ts";
import { getSecurityPolicies, updateSecurityPolicies } from "../use-cases/update-security-policies.ts";

const Policies = Type.Object({
  totpRequiredForCentres: Type.Boolean(),
  updatedAt: Type.String(),
  updatedBy: Type.Union([Type.String(), Type.Null()]),
});
const UsernameBody = Type.Object(
  { username: Type.String({ pattern: "^[a-z0-9_.-]{3,64}$" }) },
  { additionalProperties: false },
);

export async function securityPolicyRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const { services } = app;

  r.get(
    "/security/policies",
    {
      schema: {
        tags: ["security"],
        summary: "Security policies (security admin)",
        response: { 200: Policies, ...errorResponses },
      },
    },
    async (request) => getSecurityPolicies({ services, actor: actorOf(request), ip: request.ip }),
  );

  r.put(
    "/security/policies",
    {
      schema: {
        tags: ["security"],
        summary: "Edit security policies (security admin): TOTP required for the centre roles",
        body: Type.Object({ totpRequiredForCentres: Type.Boolean() }, { additionalProperties: false }),
        response: { 200: Policies, ...errorResponses },
      },
    },
    async (request) =>
      updateSecurityPolicies({ services, actor: actorOf(request), ip: request.ip, patch: request.body }),
  );

  r.post(
    "/security/accounts/reset-totp",
    {
      schema: {
        tags: ["security"],
        summary: "Remove an account's TOTP (security admin; not their own); its sessions end",
        body: UsernameBody,
        response: { 200: Type.Object({ username: Type.String(), hadTotp: Type.Boolean() }), ...errorResponses },
      },
    },
    async (request) =>
      resetUserTotp({ services, actor: actorOf(request), ip: request.ip, username: request.body.username }),
  );

  r.post(
    "/security/accounts/reset-password",
    {
      schema: {
        tags: ["security"],
        summary: "Reset the password of an admin-role account (security admin): generated, shown once",
        body: UsernameBody,
        response: { 200: Type.Object({ password: Type.String() }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const user = await services.db
        .selectFrom("users")
        .select("id")
        .where("username", "=", request.body.username)
        .executeTakeFirst();
      if (!user) throw new AppError("USER_NOT_FOUND", { username: request.body.username });
      const result = await resetUserPassword({ services, actor: actorOf(request), ip: request.ip, userId: user.id });
      reply.header("cache-control", "no-store");
      return result;
    },
  );
}
