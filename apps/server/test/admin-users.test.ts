// Accounts administration: the system admin creates and edits accounts under the role rules (三员,
// role fits unit); disabling and resetting revoke sessions at once; every change is audited.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_PASSWORD } from "./constants.ts";
import { YUHUA } from "./fixtures.ts";
import { createTestContext, type TestContext } from "./harness.ts";

const STATION = `${YUHUA}-station`;
const TIEXI_WATER = "210303000000-water";
const ADMIN_UNIT = "210300000000-admin";
const PASSWORD = "correct-horse-battery";

let ctx: TestContext;
let admin: string;
beforeAll(async () => {
  ctx = await createTestContext();
  admin = await ctx.login("sysadmin");
});
afterAll(async () => ctx?.close());

const createUser = (token: string, payload: Record<string, unknown>) =>
  ctx.api(token, { method: "POST", url: "/api/v1/admin/users", payload });
const patchUser = (token: string, id: string, payload: Record<string, unknown>) =>
  ctx.api(token, { method: "PATCH", url: `/api/v1/admin/users/${id}`, payload });
const signIn = (username: string, password: string) =>
  ctx.api(null, { method: "POST", url: "/api/v1/auth/login", payload: { username, password } });
const me = (token: string) => ctx.api(token, { method: "GET", url: "/api/v1/me" });

async function userId(username: string): Promise<string> {
  const row = await ctx.services.db
    .selectFrom("users")
    .select("id")
    .where("username", "=", username)
    .executeTakeFirstOrThrow();
  return row.id;
}

async function audits(action: string) {
  return ctx.services.db
    .selectFrom("audit_log")
    .selectAll()
    .where("action", "=", action)
    .where("outcome", "=", "success")
    .orderBy("id")
    .execute();
}

describe("listing accounts", () => {
  it("filters by text, unit, role and state; never shows password hashes", async () => {
    // the demo has a grid worker per grid (gw<grid code>) besides the named accounts
    const everyone = (await ctx.api(admin, { method: "GET", url: "/api/v1/admin/users?pageSize=100" })).json();
    expect(everyone.total).toBeGreaterThanOrEqual(14 + 4281);
    const res = await ctx.api(admin, { method: "GET", url: "/api/v1/admin/users?pageSize=100&q=yuhua" });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.items.map((u: { username: string }) => u.username)).toContain("yuhua_grid01");
    expect(res.body).not.toContain("scrypt");
    const grid = body.items.find((u: { username: string }) => u.username === "yuhua_grid01");
    expect(grid).toMatchObject({ roles: ["grid_worker"], unitCode: STATION, active: true });
    expect(grid.unitName).toContain("裕华社区");
    expect(Date.parse(grid.createdAt)).not.toBeNaN();

    const byUnit = (await ctx.api(admin, { method: "GET", url: `/api/v1/admin/users?unitCode=${STATION}` })).json();
    const inUnit: string[] = byUnit.items.map((u: { username: string }) => u.username);
    expect(inUnit.filter((u) => !u.startsWith("gw")).sort()).toEqual(["yuhua_grid01", "yuhua_station"]);
    expect(inUnit.filter((u) => u.startsWith("gw")).every((u) => u.startsWith("gw210303003003"))).toBe(true);
    const byRole = (await ctx.api(admin, { method: "GET", url: "/api/v1/admin/users?role=auditor" })).json();
    expect(byRole.items.map((u: { username: string }) => u.username)).toEqual(["auditor"]);
    const byText = (
      await ctx.api(admin, { method: "GET", url: `/api/v1/admin/users?q=${encodeURIComponent("周敏")}` })
    ).json();
    expect(byText.items.map((u: { username: string }) => u.username)).toEqual(["hotline_agent"]);
    const inactive = (await ctx.api(admin, { method: "GET", url: "/api/v1/admin/users?active=false" })).json();
    expect(inactive.total).toBe(0);
    expect((await ctx.api(admin, { method: "GET", url: "/api/v1/admin/users?role=king" })).statusCode).toBe(400);
    for (const who of ["secadmin", "auditor", "tiexi_center"]) {
      expect((await ctx.api(await ctx.login(who), { method: "GET", url: "/api/v1/admin/users" })).statusCode).toBe(403);
    }
  });
});

describe("creating accounts", () => {
  it("creates an account that can sign in with its own role and unit", async () => {
    const res = await createUser(admin, {
      username: "yuhua_grid02",
      displayName: "裕华社区网格员 钱多",
      unitCode: STATION,
      roles: ["grid_worker"],
      password: PASSWORD,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      username: "yuhua_grid02",
      displayName: "裕华社区网格员 钱多",
      roles: ["grid_worker"],
      unitCode: STATION,
      active: true,
    });
    const login = await signIn("yuhua_grid02", PASSWORD);
    expect(login.statusCode).toBe(200);
    expect((await me(login.json().token)).json().jurisdiction).toMatchObject({ kind: "division", code: YUHUA });
    const [audit] = await audits("admin.user.create");
    expect(audit).toMatchObject({ username: "sysadmin", object_type: "user", object_id: res.json().id });
    expect(audit?.detail).toEqual({ username: "yuhua_grid02", unitCode: STATION, roles: ["grid_worker"] });
    expect(JSON.stringify(audit)).not.toContain(PASSWORD);
  });

  it("refuses what breaks the rules: 4xx with a stable code, nothing written", async () => {
    const count = async () => (await ctx.services.db.selectFrom("users").select("id").execute()).length;
    const before = await count();
    const base = {
      username: "new_user",
      displayName: "新用户",
      unitCode: STATION,
      roles: ["grid_worker"],
      password: PASSWORD,
    };
    const cases: [Record<string, unknown>, number, string][] = [
      // 三员: two admin roles, or an admin role with a business role
      [{ ...base, unitCode: ADMIN_UNIT, roles: ["system_admin", "auditor"] }, 422, "VALIDATION_FAILED"],
      [{ ...base, unitCode: ADMIN_UNIT, roles: ["security_admin", "leader"] }, 422, "VALIDATION_FAILED"],
      // roles that do not fit the unit
      [{ ...base, roles: ["department_handler"] }, 422, "VALIDATION_FAILED"],
      [{ ...base, unitCode: TIEXI_WATER, roles: ["grid_worker"] }, 422, "VALIDATION_FAILED"],
      [{ ...base, unitCode: "210303000000-centre", roles: ["township_centre"] }, 422, "VALIDATION_FAILED"],
      [{ ...base, unitCode: ADMIN_UNIT, roles: ["hotline_agent"] }, 422, "VALIDATION_FAILED"],
      [{ ...base, roles: ["system_admin"] }, 422, "VALIDATION_FAILED"],
      // the password must not contain the username
      [{ ...base, password: "new_user-1234567" }, 422, "VALIDATION_FAILED"],
      // unknown unit
      [{ ...base, unitCode: "nope-station" }, 422, "UNKNOWN_UNIT"],
      // taken username
      [{ ...base, username: "yuhua_grid01" }, 409, "USERNAME_TAKEN"],
      // schema: short password, bad username, no roles, duplicate roles, unknown role, stray field
      [{ ...base, password: "short-pass1" }, 400, "VALIDATION_FAILED"],
      [{ ...base, username: "Bad Name" }, 400, "VALIDATION_FAILED"],
      [{ ...base, roles: [] }, 400, "VALIDATION_FAILED"],
      [{ ...base, roles: ["grid_worker", "grid_worker"] }, 400, "VALIDATION_FAILED"],
      [{ ...base, roles: ["king"] }, 400, "VALIDATION_FAILED"],
      [{ ...base, active: false }, 400, "VALIDATION_FAILED"],
      [{ ...base, displayName: "" }, 400, "VALIDATION_FAILED"],
    ];
    for (const [payload, status, code] of cases) {
      const res = await createUser(admin, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(status);
      expect(res.json().error.code).toBe(code);
    }
    expect(await count()).toBe(before);
  });

  it("refuses an inactive unit, and anyone but the system admin", async () => {
    // an empty unit that can be switched off
    const unit = await ctx.api(admin, {
      method: "POST",
      url: "/api/v1/admin/units",
      payload: { name: "铁西区供热办", type: "department", divisionCode: "210303000000", departmentKind: "heating" },
    });
    expect(unit.statusCode).toBe(201);
    await ctx.api(admin, {
      method: "PATCH",
      url: "/api/v1/admin/units/210303000000-heating",
      payload: { active: false },
    });
    const payload = {
      username: "heating_clerk",
      displayName: "供热办科员",
      unitCode: "210303000000-heating",
      roles: ["department_handler"],
      password: PASSWORD,
    };
    const inactive = await createUser(admin, payload);
    expect(inactive.statusCode).toBe(422);
    expect(inactive.json().error.code).toBe("UNKNOWN_UNIT");
    for (const who of ["secadmin", "auditor", "city_dispatcher"]) {
      const res = await createUser(await ctx.login(who), { ...payload, unitCode: TIEXI_WATER });
      expect(res.statusCode, who).toBe(403);
    }
  });
});

describe("editing accounts", () => {
  it("moves and re-roles an account under the same rules", async () => {
    const id = await userId("yuhua_grid02");
    const misfit = await patchUser(admin, id, { unitCode: TIEXI_WATER });
    expect(misfit.statusCode).toBe(422);
    const moved = await patchUser(admin, id, {
      unitCode: TIEXI_WATER,
      roles: ["department_handler"],
      displayName: "水务科员",
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({
      unitCode: TIEXI_WATER,
      roles: ["department_handler"],
      displayName: "水务科员",
    });
    expect(moved.json().unitName).toContain("水务");
    const admins = await patchUser(admin, id, { roles: ["department_handler", "auditor"] });
    expect(admins.statusCode).toBe(422);
    expect((await patchUser(admin, id, {})).statusCode).toBe(400);
    expect((await patchUser(admin, id, { username: "x" })).statusCode).toBe(400);
    expect((await patchUser(admin, "not-a-uuid", { active: false })).statusCode).toBe(400);
    const missing = await patchUser(admin, "00000000-0000-4000-8000-000000000000", { active: false });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe("USER_NOT_FOUND");
    const [audit] = await audits("admin.user.update");
    expect(audit?.detail).toMatchObject({
      username: "yuhua_grid02",
      changes: {
        unitCode: { from: STATION, to: TIEXI_WATER },
        roles: { from: ["grid_worker"], to: ["department_handler"] },
      },
    });
  });

  it("disabling revokes the account's sessions at once; enabling lets it sign in again", async () => {
    const login = await signIn("jiefang_station", TEST_PASSWORD);
    const token = login.json().token as string;
    expect((await me(token)).statusCode).toBe(200);
    const id = await userId("jiefang_station");

    const off = await patchUser(admin, id, { active: false });
    expect(off.statusCode).toBe(200);
    expect(off.json().active).toBe(false);
    expect((await me(token)).statusCode).toBe(401);
    const again = await signIn("jiefang_station", TEST_PASSWORD);
    expect(again.statusCode).toBe(403);
    expect(again.json().error.code).toBe("ACCOUNT_DISABLED");
    const revoked = await ctx.services.db
      .selectFrom("sessions")
      .select("revoked_at")
      .where("user_id", "=", id)
      .execute();
    expect(revoked.every((s) => s.revoked_at !== null)).toBe(true);
    const audit = (await audits("admin.user.update")).at(-1);
    expect(audit?.detail).toMatchObject({ changes: { active: { from: true, to: false } } });
    expect((audit?.detail as { sessionsRevoked?: number } | undefined)?.sessionsRevoked).toBeGreaterThanOrEqual(1);

    expect((await patchUser(admin, id, { active: true })).json().active).toBe(true);
    expect((await signIn("jiefang_station", TEST_PASSWORD)).statusCode).toBe(200);
  });

  it("an administrator cannot disable or re-role their own account; others may not edit at all", async () => {
    const self = await userId("sysadmin");
    const res = await patchUser(admin, self, { active: false });
    expect(res.statusCode).toBe(422);
    expect((await patchUser(admin, self, { roles: ["security_admin"] })).statusCode).toBe(422);
    expect((await patchUser(admin, self, { displayName: "系统管理员 甲" })).statusCode).toBe(200);
    expect((await me(admin)).statusCode).toBe(200);
    const target = await userId("yuhua_station");
    for (const who of ["secadmin", "auditor"]) {
      expect((await patchUser(await ctx.login(who), target, { active: false })).statusCode, who).toBe(403);
    }
  });
});

describe("resetting a password", () => {
  it("returns a generated password once, revokes sessions, and the old password stops working", async () => {
    const login = await signIn("tiexi_urban", TEST_PASSWORD);
    const token = login.json().token as string;
    const id = await userId("tiexi_urban");
    const res = await ctx.api(admin, { method: "POST", url: `/api/v1/admin/users/${id}/reset-password`, payload: {} });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers["cache-control"]).toBe("no-store");
    const { password } = res.json();
    expect(password).toHaveLength(16);
    expect((await me(token)).statusCode).toBe(401);
    expect((await signIn("tiexi_urban", TEST_PASSWORD)).statusCode).toBe(401);
    expect((await signIn("tiexi_urban", password)).statusCode).toBe(200);

    const [audit] = await audits("admin.user.reset-password");
    expect(audit).toMatchObject({ object_id: id, username: "sysadmin" });
    expect(JSON.stringify(audit)).not.toContain(password);

    // no body at all is fine too; unknown accounts are 404; others 403
    const bare = await ctx.api(admin, { method: "POST", url: `/api/v1/admin/users/${id}/reset-password` });
    expect(bare.statusCode).toBe(200);
    const missing = await ctx.api(admin, {
      method: "POST",
      url: "/api/v1/admin/users/00000000-0000-4000-8000-000000000000/reset-password",
      payload: {},
    });
    expect(missing.statusCode).toBe(404);
    const secadmin = await ctx.api(await ctx.login("secadmin"), {
      method: "POST",
      url: `/api/v1/admin/users/${id}/reset-password`,
      payload: {},
    });
    expect(secadmin.statusCode).toBe(403);
  });
});
