// CSRF for cookie sessions: an unsafe request authenticated by the session cookie needs the
// session's X-CSRF-Token (handed out in the readable cg_csrf cookie at sign-in) and must not come
// from another site; bearer requests are exempt; sign-in refuses another site's Origin.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { csrfTokenFor } from "../src/http/csrf.ts";
import { TEST_PASSWORD } from "./constants.ts";
import { categoryRoutedTo, pointIn, snapshotCounts, YUHUA } from "./fixtures.ts";
import { createTestContext, type TestContext } from "./harness.ts";

let ctx: TestContext;
let session: string;
let csrf: string;
let body: Record<string, unknown>;

beforeAll(async () => {
  ctx = await createTestContext();
  const login = await ctx.app.inject({
    method: "POST",
    url: "/api/v1/auth/login",
    payload: { username: "yuhua_grid01", password: TEST_PASSWORD },
  });
  expect(login.statusCode).toBe(200);
  session = login.cookies.find((c) => c.name === "cg_session")?.value ?? "";
  const cookie = login.cookies.find((c) => c.name === "cg_csrf");
  expect(cookie?.httpOnly ?? false).toBe(false);
  expect(cookie?.sameSite).toBe("Lax");
  csrf = cookie?.value ?? "";
  expect(csrf).toBe(csrfTokenFor(session));
  const point = await pointIn(ctx, YUHUA);
  const category = await categoryRoutedTo(ctx, "territorial", "community");
  body = { description: "CSRF 测试", ...point, categoryCode: category.code, source: "grid" };
});
afterAll(async () => ctx?.close());

const post = (headers: Record<string, string | undefined>, cookies: Record<string, string> = { cg_session: session }) =>
  ctx.app.inject({ method: "POST", url: "/api/v1/cases", payload: body, headers, cookies });

describe("CSRF protection of cookie sessions", () => {
  it("cookie without the token, with a wrong one or another session's → 403 CSRF_TOKEN_INVALID, nothing changed", async () => {
    const before = await snapshotCounts(ctx);
    for (const headers of [{}, { "x-csrf-token": "nope" }, { "x-csrf-token": csrfTokenFor("another-session") }]) {
      const res = await post(headers);
      expect(res.statusCode).toBe(403);
      const e = res.json().error;
      expect(e.code).toBe("CSRF_TOKEN_INVALID");
      expect(e.message).toMatch(/[\u4e00-\u9fff]/);
      expect(e.messageEn.length).toBeGreaterThan(0);
    }
    // the readable cookie echoed as a cookie proves nothing: it is the header that counts
    expect((await post({}, { cg_session: session, cg_csrf: csrf })).statusCode).toBe(403);
    for (const [method, url] of [
      ["PUT", "/api/v1/calendar/2026"],
      ["PATCH", "/api/v1/admin/units/x"],
      ["DELETE", "/api/v1/admin/banned-phones/13800138000"],
      ["POST", "/api/v1/auth/logout"],
    ] as const) {
      const res = await ctx.app.inject({ method, url, payload: {}, cookies: { cg_session: session } });
      expect(res.statusCode, `${method} ${url}`).toBe(403);
    }
    expect(await snapshotCounts(ctx)).toEqual(before);
    // the session was not signed out by the refused logout
    expect(
      (await ctx.app.inject({ method: "GET", url: "/api/v1/me", cookies: { cg_session: session } })).statusCode,
    ).toBe(200);
  });

  it("cookie with the token → accepted; reads need no token", async () => {
    const before = await snapshotCounts(ctx);
    const res = await post({ "x-csrf-token": csrf, origin: "http://localhost" });
    expect(res.statusCode, res.body).toBe(201);
    expect((await snapshotCounts(ctx)).cases).toBe(before.cases + 1);
    const read = await ctx.app.inject({ method: "GET", url: "/api/v1/cases", cookies: { cg_session: session } });
    expect(read.statusCode).toBe(200);
  });

  it("a cross-site Origin or Sec-Fetch-Site is refused even with the token", async () => {
    const before = await snapshotCounts(ctx);
    for (const headers of [
      { "x-csrf-token": csrf, origin: "https://evil.example" },
      { "x-csrf-token": csrf, origin: "null" },
      { "x-csrf-token": csrf, "sec-fetch-site": "cross-site" },
    ]) {
      const res = await post(headers);
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe("CSRF_TOKEN_INVALID");
    }
    expect(await snapshotCounts(ctx)).toEqual(before);
  });

  it("bearer-token requests are exempt (a browser cannot forge the header)", async () => {
    const res = await ctx.app.inject({
      method: "POST",
      url: "/api/v1/cases",
      payload: body,
      headers: { authorization: `Bearer ${session}`, origin: "https://evil.example" },
    });
    expect(res.statusCode, res.body).toBe(201);
  });

  it("sign-in from another site's page is refused (login CSRF); from our own it works", async () => {
    const signIn = (headers: Record<string, string | undefined>) =>
      ctx.app.inject({
        method: "POST",
        url: "/api/v1/auth/login",
        payload: { username: "yuhua_station", password: TEST_PASSWORD },
        headers,
      });
    for (const headers of [{ origin: "https://evil.example" }, { "sec-fetch-site": "cross-site" }]) {
      const res = await signIn(headers);
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe("CSRF_TOKEN_INVALID");
      expect(res.cookies.find((c) => c.name === "cg_session")).toBeUndefined();
    }
    const ok = await signIn({ origin: "http://localhost", "sec-fetch-site": "same-origin" });
    expect(ok.statusCode).toBe(200);
  });

  it("logout with the token clears both cookies", async () => {
    const res = await ctx.app.inject({
      method: "POST",
      url: "/api/v1/auth/logout",
      cookies: { cg_session: session },
      headers: { "x-csrf-token": csrf },
    });
    expect(res.statusCode).toBe(200);
    const cleared = res.cookies.filter((c) => ["cg_session", "cg_csrf"].includes(c.name) && c.value === "");
    expect(cleared.map((c) => c.name).sort()).toEqual(["cg_csrf", "cg_session"]);
  });
});
