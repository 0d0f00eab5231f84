// Signing in and out: password (step 1), TOTP or recovery code (step 2), the first-time setup of a
// non-demo install, and /me. The identity self-service and the security admin's policies are
// registered from here too (identity.routes.ts, security-policies.routes.ts).
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { actorOf, SESSION_COOKIE } from "../http/auth.ts";
import { clearCsrfCookie, setCsrfCookie } from "../http/csrf.ts";
import { loginLimit } from "../http/login-limit.ts";
import { ErrorResponse } from "../http/schemas.ts";
import { presentMe } from "../presenters/user.ts";
import { logIn } from "../use-cases/log-in.ts";
import { logInTotp } from "../use-cases/log-in-totp.ts";
import { logOut } from "../use-cases/log-out.ts";
import { setUpFirstAdmin } from "../use-cases/set-up-first-admin.ts";
import { hasAnyUser } from "../users/first-start.ts";
import { identityRoutes } from "./identity.routes.ts";
import { securityPolicyRoutes } from "./security-policies.routes.ts";

const UserRef = Type.Object({
  id: Type.String(),
  username: Type.String(),
  roles: Type.Array(Type.String()),
  unitCode: Type.String(),
});
const Session = Type.Object({
  token: Type.String(),
  user: UserRef,
  /** the account must enrol TOTP first: every API but /me, enrolment and sign-out answers 403 */
  mfaEnrolmentRequired: Type.Boolean(),
  /** the password was set by another admin: every API but /me, /me/password, enrolment and sign-out answers 403 */
  passwordChangeRequired: Type.Boolean(),
});
const Challenge = Type.Object({ mfaRequired: Type.Literal(true), challenge: Type.String() });
const signInErrors = {
  400: ErrorResponse,
  401: ErrorResponse,
  403: ErrorResponse,
  423: ErrorResponse,
  429: ErrorResponse,
};

export async function authRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const { services } = app;

  const startSession = (
    request: FastifyRequest,
    reply: FastifyReply,
    token: string,
    user: { id: string; username: string; roles: string[]; unit_code: string; must_change_password: boolean },
    mfaEnrolmentRequired: boolean,
  ) => {
    reply.setCookie(SESSION_COOKIE, token, {
      path: "/",
      httpOnly: true,
      sameSite: "lax",
      secure: request.protocol === "https",
      maxAge: services.config.SESSION_MAX_HOURS * 3600,
    });
    setCsrfCookie(reply, token, request.protocol === "https", services.config.SESSION_MAX_HOURS * 3600);
    reply.header("cache-control", "no-store");
    return {
      token,
      user: { id: user.id, username: user.username, roles: user.roles, unitCode: user.unit_code },
      mfaEnrolmentRequired,
      passwordChangeRequired: user.must_change_password,
    };
  };

  r.post(
    "/auth/login",
    {
      config: { auth: false },
      preHandler: loginLimit(app, "login"),
      schema: {
        tags: ["auth"],
        summary: "Sign in with username and password",
        description:
          "Answers a session, or `{ mfaRequired: true, challenge }` when the account has TOTP (then POST /auth/login/totp). 5 failures lock the account for 15 minutes (423 ACCOUNT_LOCKED); 20 attempts a minute per address (429).",
        body: Type.Object(
          {
            username: Type.String({ minLength: 1, maxLength: 64 }),
            password: Type.String({ minLength: 1, maxLength: 256 }),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Union([Session, Challenge]), ...signInErrors },
      },
    },
    async (request, reply) => {
      const result = await logIn({
        services,
        username: request.body.username,
        password: request.body.password,
        ip: request.ip,
      });
      if (result.kind === "mfa") {
        reply.header("cache-control", "no-store");
        return { mfaRequired: true as const, challenge: result.challenge };
      }
      return startSession(request, reply, result.token, result.user, result.mfaEnrolmentRequired);
    },
  );

  r.post(
    "/auth/login/totp",
    {
      config: { auth: false },
      preHandler: loginLimit(app, "login-totp"),
      schema: {
        tags: ["auth"],
        summary: "Sign-in step 2: the challenge and a 6-digit TOTP code or a recovery code",
        body: Type.Object(
          {
            challenge: Type.String({ minLength: 1, maxLength: 128 }),
            code: Type.String({ minLength: 1, maxLength: 32 }),
          },
          { additionalProperties: false },
        ),
        response: { 200: Session, ...signInErrors },
      },
    },
    async (request, reply) => {
      const { token, user } = await logInTotp({
        services,
        challenge: request.body.challenge,
        code: request.body.code,
        ip: request.ip,
      });
      return startSession(request, reply, token, user, false);
    },
  );

  r.get(
    "/auth/setup",
    {
      config: { auth: false },
      schema: {
        tags: ["auth"],
        summary: "Whether this install still needs its first-time setup (no account exists)",
        response: { 200: Type.Object({ setupRequired: Type.Boolean() }) },
      },
    },
    async () => ({ setupRequired: !(await hasAnyUser(services.db)) }),
  );

  r.post(
    "/auth/setup",
    {
      config: { auth: false },
      preHandler: loginLimit(app, "setup"),
      schema: {
        tags: ["auth"],
        summary: "First-time setup: the setup code from the server log creates the system administrator",
        body: Type.Object(
          {
            setupCode: Type.String({ minLength: 1, maxLength: 64 }),
            username: Type.String({ pattern: "^[a-z0-9_.-]{3,64}$" }),
            displayName: Type.String({ minLength: 1, maxLength: 100, pattern: "\\S" }),
            password: Type.String({ minLength: 1, maxLength: 256 }),
          },
          { additionalProperties: false },
        ),
        response: {
          201: Type.Object({ id: Type.String(), username: Type.String() }),
          ...signInErrors,
          409: ErrorResponse,
          422: ErrorResponse,
        },
      },
    },
    async (request, reply) => {
      const user = await setUpFirstAdmin({ services, ip: request.ip, input: request.body });
      return reply.status(201).send(user);
    },
  );

  r.post(
    "/auth/logout",
    {
      config: { mfaEnrolment: true },
      schema: {
        tags: ["auth"],
        summary: "Sign out: the session is revoked on the server",
        response: { 200: Type.Object({ ok: Type.Boolean() }), 401: ErrorResponse },
      },
    },
    async (request, reply) => {
      await logOut({ services, actor: actorOf(request), ip: request.ip });
      reply.clearCookie(SESSION_COOKIE, { path: "/" });
      clearCsrfCookie(reply);
      return { ok: true };
    },
  );

  r.get(
    "/me",
    {
      config: { mfaEnrolment: true },
      schema: { tags: ["auth"], summary: "The signed-in user, unit and jurisdiction" },
    },
    async (request) => {
      const actor = actorOf(request);
      return {
        ...presentMe(actor, services.places),
        mfaEnrolmentRequired: Boolean(actor.mfaEnrolmentOnly),
        passwordChangeRequired: Boolean(actor.passwordChangeRequired),
      };
    },
  );

  await app.register(identityRoutes);
  await app.register(securityPolicyRoutes);
}
