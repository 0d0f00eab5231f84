// Helpers of the case screens — dispatch and assign pickers, the reporter's phone — and the audit of
// every transition, allowed or refused.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { act, actOk, categoryRoutedTo, pointIn, report, YUHUA } from "./fixtures.ts";
import { createTestContext, type TestContext } from "./harness.ts";

let ctx: TestContext;
let body: Record<string, unknown>;
const PHONE = "13812345678";

beforeAll(async () => {
  ctx = await createTestContext();
  const point = await pointIn(ctx, YUHUA);
  const category = await categoryRoutedTo(ctx, "territorial", "community");
  body = { description: "路灯不亮", ...point, categoryCode: category.code, source: "hotline" };
});
afterAll(async () => ctx?.close());

async function newCase(extra: Record<string, unknown> = {}) {
  const res = await report(ctx, await ctx.login("hotline_agent"), { ...body, ...extra });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

const get = async (username: string, url: string) => ctx.api(await ctx.login(username), { method: "GET", url });

async function auditOf(action: string, objectId: string) {
  return ctx.services.db
    .selectFrom("audit_log")
    .selectAll()
    .where("action", "=", action)
    .where("object_id", "=", objectId)
    .orderBy("id")
    .execute();
}

describe("dispatch options", () => {
  it("the suggestion first, units grouped nearest first, and every offered unit is accepted", async () => {
    const id = await newCase();
    await actOk(ctx, "bajiazi_center", id, "register");
    const res = await get("bajiazi_center", `/api/v1/cases/${id}/dispatch-options`);
    expect(res.statusCode, res.body).toBe(200);
    const options = res.json();
    expect(options.suggested).toMatchObject({ unitCode: `${YUHUA}-station`, name: "裕华社区网格化工作站" });
    expect(options.suggested.reason.zh.length).toBeGreaterThan(0);
    expect(options.suggested.reason.en.length).toBeGreaterThan(0);
    expect(options.groups.map((g: { key: string }) => g.key)).toEqual(["community", "township", "district", "city"]);
    expect(options.groups[0].label).toEqual({ zh: "社区(村)", en: "Community" });
    const units = options.groups.flatMap((g: { units: { code: string }[] }) => g.units.map((u) => u.code));
    expect(units).toContain("210303000000-urban_management");
    expect(units).toContain("210300000000-water");
    expect(units).not.toContain("210302000000-urban_management");
    expect(units).not.toContain("210302002010-station");
    // the pickers offer nothing the dispatch would refuse: dispatch (and redispatch) to each
    for (const code of units) {
      const done = await actOk(ctx, "bajiazi_center", id, "dispatch", { unitCode: code });
      expect(done.ownerUnit.code).toBe(code);
    }
    const refused = await act(ctx, await ctx.login("bajiazi_center"), id, "dispatch", {
      unitCode: "210302000000-urban_management",
    });
    expect(refused.statusCode).toBe(422);
  });

  it("nothing to offer a station; 404 outside jurisdiction or for a missing case", async () => {
    const id = await newCase();
    const station = (await get("yuhua_station", `/api/v1/cases/${id}/dispatch-options`)).json();
    expect(station).toEqual({ suggested: null, groups: [] });
    expect((await get("tiedong_center", `/api/v1/cases/${id}/dispatch-options`)).statusCode).toBe(404);
    expect((await get("dept_water", `/api/v1/cases/${id}/dispatch-options`)).statusCode).toBe(404);
    const ghost = "00000000-0000-4000-8000-000000000000";
    expect((await get("bajiazi_center", `/api/v1/cases/${ghost}/dispatch-options`)).statusCode).toBe(404);
    expect((await get("bajiazi_center", "/api/v1/cases/nope/dispatch-options")).statusCode).toBe(400);
  });
});

describe("assign options", () => {
  it("the centre one level down, which the assign accepts", async () => {
    const id = await newCase();
    await actOk(ctx, "bajiazi_center", id, "register");
    const city = (await get("city_dispatcher", `/api/v1/cases/${id}/assign-options`)).json();
    expect(city.units).toEqual([
      { code: "210303000000-centre", name: expect.stringContaining("铁西区"), type: "district_centre" },
    ]);
    const district = (await get("tiexi_center", `/api/v1/cases/${id}/assign-options`)).json();
    expect(district.units.map((u: { code: string }) => u.code)).toEqual(["210303003000-centre"]);
    expect((await get("bajiazi_center", `/api/v1/cases/${id}/assign-options`)).json().units).toEqual([]);
    expect((await get("yuhua_station", `/api/v1/cases/${id}/assign-options`)).json().units).toEqual([]);
    expect((await get("tiedong_center", `/api/v1/cases/${id}/assign-options`)).statusCode).toBe(404);
    const assigned = await actOk(ctx, "city_dispatcher", id, "assign", { unitCode: city.units[0].code });
    expect(assigned.centreUnit.code).toBe("210303000000-centre");
  });
});

describe("reporter phone", () => {
  it("unmasked for the hotline and centres, with a reason, audited; others 403; outsiders 404", async () => {
    const id = await newCase({ reporter: { name: "王先生", phone: PHONE } });
    const detail = (await get("bajiazi_center", `/api/v1/cases/${id}`)).json();
    expect(detail.reporter.phone).toBe("138****5678");

    for (const username of ["hotline_agent", "bajiazi_center", "tiexi_center", "city_dispatcher"]) {
      const res = await ctx.api(await ctx.login(username), {
        method: "POST",
        url: `/api/v1/cases/${id}/reporter-phone`,
        payload: { reason: "回访核实情况" },
      });
      expect(res.statusCode, username).toBe(200);
      expect(res.json()).toEqual({ phone: PHONE });
    }
    for (const username of ["yuhua_station", "yuhua_grid01", "leader", "dept_water", "auditor"]) {
      const res = await ctx.api(await ctx.login(username), {
        method: "POST",
        url: `/api/v1/cases/${id}/reporter-phone`,
        payload: { reason: "想知道" },
      });
      expect(res.statusCode, username).toBe(403);
      expect(res.body).not.toContain(PHONE);
    }
    const outsider = await ctx.api(await ctx.login("tiedong_center"), {
      method: "POST",
      url: `/api/v1/cases/${id}/reporter-phone`,
      payload: { reason: "回访" },
    });
    expect(outsider.statusCode).toBe(404);

    const records = await auditOf("case.reporter-phone", id);
    const granted = records.filter((r) => r.outcome === "success");
    expect(granted.map((r) => r.username).sort()).toEqual(
      ["bajiazi_center", "city_dispatcher", "hotline_agent", "tiexi_center"].sort(),
    );
    expect(granted[0]?.detail).toMatchObject({ reason: "回访核实情况" });
    expect(records.filter((r) => r.outcome === "denied").length).toBe(5);
    // the number itself is never written to the audit log
    expect(JSON.stringify(records)).not.toContain(PHONE);
  });

  it("a reason is required", async () => {
    const id = await newCase({ reporter: { phone: PHONE } });
    const token = await ctx.login("hotline_agent");
    for (const payload of [{}, { reason: "" }, { reason: "   " }, { reason: 42 }, { reason: "x", extra: 1 }]) {
      const res = await ctx.api(token, { method: "POST", url: `/api/v1/cases/${id}/reporter-phone`, payload });
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
    }
    const none = await newCase();
    const res = await ctx.api(token, {
      method: "POST",
      url: `/api/v1/cases/${none}/reporter-phone`,
      payload: { reason: "回访" },
    });
    expect(res.json()).toEqual({ phone: null });
  });
});

describe("audit of transitions", () => {
  it("records each step with its outcome: success, denied (403), failure (409)", async () => {
    const id = await newCase();
    await actOk(ctx, "bajiazi_center", id, "register");
    const [registered] = await auditOf("case.register", id);
    expect(registered).toMatchObject({
      outcome: "success",
      username: "bajiazi_center",
      object_type: "case",
      object_id: id,
    });
    expect(registered?.detail).toMatchObject({ from: "reported", to: "registered" });

    const station = await ctx.login("yuhua_station");
    expect((await act(ctx, station, id, "dispatch", { unitCode: `${YUHUA}-station` })).statusCode).toBe(403);
    const [denied] = await auditOf("case.dispatch", id);
    expect(denied).toMatchObject({ outcome: "denied", username: "yuhua_station" });
    expect(denied?.detail).toMatchObject({ error: "ACTION_NOT_PERMITTED" });

    const centre = await ctx.login("bajiazi_center");
    expect((await act(ctx, centre, id, "verify", { pass: true, note: "" })).statusCode).toBe(409);
    const [failed] = await auditOf("case.verify", id);
    expect(failed).toMatchObject({ outcome: "failure", username: "bajiazi_center" });
    expect(failed?.detail).toMatchObject({ error: "ILLEGAL_TRANSITION", status: "registered" });

    // bad input is the client's mistake, not a refused step: no record
    expect((await act(ctx, centre, id, "dispatch", { unitCode: "no-such-unit" })).statusCode).toBe(422);
    expect((await auditOf("case.dispatch", id)).length).toBe(1);
  });
});

describe("documentation", () => {
  it("the workbench endpoints are in the OpenAPI document", async () => {
    const res = await ctx.api(null, { method: "GET", url: "/api/docs/json" });
    expect(res.statusCode).toBe(200);
    const paths = Object.keys(res.json().paths);
    for (const path of [
      "/api/v1/attachments",
      "/api/v1/attachments/{id}",
      "/api/v1/inbox",
      "/api/v1/cases/export",
      "/api/v1/cases/map",
      "/api/v1/cases/{id}/dispatch-options",
      "/api/v1/cases/{id}/assign-options",
      "/api/v1/cases/{id}/reporter-phone",
    ]) {
      expect(paths).toContain(path);
    }
  });
});
