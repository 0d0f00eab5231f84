// The SLA sweep with a controllable clock: warning at 80% of the working time, overdue at the
// deadline, escalation one level per further working day; running it again changes nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sweepDeadlines } from "../src/jobs/sweep-deadlines.ts";
import { actOk, categoryRoutedTo, pointIn, report, YUHUA } from "./fixtures.ts";
import { createTestContext, type TestContext } from "./harness.ts";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx?.close());

async function events(id: string) {
  return ctx.services.db
    .selectFrom("case_events")
    .select(["action", "from_status", "to_status"])
    .where("case_id", "=", id)
    .orderBy("seq")
    .execute();
}

describe("deadline sweep", () => {
  it("warns, marks overdue and escalates exactly once each, on working time", async () => {
    const point = await pointIn(ctx, YUHUA);
    const category = await categoryRoutedTo(ctx, "territorial", "community");
    const created = (
      await report(ctx, await ctx.login("yuhua_grid01"), {
        description: "路灯不亮",
        ...point,
        categoryCode: category.code,
        source: "grid",
      })
    ).json();
    const id = created.id as string;
    await actOk(ctx, "bajiazi_center", id, "register");
    await actOk(ctx, "bajiazi_center", id, "dispatch", { unitCode: `${YUHUA}-station` });
    const warnAt = new Date(created.deadlines.warnAt);
    const dueAt = new Date(created.deadlines.dueAt);
    // deadlines follow the working-day calendar
    const { calendar } = ctx.services;
    expect(calendar.workingTimeBetween(new Date(created.reportedAt), dueAt)).toBe(category.limitDays * 86_400_000);
    expect(warnAt.getTime()).toBeLessThan(dueAt.getTime());

    ctx.clock.set(new Date(warnAt.getTime() - 1000));
    // the seeded history has its own open cases: the first sweep catches up on those, not on ours
    await sweepDeadlines({ services: ctx.services });
    expect((await events(id)).map((e) => e.action)).not.toContain("warn");
    expect(await sweepDeadlines({ services: ctx.services })).toEqual({ warned: 0, overdue: 0, escalated: 0 });

    ctx.clock.set(warnAt);
    const first = await sweepDeadlines({ services: ctx.services });
    expect(first.warned).toBeGreaterThanOrEqual(1);
    const again = await sweepDeadlines({ services: ctx.services });
    expect(again).toEqual({ warned: 0, overdue: 0, escalated: 0 });
    let row = await ctx.services.db.selectFrom("cases").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    expect(row.warned_at).not.toBeNull();
    expect(row.overdue_at).toBeNull();

    ctx.clock.set(dueAt);
    expect((await sweepDeadlines({ services: ctx.services })).overdue).toBeGreaterThanOrEqual(1);
    row = await ctx.services.db.selectFrom("cases").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    expect(row.overdue_at).not.toBeNull();
    expect(row.next_escalation_at?.getTime()).toBe(calendar.addWorkingDays(dueAt, 1).getTime());
    const listed = await ctx.api(await ctx.login("bajiazi_center"), {
      method: "GET",
      url: "/api/v1/cases?overdue=true&pageSize=100",
    });
    expect(listed.json().items.map((c: { id: string }) => c.id)).toContain(id);

    // one working day later: escalated to the district; another: to the city; then it stops
    ctx.clock.set(row.next_escalation_at as Date);
    await sweepDeadlines({ services: ctx.services });
    row = await ctx.services.db.selectFrom("cases").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    expect(row.escalation_level).toBe(1);
    ctx.clock.set(row.next_escalation_at as Date);
    await sweepDeadlines({ services: ctx.services });
    row = await ctx.services.db.selectFrom("cases").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    expect(row.escalation_level).toBe(2);
    expect(row.next_escalation_at).toBeNull();
    ctx.clock.advance(30 * 86_400_000);
    await sweepDeadlines({ services: ctx.services });
    const evs = await events(id);
    expect(evs.filter((e) => e.action === "warn")).toHaveLength(1);
    expect(evs.filter((e) => e.action === "overdue")).toHaveLength(1);
    expect(evs.filter((e) => e.action === "auto-escalate")).toHaveLength(2);
    // system events never change the state
    for (const e of evs.filter((x) => ["warn", "overdue", "auto-escalate"].includes(x.action))) {
      expect(e.from_status).toBe(e.to_status);
    }
  });

  it("a case handled in time is never marked overdue", async () => {
    ctx.clock.set(new Date("2026-11-24T01:00:00Z"));
    const point = await pointIn(ctx, YUHUA);
    const category = await categoryRoutedTo(ctx, "territorial", "community");
    const c = (
      await report(ctx, await ctx.login("yuhua_grid01"), {
        description: "占道堆物",
        ...point,
        categoryCode: category.code,
        source: "grid",
      })
    ).json();
    await actOk(ctx, "bajiazi_center", c.id, "register");
    await actOk(ctx, "bajiazi_center", c.id, "dispatch", { unitCode: `${YUHUA}-station` });
    await actOk(ctx, "yuhua_station", c.id, "accept");
    await actOk(ctx, "yuhua_station", c.id, "feedback", { note: "已清理" });
    ctx.clock.set(new Date(Date.parse(c.deadlines.dueAt) + 86_400_000));
    await sweepDeadlines({ services: ctx.services });
    const row = await ctx.services.db.selectFrom("cases").selectAll().where("id", "=", c.id).executeTakeFirstOrThrow();
    expect(row.overdue_at).toBeNull();
  });

  it("processes more cases than one batch", async () => {
    const { db } = ctx.services;
    const point = await pointIn(ctx, YUHUA);
    const grid = await ctx.login("yuhua_grid01");
    for (let i = 0; i < 10; i++) {
      expect((await report(ctx, grid, { description: `积水点${i}`, ...point, source: "grid" })).statusCode).toBe(201);
    }
    ctx.clock.set(new Date("2028-01-01T00:00:00Z"));
    const before = await sweepDeadlines({ services: ctx.services, batchSize: 7 });
    const open = await db
      .selectFrom("cases")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("status", "in", ["reported", "registered", "dispatched", "accepted", "returned"])
      .where("overdue_at", "is", null)
      .executeTakeFirstOrThrow();
    expect(Number(open.n)).toBe(0);
    expect(before.overdue).toBeGreaterThan(7);
    expect(await sweepDeadlines({ services: ctx.services, batchSize: 7 })).toMatchObject({ warned: 0, overdue: 0 });
  });
});
