// The 12345 desk through the HTTP API: caller history, similar open cases, "me too" callers, direct
// close of consultations; bulk import is in hotline-import.test.ts.
import { Kysely, PostgresDialect } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../src/db/schema.ts";
import { attachCaller } from "../src/use-cases/attach-caller.ts";
import { findSimilarCases } from "../src/use-cases/find-similar-cases.ts";
import { act, pointIn, report, snapshotCounts, YUHUA } from "./fixtures.ts";
import { createTestContext, type TestContext } from "./harness.ts";

let ctx: TestContext;
let agent: string;
let grid: string;
let point: { lat: number; lng: number };
const MANHOLE = "M01023"; // 不明井盖异常: urban management, 300 m radius (duplicate-rules.ts)

beforeAll(async () => {
  ctx = await createTestContext();
  agent = await ctx.login("hotline_agent");
  grid = await ctx.login("yuhua_grid01");
  point = await pointIn(ctx, YUHUA);
});
afterAll(async () => ctx?.close());

/** A point `m` metres north of the Yuhua point. */
const north = (m: number) => ({ lat: point.lat + m / 111_195, lng: point.lng });
const get = (token: string, url: string) => ctx.api(token, { method: "GET", url });

async function hotlineCase(body: Record<string, unknown>) {
  const res = await report(ctx, agent, { ...point, source: "hotline", ...body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; code: string; status: string };
}

async function addCaller(id: string, body: Record<string, unknown>, token = agent) {
  return ctx.api(token, { method: "POST", url: `/api/v1/cases/${id}/callers`, payload: body });
}

describe("caller history", () => {
  it("finds the caller's cases as reporter and as a later 'me too' caller, newest call first, audited", async () => {
    const own = await hotlineCase({
      description: "楼下路灯不亮已经一周",
      reporter: { name: "王女士", phone: "13800001111" },
    });
    ctx.clock.advance(60_000);
    const other = await hotlineCase({ description: "小区垃圾清运不及时", reporter: { phone: "13900002222" } });
    ctx.clock.advance(60_000);
    // the same person calls about the other case, the number written another way
    const metoo = await addCaller(other.id, { name: "王女士", phone: "+86 138 0000 1111", note: "我也看到了" });
    expect(metoo.statusCode, metoo.body).toBe(200);

    const res = await get(agent, "/api/v1/hotline/callers/13800001111/cases");
    expect(res.statusCode, res.body).toBe(200);
    const page = res.json();
    expect(page.total).toBe(2);
    expect(page.items.map((c: { id: string }) => c.id)).toEqual([other.id, own.id]);
    expect(page.items[0]).toMatchObject({ asReporter: false, callCount: 1, meTooCount: 1 });
    expect(page.items[1]).toMatchObject({ asReporter: true, code: own.code });
    expect(JSON.stringify(page)).not.toContain("13800001111");

    const audit = await ctx.services.db
      .selectFrom("audit_log")
      .selectAll()
      .where("action", "=", "hotline.caller-history")
      .where("outcome", "=", "success")
      .execute();
    expect(audit.at(-1)?.detail).toMatchObject({ phone: "138****1111", total: 2 });

    const paged = await get(agent, "/api/v1/hotline/callers/13800001111/cases?pageSize=1&page=2");
    expect(paged.json().items.map((c: { id: string }) => c.id)).toEqual([own.id]);
    expect((await get(agent, "/api/v1/hotline/callers/13800001111/cases?pageSize=101")).statusCode).toBe(400);
    expect((await get(agent, "/api/v1/hotline/callers/13511112222/cases")).json()).toMatchObject({
      total: 0,
      items: [],
    });
  });

  it("is refused (and the attempt audited) for roles that may not see reporter data", async () => {
    const res = await get(grid, "/api/v1/hotline/callers/13800001111/cases");
    expect(res.statusCode).toBe(403);
    const denied = await ctx.services.db
      .selectFrom("audit_log")
      .select("username")
      .where("action", "=", "hotline.caller-history")
      .where("outcome", "=", "denied")
      .execute();
    expect(denied.map((d) => d.username)).toContain("yuhua_grid01");
    expect((await get(agent, "/api/v1/hotline/callers/abc/cases")).statusCode).toBe(400);
  });
});

describe("similar open cases nearby", () => {
  let dup: { id: string };
  const query = "人行道上的井盖破损了,差点绊倒人";

  beforeAll(async () => {
    // a month and a half ago: too old to be the same problem
    ctx.clock.advance(-45 * 86_400_000);
    await hotlineCase({ ...north(100), description: "3号楼东侧人行道井盖破损,有行人绊倒风险", categoryCode: MANHOLE });
    ctx.clock.advance(45 * 86_400_000);
    dup = await hotlineCase({
      ...north(150),
      description: "3号楼东侧人行道井盖破损,有行人绊倒风险",
      categoryCode: MANHOLE,
    });
    await hotlineCase({ ...north(30), description: "楼道里堆放杂物无人清理" });
    await hotlineCase({ ...north(60), description: "小区门口井盖缺失", categoryCode: MANHOLE });
    // same words, but 2 km away, or already closed
    await hotlineCase({ ...north(2000), description: "人行道井盖破损,有行人绊倒风险", categoryCode: MANHOLE });
    const closed = await ctx.api(agent, {
      method: "POST",
      url: "/api/v1/hotline/consultations",
      payload: { ...north(120), description: "人行道井盖破损怎么报修", answer: "已告知报修渠道" },
    });
    expect(closed.statusCode, closed.body).toBe(201);
  });

  it("puts the true duplicate first, with the distance and the shared words", async () => {
    const res = await get(
      agent,
      `/api/v1/cases/similar?lat=${point.lat}&lng=${point.lng}&categoryCode=${MANHOLE}&text=${encodeURIComponent(query)}`,
    );
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.radiusM).toBe(300);
    const first = body.items[0];
    expect(first.id).toBe(dup.id);
    expect(first.why.distanceM).toBeGreaterThan(140);
    expect(first.why.distanceM).toBeLessThan(160);
    expect(first.why.sharedWords).toContain("人行道");
    expect(first.why.sharedWords.join(" ")).toContain("井盖破损");
    expect(first.why.sameCategory).toBe(true);
    expect(first.score).toBeGreaterThan(body.items[1]?.score ?? 0);
    const descriptions = await ctx.services.db
      .selectFrom("cases")
      .select(["id", "description", "status"])
      .where(
        "id",
        "in",
        body.items.map((i: { id: string }) => i.id),
      )
      .execute();
    for (const c of descriptions) {
      expect(["closed", "evaluated", "merged", "rejected"]).not.toContain(c.status);
      expect(c.description).not.toContain("堆放杂物");
    }
    // the old case and the far one are not offered; only one of the identical texts is
    expect(descriptions.filter((c) => c.description.includes("绊倒风险"))).toHaveLength(1);
  });

  it("looks farther for a network outage (heating) and leaves out a given case", async () => {
    const heating = await get(
      agent,
      `/api/v1/cases/similar?lat=${point.lat}&lng=${point.lng}&categoryCode=H010208&text=x`,
    );
    expect(heating.json().radiusM).toBe(1500);
    const res = await get(
      agent,
      `/api/v1/cases/similar?lat=${point.lat}&lng=${point.lng}&excludeId=${dup.id}&text=${encodeURIComponent(query)}`,
    );
    expect(res.json().items.map((i: { id: string }) => i.id)).not.toContain(dup.id);
    expect((await get(agent, `/api/v1/cases/similar?lat=200&lng=${point.lng}`)).statusCode).toBe(400);
    expect((await get(agent, `/api/v1/cases/similar?lat=${point.lat}&lng=${point.lng}&limit=11`)).statusCode).toBe(400);
  });

  it("stays within the caller's jurisdiction", async () => {
    const tiedong = await ctx.login("tiedong_center");
    const res = await get(
      tiedong,
      `/api/v1/cases/similar?lat=${point.lat}&lng=${point.lng}&text=${encodeURIComponent(query)}`,
    );
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toEqual([]);
  });
});

describe("me too", () => {
  it("counts the call on the case and stores the caller in the same transaction", async () => {
    const c = await hotlineCase({ description: "十字路口信号灯不亮" });
    const res = await addCaller(c.id, { name: "李先生", phone: "13700003333", note: "早上路过也发现信号灯坏了" });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.case.status).toBe("reported");
    expect(body.case.counters.meToo).toBe(1);
    expect(body.caller).toMatchObject({ name: "李**", phone: "137****3333", note: "早上路过也发现信号灯坏了" });
    const event = body.case.events.at(-1);
    expect(event).toMatchObject({
      action: "me-too",
      fromStatus: "reported",
      toStatus: "reported",
      note: "早上路过也发现信号灯坏了",
    });
    expect(body.caller.eventSeq).toBe(event.seq);

    await addCaller(c.id, { phone: "13700004444" });
    const list = await get(agent, `/api/v1/cases/${c.id}/callers`);
    expect(list.statusCode).toBe(200);
    expect(list.json().total).toBe(2);
    expect(list.json().items.map((x: { phone: string }) => x.phone)).toEqual(["137****4444", "137****3333"]);
    expect(list.json().items[0].takenBy).toBe("12345话务员 周敏");
    expect((await get(grid, `/api/v1/cases/${c.id}/callers`)).statusCode).toBe(403);
    const shown = await get(agent, `/api/v1/cases/${c.id}`);
    expect(shown.json().counters.meToo).toBe(2);
  });

  it("if the caller cannot be stored, the call is not counted either", async () => {
    const c = await hotlineCase({ description: "井盖松动有响声" });
    const before = await snapshotCounts(ctx);
    const actor = {
      ...(await ctx.services.db
        .selectFrom("users")
        .select("id")
        .where("username", "=", "hotline_agent")
        .executeTakeFirstOrThrow()),
    };
    const me = (await get(agent, "/api/v1/me")).json();
    // a name longer than the column allows fails inside the transaction, after the event row
    await expect(
      attachCaller({
        services: ctx.services,
        actor: {
          userId: actor.id,
          username: "hotline_agent",
          displayName: me.displayName,
          roles: ["hotline_agent"],
          unit: ctx.services.places.unit(me.unitCode)!,
          sessionId: "test",
        },
        caseId: c.id,
        caller: { name: "长".repeat(60) },
      }),
    ).rejects.toThrow();
    expect(await snapshotCounts(ctx)).toEqual(before);
    const row = await ctx.services.db
      .selectFrom("cases")
      .select("me_too_count")
      .where("id", "=", c.id)
      .executeTakeFirstOrThrow();
    expect(row.me_too_count).toBe(0);
    const callers = await ctx.services.db.selectFrom("case_callers").select("id").where("case_id", "=", c.id).execute();
    expect(callers).toHaveLength(0);
  });

  it("is refused on a closed case, by roles without the grant, and outside the jurisdiction", async () => {
    const closed = await ctx.api(agent, {
      method: "POST",
      url: "/api/v1/hotline/consultations",
      payload: { ...point, description: "咨询供暖时间", answer: "11月1日开始供暖" },
    });
    const id = closed.json().id as string;
    const before = await snapshotCounts(ctx);
    const late = await addCaller(id, { phone: "13600005555" });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe("ILLEGAL_TRANSITION");
    const open = await hotlineCase({ description: "路面塌陷" });
    const byGrid = await addCaller(open.id, { phone: "13600005555" }, grid);
    expect(byGrid.statusCode).toBe(403);
    const tiedong = await addCaller(open.id, { phone: "13600005555" }, await ctx.login("tiedong_center"));
    expect(tiedong.statusCode).toBe(404);
    expect((await addCaller(open.id, { phone: "12" })).statusCode).toBe(400);
    const after = await snapshotCounts(ctx);
    expect(after.events).toBe(before.events + 1); // only the new case's report
    expect(
      await ctx.services.db
        .selectFrom("case_callers")
        .select("id")
        .where("phone_hash", "=", ctx.services.pii.phoneHash("13600005555"))
        .execute(),
    ).toEqual([]);
  });
});

describe("consultation answered on the call (直接办结)", () => {
  const body = () => ({
    ...point,
    description: "咨询居住证办理需要哪些材料",
    answer: "身份证、居住证明和近期照片,到社区服务中心办理",
    reporter: { name: "赵女士", phone: "13512345678" },
  });

  it("creates the case and closes it with the answer in one request: report + resolve-direct events", async () => {
    const res = await ctx.api(agent, { method: "POST", url: "/api/v1/hotline/consultations", payload: body() });
    expect(res.statusCode, res.body).toBe(201);
    const c = res.json();
    expect(c).toMatchObject({ status: "closed", source: "hotline", resultNote: body().answer });
    expect(c.timestamps.closedAt).not.toBeNull();
    expect(c.ownerUnit.code).toBe("210300000000-12345");
    expect(c.events.map((e: { action: string }) => e.action)).toEqual(["report", "resolve-direct"]);
    expect(c.events[1]).toMatchObject({ fromStatus: "reported", toStatus: "closed", note: body().answer });
    const audit = await ctx.services.db
      .selectFrom("audit_log")
      .select("detail")
      .where("action", "=", "case.resolve-direct")
      .where("object_id", "=", c.id)
      .executeTakeFirstOrThrow();
    expect(audit.detail).toMatchObject({ to: "closed" });
    // the closed case may be evaluated at the call-back, like any other
    expect((await act(ctx, agent, c.id, "evaluate", { rating: "satisfied" })).statusCode).toBe(200);
  });

  it("leaves nothing behind when refused: blank answer, unknown category, outside the city, wrong role", async () => {
    const before = await snapshotCounts(ctx);
    const post = (token: string, payload: Record<string, unknown>) =>
      ctx.api(token, { method: "POST", url: "/api/v1/hotline/consultations", payload });
    const blank = await post(agent, { ...body(), answer: "   " });
    expect(blank.statusCode).toBe(422);
    expect(blank.json().error.code).toBe("NOTE_REQUIRED");
    expect((await post(agent, { ...body(), answer: "" })).statusCode).toBe(400);
    expect((await post(agent, { ...body(), categoryCode: "ZZ999" })).json().error.code).toBe("UNKNOWN_CATEGORY");
    expect((await post(agent, { ...body(), lat: 39.9, lng: 116.4 })).json().error.code).toBe("LOCATION_OUTSIDE_CITY");
    expect((await post(agent, { ...body(), extra: 1 })).statusCode).toBe(400);
    expect((await post(grid, body())).statusCode).toBe(403);
    expect(await snapshotCounts(ctx)).toEqual(before);
  });

  it("an Idempotency-Key makes a retry return the same closed case", async () => {
    const headers = { "idempotency-key": "consult-retry-0001" };
    const a = await ctx.api(agent, { method: "POST", url: "/api/v1/hotline/consultations", payload: body(), headers });
    const b = await ctx.api(agent, { method: "POST", url: "/api/v1/hotline/consultations", payload: body(), headers });
    expect(b.statusCode).toBe(201);
    expect(b.headers["idempotent-replayed"]).toBe("true");
    expect(b.json().id).toBe(a.json().id);
    expect(b.json().status).toBe("closed");
  });
});

describe("places by name", () => {
  it("finds a community with a point inside it", async () => {
    const res = await get(agent, `/api/v1/hotline/places?q=${encodeURIComponent("裕华")}`);
    expect(res.statusCode, res.body).toBe(200);
    const yuhua = res.json().items.find((p: { code: string }) => p.code === YUHUA);
    expect(yuhua.path).toEqual(["铁西区", "八家子街道", "裕华社区"]);
    expect(ctx.services.places.locate(yuhua.lat, yuhua.lng)?.community).toBe(YUHUA);
  });
});

describe("at the scale of a year (78k cases)", () => {
  it("the similar-cases query uses the open-cases point index and answers quickly", async () => {
    // a year of mostly finished cases around the city, 1 in 40 still open; loaded in bulk as the seed
    // does (the rollup trigger of 017 off, one rebuild after)
    const client = await ctx.handle.pool.connect();
    try {
      await client.query("begin");
      await client.query("set local civicgrid.rollup_bulk = 'on'");
      await client.query(
        `
      insert into cases (code, title, description, source, category_code, status, lat, lng, grid_code,
        community_code, township_code, district_code, city_code, centre_unit_code, reported_at)
      select 'BULK-' || g, t.title, t.description, t.source, t.category_code,
        case when g % 40 = 0 then 'registered' else 'closed' end,
        40.95 + (g % 997) * 0.0003, 122.85 + (g / 997) * 0.003, t.grid_code, t.community_code,
        t.township_code, t.district_code, t.city_code, t.centre_unit_code,
        $1::timestamptz - (g % 365) * interval '1 day'
      from generate_series(1, 78000) g, (select * from cases order by reported_at limit 1) t`,
        [ctx.clock.now()],
      );
      await client.query("select case_rollup_rebuild()");
      await client.query("commit");
    } catch (err) {
      await client.query("rollback");
      throw err;
    } finally {
      client.release();
    }
    await ctx.handle.pool.query("analyze cases");

    // the use case's own SQL, captured and explained
    const statements: { sql: string; parameters: readonly unknown[] }[] = [];
    const db = new Kysely<Database>({
      dialect: new PostgresDialect({ pool: ctx.handle.pool }),
      log: (e) => {
        if (e.level === "query") statements.push({ sql: e.query.sql, parameters: e.query.parameters });
      },
    });
    const me = (await get(agent, "/api/v1/me")).json();
    await findSimilarCases({
      services: { ...ctx.services, db },
      actor: {
        userId: me.id,
        username: me.username,
        displayName: me.displayName,
        roles: me.roles,
        unit: ctx.services.places.unit(me.unitCode)!,
        sessionId: "test",
      },
      ...point,
      text: "井盖破损",
      limit: 5,
    });
    const similar = statements.find((s) => s.sql.includes("<@ box"));
    expect(similar).toBeDefined();
    const plan = await ctx.handle.pool.query(`explain ${similar!.sql}`, similar!.parameters as unknown[]);
    const text = plan.rows.map((r) => r["QUERY PLAN"]).join("\n");
    expect(text).toContain("cases_open_point");

    const started = performance.now();
    const res = await get(
      agent,
      `/api/v1/cases/similar?lat=${point.lat}&lng=${point.lng}&text=${encodeURIComponent("井盖破损")}`,
    );
    const ms = performance.now() - started;
    expect(res.statusCode).toBe(200);
    // generous for a shared CI machine; typically a few milliseconds
    expect(ms).toBeLessThan(1500);
  });
});
