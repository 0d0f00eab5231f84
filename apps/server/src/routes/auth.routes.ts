import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import type { FastifyInstance } from "fastify";
import { actorOf, SESSION_COOKIE } from "../http/auth.ts";
import { ErrorResponse } from "../http/schemas.ts";
import { presentMe } from "../presenters/user.ts";
import { logIn } from "../use-cases/log-in.ts";
import { logOut } from "../use-cases/log-out.ts";

const UserRef = Type.Object({
  id: Type.String(),
  username: Type.String(),
  roles: Type.Array(Type.String()),
  unitCode: Type.String(),
});

export async function authRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  r.post(
    "/auth/login",
    {
      config: { auth: false },
      schema: {
        tags: ["auth"],
        summary: "Sign in with username and password",
        body: Type.Object(
          {
            username: Type.String({ minLength: 1, maxLength: 64 }),
            password: Type.String({ minLength: 1, maxLength: 256 }),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ token: Type.String(), user: UserRef }),
          400: ErrorResponse,
          401: ErrorResponse,
          403: ErrorResponse,
        },
      },
    },
    async (request, reply) => {
      const { token, user } = await logIn({
        services: app.services,
        username: request.body.username,
        password: request.body.password,
        ip: request.ip,
      });
      reply.setCookie(SESSION_COOKIE, token, {
        path: "/",
        httpOnly: true,
        sameSite: "lax",
        secure: request.protocol === "https",
        maxAge: app.services.config.SESSION_MAX_HOURS * 3600,
      });
      return { token, user: { id: user.id, username: user.username, roles: user.roles, unitCode: user.unit_code } };
    },
  );

  r.post(
    "/auth/logout",
    {
      schema: {
        tags: ["auth"],
        summary: "Sign out: the session is revoked on the server",
        response: { 200: Type.Object({ ok: Type.Boolean() }), 401: ErrorResponse },
      },
    },
    async (request, reply) => {
      await logOut({ services: app.services, actor: actorOf(request), ip: request.ip });
      reply.clearCookie(SESSION_COOKIE, { path: "/" });
      return { ok: true };
    },
  );

  r.get("/me", { schema: { tags: ["auth"], summary: "The signed-in user, unit and jurisdiction" } }, async (request) =>
    presentMe(actorOf(request), app.services.places),
  );
}
