// The big screen's API: every figure equals an independent recomputation from `cases` (SQL) for the
// city, a district, a township, a community and a grid; permissions, jurisdiction, drill-down and
// bad parameters.
import { computeIndicators, emptyCounts } from "@civicgrid/domain";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actOk, categoryRoutedTo, pointIn, report, YUHUA } from "./fixtures.ts";
import { createTestContext, type TestContext } from "./harness.ts";
import { COUNTERS, indicatorCountsOf } from "./rollup-check.ts";

let ctx: TestContext;
const TIEXI = "210303000000";
const TIEDONG = "210302000000";
const BAJIAZI = "210303003000";
const YUHUA_GRID = "21030300300301";

const childLevelOf = { city: "district", district: "township", township: "community", community: "grid", grid: null };
const OPEN = `status not in ('closed', 'evaluated', 'rejected', 'merged')`;
const CLOSED = `status in ('closed', 'evaluated')`;

/** [level, code, the column of `cases` that keys it] for the scopes under test */
const SCOPES = [
  ["city", "210300000000", "city_code"],
  ["district", TIEXI, "district_code"],
  ["township", BAJIAZI, "township_code"],
  ["community", YUHUA, "community_code"],
  ["grid", YUHUA_GRID, "grid_code"],
] as const;

async function get(username: string, url: string) {
  return ctx.api(await ctx.login(username), { method: "GET", url });
}

async function getOk(username: string, url: string) {
  const res = await get(username, url);
  expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
  return res.json();
}

async function one<T>(query: string): Promise<T> {
  const r = await sql.raw<T>(query).execute(ctx.services.db);
  return r.rows[0] as T;
}

const DAY = (col: string) => `(${col} at time zone 'Asia/Shanghai')::date`;

beforeAll(async () => {
  ctx = await createTestContext();
  // "today" in SQL must be the test clock's day: pin now() through the clock's date
  const today = new Date(ctx.clock.now().getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
  expect(today).toBe("2026-11-24");
  // live activity on the test day in 裕华: reports, one closed, one overdue
  const grid = await ctx.login("yuhua_grid01");
  const point = await pointIn(ctx, YUHUA);
  const category = await categoryRoutedTo(ctx, "territorial", "community");
  const ids: string[] = [];
  for (const description of ["井盖缺失", "路灯不亮", "垃圾堆放"]) {
    const res = await report(ctx, grid, { description, ...point, categoryCode: category.code, source: "grid" });
    expect(res.statusCode, res.body).toBe(201);
    ids.push(res.json().id);
  }
  const [a, b] = ids as [string, string];
  await actOk(ctx, "bajiazi_center", a, "register");
  await actOk(ctx, "bajiazi_center", a, "dispatch", { unitCode: `${YUHUA}-station` });
  await actOk(ctx, "yuhua_station", a, "accept");
  await actOk(ctx, "yuhua_station", a, "feedback", { note: "已处置" });
  await actOk(ctx, "yuhua_grid01", a, "verify", { pass: true, note: "" });
  await actOk(ctx, "yuhua_grid01", a, "evaluate", { rating: "satisfied" });
  await actOk(ctx, "bajiazi_center", b, "register");
  await actOk(ctx, "bajiazi_center", b, "dispatch", { unitCode: `${YUHUA}-station` });
  // an overdue one (the sweep's mark), through the trigger like any update
  await sql`update cases set overdue_at = ${ctx.clock.now()}, due_at = ${ctx.clock.now()} where id = ${b}`.execute(
    ctx.services.db,
  );
});
afterAll(async () => ctx?.close());

/** `now()` of PostgreSQL is the real time; the screen runs on the test clock: compare on its day. */
function clockToday() {
  return `'${new Date(ctx.clock.now().getTime() + 8 * 3_600_000).toISOString().slice(0, 10)}'::date`;
}

describe("GET /screen/summary", () => {
  it.each(SCOPES)("equals the recomputation from cases for the %s", async (level, code, col) => {
    const today = clockToday();
    const body = await getOk("leader", `/api/v1/screen/summary?division=${code}`);
    expect(body.scope).toMatchObject({ level, code });
    const want = await one<Record<string, number>>(`
      select
        count(*) filter (where ${DAY("reported_at")} = ${today})::int as "reportedToday",
        count(*) filter (where ${OPEN})::int as open,
        count(*) filter (where ${OPEN} and overdue_at is not null)::int as overdue,
        count(*) filter (where ${CLOSED} and ${DAY("closed_at")} = ${today})::int as "closedToday"
      from cases where ${col} = '${code}'`);
    // the rates: the indicator module's formulas over counts recomputed from cases
    const ind = computeIndicators(
      indicatorCountsOf(
        await one(`select ${COUNTERS} from cases where ${col} = '${code}' and ${DAY("reported_at")} > ${today} - 365`),
      ),
    );
    expect(body.kpis).toEqual({
      reportedToday: want.reportedToday,
      open: want.open,
      overdue: want.overdue,
      closedToday: want.closedToday,
      found: ind.found,
      resolved: ind.resolved,
      resolvedRate: ind.resolvedRate,
      onTimeClosureRate: ind.onTimeClosureRate,
      satisfactionRate: ind.satisfactionRate,
      patrollingNow: 0,
    });
    if (code === YUHUA_GRID) {
      expect(body.kpis.reportedToday).toBeGreaterThanOrEqual(3);
      expect(body.kpis.closedToday).toBeGreaterThanOrEqual(1);
      expect(body.kpis.overdue).toBeGreaterThanOrEqual(1);
    }
    expect(body.asOf).toBe(ctx.clock.now().toISOString());
  });

  it("defaults to the viewer's own division, with the breadcrumb from there and the children below", async () => {
    const city = await getOk("leader", "/api/v1/screen/summary");
    expect(city.scope.level).toBe("city");
    expect(city.scope.breadcrumb).toEqual([{ level: "city", code: "210300000000", name: city.scope.name }]);
    const districts = await sql<{ code: string; name: string }>`
      select code, name from divisions where level = 'district' order by code`.execute(ctx.services.db);
    expect(city.scope.children).toEqual(districts.rows.map((d) => ({ level: "district", ...d })));

    const own = await getOk("bajiazi_center", "/api/v1/screen/summary");
    expect(own.scope).toMatchObject({ level: "township", code: BAJIAZI });
    expect(own.scope.breadcrumb.map((b: { code: string }) => b.code)).toEqual([BAJIAZI]);
    const communities = await sql<{ code: string }>`
      select code from divisions where parent_code = ${BAJIAZI} order by code`.execute(ctx.services.db);
    expect(own.scope.children.map((c: { code: string }) => c.code)).toEqual(communities.rows.map((c) => c.code));

    // drill down from the district to a grid: breadcrumb from the viewer's division
    const grid = await getOk("tiexi_center", `/api/v1/screen/summary?division=${YUHUA_GRID}`);
    expect(grid.scope.breadcrumb.map((b: { level: string; code: string }) => [b.level, b.code])).toEqual([
      ["district", TIEXI],
      ["township", BAJIAZI],
      ["community", YUHUA],
      ["grid", YUHUA_GRID],
    ]);
    expect(grid.scope.children).toEqual([]);
    const community = await getOk("yuhua_station", "/api/v1/screen/summary");
    const grids = await sql<{ code: string; name: string }>`
      select code, name from grids where community_code = ${YUHUA} order by code`.execute(ctx.services.db);
    expect(community.scope.children).toEqual(grids.rows.map((g) => ({ level: "grid", ...g })));
  });

  it("403 for departments, the hotline and admins; 404 outside the jurisdiction or unknown; 400 for bad codes", async () => {
    for (const user of ["dept_water", "hotline_agent", "tiexi_urban", "yuhua_grid01", "sysadmin"]) {
      const res = await get(user, "/api/v1/screen/summary");
      expect(res.statusCode, user).toBe(403);
      expect(res.json().error.code).toBe("FORBIDDEN");
    }
    for (const [user, code] of [
      ["tiexi_center", TIEDONG],
      ["tiexi_center", "210300000000"],
      ["bajiazi_center", TIEXI],
      ["yuhua_station", "21030200200101"],
      ["leader", "999999999999"],
      ["leader", "21030300300399"],
    ] as const) {
      for (const path of ["summary", "charts", "points", "heat", "workers", "stream"]) {
        const res = await get(user, `/api/v1/screen/${path}?division=${code}`);
        expect(res.statusCode, `${user} ${path} ${code}`).toBe(404);
        expect(res.json().error.code).toBe("DIVISION_NOT_FOUND");
      }
    }
    for (const url of [
      "/api/v1/screen/summary?division=abc",
      "/api/v1/screen/summary?division=2103030000001",
      "/api/v1/screen/charts?days=6",
      "/api/v1/screen/charts?days=91",
      "/api/v1/screen/heat?days=x",
      "/api/v1/screen/points?limit=10001",
      "/api/v1/screen/points?limit=0",
    ]) {
      const res = await get("leader", url);
      expect(res.statusCode, url).toBe(400);
      expect(res.json().error.code).toBe("VALIDATION_FAILED");
    }
    const anonymous = await ctx.api(null, { method: "GET", url: "/api/v1/screen/summary" });
    expect(anonymous.statusCode).toBe(401);
  });
});

describe("GET /screen/charts", () => {
  it.each(SCOPES)("equals the recomputation from cases for the %s", async (level, code, col) => {
    const today = clockToday();
    const body = await getOk("leader", `/api/v1/screen/charts?division=${code}&days=14`);
    expect(body.scope.level).toBe(level);
    expect(body.daily).toHaveLength(14);
    const daily = await sql
      .raw<{ day: string; reported: number; closed: number }>(`
      select d::date::text as day,
        (select count(*)::int from cases where ${col} = '${code}' and ${DAY("reported_at")} = d::date) as reported,
        (select count(*)::int from cases where ${col} = '${code}' and ${CLOSED} and ${DAY("closed_at")} = d::date) as closed
      from generate_series(${today} - 13, ${today}, '1 day') d order by d`)
      .execute(ctx.services.db);
    expect(body.daily).toEqual(daily.rows);
    const last7 = daily.rows.slice(7).reduce((n, d) => n + d.reported, 0);
    const prev7 = daily.rows.slice(0, 7).reduce((n, d) => n + d.reported, 0);
    expect(body.trend.last7).toBe(last7);
    expect(body.trend.previous7).toBe(prev7);
    expect(body.trend.changePct).toBe(prev7 > 0 ? Math.round(((last7 - prev7) / prev7) * 1000) / 10 : null);

    const classes = await sql
      .raw<{ code: string; name: string; count: number }>(`
      with recursive up(code, class) as (
        select code, code from categories where parent_code is null
        union all select c.code, up.class from categories c join up on c.parent_code = up.code)
      select coalesce(up.class, '') as code, coalesce(k.name, '未分类') as name, count(*)::int as count
      from cases c left join up on up.code = c.category_code left join categories k on k.code = up.class
      where c.${col} = '${code}' and ${DAY("c.reported_at")} > ${today} - 14
      group by 1, 2 order by 3 desc, 1 limit 10`)
      .execute(ctx.services.db);
    expect(body.categories).toEqual(classes.rows);
    const sources = await sql
      .raw<{ source: string; count: number }>(`
      select source, count(*)::int as count from cases
      where ${col} = '${code}' and ${DAY("reported_at")} > ${today} - 14 group by 1 order by 2 desc, 1`)
      .execute(ctx.services.db);
    expect(body.sources).toEqual(sources.rows);

    const overdue = await sql
      .raw<{ unitCode: string; count: number }>(`
      select owner_unit_code as "unitCode", count(*)::int as count from cases
      where ${col} = '${code}' and ${OPEN} and overdue_at is not null and owner_unit_code is not null
      group by 1 order by 2 desc, 1 limit 10`)
      .execute(ctx.services.db);
    expect(
      body.overdueByUnit.map(({ unitCode, count }: { unitCode: string; count: number }) => ({ unitCode, count })),
    ).toEqual(overdue.rows);
    for (const u of body.overdueByUnit) expect(u.unitName).not.toBe(u.unitCode);

    // the ranking: one row per child, over the 365-day cohort
    expect(body.ranking.map((r: { code: string }) => r.code).sort()).toEqual(
      body.scope.children.map((c: { code: string }) => c.code).sort(),
    );
    const childCol = {
      city: "district_code",
      district: "township_code",
      township: "community_code",
      community: "grid_code",
      grid: null,
    }[level];
    if (!childCol) {
      expect(body.ranking).toEqual([]);
      return;
    }
    const cohort = await sql
      .raw<Record<string, unknown>>(`
      select ${childCol}::text as code, ${COUNTERS} from cases
      where ${col} = '${code}' and ${DAY("reported_at")} > ${today} - 365 group by 1`)
      .execute(ctx.services.db);
    const overdueNow = await sql
      .raw<{ code: string; n: number }>(`
      select ${childCol}::text as code, count(*)::int as n from cases
      where ${col} = '${code}' and ${OPEN} and overdue_at is not null group by 1`)
      .execute(ctx.services.db);
    const byCode = new Map(cohort.rows.map((r) => [r.code, computeIndicators(indicatorCountsOf(r))]));
    const overdueBy = new Map(overdueNow.rows.map((r) => [r.code, r.n]));
    for (const row of body.ranking) {
      const w = byCode.get(row.code) ?? computeIndicators(emptyCounts());
      expect(row, row.code).toEqual({
        level: childLevelOf[level],
        code: row.code,
        name: row.name,
        reported: w.reported,
        closed: w.closed,
        overdue: overdueBy.get(row.code) ?? 0,
        resolvedRate: w.resolvedRate,
        onTimeClosureRate: w.onTimeClosureRate,
        satisfactionRate: w.satisfactionRate,
      });
    }
    const rates = body.ranking.map((r: { resolvedRate: number | null }) => r.resolvedRate ?? -1);
    expect(rates).toEqual([...rates].sort((a: number, b: number) => b - a));
  });
});

describe("GET /screen/points and /screen/heat", () => {
  it.each(SCOPES)("points: the open cases and the last 24 h's closures of the %s", async (_level, code, col) => {
    const since = new Date(ctx.clock.now().getTime() - 24 * 3_600_000).toISOString();
    const body = await getOk("leader", `/api/v1/screen/points?division=${code}&limit=10000`);
    const want = await sql
      .raw<{ id: string }>(`
      select id from cases where ${col} = '${code}'
        and (${OPEN} or (${CLOSED} and closed_at > '${since}'))`)
      .execute(ctx.services.db);
    expect(body.total).toBe(want.rows.length);
    expect(body.truncated).toBe(false);
    expect(body.items.map((p: { id: string }) => p.id).sort()).toEqual(want.rows.map((r) => r.id).sort());
    const open = body.items.filter((p: { status: string }) => !["closed", "evaluated"].includes(p.status));
    // open first, newest report first
    expect(body.items.slice(0, open.length)).toEqual(open);
    if (body.items.length > 1)
      expect(Object.keys(body.items[0]).sort()).toEqual([
        "categoryName",
        "code",
        "id",
        "lat",
        "lng",
        "overdue",
        "reportedAt",
        "status",
      ]);
  });

  it("points: capped by limit, flagged truncated", async () => {
    const body = await getOk("leader", "/api/v1/screen/points?limit=5");
    expect(body.items).toHaveLength(5);
    expect(body.truncated).toBe(true);
    expect(body.total).toBeGreaterThan(5);
  });

  it("points: a report committed after the first read is in the next one (the live set follows changes)", async () => {
    const before = await getOk("leader", `/api/v1/screen/points?division=${YUHUA}&limit=10000`);
    const grid = await ctx.login("yuhua_grid01");
    const point = await pointIn(ctx, YUHUA);
    const category = await categoryRoutedTo(ctx, "territorial", "community");
    const res = await report(ctx, grid, {
      description: "消防通道堵塞",
      ...point,
      categoryCode: category.code,
      source: "grid",
    });
    expect(res.statusCode, res.body).toBe(201);
    const after = await getOk("leader", `/api/v1/screen/points?division=${YUHUA}&limit=10000`);
    expect(after.total).toBe(before.total + 1);
    expect(after.items.find((p: { id: string }) => p.id === res.json().id)).toMatchObject({
      status: res.json().status,
    });
  });

  it.each(SCOPES)("heat: reports per grid of the %s at the grid's centre", async (_level, code, col) => {
    const today = clockToday();
    const body = await getOk("leader", `/api/v1/screen/heat?division=${code}&days=30`);
    const want = await sql
      .raw<{ grid: string; n: number }>(`
      select grid_code::text as grid, count(*)::int as n from cases
      where ${col} = '${code}' and ${DAY("reported_at")} > ${today} - 30 group by 1`)
      .execute(ctx.services.db);
    const got = Object.fromEntries(body.cells.map((c: { gridCode: string; weight: number }) => [c.gridCode, c.weight]));
    expect(got).toEqual(Object.fromEntries(want.rows.map((r) => [r.grid, r.n])));
    for (const c of body.cells) {
      expect(ctx.services.places.locate(c.lat, c.lng)).not.toBeNull();
    }
  });
});

describe("GET /screen/workers", () => {
  it("lists grid workers on patrol now with a masked name, within the scope, for 30 minutes", async () => {
    const worker = await ctx.login("yuhua_grid01");
    const point = await pointIn(ctx, YUHUA);
    const now = ctx.clock.now();
    const started = await ctx.api(worker, {
      method: "POST",
      url: "/api/v1/mobile/patrols",
      payload: { startedAt: now.toISOString() },
      headers: { "idempotency-key": "screen-patrol-0001" },
    });
    expect(started.statusCode, started.body).toBe(201);
    const at = new Date(now.getTime() + 60_000).toISOString();
    ctx.clock.advance(90_000);
    const points = await ctx.api(worker, {
      method: "POST",
      url: `/api/v1/mobile/patrols/${started.json().id}/points`,
      payload: { points: [{ at, ...point, accuracy: 5 }] },
    });
    expect(points.statusCode, points.body).toBe(200);

    const body = await getOk("tiexi_center", "/api/v1/screen/workers");
    const me = (
      await sql<{ id: string }>`select id from users where username = 'yuhua_grid01'`.execute(ctx.services.db)
    ).rows[0]?.id;
    expect(body.items).toEqual([{ userId: me, name: "陈*", gridCode: YUHUA_GRID, ...point, lastSeenAt: at }]);
    expect((await getOk("leader", `/api/v1/screen/workers?division=${YUHUA_GRID}`)).items).toHaveLength(1);
    expect((await getOk("leader", `/api/v1/screen/summary?division=${YUHUA}`)).kpis.patrollingNow).toBe(1);
    expect((await getOk("tiedong_center", "/api/v1/screen/workers")).items).toEqual([]);
    expect((await getOk("tiedong_center", "/api/v1/screen/summary")).kpis.patrollingNow).toBe(0);
    // 30 minutes after the last point the worker no longer counts as patrolling
    ctx.clock.set(new Date(Date.parse(at) + 30 * 60_000 + 1000));
    expect((await getOk("leader", "/api/v1/screen/workers")).items).toEqual([]);
    expect((await getOk("leader", "/api/v1/screen/summary")).kpis.patrollingNow).toBe(0);
  });
});
