// The whole closed loop through the HTTP API for a report in 裕华社区 (铁西区 八家子街道).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { act, actOk, categoryRoutedTo, pointIn, report, YUHUA } from "./fixtures.ts";
import { createTestContext, type TestContext } from "./harness.ts";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx?.close());

describe("the closed loop", () => {
  it("report → register → dispatch → return → re-dispatch → accept → feedback → rework → close → evaluate", async () => {
    const grid = await ctx.login("yuhua_grid01");
    const point = await pointIn(ctx, YUHUA);
    const category = await categoryRoutedTo(ctx, "territorial", "community");

    const created = await report(ctx, grid, {
      description: "裕华社区3号楼东侧垃圾堆放多日无人清理,有异味",
      ...point,
      categoryCode: category.code,
      source: "grid",
    });
    expect(created.statusCode, created.body).toBe(201);
    const c = created.json();
    expect(c.code).toMatch(/^AS-\d{8}-\d{6}$/);
    expect(c.status).toBe("reported");
    expect(c.communityCode).toBe(YUHUA);
    expect(c.townshipCode).toBe("210303003000");
    expect(c.districtCode).toBe("210303000000");
    expect(c.gridCode).toMatch(new RegExp(`^${YUHUA}\\d{2}$`));
    // auto-routing: a territorial item goes to the community station; the township centre coordinates
    expect(c.suggestedUnit.code).toBe(`${YUHUA}-station`);
    expect(c.centreUnit.code).toBe("210303003000-centre");
    expect(c.routing.rule).toBe("territorial");
    expect(new Date(c.deadlines.dueAt).getTime()).toBeGreaterThan(Date.parse(c.reportedAt));

    const id = c.id as string;
    await actOk(ctx, "bajiazi_center", id, "register");
    // dispatched first to the wrong unit: the district's urban-management bureau
    let s = await actOk(ctx, "bajiazi_center", id, "dispatch", { unitCode: "210303000000-urban_management" });
    expect(s.status).toBe("dispatched");
    expect(s.ownerUnit.code).toBe("210303000000-urban_management");
    expect(s.deadlines.acceptBy).not.toBeNull();

    // the department sees it (assigned to its unit) and returns it with a reason
    const dept = await ctx.login("tiexi_urban");
    expect((await ctx.api(dept, { method: "GET", url: `/api/v1/cases/${id}` })).statusCode).toBe(200);
    const noReason = await act(ctx, dept, id, "return", { reason: "" });
    expect(noReason.statusCode).toBe(400);
    s = await actOk(ctx, "tiexi_urban", id, "return", {
      reason: "不属于本单位权责清单,应由社区处置",
      reasonCode: "not_in_list",
    });
    expect(s.status).toBe("returned");
    expect(s.lastReturnReason).toContain("权责清单");
    expect(s.counters.returns).toBe(1);
    expect(s.ownerUnit).toBeNull();

    // re-dispatch to the suggested unit, which accepts and reports back
    s = await actOk(ctx, "bajiazi_center", id, "dispatch", { unitCode: `${YUHUA}-station` });
    expect(s.ownerUnit.code).toBe(`${YUHUA}-station`);
    const station = await ctx.login("yuhua_station");
    const early = await act(ctx, station, id, "feedback", { note: "已清理" });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe("ILLEGAL_TRANSITION");
    await actOk(ctx, "yuhua_station", id, "accept");
    s = await actOk(ctx, "yuhua_station", id, "feedback", { note: "已组织保洁员清运垃圾" });
    expect(s.status).toBe("handled");

    // the grid worker checks on site: not good enough → rework
    s = await actOk(ctx, "yuhua_grid01", id, "verify", { pass: false, note: "楼后仍有垃圾未清" });
    expect(s.status).toBe("accepted");
    expect(s.counters.rework).toBe(1);
    await actOk(ctx, "yuhua_station", id, "feedback", { note: "已全部清运并消杀" });
    s = await actOk(ctx, "yuhua_grid01", id, "verify", { pass: true, note: "现场已恢复整洁" });
    expect(s.status).toBe("closed");
    expect(s.timestamps.closedAt).not.toBeNull();

    // the reporter evaluates
    s = await actOk(ctx, "yuhua_grid01", id, "evaluate", { rating: "satisfied", comment: "处理及时" });
    expect(s.status).toBe("evaluated");
    expect(s.rating).toBe("satisfied");
    expect(s.availableActions).toEqual([]);

    const full = (await ctx.api(grid, { method: "GET", url: `/api/v1/cases/${id}` })).json();
    expect(full.events.map((e: { action: string }) => e.action)).toEqual([
      "report",
      "register",
      "dispatch",
      "return",
      "dispatch",
      "accept",
      "feedback",
      "verify",
      "feedback",
      "verify",
      "evaluate",
    ]);
    const ret = full.events[3];
    expect(ret.note).toContain("权责清单");
    expect(ret.actorUnit.code).toBe("210303000000-urban_management");
    expect(ret.fromStatus).toBe("dispatched");
    expect(ret.toStatus).toBe("returned");
    expect(full.events.every((e: { seq: number }, i: number) => e.seq === i + 1)).toBe(true);
  });

  it("unsatisfied evaluation may reopen once", async () => {
    const point = await pointIn(ctx, YUHUA);
    const category = await categoryRoutedTo(ctx, "territorial", "community");
    const hotline = await ctx.login("hotline_agent");
    const created = await report(ctx, hotline, {
      description: "居民来电反映楼道灯不亮",
      ...point,
      categoryCode: category.code,
      source: "hotline",
      reporter: { name: "王先生", phone: "13912345678" },
    });
    expect(created.statusCode).toBe(201);
    const c = created.json();
    expect(c.reporter.phone).toBe("139****5678");
    const id = c.id;
    await actOk(ctx, "hotline_agent", id, "register");
    await actOk(ctx, "bajiazi_center", id, "dispatch", { unitCode: `${YUHUA}-station` });
    await actOk(ctx, "yuhua_station", id, "accept");
    await actOk(ctx, "yuhua_station", id, "feedback", { note: "已更换灯泡" });
    await actOk(ctx, "bajiazi_center", id, "verify", { pass: true, note: "" });
    await actOk(ctx, "hotline_agent", id, "evaluate", { rating: "unsatisfied", comment: "第二天又坏了" });
    let s = await actOk(ctx, "hotline_agent", id, "reopen", { reason: "群众回访不满意,灯再次损坏" });
    expect(s.status).toBe("registered");
    expect(s.counters.reopens).toBe(1);
    await actOk(ctx, "bajiazi_center", id, "dispatch", { unitCode: `${YUHUA}-station` });
    await actOk(ctx, "yuhua_station", id, "accept");
    await actOk(ctx, "yuhua_station", id, "feedback", { note: "已更换灯具线路" });
    await actOk(ctx, "bajiazi_center", id, "verify", { pass: true, note: "" });
    s = await actOk(ctx, "hotline_agent", id, "evaluate", { rating: "unsatisfied" });
    const again = await act(ctx, hotline, id, "reopen", { reason: "仍不满意" });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe("REOPEN_LIMIT_REACHED");
  });
});

describe("escalation, assignment and co-handling", () => {
  it("a station escalates to the township, the township to the district, the district assigns back down", async () => {
    const point = await pointIn(ctx, YUHUA);
    const category = await categoryRoutedTo(ctx, "territorial", "community");
    const grid = await ctx.login("yuhua_grid01");
    const id = (
      await report(ctx, grid, {
        description: "小区内私搭乱建,多次劝阻无效",
        ...point,
        categoryCode: category.code,
        source: "grid",
      })
    ).json().id;
    await actOk(ctx, "bajiazi_center", id, "register");
    await actOk(ctx, "bajiazi_center", id, "dispatch", { unitCode: `${YUHUA}-station` });
    await actOk(ctx, "yuhua_station", id, "accept");
    let s = await actOk(ctx, "yuhua_station", id, "escalate", { reason: "社区无执法权,需街道协调" });
    expect(s.status).toBe("registered");
    expect(s.centreUnit.code).toBe("210303003000-centre");
    expect(s.ownerUnit).toBeNull();
    s = await actOk(ctx, "bajiazi_center", id, "escalate", { reason: "涉及违法建设,需区级执法" });
    expect(s.centreUnit.code).toBe("210303000000-centre");
    // the township centre no longer coordinates it: it cannot dispatch, the district can
    const bajiazi = await ctx.login("bajiazi_center");
    const refused = await act(ctx, bajiazi, id, "dispatch", { unitCode: `${YUHUA}-station` });
    expect(refused.statusCode).toBe(403);
    s = await actOk(ctx, "tiexi_center", id, "assign", { unitCode: "210303003000-centre" });
    expect(s.centreUnit.code).toBe("210303003000-centre");
    // assigning to a centre that is not a direct child of the caller's area is refused
    const wrong = await act(ctx, await ctx.login("tiexi_center"), id, "assign", { unitCode: "210302002000-centre" });
    expect(wrong.statusCode).toBe(422);
  });

  it("dispatch with a lead and assisting units; assisting units can see it but not act as lead", async () => {
    const point = await pointIn(ctx, YUHUA);
    const category = await categoryRoutedTo(ctx, "territorial", "community");
    const grid = await ctx.login("yuhua_grid01");
    const id = (
      await report(ctx, grid, {
        description: "道路积水影响通行",
        ...point,
        categoryCode: category.code,
        source: "grid",
      })
    ).json().id;
    await actOk(ctx, "bajiazi_center", id, "register");
    const s = await actOk(ctx, "bajiazi_center", id, "dispatch", {
      unitCode: `${YUHUA}-station`,
      assistUnitCodes: ["210300000000-water", "210303000000-urban_management"],
    });
    expect(s.assistUnits.map((u: { code: string }) => u.code)).toEqual([
      "210300000000-water",
      "210303000000-urban_management",
    ]);
    const water = await ctx.login("dept_water");
    expect((await ctx.api(water, { method: "GET", url: `/api/v1/cases/${id}` })).statusCode).toBe(200);
    const asLead = await act(ctx, water, id, "accept");
    expect(asLead.statusCode).toBe(403);
    // a unit outside the case's place cannot be dispatched to
    const far = await act(ctx, await ctx.login("bajiazi_center"), id, "dispatch", {
      unitCode: "210302000000-urban_management",
    });
    expect(far.statusCode).toBe(422);
    expect(far.json().error.code).toBe("UNIT_OUT_OF_JURISDICTION");
  });

  it("extension request and approval move the deadline; supervision is noted", async () => {
    const point = await pointIn(ctx, YUHUA);
    const category = await categoryRoutedTo(ctx, "territorial", "community");
    const grid = await ctx.login("yuhua_grid01");
    const c = (
      await report(ctx, grid, { description: "路面坑洼需修补", ...point, categoryCode: category.code, source: "grid" })
    ).json();
    await actOk(ctx, "bajiazi_center", c.id, "register");
    await actOk(ctx, "bajiazi_center", c.id, "dispatch", { unitCode: `${YUHUA}-station` });
    await actOk(ctx, "yuhua_station", c.id, "accept");
    const until = new Date(Date.parse(c.deadlines.dueAt) + 5 * 86_400_000).toISOString();
    let s = await actOk(ctx, "yuhua_station", c.id, "extend-request", { until, reason: "需等待沥青材料" });
    expect(s.pendingExtension.until).toBe(until);
    const twice = await act(ctx, await ctx.login("yuhua_station"), c.id, "extend-request", { until, reason: "again" });
    expect(twice.json().error.code).toBe("EXTENSION_PENDING");
    s = await actOk(ctx, "bajiazi_center", c.id, "extend-approve", { approve: true });
    expect(s.deadlines.dueAt).toBe(until);
    expect(s.pendingExtension).toBeNull();
    expect(s.counters.extensions).toBe(1);
    s = await actOk(ctx, "tiexi_center", c.id, "supervise", { note: "请尽快处置,群众反映强烈" });
    expect(s.counters.supervisions).toBe(1);
    expect(s.status).toBe("accepted");
    const leader = await ctx.login("leader");
    const ro = await act(ctx, leader, c.id, "supervise", { note: "x" });
    expect(ro.statusCode).toBe(403);
  });

  it("merge joins a duplicate to an earlier open case and counts the 'me too'", async () => {
    const point = await pointIn(ctx, YUHUA);
    const category = await categoryRoutedTo(ctx, "territorial", "community");
    const grid = await ctx.login("yuhua_grid01");
    const first = (
      await report(ctx, grid, { description: "井盖缺失", ...point, categoryCode: category.code, source: "grid" })
    ).json();
    const second = (
      await report(ctx, grid, { description: "同一处井盖缺失", ...point, categoryCode: category.code, source: "grid" })
    ).json();
    const s = await actOk(ctx, "bajiazi_center", second.id, "merge", { targetId: first.id });
    expect(s.status).toBe("merged");
    expect(s.mergedIntoId).toBe(first.id);
    const target = (await ctx.api(grid, { method: "GET", url: `/api/v1/cases/${first.id}` })).json();
    expect(target.counters.meToo).toBe(1);
    expect(target.mergedCases.map((m: { id: string }) => m.id)).toEqual([second.id]);
  });
});
