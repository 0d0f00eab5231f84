// CSRF protection for cookie sessions. A browser attaches the httpOnly `cg_session` cookie to
// requests another site makes it send, so every unsafe request (POST/PUT/PATCH/DELETE) that is
// authenticated by that cookie must also carry `X-CSRF-Token`: the session's CSRF token, which the
// sign-in response hands to our own pages in the readable `cg_csrf` cookie (another origin can
// neither read that cookie nor set a custom header without a CORS preflight we never grant).
// The token is a hash of the session token, so it needs no storage and dies with the session.
// A request whose Origin (or Sec-Fetch-Site) says it came from another site is refused as well,
// and sign-in itself checks the origin (login CSRF: signing a victim into the attacker's account).
// Bearer-token requests are exempt: a browser never adds an Authorization header on its own.
import { createHash, timingSafeEqual } from "node:crypto";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { AppError } from "../errors.ts";
import { SESSION_COOKIE } from "./auth.ts";

export const CSRF_COOKIE = "cg_csrf";
export const CSRF_HEADER = "x-csrf-token";
const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export function csrfTokenFor(sessionToken: string): string {
  return createHash("sha256").update(`cg-csrf:${sessionToken}`).digest("base64url");
}

/** Sets the readable CSRF cookie beside a new session cookie (same lifetime and flags but httpOnly). */
export function setCsrfCookie(reply: FastifyReply, sessionToken: string, secure: boolean, maxAgeSeconds: number) {
  reply.setCookie(CSRF_COOKIE, csrfTokenFor(sessionToken), {
    path: "/",
    httpOnly: false,
    sameSite: "lax",
    secure,
    maxAge: maxAgeSeconds,
  });
}

export function clearCsrfCookie(reply: FastifyReply) {
  reply.clearCookie(CSRF_COOKIE, { path: "/" });
}

/** Whether the request says it was sent by a page of another site. */
export function isCrossSite(request: FastifyRequest): boolean {
  const fetchSite = request.headers["sec-fetch-site"];
  if (fetchSite === "cross-site") return true;
  const origin = request.headers.origin;
  if (!origin) return false;
  if (origin === "null") return true;
  try {
    // hosts only (URL drops default ports): behind a TLS-terminating proxy the browser's origin is
    // https while this server sees plain http with the same Host
    return new URL(origin).host !== new URL(`${request.protocol}://${request.host}`).host;
  } catch {
    return true;
  }
}

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function registerCsrf(app: FastifyInstance): void {
  app.addHook("onRequest", async (request) => {
    if (!UNSAFE.has(request.method) || !request.url.startsWith("/api/v1/")) return;
    const config = request.routeOptions.config as { auth?: boolean } | undefined;
    const publicRoute = config?.auth === false;
    // sign-in (password, second factor, first-time setup) from another site: login CSRF
    if (publicRoute) {
      if (request.url.startsWith("/api/v1/auth/") && isCrossSite(request)) throw new AppError("CSRF_TOKEN_INVALID");
      return;
    }
    if (request.headers.authorization?.startsWith("Bearer ")) return;
    const session = request.cookies?.[SESSION_COOKIE];
    if (!session) return; // the authentication hook answers 401
    const sent = request.headers[CSRF_HEADER];
    if (isCrossSite(request) || typeof sent !== "string" || !sameToken(sent, csrfTokenFor(session))) {
      throw new AppError("CSRF_TOKEN_INVALID");
    }
  });
}
