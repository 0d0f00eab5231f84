// What the audit log covers (issue #5): sign-ins, refused access (one central record per refused
// API call, with the route's pattern), views and exports of personal data, every case transition
// (in the transition's own transaction) and administrative changes — each with time, user, unit,
// role, action, object, outcome and source address.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { performCaseAction } from "../src/use-cases/perform-case-action.ts";
import { TEST_PASSWORD } from "./constants.ts";
import { pointIn, report, YUHUA } from "./fixtures.ts";
import { createTestContext, type TestContext } from "./harness.ts";

let ctx: TestContext;
let caseId: string;
beforeAll(async () => {
  ctx = await createTestContext();
  const point = await pointIn(ctx, YUHUA);
  const res = await report(ctx, await ctx.login("hotline_agent"), {
    ...point,
    source: "hotline",
    description: "井盖破损",
    reporter: { name: "王先生", phone: "13912345678" },
  });
  expect(res.statusCode, res.body).toBe(201);
  caseId = res.json().id;
});
afterAll(async () => ctx?.close());

const rows = (action: string) =>
  ctx.handle.owner.db.selectFrom("audit_log").selectAll().where("action", "=", action).orderBy("id").execute();
const IP = "203.0.113.9";

describe("the audit log records", () => {
  it("sign-ins, successful and failed, with the source address", async () => {
    const before = (await rows("auth.login")).length;
    for (const password of [TEST_PASSWORD, "wrong-password-123"]) {
      await ctx.app.inject({
        method: "POST",
        url: "/api/v1/auth/login",
        payload: { username: "leader", password },
        remoteAddress: IP,
      });
    }
    const logins = (await rows("auth.login")).slice(before);
    expect(logins.map((r) => [r.username, r.outcome, r.ip])).toEqual([
      ["leader", "success", IP],
      ["leader", "failure", IP],
    ]);
  });

  it("refused access once per call: 401, 403, and 404 on a resource out of jurisdiction; not unknown paths", async () => {
    const before = (await rows("access.denied")).length;
    const outsider = await ctx.login("tiedong_center");
    const hidden = await ctx.app.inject({
      method: "GET",
      url: `/api/v1/cases/${caseId}`,
      headers: { authorization: `Bearer ${outsider}` },
      remoteAddress: IP,
    });
    expect(hidden.statusCode).toBe(404);
    expect((await ctx.app.inject({ method: "GET", url: "/api/v1/cases", remoteAddress: IP })).statusCode).toBe(401);
    const forbidden = await ctx.api(await ctx.login("hotline_agent"), { method: "GET", url: "/api/v1/admin/users" });
    expect(forbidden.statusCode).toBe(403);
    expect((await ctx.api(outsider, { method: "GET", url: "/api/v1/no-such-thing" })).statusCode).toBe(404);
    expect((await ctx.api(outsider, { method: "GET", url: "/assets/missing.js" })).statusCode).toBe(404);
    const denied = (await rows("access.denied")).slice(before);
    // the refused admin read is recorded by the use case itself (admin.user.list, denied), not twice
    expect(denied.map((r) => [r.username, r.object_id, r.detail.status, r.outcome])).toEqual([
      ["tiedong_center", "GET /api/v1/cases/:id", 404, "denied"],
      [null, "GET /api/v1/cases", 401, "denied"],
    ]);
    expect(denied[0]).toMatchObject({ ip: IP, unit_code: expect.any(String), role: expect.any(String) });
    expect((await rows("admin.user.list")).filter((r) => r.outcome === "denied")).toHaveLength(1);
  });

  it("a staff member opening a case (its reporter's data): case.view", async () => {
    const res = await ctx.app.inject({
      method: "GET",
      url: `/api/v1/cases/${caseId}`,
      headers: { authorization: `Bearer ${await ctx.login("city_dispatcher")}` },
      remoteAddress: IP,
    });
    expect(res.statusCode).toBe(200);
    const views = await rows("case.view");
    expect(views.at(-1)).toMatchObject({
      username: "city_dispatcher",
      object_type: "case",
      object_id: caseId,
      outcome: "success",
      ip: IP,
    });
  });

  it("an export with its filter and row count: case.export", async () => {
    const res = await ctx.api(await ctx.login("city_dispatcher"), {
      method: "GET",
      url: "/api/v1/cases/export?status=reported",
    });
    expect(res.statusCode).toBe(200);
    const last = (await rows("case.export")).at(-1);
    expect(last?.detail).toMatchObject({ filter: { status: ["reported"] }, rows: expect.any(Number) });
  });

  it("the first transition, the report itself: case.report with who, from where and the source", async () => {
    const rec = (await rows("case.report")).filter((r) => r.object_id === caseId);
    expect(rec).toHaveLength(1);
    expect(rec[0]).toMatchObject({ username: "hotline_agent", outcome: "success" });
    expect(rec[0]?.detail).toMatchObject({ from: null, to: "reported", seq: 1, source: "hotline" });
  });

  it("each transition, in the transition's own transaction: no record, no transition", async () => {
    const actor = await ctx.services.db
      .selectFrom("users")
      .select("id")
      .where("username", "=", "bajiazi_center")
      .executeTakeFirstOrThrow();
    const status = async () =>
      (await ctx.services.db.selectFrom("cases").select("status").where("id", "=", caseId).executeTakeFirstOrThrow())
        .status;
    const events = async () =>
      (await ctx.services.db.selectFrom("case_events").select("seq").where("case_id", "=", caseId).execute()).length;
    const me = (await ctx.api(await ctx.login("bajiazi_center"), { method: "GET", url: "/api/v1/me" })).json();
    const centre = {
      userId: actor.id,
      username: "bajiazi_center",
      displayName: me.displayName,
      roles: me.roles,
      unit: ctx.services.places.unit(me.unitCode)!,
      sessionId: "test",
    };
    const [statusBefore, eventsBefore] = [await status(), await events()];
    // an audit key that cannot be loaded: the audit write fails, so must the transition
    const broken = { ...ctx.services, config: { ...ctx.services.config, CIVICGRID_AUDIT_KEY: "not-a-key" } };
    await expect(
      performCaseAction({ services: broken, actor: centre, caseId, action: "register", body: {}, ip: IP }),
    ).rejects.toThrow();
    expect([await status(), await events()]).toEqual([statusBefore, eventsBefore]);

    await performCaseAction({ services: ctx.services, actor: centre, caseId, action: "register", body: {}, ip: IP });
    expect(await events()).toBe(eventsBefore + 1);
    const rec = (await rows("case.register")).at(-1);
    expect(rec).toMatchObject({ username: "bajiazi_center", object_id: caseId, outcome: "success", ip: IP });
    expect(rec?.detail).toMatchObject({ from: statusBefore, to: await status(), seq: eventsBefore + 1 });
    expect((await rows("case.register")).filter((r) => r.object_id === caseId)).toHaveLength(1);
  });

  it("administrative changes, with unit and role", async () => {
    const sys = await ctx.login("sysadmin");
    const units = (await ctx.api(sys, { method: "GET", url: "/api/v1/admin/units?pageSize=1" })).json();
    const unit = units.items[0];
    const res = await ctx.api(sys, {
      method: "PATCH",
      url: `/api/v1/admin/units/${unit.code}`,
      payload: { name: `${unit.name}(改)` },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect((await rows("admin.unit.update")).at(-1)).toMatchObject({
      username: "sysadmin",
      role: "system_admin",
      unit_code: expect.any(String),
      object_id: unit.code,
      outcome: "success",
    });
  });
});
