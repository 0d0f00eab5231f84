// Units administration: the system admin alone lists, creates and edits units; a new unit enters the
// directory at once (visible in /units, a dispatch target, a routing target); edits are audited.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actOk, pointIn, report, YUHUA } from "./fixtures.ts";
import { createTestContext, type TestContext } from "./harness.ts";

const TIEXI = "210303000000";
const TIEXI_HEATING = `${TIEXI}-heating`;

let ctx: TestContext;
let admin: string;
beforeAll(async () => {
  ctx = await createTestContext();
  admin = await ctx.login("sysadmin");
});
afterAll(async () => ctx?.close());

const createUnit = (token: string, payload: Record<string, unknown>) =>
  ctx.api(token, { method: "POST", url: "/api/v1/admin/units", payload });
const patchUnit = (token: string, code: string, payload: Record<string, unknown>) =>
  ctx.api(token, { method: "PATCH", url: `/api/v1/admin/units/${code}`, payload });

async function auditRows(action: string, outcome: "success" | "denied" = "success") {
  return ctx.services.db
    .selectFrom("audit_log")
    .selectAll()
    .where("action", "=", action)
    .where("outcome", "=", outcome)
    .orderBy("id")
    .execute();
}

describe("listing units", () => {
  it("the system admin sees every unit, filtered and paged; everyone else gets 403", async () => {
    const all = await ctx.api(admin, { method: "GET", url: "/api/v1/admin/units?pageSize=5" });
    expect(all.statusCode).toBe(200);
    const total = all.json().total;
    expect(total).toBeGreaterThan(1300);
    expect(all.json().items[0]).toMatchObject({ level: "city" });

    const depts = await ctx.api(admin, {
      method: "GET",
      url: `/api/v1/admin/units?type=department&divisionCode=${TIEXI}&pageSize=100`,
    });
    expect(depts.json().items.length).toBeGreaterThan(5);
    for (const u of depts.json().items) expect(u).toMatchObject({ type: "department", divisionCode: TIEXI });

    // a district code selects its whole subtree: centres, stations and departments
    const area = (
      await ctx.api(admin, { method: "GET", url: `/api/v1/admin/units?divisionCode=${TIEXI}&pageSize=1` })
    ).json();
    expect(area.total).toBeGreaterThan(depts.json().total + 9);

    const q = await ctx.api(admin, { method: "GET", url: `/api/v1/admin/units?q=${encodeURIComponent("裕华")}` });
    expect(q.json().items.map((u: { code: string }) => u.code)).toContain(`${YUHUA}-station`);

    for (const who of ["secadmin", "auditor", "city_dispatcher", "leader"]) {
      const res = await ctx.api(await ctx.login(who), { method: "GET", url: "/api/v1/admin/units" });
      expect(res.statusCode, who).toBe(403);
    }
    expect((await ctx.api(null, { method: "GET", url: "/api/v1/admin/units" })).statusCode).toBe(401);
    expect((await ctx.api(admin, { method: "GET", url: "/api/v1/admin/units?type=nope" })).statusCode).toBe(400);
  });
});

describe("creating a unit", () => {
  it("refuses what does not fit: 4xx with a stable code, nothing written", async () => {
    const before = (await ctx.services.db.selectFrom("units").select("code").execute()).length;
    const cases: [Record<string, unknown>, number, string][] = [
      // a department below district level
      [
        { name: "街道供热站", type: "department", divisionCode: "210303003000", departmentKind: "heating" },
        422,
        "VALIDATION_FAILED",
      ],
      // a department without its kind
      [{ name: "某局", type: "department", divisionCode: TIEXI }, 422, "VALIDATION_FAILED"],
      // a kind on a centre
      [
        { name: "中心", type: "district_centre", divisionCode: TIEXI, departmentKind: "water" },
        422,
        "VALIDATION_FAILED",
      ],
      // a centre at the wrong level
      [{ name: "中心", type: "city_centre", divisionCode: TIEXI }, 422, "VALIDATION_FAILED"],
      // a division that does not exist
      [{ name: "中心", type: "district_centre", divisionCode: "210399000000" }, 422, "VALIDATION_FAILED"],
      // one centre per division: Tiexi has one
      [{ name: "铁西区第二中心", type: "district_centre", divisionCode: TIEXI }, 409, "UNIT_EXISTS"],
      // one department of a kind per seat
      [
        { name: "铁西区水务局二", type: "department", divisionCode: TIEXI, departmentKind: "water" },
        409,
        "UNIT_EXISTS",
      ],
      // schema: the hotline and admin units are not creatable; unknown kinds; stray fields; blank names
      [{ name: "热线", type: "hotline", divisionCode: "210300000000" }, 400, "VALIDATION_FAILED"],
      [{ name: "某局", type: "department", divisionCode: TIEXI, departmentKind: "magic" }, 400, "VALIDATION_FAILED"],
      [
        { name: "某局", type: "department", divisionCode: TIEXI, departmentKind: "heating", code: "x" },
        400,
        "VALIDATION_FAILED",
      ],
      [{ name: "   ", type: "department", divisionCode: TIEXI, departmentKind: "heating" }, 400, "VALIDATION_FAILED"],
      [
        { name: "某局", type: "department", divisionCode: 210303000000, departmentKind: "heating" },
        400,
        "VALIDATION_FAILED",
      ],
    ];
    for (const [payload, status, code] of cases) {
      const res = await createUnit(admin, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(status);
      expect(res.json().error.code).toBe(code);
    }
    expect((await ctx.services.db.selectFrom("units").select("code").execute()).length).toBe(before);
    const secadmin = await createUnit(await ctx.login("secadmin"), {
      name: "铁西区供热办",
      type: "department",
      divisionCode: TIEXI,
      departmentKind: "heating",
    });
    expect(secadmin.statusCode).toBe(403);
    // the attempt across the separation is on record
    const [denied] = await auditRows("admin.unit.create", "denied");
    expect(denied).toMatchObject({ username: "secadmin", role: "security_admin" });
  });

  it("a new district department is listed, dispatchable and routed to at once, and audited", async () => {
    // before: Tiexi has no heating department; the district centre cannot dispatch to one
    const centre = await ctx.login("tiexi_center");
    const unitsUrl = `/api/v1/units?type=department&divisionCode=${TIEXI}&pageSize=100`;
    const codes = async () =>
      (await ctx.api(centre, { method: "GET", url: unitsUrl })).json().items.map((u: { code: string }) => u.code);
    expect(await codes()).not.toContain(TIEXI_HEATING);

    const res = await createUnit(admin, {
      name: "铁西区供热管理办公室",
      nameEn: "Tiexi heating office",
      type: "department",
      divisionCode: TIEXI,
      departmentKind: "heating",
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toEqual({
      code: TIEXI_HEATING,
      name: "铁西区供热管理办公室",
      nameEn: "Tiexi heating office",
      type: "department",
      level: "district",
      divisionCode: TIEXI,
      divisionName: "铁西区",
      departmentKind: "heating",
      active: true,
    });
    expect(await codes()).toContain(TIEXI_HEATING);

    // routing: a heating item listed at district level now goes to the new unit
    const entry = await ctx.services.db
      .selectFrom("responsibility_entries")
      .select("category_code")
      .where("handler_kind", "=", "heating")
      .orderBy("category_code")
      .executeTakeFirstOrThrow();
    const put = await ctx.api(admin, {
      method: "PUT",
      url: `/api/v1/responsibility-entries/${entry.category_code}`,
      payload: { handlerKind: "heating", level: "district", limitDays: 3 },
    });
    expect(put.statusCode).toBe(200);
    const point = await pointIn(ctx, YUHUA);
    const created = await report(ctx, await ctx.login("yuhua_grid01"), {
      description: "暖气不热",
      ...point,
      categoryCode: entry.category_code,
      source: "grid",
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().suggestedUnit.code).toBe(TIEXI_HEATING);

    // dispatch: the township centre sends the case to it
    const id = created.json().id as string;
    await actOk(ctx, "bajiazi_center", id, "register");
    const dispatched = await actOk(ctx, "bajiazi_center", id, "dispatch", { unitCode: TIEXI_HEATING });
    expect(dispatched.ownerUnit.code).toBe(TIEXI_HEATING);

    const [audit] = await auditRows("admin.unit.create");
    expect(audit).toMatchObject({
      username: "sysadmin",
      object_type: "unit",
      object_id: TIEXI_HEATING,
    });
    expect(audit?.detail).toMatchObject({ type: "department", divisionCode: TIEXI, departmentKind: "heating" });
  });
});

describe("editing a unit", () => {
  it("renames and deactivates; a deactivated unit is no dispatch target; it can come back", async () => {
    const renamed = await patchUnit(admin, TIEXI_HEATING, { name: "铁西区供热办" });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json()).toMatchObject({ code: TIEXI_HEATING, name: "铁西区供热办", active: true });

    const off = await patchUnit(admin, TIEXI_HEATING, { active: false });
    expect(off.json().active).toBe(false);
    const listed = await ctx.api(admin, {
      method: "GET",
      url: `/api/v1/admin/units?type=department&divisionCode=${TIEXI}&active=false`,
    });
    expect(listed.json().items.map((u: { code: string }) => u.code)).toEqual([TIEXI_HEATING]);

    const point = await pointIn(ctx, YUHUA);
    const created = await report(ctx, await ctx.login("yuhua_grid01"), {
      description: "路面破损",
      ...point,
      source: "grid",
    });
    const id = created.json().id as string;
    await actOk(ctx, "bajiazi_center", id, "register");
    const refused = await ctx.api(await ctx.login("bajiazi_center"), {
      method: "POST",
      url: `/api/v1/cases/${id}/actions/dispatch`,
      payload: { unitCode: TIEXI_HEATING },
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.code).toBe("UNKNOWN_UNIT");

    expect((await patchUnit(admin, TIEXI_HEATING, { active: true })).json().active).toBe(true);
    const audits = await auditRows("admin.unit.update");
    expect(audits.map((a) => a.detail)).toEqual([
      { changes: { name: { from: "铁西区供热管理办公室", to: "铁西区供热办" } } },
      { changes: { active: { from: true, to: false } } },
      { changes: { active: { from: false, to: true } } },
    ]);
  });

  it("a unit with active accounts stays active; unknown units are 404; bad bodies 400", async () => {
    const res = await patchUnit(admin, `${YUHUA}-station`, { active: false });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe("UNIT_IN_USE");
    expect(ctx.services.places.unit(`${YUHUA}-station`)?.active).toBe(true);
    expect((await patchUnit(admin, "nope-centre", { name: "x" })).statusCode).toBe(404);
    expect((await patchUnit(admin, TIEXI_HEATING, {})).statusCode).toBe(400);
    expect((await patchUnit(admin, TIEXI_HEATING, { type: "hotline" })).statusCode).toBe(400);
    expect((await patchUnit(admin, TIEXI_HEATING, { active: "no" })).statusCode).toBe(400);
    expect((await patchUnit(await ctx.login("auditor"), TIEXI_HEATING, { name: "x" })).statusCode).toBe(403);
  });
});
