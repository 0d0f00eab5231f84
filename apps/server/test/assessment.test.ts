// The assessment (综合评价): live transitions fill its case columns, and rankings of areas, units and
// people equal a recomputation straight from the cases table (not the rollup) and compare with the
// previous period of equal length. Jurisdiction, bad input, the XLSX and the monthly PDF:
// assessment-exports.test.ts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actOk, categoryRoutedTo, pointIn, report, YUHUA } from "./fixtures.ts";
import { createTestContext, type TestContext } from "./harness.ts";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx?.close());

const CITY = "210300000000";
const TIEXI = "210303000000";
const get = async (username: string, url: string) => ctx.api(await ctx.login(username), { method: "GET", url });

/** The seeded year: the template's history ends at the test clock's start (2026-11-24). */
const YEAR = { from: "2025-11-25", to: "2026-11-24" };

type CaseFacts = {
  district_code: string;
  township_code: string;
  owner_unit_code: string | null;
  reported_day: string;
  status: string;
  registered_at: Date | null;
  dispatched_at: Date | null;
  accept_due_at: Date | null;
  accepted_at: Date | null;
  handled_at: Date | null;
  closed_at: Date | null;
  due_at: Date | null;
  overdue_at: Date | null;
  rework_count: number;
  return_count: number;
  rating: string | null;
  solved: boolean | null;
  handling_work_days: number | null;
};

async function casesOf(from: string, to: string): Promise<CaseFacts[]> {
  const { rows } = await ctx.handle.owner.pool.query(
    `select district_code, township_code, owner_unit_code, status, registered_at, dispatched_at, accept_due_at,
       accepted_at, handled_at, closed_at, due_at, overdue_at, rework_count, return_count, rating, solved,
       handling_work_days::float8 as handling_work_days,
       to_char(reported_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD') as reported_day
     from cases where (reported_at at time zone 'Asia/Shanghai')::date between $1 and $2`,
    [from, to],
  );
  return rows;
}

/** The glossary's formulas, written out again over raw case rows. */
function expected(cases: CaseFacts[]) {
  const n = (f: (c: CaseFacts) => boolean) => cases.filter(f).length;
  const rate = (a: number, b: number) => (b > 0 ? a / b : null);
  const isClosed = (c: CaseFacts) => c.status === "closed" || c.status === "evaluated";
  const isOpen = (c: CaseFacts) => !["closed", "evaluated", "rejected", "merged"].includes(c.status);
  const registered = n((c) => c.registered_at !== null);
  const closed = n(isClosed);
  const dispatched = n((c) => c.dispatched_at !== null);
  const returns = cases.reduce((s, c) => s + c.return_count, 0);
  const dispatches = dispatched + returns;
  const handled = n((c) => c.handled_at !== null);
  const evaluated = n((c) => c.rating !== null);
  const open = n(isOpen);
  const overdue = n((c) => isOpen(c) && c.overdue_at !== null);
  const days = cases.filter((c) => c.handling_work_days !== null);
  return {
    reported: cases.length,
    registered,
    closed,
    open,
    overdue,
    closureRate: rate(closed, registered),
    onTimeClosureRate: rate(
      n((c) => isClosed(c) && (c.due_at === null || (c.closed_at as Date) <= c.due_at)),
      n((c) => isClosed(c) || c.overdue_at !== null),
    ),
    onTimeHandlingRate: rate(
      n((c) => c.handled_at !== null && (c.due_at === null || c.handled_at <= c.due_at)),
      n((c) => c.handled_at !== null || c.overdue_at !== null),
    ),
    reworkRate: rate(
      n((c) => c.rework_count > 0),
      handled,
    ),
    accurateDispatchRate: rate(dispatches - returns, dispatches),
    responseRate: rate(
      n((c) => c.accepted_at !== null && (c.accept_due_at === null || c.accepted_at <= c.accept_due_at)),
      dispatched,
    ),
    resolutionRate: rate(
      n((c) => c.rating !== null && c.solved === true),
      evaluated,
    ),
    satisfactionRate: rate(
      n((c) => c.rating === "satisfied" || c.rating === "basically"),
      evaluated,
    ),
    avgHandlingDays: rate(
      days.reduce((s, c) => s + (c.handling_work_days as number), 0),
      days.length,
    ),
    found: cases.length,
    resolved: cases.length - open,
    resolvedRate: rate(cases.length - open, cases.length - open + overdue),
  };
}

function expectFigures(actual: Record<string, number | null>, wanted: Record<string, number | null>, label: string) {
  for (const [key, value] of Object.entries(wanted)) {
    if (value === null) expect(actual[key], `${label} ${key}`).toBeNull();
    else expect(actual[key], `${label} ${key}`).toBeCloseTo(value, 9);
  }
}

describe("live transitions fill the assessment columns", () => {
  let caseId: string;

  it("measures the handling in working days at feedback and asks whether it was solved", async () => {
    const point = await pointIn(ctx, YUHUA);
    const category = await categoryRoutedTo(ctx, "territorial", "community");
    const created = await report(ctx, await ctx.login("yuhua_grid01"), {
      description: "路灯不亮,夜间出行不便",
      ...point,
      categoryCode: category.code,
      source: "grid",
    });
    expect(created.statusCode, created.body).toBe(201);
    caseId = created.json().id;
    await actOk(ctx, "bajiazi_center", caseId, "register");
    await actOk(ctx, "bajiazi_center", caseId, "dispatch", { unitCode: `${YUHUA}-station` });
    await actOk(ctx, "yuhua_station", caseId, "accept");
    // Tuesday 09:00 → Thursday 15:00 of the same working week: 2 days and 6 hours = 2.25 working days
    ctx.clock.advance(54 * 3_600_000);
    await actOk(ctx, "yuhua_station", caseId, "feedback", { note: "已更换灯泡" });
    const row = () =>
      ctx.handle.owner.db
        .selectFrom("cases")
        .select(["handling_work_days", "solved", "dispatched_at", "handled_at"])
        .where("id", "=", caseId)
        .executeTakeFirstOrThrow();
    expect((await row()).handling_work_days).toBe(2.25);
    await actOk(ctx, "yuhua_grid01", caseId, "verify", { pass: true, note: "已亮" });
    // content with the manner, yet the problem is back: the reporter's own answer counts
    await actOk(ctx, "bajiazi_center", caseId, "evaluate", { rating: "basically", solved: false });
    expect((await row()).solved).toBe(false);
  });

  it("defaults 'solved' from the rating when the question was not asked, and forgets it on reopen", async () => {
    const point = await pointIn(ctx, YUHUA);
    const created = await report(ctx, await ctx.login("yuhua_grid01"), {
      description: "楼道堆物",
      ...point,
      source: "grid",
    });
    const id = created.json().id;
    await actOk(ctx, "bajiazi_center", id, "register");
    await actOk(ctx, "bajiazi_center", id, "dispatch", { unitCode: `${YUHUA}-station` });
    await actOk(ctx, "yuhua_station", id, "accept");
    await actOk(ctx, "yuhua_station", id, "feedback", { note: "已清理" });
    await actOk(ctx, "yuhua_grid01", id, "verify", { pass: true, note: "已清理" });
    await actOk(ctx, "bajiazi_center", id, "evaluate", { rating: "unsatisfied" });
    const solved = async () =>
      (await ctx.handle.owner.db.selectFrom("cases").select("solved").where("id", "=", id).executeTakeFirstOrThrow())
        .solved;
    expect(await solved()).toBe(false);
    await actOk(ctx, "bajiazi_center", id, "reopen", { reason: "仍有堆物" });
    expect(await solved()).toBeNull();
  });

  it("lists the handler who wrote the feedback", async () => {
    const res = await get("bajiazi_center", `/api/v1/assessment/people?kind=handler&from=2026-11-01&to=2026-11-30`);
    expect(res.statusCode, res.body).toBe(200);
    const station = res.json().items.find((r: { name: string }) => r.name === "裕华社区工作站 刘芳");
    expect(station).toBeDefined();
    expect(station.figures.feedbacks).toBe(2);
    expect(station.figures.cases).toBe(2);
    // both feedbacks came well before their deadlines; 2.25 and 0 working days after the dispatch
    expect(station.figures.onTimeHandlingRate).toBe(1);
    expect(station.figures.avgHandlingDays).toBeCloseTo(1.125, 9);
    // of the two cases: one rated basically (satisfied side) but unsolved; the other reopened (no rating)
    expect(station.figures.evaluated).toBe(1);
    expect(station.figures.satisfactionRate).toBe(1);
    expect(station.figures.resolutionRate).toBe(0);
  });
});

describe("area rankings", () => {
  it("equal a recomputation from the cases for every district of the city", async () => {
    const res = await get(
      "city_dispatcher",
      `/api/v1/assessment/areas?level=district&from=${YEAR.from}&to=${YEAR.to}&pageSize=100`,
    );
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.period).toEqual(YEAR);
    expect(body.parent.code).toBe(CITY);
    const cases = await casesOf(YEAR.from, YEAR.to);
    expect(cases.length).toBeGreaterThan(300);
    expect(body.total).toBe(body.items.length);
    for (const row of body.items) {
      expectFigures(row.figures, expected(cases.filter((c) => c.district_code === row.code)), row.name);
    }
    expectFigures(body.summary.figures, expected(cases), "city");
    // every district of the city is listed, ranked by closure rate (default), best first
    const ranked = body.items.filter((r: { rank: number | null }) => r.rank !== null);
    const rates = ranked.map((r: { figures: { closureRate: number } }) => r.figures.closureRate);
    expect(rates).toEqual([...rates].sort((a: number, b: number) => b - a));
    expect(ranked[0].rank).toBe(1);
  });

  it("sorts by any figure, pages with the ranks of the whole table, and drills into a district", async () => {
    const all = (
      await get(
        "city_dispatcher",
        `/api/v1/assessment/areas?from=${YEAR.from}&to=${YEAR.to}&sort=reported&pageSize=100`,
      )
    ).json();
    const page2 = (
      await get(
        "city_dispatcher",
        `/api/v1/assessment/areas?from=${YEAR.from}&to=${YEAR.to}&sort=reported&page=2&pageSize=2`,
      )
    ).json();
    expect(page2.items.map((r: { code: string }) => r.code)).toEqual(
      all.items.slice(2, 4).map((r: { code: string }) => r.code),
    );
    expect(page2.items[0].rank).toBe(all.items[2].rank);
    const tiexi = (
      await get("city_dispatcher", `/api/v1/assessment/areas?parent=${TIEXI}&from=${YEAR.from}&to=${YEAR.to}`)
    ).json();
    expect(tiexi.level).toBe("township");
    const cases = await casesOf(YEAR.from, YEAR.to);
    for (const row of tiexi.items) {
      expect(row.code.startsWith("210303")).toBe(true);
      expectFigures(row.figures, expected(cases.filter((c) => c.township_code === row.code)), row.name);
    }
    const grids = (
      await get("bajiazi_center", `/api/v1/assessment/areas?level=grid&from=${YEAR.from}&to=${YEAR.to}&pageSize=100`)
    ).json();
    expect(grids.items.length).toBeGreaterThan(0);
    for (const row of grids.items) expect(row.code).toMatch(/^210303003\d{5}$/);
    const reported = grids.items.reduce((s: number, r: { figures: { reported: number } }) => s + r.figures.reported, 0);
    expect(reported).toBe(grids.summary.figures.reported);
  });

  it("compares with the previous period of equal length", async () => {
    // October 2026 (31 days) against 2026-08-31 … 2026-09-30
    const res = await get("tiexi_center", "/api/v1/assessment/areas?from=2026-10-01&to=2026-10-31&pageSize=100");
    const body = res.json();
    expect(body.previous).toEqual({ from: "2026-08-31", to: "2026-09-30" });
    const [now, before] = [await casesOf("2026-10-01", "2026-10-31"), await casesOf("2026-08-31", "2026-09-30")];
    for (const row of body.items) {
      const cur = expected(now.filter((c) => c.township_code === row.code));
      const prev = expected(before.filter((c) => c.township_code === row.code));
      if (prev.reported > 0)
        expect(row.change.reported).toBeCloseTo(((cur.reported - prev.reported) / prev.reported) * 100, 9);
      else expect(row.change.reported).toBeNull();
      if (cur.closureRate !== null && prev.closureRate !== null) {
        expect(row.change.closureRate).toBeCloseTo((cur.closureRate - prev.closureRate) * 100, 9);
      } else expect(row.change.closureRate).toBeNull();
    }
  });
});

describe("unit and people rankings", () => {
  it("rank the units seated in the area by the cases they own", async () => {
    const res = await get("tiexi_center", `/api/v1/assessment/units?from=${YEAR.from}&to=${YEAR.to}&pageSize=100`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    const cases = await casesOf(YEAR.from, YEAR.to);
    expect(body.total).toBeGreaterThan(0);
    for (const row of body.items) {
      const unit = ctx.services.places.unit(row.code);
      expect(unit?.divisionCode.startsWith("210303"), row.code).toBe(true);
      expectFigures(row.figures, expected(cases.filter((c) => c.owner_unit_code === row.code)), row.name);
    }
    // city departments are seated outside the district: their figures are city-wide, not shown here
    expect(body.items.some((r: { code: string }) => r.code.startsWith(CITY))).toBe(false);
  });

  it("count a grid worker's patrols, reports on patrol and grid coverage", async () => {
    const worker = await ctx.login("yuhua_grid01");
    const point = await pointIn(ctx, YUHUA);
    // the patrol starts after this file's earlier reports
    ctx.clock.advance(600_000);
    const started = ctx.clock.now();
    const iso = (ms: number) => new Date(started.getTime() + ms).toISOString();
    const start = await ctx.api(worker, {
      method: "POST",
      url: "/api/v1/mobile/patrols",
      payload: { startedAt: iso(0) },
      headers: { "idempotency-key": "assessment-patrol-1" },
    });
    expect(start.statusCode, start.body).toBe(201);
    const patrolId = start.json().id;
    ctx.clock.advance(120_000);
    const points = await ctx.api(worker, {
      method: "POST",
      url: `/api/v1/mobile/patrols/${patrolId}/points`,
      payload: { points: [{ at: iso(60_000), lat: point.lat, lng: point.lng }] },
    });
    expect(points.statusCode, points.body).toBe(200);
    const during = await report(ctx, worker, { description: "井盖缺失", ...point, source: "grid" });
    expect(during.statusCode).toBe(201);
    ctx.clock.advance(60_000);
    await ctx.api(worker, { method: "POST", url: `/api/v1/mobile/patrols/${patrolId}/stop`, payload: {} });
    const res = await get("yuhua_station", "/api/v1/assessment/people?kind=grid_worker&from=2026-11-01&to=2026-11-30");
    expect(res.statusCode, res.body).toBe(200);
    const row = res.json().items.find((r: { name: string }) => r.name === "裕华社区网格员 陈静");
    expect(row.figures.patrols).toBe(1);
    expect(row.figures.reportsDuringPatrols).toBe(1);
    expect(row.figures.reportsPerPatrol).toBe(1);
    // assigned 裕华社区第01网格 only, and the point lies in it
    expect(row.figures.patrolCoverage).toBe(1);
    // three reports this month: two earlier in this file, one on patrol
    expect(row.figures.reported).toBe(3);
  });
});
