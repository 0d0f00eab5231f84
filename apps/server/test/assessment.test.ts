// The assessment (综合评价): rankings of areas, units and people equal a recomputation straight
// from the cases table (not the rollup), compare with the previous period of equal length, stay
// inside the viewer's area, refuse bad periods, export as XLSX and print as a monthly PDF.
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actOk, categoryRoutedTo, pointIn, report, YUHUA } from "./fixtures.ts";
import { createTestContext, type TestContext } from "./harness.ts";
import { pdfPages, pdfText } from "./pdf-text.ts";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx?.close());

const CITY = "210300000000";
const TIEXI = "210303000000";
const TIEDONG = "210302000000";
const BAJIAZI = "210303003000";
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

describe("jurisdiction and input", () => {
  it("answers 404 for a division outside the viewer's area and 403 without the permission", async () => {
    const outside = await get("tiexi_center", `/api/v1/assessment/areas?parent=${TIEDONG}`);
    expect(outside.statusCode).toBe(404);
    expect(outside.json().error.code).toBe("DIVISION_NOT_FOUND");
    const pdf = await get("bajiazi_center", `/api/v1/assessment/report.pdf?month=2026-10&division=${TIEXI}`);
    expect(pdf.statusCode).toBe(404);
    expect((await get("tiexi_urban", "/api/v1/assessment/areas")).statusCode).toBe(403);
    expect((await get("hotline_agent", "/api/v1/assessment/units")).statusCode).toBe(403);
    expect((await get("sysadmin", "/api/v1/assessment/people?kind=handler")).statusCode).toBe(403);
    // a township centre sees only its own townships' people
    const people = (await get("bajiazi_center", `/api/v1/assessment/people?kind=grid_worker`)).json();
    expect(people.items.every((r: { context: string }) => r.context !== "长大社区工作站")).toBe(true);
  });

  it("refuses bad periods and levels with 400", async () => {
    for (const query of [
      "from=2026-10-31&to=2026-10-01",
      "from=2025-01-01&to=2026-01-02",
      "from=2026-02-30&to=2026-03-01",
      "from=2026-1-1",
    ]) {
      const res = await get("tiexi_center", `/api/v1/assessment/areas?${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(["PERIOD_INVALID", "VALIDATION_FAILED"]).toContain(res.json().error.code);
    }
    expect(
      (await get("tiexi_center", "/api/v1/assessment/areas?from=2026-10-31&to=2026-10-01")).json().error.code,
    ).toBe("PERIOD_INVALID");
    expect((await get("tiexi_center", "/api/v1/assessment/areas?level=district")).statusCode).toBe(400);
    expect((await get("tiexi_center", "/api/v1/assessment/areas?sort=nonsense")).statusCode).toBe(400);
    expect((await get("tiexi_center", "/api/v1/assessment/report.pdf?month=2026-13")).statusCode).toBe(400);
    // 366 days is allowed (a leap year)
    expect((await get("tiexi_center", "/api/v1/assessment/areas?from=2023-11-25&to=2024-11-24")).statusCode).toBe(200);
  });
});

describe("exports", () => {
  it("the XLSX holds the same ranking as the JSON", async () => {
    const query = `from=${YEAR.from}&to=${YEAR.to}&parent=${BAJIAZI}&sort=reported`;
    const json = (await get("tiexi_center", `/api/v1/assessment/areas?${query}&pageSize=100`)).json();
    const res = await get("tiexi_center", `/api/v1/assessment/areas/export?${query}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("spreadsheetml");
    expect(res.headers["content-disposition"]).toContain(`assessment-areas-${YEAR.from}-${YEAR.to}.xlsx`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    if (!sheet) throw new Error("no sheet");
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(headers.slice(0, 5)).toEqual(["排名", "名称", "类型", "所属", "上报数"]);
    const col = (name: string) => headers.indexOf(name) + 1;
    expect(sheet.rowCount - 1).toBe(json.items.length);
    json.items.forEach(
      (
        item: {
          rank: number | null;
          name: string;
          figures: Record<string, number | null>;
          change: Record<string, number | null>;
        },
        i: number,
      ) => {
        const row = sheet.getRow(i + 2);
        expect(row.getCell(col("排名")).value).toBe(item.rank);
        expect(row.getCell(col("名称")).value).toBe(item.name);
        expect(row.getCell(col("上报数")).value).toBe(item.figures.reported);
        expect(row.getCell(col("结案率")).value).toBe(item.figures.closureRate);
        expect(row.getCell(col("满意率")).value).toBe(item.figures.satisfactionRate);
        expect(row.getCell(col("上报数环比(%)")).value).toBe(item.change.reported);
        expect(row.getCell(col("结案率环比(百分点)")).value).toBe(item.change.closureRate);
      },
    );
    const about = book.getWorksheet("说明");
    expect(about?.getRow(1).getCell(2).value).toBe(`${YEAR.from} 至 ${YEAR.to}`);
    const audit = await ctx.handle.owner.db
      .selectFrom("audit_log")
      .select("detail")
      .where("action", "=", "assessment.export")
      .executeTakeFirst();
    expect(audit).toBeDefined();
    for (const url of ["units/export", "people/export?kind=grid_worker", "people/export?kind=handler"]) {
      const file = await get("tiexi_center", `/api/v1/assessment/${url}`);
      expect(file.statusCode, url).toBe(200);
    }
  });

  it("the monthly report is a PDF with the division's figures, charts and rankings in Chinese", async () => {
    const res = await get("tiexi_center", "/api/v1/assessment/report.pdf?month=2026-10");
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.headers["content-type"]).toBe("application/pdf");
    const pdf = res.rawPayload;
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(pdfPages(pdf)).toBeGreaterThanOrEqual(2);
    const text = pdfText(pdf);
    expect(text).toContain("铁西区综合评价月报");
    expect(text).toContain("2026年10月");
    for (const heading of ["一、总体情况", "二、趋势与构成", "三、共性问题", "四、", "五、部门单位", "附:指标说明"]) {
      expect(text).toContain(heading);
    }
    // chart titles come from the SVG charts drawn on the server
    expect(text).toContain("每日上报与结案");
    expect(text).toContain("问题来源渠道");
    // the month's figures, as the API computes them
    const summary = (await get("tiexi_center", "/api/v1/assessment/areas?from=2026-10-01&to=2026-10-31")).json().summary
      .figures;
    expect(text).toContain(`共受理上报问题 ${summary.reported} 件`);
    expect(text).toContain("八家子街道");
  });
});
