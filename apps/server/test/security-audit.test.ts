// 三员 separation: the security admin alone reads the role matrix, the auditor alone reads the audit
// log, the system admin neither; refused attempts, sign-outs and configuration edits are recorded.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "./harness.ts";

let ctx: TestContext;
let auditor: string;
beforeAll(async () => {
  ctx = await createTestContext();
  auditor = await ctx.login("auditor");
});
afterAll(async () => ctx?.close());

const get = async (who: string, url: string) => ctx.api(await ctx.login(who), { method: "GET", url: `/api/v1${url}` });

describe("三员 separation", () => {
  it("the system admin reads neither the audit log nor the role matrix", async () => {
    for (const url of ["/audit", "/security/roles"]) {
      const res = await get("sysadmin", url);
      expect(res.statusCode, url).toBe(403);
      expect(res.json().error.code).toBe("FORBIDDEN");
    }
  });
  it("the auditor touches no administration and reads no role matrix", async () => {
    for (const url of ["/admin/units", "/admin/users", "/security/roles"]) {
      expect((await get("auditor", url)).statusCode, url).toBe(403);
    }
    const write = await ctx.api(auditor, {
      method: "POST",
      url: "/api/v1/admin/users",
      payload: {
        username: "sneaky",
        displayName: "x",
        unitCode: "210300000000-admin",
        roles: ["auditor"],
        password: "long-enough-pass",
      },
    });
    expect(write.statusCode).toBe(403);
  });
  it("the security admin reads no audit log; business roles reach none of it", async () => {
    expect((await get("secadmin", "/audit")).statusCode).toBe(403);
    for (const who of ["leader", "city_dispatcher", "hotline_agent"]) {
      for (const url of ["/audit", "/security/roles", "/admin/users"]) {
        expect((await get(who, url)).statusCode, `${who} ${url}`).toBe(403);
      }
    }
  });
});

describe("the role matrix", () => {
  it("comes from the domain's permissions and transition table, with active accounts per role", async () => {
    const res = await get("secadmin", "/security/roles");
    expect(res.statusCode).toBe(200);
    const roles = res.json().roles as {
      role: string;
      users: number;
      permissions: string[];
      caseActions: string[];
      caseActionGrants: { action: string; relations: string[] }[];
    }[];
    expect(roles).toHaveLength(11);
    const of = (role: string) => roles.find((r) => r.role === role)!;
    expect(of("system_admin").permissions).toEqual(
      expect.arrayContaining(["config:write", "admin:units", "admin:users"]),
    );
    expect(of("system_admin").permissions).not.toContain("audit:read");
    expect(of("system_admin").permissions).not.toContain("security:roles");
    expect(of("security_admin").permissions).toContain("security:roles");
    expect(of("security_admin").permissions).not.toContain("audit:read");
    expect(of("auditor").permissions).toEqual(["audit:read"]);
    for (const admin of ["system_admin", "security_admin", "auditor"]) {
      expect(of(admin).caseActions).toEqual([]);
      expect(of(admin).users).toBe(1);
    }
    expect(of("city_centre").caseActions).toEqual(expect.arrayContaining(["register", "dispatch", "supervise"]));
    expect(of("grid_worker").caseActions).toContain("verify");
    expect(of("grid_worker").caseActions).not.toContain("dispatch");
    expect(of("grid_worker").caseActionGrants.find((g) => g.action === "verify")?.relations).toEqual(["territory"]);
    expect(of("department_handler").caseActionGrants.find((g) => g.action === "accept")?.relations).toEqual(["owner"]);
    expect(of("grid_worker").users).toBeGreaterThanOrEqual(1);
  });
});

describe("the audit log", () => {
  it("records configuration edits, sign-outs and refused attempts; newest first", async () => {
    const admin = await ctx.login("sysadmin");
    const entry = await ctx.services.db
      .selectFrom("responsibility_entries")
      .select("category_code")
      .where("handler_kind", "=", "water")
      .orderBy("category_code")
      .executeTakeFirstOrThrow();
    ctx.clock.advance(60_000);
    const put = await ctx.api(admin, {
      method: "PUT",
      url: `/api/v1/responsibility-entries/${entry.category_code}`,
      payload: { handlerKind: "water", level: "city", limitDays: 4 },
    });
    expect(put.statusCode).toBe(200);
    ctx.clock.advance(60_000);
    const calendar = (await ctx.api(admin, { method: "GET", url: "/api/v1/calendar/2027" })).json();
    const cal = await ctx.api(admin, {
      method: "PUT",
      url: "/api/v1/calendar/2027",
      payload: { holidays: calendar.holidays, workdays: calendar.workdays },
    });
    expect(cal.statusCode).toBe(200);
    ctx.clock.advance(60_000);
    const leaving = await ctx.api(null, {
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { username: "leader", password: "demo-password-2026" },
    });
    const logout = await ctx.api(leaving.json().token, { method: "POST", url: "/api/v1/auth/logout" });
    expect(logout.statusCode).toBe(200);

    const config = await ctx.api(auditor, { method: "GET", url: "/api/v1/audit?action=config" });
    expect(config.statusCode).toBe(200);
    expect(config.json().items.map((r: { action: string }) => r.action)).toEqual([
      "config.calendar",
      "config.responsibility",
    ]);
    expect(config.json().items[1]).toMatchObject({
      username: "sysadmin",
      unitCode: "210300000000-admin",
      role: "system_admin",
      objectType: "category",
      objectId: entry.category_code,
      outcome: "success",
      detail: { after: { handlerKind: "water", level: "city", limitDays: 4 } },
    });

    const out = await ctx.api(auditor, { method: "GET", url: "/api/v1/audit?action=auth.logout" });
    expect(out.json().items).toHaveLength(1);
    expect(out.json().items[0]).toMatchObject({ username: "leader", action: "auth.logout", outcome: "success" });

    // the refused reads of the first tests, by username and outcome
    const denied = await ctx.api(auditor, { method: "GET", url: "/api/v1/audit?username=sysadmin&outcome=denied" });
    expect(
      denied
        .json()
        .items.map((r: { action: string }) => r.action)
        .sort(),
    ).toEqual(["audit.read", "security.roles.read"]);

    // everything, newest first
    const all = (await ctx.api(auditor, { method: "GET", url: "/api/v1/audit?pageSize=100" })).json();
    const times = all.items.map((r: { at: string }) => Date.parse(r.at));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(all.items.some((r: { action: string }) => r.action === "auth.login")).toBe(true);
  });

  it("pages and filters by day", async () => {
    const first = (await ctx.api(auditor, { method: "GET", url: "/api/v1/audit?pageSize=3&page=1" })).json();
    const second = (await ctx.api(auditor, { method: "GET", url: "/api/v1/audit?pageSize=3&page=2" })).json();
    expect(first.total).toBeGreaterThan(6);
    expect(second.total).toBe(first.total);
    const ids = [...first.items, ...second.items].map((r: { id: string }) => r.id);
    expect(new Set(ids).size).toBe(6);
    // the tests' clock is on 2026-11-24 (Beijing time); a date-only `to` includes its day
    const today = (
      await ctx.api(auditor, { method: "GET", url: "/api/v1/audit?from=2026-11-24&to=2026-11-24" })
    ).json();
    expect(today.total).toBe(first.total);
    const before = (await ctx.api(auditor, { method: "GET", url: "/api/v1/audit?to=2026-11-23" })).json();
    expect(before.total).toBe(0);
    const instant = (
      await ctx.api(auditor, { method: "GET", url: "/api/v1/audit?from=2026-11-25T00:00:00%2B08:00" })
    ).json();
    expect(instant.total).toBe(0);
  });

  it("rejects malformed filters with 400", async () => {
    for (const q of ["outcome=maybe", "from=yesterday", "to=2026-13-45x", "to=2026-13-45", "pageSize=1000", "page=0"]) {
      const res = await ctx.api(auditor, { method: "GET", url: `/api/v1/audit?${q}` });
      expect(res.statusCode, q).toBe(400);
    }
  });
});
