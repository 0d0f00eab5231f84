// Identity: password policy wherever a password is set, lockout (5 → 15 min, per account), the
// per-address limit on sign-in, idle expiry and server-side logout.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_PASSWORD } from "./constants.ts";
import { createTestContext, type TestContext } from "./harness.ts";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext(undefined, { LOGIN_RATE_LIMIT_PER_MINUTE: "20" });
});
afterAll(() => ctx.close());

// a fresh address per call unless one is given: only the rate-limit test counts per address
let n = 0;
const nextAddress = () => `10.1.${Math.floor(++n / 250)}.${(n % 250) + 1}`;
const login = (username: string, password: string, remoteAddress = nextAddress()) =>
  ctx.app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { username, password }, remoteAddress });

async function auditOf(username: string, action: string) {
  return ctx.services.db
    .selectFrom("audit_log")
    .select(["action", "outcome", "detail"])
    .where("username", "=", username)
    .where("action", "=", action)
    .orderBy("at")
    .execute();
}

describe("lockout", () => {
  it("5 wrong passwords lock the account for 15 minutes, even against the right one; audited", async () => {
    for (let i = 1; i <= 4; i++) expect((await login("hotline_agent", "wrong-password-x")).statusCode).toBe(401);
    const fifth = await login("hotline_agent", "wrong-password-x");
    expect(fifth.statusCode).toBe(423);
    expect(fifth.json().error).toMatchObject({ code: "ACCOUNT_LOCKED", details: { minutes: 15 } });
    expect(fifth.json().error.message).toContain("15 分钟");
    expect(fifth.json().error.messageEn).toContain("15 minutes");

    ctx.clock.advance(10 * 60_000);
    const right = await login("hotline_agent", TEST_PASSWORD);
    expect(right.statusCode).toBe(423);
    expect(right.json().error.details.minutes).toBe(5);
    // another account is not affected
    expect((await login("yuhua_station", TEST_PASSWORD)).statusCode).toBe(200);

    ctx.clock.advance(5 * 60_000 + 1000);
    expect((await login("hotline_agent", TEST_PASSWORD)).statusCode).toBe(200);
    const lockouts = await auditOf("hotline_agent", "auth.lockout");
    expect(lockouts).toHaveLength(1);
    const logins = await auditOf("hotline_agent", "auth.login");
    expect(logins.filter((r) => r.outcome === "failure")).toHaveLength(6);
    expect(logins.at(-1)?.outcome).toBe("success");
  });

  it("a success resets the count: 4 failures, a success, 4 failures do not lock", async () => {
    for (let i = 0; i < 4; i++) await login("jiefang_station", "wrong-password-x");
    expect((await login("jiefang_station", TEST_PASSWORD)).statusCode).toBe(200);
    for (let i = 0; i < 4; i++) expect((await login("jiefang_station", "wrong-password-x")).statusCode).toBe(401);
    expect((await login("jiefang_station", TEST_PASSWORD)).statusCode).toBe(200);
  });

  it("the per-address limit answers 429 after 20 attempts a minute, for any usernames", async () => {
    const codes: number[] = [];
    for (let i = 0; i < 21; i++) codes.push((await login(`nobody${i}`, "x", "10.0.0.99")).statusCode);
    expect(codes.slice(0, 20).every((c) => c === 401)).toBe(true);
    expect(codes[20]).toBe(429);
    // a different address is not limited
    expect((await login("nobody", "x", "10.0.0.98")).statusCode).toBe(401);
  });
});

describe("password policy wherever a password is set", () => {
  it.each(["Password1234!", "qwerty123456", "woaini1314520", "aaaaaaaaaaaaaa", "abcdefghijklmn", "short-1"])(
    "create user refuses %s",
    async (password) => {
      const admin = await ctx.login("sysadmin");
      const res = await ctx.api(admin, {
        method: "POST",
        url: "/api/v1/admin/users",
        payload: {
          username: "new_agent",
          displayName: "新话务员",
          unitCode: "210300000000-12345",
          roles: ["hotline_agent"],
          password,
        },
      });
      expect([400, 422]).toContain(res.statusCode);
      expect(res.json().error.code).toBe("VALIDATION_FAILED");
      const row = await ctx.services.db
        .selectFrom("users")
        .select("id")
        .where("username", "=", "new_agent")
        .executeTakeFirst();
      expect(row).toBeUndefined();
    },
  );

  it("change my password: current one required, policy applied, other sessions end, new one works", async () => {
    const first = (await login("dept_water", TEST_PASSWORD)).json().token as string;
    const second = (await login("dept_water", TEST_PASSWORD)).json().token as string;
    const change = (body: Record<string, string>) =>
      ctx.api(first, { method: "POST", url: "/api/v1/me/password", payload: body });
    const wrong = await change({ currentPassword: "not-my-password", newPassword: "river-lantern-4417" });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().error.code).toBe("CURRENT_PASSWORD_WRONG");
    const weak = await change({ currentPassword: TEST_PASSWORD, newPassword: "Password1234!" });
    expect(weak.statusCode).toBe(422);
    expect(weak.json().error.details).toMatchObject({ field: "newPassword", reason: "common" });
    const ok = await change({ currentPassword: TEST_PASSWORD, newPassword: "river-lantern-4417" });
    expect(ok.statusCode).toBe(200);
    expect((await ctx.api(first, { method: "GET", url: "/api/v1/me" })).statusCode).toBe(200);
    expect((await ctx.api(second, { method: "GET", url: "/api/v1/me" })).statusCode).toBe(401);
    expect((await login("dept_water", TEST_PASSWORD)).statusCode).toBe(401);
    expect((await login("dept_water", "river-lantern-4417")).statusCode).toBe(200);
    const audit = await auditOf("dept_water", "auth.password.change");
    expect(audit.map((r) => r.outcome).sort()).toEqual(["failure", "success"]);
  });
});

describe("sessions", () => {
  it("idle 29 minutes is fine, 31 minutes is SESSION_EXPIRED; logout kills the token on the server", async () => {
    const a = (await login("city_dispatcher", TEST_PASSWORD)).json().token as string;
    ctx.clock.advance(29 * 60_000);
    expect((await ctx.api(a, { method: "GET", url: "/api/v1/me" })).statusCode).toBe(200);
    const b = (await login("city_dispatcher", TEST_PASSWORD)).json().token as string;
    ctx.clock.advance(31 * 60_000);
    const expired = await ctx.api(b, { method: "GET", url: "/api/v1/me" });
    expect(expired.statusCode).toBe(401);
    expect(expired.json().error.code).toBe("SESSION_EXPIRED");

    const c = (await login("city_dispatcher", TEST_PASSWORD)).json().token as string;
    expect((await ctx.api(c, { method: "POST", url: "/api/v1/auth/logout" })).statusCode).toBe(200);
    const after = await ctx.api(c, { method: "GET", url: "/api/v1/me" });
    expect(after.statusCode).toBe(401);
    expect(after.json().error.code).toBe("UNAUTHENTICATED");
  });
});
