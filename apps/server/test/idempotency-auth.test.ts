import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NO_PASSWORD } from "../src/lib/password.ts";
import { TEST_PASSWORD } from "./constants.ts";
import { categoryRoutedTo, pointIn, report, snapshotCounts, YUHUA } from "./fixtures.ts";
import { createTestContext, type TestContext } from "./harness.ts";

let ctx: TestContext;
let body: Record<string, unknown>;
beforeAll(async () => {
  ctx = await createTestContext();
  const point = await pointIn(ctx, YUHUA);
  const category = await categoryRoutedTo(ctx, "territorial", "community");
  body = { description: "楼道堆放杂物", ...point, categoryCode: category.code, source: "grid" };
});
afterAll(async () => ctx?.close());

describe("idempotent create", () => {
  it("same key and body → the same case, never a second one", async () => {
    const token = await ctx.login("yuhua_grid01");
    const headers = { "idempotency-key": "report-0001-abcdef" };
    const first = await report(ctx, token, body, headers);
    expect(first.statusCode).toBe(201);
    const before = await snapshotCounts(ctx);
    const second = await report(ctx, token, { ...body }, headers);
    expect(second.statusCode).toBe(201);
    expect(second.headers["idempotent-replayed"]).toBe("true");
    expect(second.json().id).toBe(first.json().id);
    expect(second.json().code).toBe(first.json().code);
    expect(await snapshotCounts(ctx)).toEqual(before);
  });

  it("same key with a different body → 422", async () => {
    const token = await ctx.login("yuhua_grid01");
    const headers = { "idempotency-key": "report-0002-abcdef" };
    expect((await report(ctx, token, body, headers)).statusCode).toBe(201);
    const before = await snapshotCounts(ctx);
    const res = await report(ctx, token, { ...body, description: "别的内容" }, headers);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe("IDEMPOTENCY_KEY_REUSED");
    expect(await snapshotCounts(ctx)).toEqual(before);
  });

  it("concurrent retries with one key store one case", async () => {
    const token = await ctx.login("yuhua_grid01");
    const headers = { "idempotency-key": "report-0003-concurrent" };
    const before = await snapshotCounts(ctx);
    const results = await Promise.all(Array.from({ length: 8 }, () => report(ctx, token, body, headers)));
    expect(results.map((r) => r.statusCode)).toEqual(Array(8).fill(201));
    expect(new Set(results.map((r) => r.json().id)).size).toBe(1);
    expect((await snapshotCounts(ctx)).cases).toBe(before.cases + 1);
  });

  it("case numbers are unique and sequential per day under concurrency", async () => {
    const token = await ctx.login("yuhua_grid01");
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => report(ctx, token, { ...body, description: `并发${i}` })),
    );
    const codes = results.map((r) => r.json().code as string);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^AS-20261124-\d{6}$/);
  });
});

describe("sign-in and sessions", () => {
  it("login returns a token and user; wrong password is refused", async () => {
    const ok = await ctx.api(null, {
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { username: "bajiazi_center", password: TEST_PASSWORD },
    });
    expect(ok.statusCode).toBe(200);
    const b = ok.json();
    expect(b.user).toMatchObject({
      username: "bajiazi_center",
      roles: ["township_centre"],
      unitCode: "210303003000-centre",
    });
    expect(ok.cookies.find((c) => c.name === "cg_session")?.httpOnly).toBe(true);
    const bad = await ctx.api(null, {
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { username: "bajiazi_center", password: "wrong-password" },
    });
    expect(bad.statusCode).toBe(401);
    expect(bad.json().error.code).toBe("INVALID_CREDENTIALS");
    const nobody = await ctx.api(null, {
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { username: "nobody", password: "x" },
    });
    expect(nobody.json()).toEqual(bad.json());
  });

  it("/me shows the unit and jurisdiction; the cookie works too", async () => {
    const login = await ctx.api(null, {
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { username: "yuhua_station", password: TEST_PASSWORD },
    });
    const cookie = login.cookies.find((c) => c.name === "cg_session")!;
    const me = await ctx.app.inject({ method: "GET", url: "/api/v1/me", cookies: { cg_session: cookie.value } });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({
      username: "yuhua_station",
      unit: { code: "210303003003-station", name: "裕华社区网格化工作站", level: "community" },
      jurisdiction: { kind: "division", level: "community", code: "210303003003", name: "裕华社区" },
    });
  });

  it("logout revokes the session; idle sessions expire", async () => {
    const token = (
      await ctx.api(null, {
        method: "POST",
        url: "/api/v1/auth/login",
        payload: { username: "leader", password: TEST_PASSWORD },
      })
    ).json().token;
    expect((await ctx.api(token, { method: "POST", url: "/api/v1/auth/logout" })).statusCode).toBe(200);
    const after = await ctx.api(token, { method: "GET", url: "/api/v1/me" });
    expect(after.statusCode).toBe(401);

    const idle = (
      await ctx.api(null, {
        method: "POST",
        url: "/api/v1/auth/login",
        payload: { username: "leader", password: TEST_PASSWORD },
      })
    ).json().token;
    ctx.clock.advance(29 * 60_000);
    expect((await ctx.api(idle, { method: "GET", url: "/api/v1/me" })).statusCode).toBe(200);
    ctx.clock.advance(31 * 60_000);
    const expired = await ctx.api(idle, { method: "GET", url: "/api/v1/me" });
    expect(expired.statusCode).toBe(401);
    expect(expired.json().error.code).toBe("SESSION_EXPIRED");
  });

  it("passwords are stored with scrypt, never in clear", async () => {
    const rows = await ctx.services.db.selectFrom("users").select("password_hash").execute();
    // the demo's roster of grid workers (gw<grid>) has no password until an administrator sets one
    const withPassword = rows.filter((r) => r.password_hash !== NO_PASSWORD);
    expect(withPassword.length).toBeGreaterThanOrEqual(14);
    for (const r of withPassword) {
      expect(r.password_hash).toMatch(/^scrypt\$/);
      expect(r.password_hash).not.toContain(TEST_PASSWORD);
    }
  });
});

describe("locate and API docs", () => {
  it("locates a point to grid, community, township, district, city", async () => {
    const token = await ctx.login("city_dispatcher");
    const point = await pointIn(ctx, YUHUA);
    const res = await ctx.api(token, { method: "GET", url: `/api/v1/locate?lat=${point.lat}&lng=${point.lng}` });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      community: { code: YUHUA, name: "裕华社区" },
      township: { code: "210303003000", name: "八家子街道" },
      district: { code: "210303000000", name: "铁西区" },
      city: { code: "210300000000", name: "鞍山市" },
    });
    expect(res.json().grid.code.startsWith(YUHUA)).toBe(true);
  });

  it("serves the OpenAPI document and the browsable page", async () => {
    const doc = await ctx.app.inject({ method: "GET", url: "/api/docs/json" });
    expect(doc.statusCode).toBe(200);
    const spec = doc.json();
    expect(spec.openapi).toMatch(/^3/);
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining([
        "/api/v1/cases",
        "/api/v1/cases/{id}",
        "/api/v1/locate",
        "/api/v1/units",
        "/api/v1/auth/login",
        "/api/v1/cases/{id}/actions/dispatch",
      ]),
    );
    const page = await ctx.app.inject({ method: "GET", url: "/api/docs/" });
    expect(page.statusCode).toBe(200);
  });
});
