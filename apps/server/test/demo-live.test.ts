// The demo's live activity (jobs/demo-live.ts), one tick at a time on the test clock: a third of the
// per-grid workers on patrol inside their grids, a report through create-case, valid case steps.
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../src/config.ts";
import { demoLiveEnabled, demoLiveTick, newDemoLiveState } from "../src/jobs/demo-live.ts";
import { SHIFT_MS } from "../src/jobs/demo-live-patrols.ts";
import { Rng } from "../src/seed/history/random.ts";
import { createTestContext, type TestContext } from "./harness.ts";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

const NEXT: Record<string, string> = {
  register: "registered",
  dispatch: "dispatched",
  accept: "accepted",
  feedback: "handled",
  verify: "closed",
  evaluate: "evaluated",
};

describe("demo live activity", () => {
  it("runs only in demo mode, outside tests, unless DEMO_LIVE=off", () => {
    expect(demoLiveEnabled(loadConfig({ NODE_ENV: "production" }))).toBe(true);
    expect(demoLiveEnabled(loadConfig({ NODE_ENV: "production", DEMO_LIVE: "off" }))).toBe(false);
    expect(demoLiveEnabled(loadConfig({ NODE_ENV: "test" }))).toBe(false);
    expect(demoLiveEnabled(loadConfig({ NODE_ENV: "production", CIVICGRID_DEMO: "false" }))).toBe(false);
    expect(() => loadConfig({ DEMO_LIVE: "sometimes" })).toThrow(/DEMO_LIVE/);
  });

  it("puts a third of the workers on patrol in their grids, reports a case and moves cases on", async () => {
    const db = ctx.handle.owner.db;
    const state = newDemoLiveState();
    const rng = new Rng(42);
    const now = ctx.clock.now();
    const r = await demoLiveTick(ctx.services, state, rng);
    const workers = state.workers?.length ?? 0;
    expect(workers).toBeGreaterThan(4000);
    expect(r.onPatrol / workers).toBeGreaterThan(0.28);
    expect(r.onPatrol / workers).toBeLessThan(0.39);
    // every new patrol shows at once, at a point inside the worker's own grid
    expect(r.moved).toBe(r.onPatrol);
    const points = await sql<{ username: string; lat: number; lng: number; at: Date; point_count: number }>`
      select u.username, pp.lat, pp.lng, pp.at, p.point_count from patrols p join users u on u.id = p.user_id
        join patrol_points pp on pp.patrol_id = p.id where p.ended_at is null and p.idempotency_key like 'demo-live-%'`.execute(
      db,
    );
    expect(points.rows.length).toBe(r.onPatrol);
    for (const p of points.rows) {
      expect(ctx.services.places.locate(p.lat, p.lng)?.grid).toBe(p.username.slice(2));
      expect(p.at.getTime()).toBe(now.getTime());
      expect(p.point_count).toBe(1);
    }
    // the screen counts them as patrolling now
    const token = await ctx.login("city_dispatcher");
    const summary = await ctx.api(token, { method: "GET", url: "/api/v1/screen/summary" });
    expect(summary.statusCode).toBe(200);
    expect(summary.json().kpis.patrollingNow).toBe(r.onPatrol);

    // the report: through create-case, by the worker, where they stand
    expect(r.reported).not.toBeNull();
    const c = await db
      .selectFrom("cases as c")
      .innerJoin("users as u", "u.id", "c.reported_by")
      .select(["c.source", "c.status", "c.lat", "c.lng", "c.grid_code", "c.category_code", "u.username"])
      .where("c.id", "=", r.reported?.caseId as string)
      .executeTakeFirstOrThrow();
    expect(c).toMatchObject({ source: "grid", status: "reported", username: r.reported?.by });
    expect(c.category_code).toBeTruthy();
    expect(`gw${c.grid_code}`).toBe(c.username);
    expect(ctx.services.places.locate(c.lat, c.lng)?.grid).toBe(c.grid_code);

    // the steps: one forward transition each, recorded as an event by a real user
    expect(r.advanced.length).toBeGreaterThanOrEqual(1);
    for (const a of r.advanced) {
      expect(a.to).toBe(NEXT[a.action]);
      const ev = await db
        .selectFrom("case_events")
        .select(["action", "from_status", "to_status", "actor_user_id"])
        .where("case_id", "=", a.caseId)
        .orderBy("seq", "desc")
        .limit(1)
        .executeTakeFirstOrThrow();
      expect(ev).toMatchObject({ action: a.action, from_status: a.from, to_status: a.to });
      expect(ev.actor_user_id).toBeTruthy();
    }
  });

  it("moves walkers on later ticks and ends the shift's patrols when the next shift starts", async () => {
    const db = ctx.handle.owner.db;
    const state = newDemoLiveState();
    const rng = new Rng(7);
    const first = await demoLiveTick(ctx.services, state, rng);
    ctx.clock.advance(20_000);
    const second = await demoLiveTick(ctx.services, state, rng);
    expect(second.onPatrol).toBe(first.onPatrol);
    expect(second.moved).toBeGreaterThan(0);
    expect(second.moved).toBeLessThan(first.onPatrol / 4);
    expect(second.reported).toBeNull(); // the next report is 30–60 s away
    const moved = await sql<{ username: string; lat: number; lng: number; point_count: number; n: number }>`
      select u.username, pp.lat, pp.lng, p.point_count, (select count(*)::int from patrol_points x where x.patrol_id = p.id) as n
        from patrols p join users u on u.id = p.user_id join patrol_points pp on pp.patrol_id = p.id
       where p.ended_at is null and pp.at = ${ctx.clock.now()}::timestamptz`.execute(db);
    expect(moved.rows.length).toBe(second.moved);
    for (const p of moved.rows) {
      expect(ctx.services.places.locate(p.lat, p.lng)?.grid).toBe(p.username.slice(2));
      expect(p.point_count).toBe(p.n);
    }
    ctx.clock.advance(SHIFT_MS);
    const next = await demoLiveTick(ctx.services, state, rng);
    expect(next.closed).toBe(first.onPatrol);
    const open = await sql<{ n: number }>`
      select count(*)::int as n from patrols where ended_at is null and idempotency_key like 'demo-live-%'`.execute(db);
    expect(open.rows[0]?.n).toBe(next.onPatrol);
    // ticks are safe to repeat: a second tick at the same instant adds nothing
    const again = await demoLiveTick(ctx.services, state, rng);
    expect(again.onPatrol).toBe(next.onPatrol);
    expect(again.closed).toBe(0);
  });
});
