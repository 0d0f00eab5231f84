// The signed-in user's own account security (账号安全): change password, TOTP enrolment, recovery
// codes, turning TOTP off where policy allows. Enrolment is reachable from an enrolment-only session.
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import type { FastifyInstance } from "fastify";
import { actorOf } from "../http/auth.ts";
import { loginLimit } from "../http/login-limit.ts";
import { errorResponses } from "../http/schemas.ts";
import { changeOwnPassword } from "../use-cases/change-own-password.ts";
import { confirmTotpEnrolment } from "../use-cases/confirm-totp-enrolment.ts";
import { getAccountSecurity } from "../use-cases/get-account-security.ts";
import { disableOwnTotp, regenerateRecoveryCodes } from "../use-cases/manage-own-totp.ts";
import { startTotpEnrolment } from "../use-cases/start-totp-enrolment.ts";

const Password = Type.String({ minLength: 1, maxLength: 256 });
const PasswordBody = Type.Object({ password: Password }, { additionalProperties: false });
const RecoveryCodes = Type.Object({ recoveryCodes: Type.Array(Type.String()) });

export async function identityRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const { services } = app;

  r.get(
    "/me/security",
    {
      config: { mfaEnrolment: true },
      schema: {
        tags: ["auth"],
        summary: "My account security: TOTP on/required, recovery codes left",
        response: {
          200: Type.Object({
            totpEnabled: Type.Boolean(),
            totpEnabledAt: Type.Union([Type.String(), Type.Null()]),
            totpRequired: Type.Boolean(),
            recoveryCodesLeft: Type.Integer(),
            mfaEnrolmentOnly: Type.Boolean(),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => getAccountSecurity({ services, actor: actorOf(request) }),
  );

  r.post(
    "/me/password",
    {
      config: { passwordChange: true },
      preHandler: loginLimit(app, "password-change"),
      schema: {
        tags: ["auth"],
        summary: "Change my password (the current one first); my other sessions end",
        body: Type.Object({ currentPassword: Password, newPassword: Password }, { additionalProperties: false }),
        response: { 200: Type.Object({ ok: Type.Boolean() }), ...errorResponses },
      },
    },
    async (request) => {
      await changeOwnPassword({ services, actor: actorOf(request), ip: request.ip, ...request.body });
      return { ok: true };
    },
  );

  r.post(
    "/me/totp/enrolment",
    {
      config: { mfaEnrolment: true },
      schema: {
        tags: ["auth"],
        summary: "Start TOTP enrolment: a new secret as otpauth:// URI (QR) and base32 text",
        response: { 200: Type.Object({ secret: Type.String(), uri: Type.String() }), ...errorResponses },
      },
    },
    async (request, reply) => {
      reply.header("cache-control", "no-store");
      return startTotpEnrolment({ services, actor: actorOf(request), ip: request.ip });
    },
  );

  r.post(
    "/me/totp/enrolment/confirm",
    {
      config: { mfaEnrolment: true },
      preHandler: loginLimit(app, "totp-confirm"),
      schema: {
        tags: ["auth"],
        summary: "Confirm enrolment with a code from the app: answers the 10 recovery codes, once",
        body: Type.Object({ code: Type.String({ pattern: "^\\s*\\d{6}\\s*$" }) }, { additionalProperties: false }),
        response: { 200: RecoveryCodes, ...errorResponses },
      },
    },
    async (request, reply) => {
      reply.header("cache-control", "no-store");
      return confirmTotpEnrolment({ services, actor: actorOf(request), ip: request.ip, code: request.body.code });
    },
  );

  r.post(
    "/me/totp/recovery-codes",
    {
      preHandler: loginLimit(app, "totp-manage"),
      schema: {
        tags: ["auth"],
        summary: "New recovery codes (the old ones stop working); password required",
        body: PasswordBody,
        response: { 200: RecoveryCodes, ...errorResponses },
      },
    },
    async (request, reply) => {
      reply.header("cache-control", "no-store");
      return regenerateRecoveryCodes({
        services,
        actor: actorOf(request),
        ip: request.ip,
        password: request.body.password,
      });
    },
  );

  r.post(
    "/me/totp/disable",
    {
      preHandler: loginLimit(app, "totp-manage"),
      schema: {
        tags: ["auth"],
        summary: "Turn my TOTP off (not where policy requires it: 409 MFA_REQUIRED_BY_POLICY); password required",
        body: PasswordBody,
        response: { 200: Type.Object({ ok: Type.Boolean() }), ...errorResponses },
      },
    },
    async (request) => {
      await disableOwnTotp({ services, actor: actorOf(request), ip: request.ip, password: request.body.password });
      return { ok: true };
    },
  );
}
