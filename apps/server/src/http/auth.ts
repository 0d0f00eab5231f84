// Authentication: a bearer token or the session cookie resolves to request.actor. Routes declare
// `config: { auth: false }` to be public; every other route requires a signed-in user, with a full
// session unless it says `config: { mfaEnrolment: true }` (or `passwordChange: true`, for an account
// that must first replace a password another admin set).
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { Actor } from "../access/actor.ts";
import { AppError } from "../errors.ts";
import { authenticateSession } from "../use-cases/authenticate-session.ts";

export const SESSION_COOKIE = "cg_session";

export function tokenFrom(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (header?.startsWith("Bearer ")) return header.slice(7).trim() || null;
  return request.cookies?.[SESSION_COOKIE] ?? null;
}

export function registerAuth(app: FastifyInstance): void {
  app.decorateRequest("actor", null);
  app.addHook("onRequest", async (request) => {
    const routeConfig = request.routeOptions.config as
      | { auth?: boolean; mfaEnrolment?: boolean; passwordChange?: boolean }
      | undefined;
    if (routeConfig?.auth === false || !request.url.startsWith("/api/v1/")) return;
    const token = tokenFrom(request);
    if (!token) throw new AppError("UNAUTHENTICATED");
    request.actor = await authenticateSession({ services: app.services, token });
    const enrolmentRoute = routeConfig?.mfaEnrolment === true;
    const passwordRoute = routeConfig?.passwordChange === true;
    // an admin account whose password another admin chose: replace it first (then enrol, if due)
    if (request.actor.passwordChangeRequired && !enrolmentRoute && !passwordRoute) {
      throw new AppError("PASSWORD_CHANGE_REQUIRED");
    }
    // an account that must have TOTP and has none yet may only enrol (and sign out)
    if (request.actor.mfaEnrolmentOnly && !enrolmentRoute && !(passwordRoute && request.actor.passwordChangeRequired)) {
      throw new AppError("MFA_ENROLMENT_REQUIRED");
    }
  });
}

/** The signed-in actor; routes behind registerAuth always have one. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError("UNAUTHENTICATED");
  return request.actor;
}

declare module "fastify" {
  interface FastifyRequest {
    actor: Actor | null;
  }
  interface FastifyContextConfig {
    auth?: boolean;
    /** reachable from an enrolment-only session (sign-out, /me, TOTP enrolment) */
    mfaEnrolment?: boolean;
    /** reachable while the account must replace a password another admin set (POST /me/password) */
    passwordChange?: boolean;
  }
}
