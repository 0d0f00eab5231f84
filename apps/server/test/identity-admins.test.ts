// 三员 (three-admin separation): no account holds two admin roles; the system admin reads no audit
// record and cannot reset or change the security admin's or auditor's account; only the security
// admin resets an admin-role account's password; nobody resets their own; all of it audited.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_PASSWORD } from "./constants.ts";
import { createTestContext, type TestContext } from "./harness.ts";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

const idOf = async (username: string) =>
  (await ctx.services.db.selectFrom("users").select("id").where("username", "=", username).executeTakeFirstOrThrow())
    .id;

describe("三员", () => {
  it("no account holds two admin roles, nor an admin role with a business role", async () => {
    const admin = await ctx.login("sysadmin");
    for (const roles of [
      ["system_admin", "auditor"],
      ["security_admin", "auditor"],
      ["auditor", "leader"],
    ]) {
      const res = await ctx.api(admin, {
        method: "POST",
        url: "/api/v1/admin/users",
        payload: {
          username: "twohats",
          displayName: "两顶帽子",
          unitCode: "210300000000-admin",
          roles,
          password: "lantern-harbour-2291",
        },
      });
      expect(res.statusCode).toBe(422);
    }
    const sec = await idOf("secadmin");
    const patch = await ctx.api(admin, {
      method: "PATCH",
      url: `/api/v1/admin/users/${sec}`,
      payload: { roles: ["security_admin", "auditor"] },
    });
    expect(patch.statusCode).toBe(403);
  });

  it("the system admin cannot read audit records", async () => {
    const admin = await ctx.login("sysadmin");
    const res = await ctx.api(admin, { method: "GET", url: "/api/v1/audit" });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe("FORBIDDEN");
  });

  it.each(["secadmin", "auditor"])("the system admin cannot reset, disable or re-role %s", async (target) => {
    const admin = await ctx.login("sysadmin");
    const id = await idOf(target);
    const before = await ctx.services.db
      .selectFrom("users")
      .select(["password_hash", "active", "roles"])
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    const reset = await ctx.api(admin, { method: "POST", url: `/api/v1/admin/users/${id}/reset-password` });
    expect(reset.statusCode).toBe(403);
    const disable = await ctx.api(admin, {
      method: "PATCH",
      url: `/api/v1/admin/users/${id}`,
      payload: { active: false },
    });
    expect(disable.statusCode).toBe(403);
    const after = await ctx.services.db
      .selectFrom("users")
      .select(["password_hash", "active", "roles"])
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    expect(after).toEqual(before);
    const denied = await ctx.services.db
      .selectFrom("audit_log")
      .select("action")
      .where("username", "=", "sysadmin")
      .where("object_id", "=", id)
      .where("outcome", "=", "denied")
      .execute();
    expect([...new Set(denied.map((r) => r.action))].sort()).toEqual([
      "admin.user.reset-password",
      "admin.user.update",
    ]);
  });

  it("the system admin still manages business accounts", async () => {
    const admin = await ctx.login("sysadmin");
    const id = await idOf("leader");
    expect((await ctx.api(admin, { method: "POST", url: `/api/v1/admin/users/${id}/reset-password` })).statusCode).toBe(
      200,
    );
  });

  it("the security admin resets an admin-role account's password, not a business one nor their own", async () => {
    const sec = await ctx.login("secadmin");
    const res = await ctx.api(sec, {
      method: "POST",
      url: "/api/v1/security/accounts/reset-password",
      payload: { username: "auditor" },
    });
    expect(res.statusCode).toBe(200);
    const password = res.json().password as string;
    const signIn = await ctx.api(null, {
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { username: "auditor", password },
    });
    expect(signIn.statusCode).toBe(200);
    const business = await ctx.api(sec, {
      method: "POST",
      url: "/api/v1/security/accounts/reset-password",
      payload: { username: "hotline_agent" },
    });
    expect(business.statusCode).toBe(403);
    const own = await ctx.api(sec, {
      method: "POST",
      url: "/api/v1/security/accounts/reset-password",
      payload: { username: "secadmin" },
    });
    expect(own.statusCode).toBe(422);
    const admin = await ctx.login("sysadmin");
    const ownAdmin = await ctx.api(admin, {
      method: "POST",
      url: `/api/v1/admin/users/${await idOf("sysadmin")}/reset-password`,
    });
    expect(ownAdmin.statusCode).toBe(422);
    expect(
      (
        await ctx.api(null, {
          method: "POST",
          url: "/api/v1/auth/login",
          payload: { username: "sysadmin", password: TEST_PASSWORD },
        })
      ).statusCode,
    ).toBe(200);
  });

  it("each admin's sign-ins and changes are on record", async () => {
    const rows = await ctx.services.db
      .selectFrom("audit_log")
      .select(["username", "action", "outcome"])
      .where("username", "in", ["sysadmin", "secadmin", "auditor"])
      .execute();
    const has = (u: string, a: string, o = "success") =>
      rows.some((r) => r.username === u && r.action === a && r.outcome === o);
    for (const u of ["sysadmin", "secadmin"]) {
      expect(has(u, "auth.login")).toBe(true);
      expect(has(u, "auth.totp.enrol")).toBe(true);
    }
    expect(has("secadmin", "admin.user.reset-password")).toBe(true);
    expect(has("sysadmin", "admin.user.reset-password")).toBe(true);
  });
});
