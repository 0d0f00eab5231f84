// Common problems and trends (共性问题 / 分析研判) on a real database: a cluster of one category in
// one community becomes a hotspot, a week's burst in one district a trend alert; the sweep is
// idempotent; alerts and the cases behind them follow the jurisdiction; a governance task is a real
// case, routed, dispatched and linked; the monthly report and its PDF section show them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sweepAnalysis } from "../src/jobs/sweep-analysis.ts";
import { CHANGDA, categoryRoutedTo, pointIn, report, YUHUA } from "./fixtures.ts";
import { createTestContext, TEST_START, type TestContext } from "./harness.ts";
import { pdfText } from "./pdf-text.ts";

const DAY = 86_400_000;
const TIEDONG = "210302000000";

let ctx: TestContext;
let hotspotCategory: string;
let trendCategory: string;
const get = async (user: string, url: string) =>
  ctx.api(await ctx.login(user), { method: "GET", url: `/api/v1${url}` });
const post = async (user: string, url: string, payload: Record<string, unknown> = {}, headers = {}) =>
  ctx.api(await ctx.login(user), { method: "POST", url: `/api/v1${url}`, payload, headers });

type Alert = {
  id: string;
  kind: string;
  level: string;
  code: string;
  category: { code: string };
  status: string;
  version: number;
};
const alerts = async (user: string, query = "") => {
  const res = await get(user, `/analysis/alerts?pageSize=100${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items as Alert[];
};
const hotspotOf = (list: Alert[]) =>
  list.find((a) => a.kind === "hotspot" && a.category.code === hotspotCategory && a.code.startsWith(YUHUA));
const trendOf = (list: Alert[]) =>
  list.find((a) => a.kind === "trend" && a.category.code === trendCategory && a.code === TIEDONG);

/** Reports at `daysAgo` days before the test start, same time of day. */
async function reportAt(user: string, daysAgo: number, body: Record<string, unknown>) {
  ctx.clock.set(new Date(TEST_START.getTime() - daysAgo * DAY));
  const res = await report(ctx, await ctx.login(user), body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

beforeAll(async () => {
  ctx = await createTestContext();
  hotspotCategory = (await categoryRoutedTo(ctx, "territorial")).code;
  trendCategory = (await categoryRoutedTo(ctx, "water")).code;
  const yuhua = await pointIn(ctx, YUHUA);
  const changda = await pointIn(ctx, CHANGDA);
  // seven of one category in one Yuhua grid over ten days
  for (const d of [1, 2, 3, 5, 6, 8, 10]) {
    await reportAt("yuhua_grid01", d, {
      ...yuhua,
      source: "grid",
      categoryCode: hotspotCategory,
      description: "路灯不亮",
    });
  }
  // twelve calls about one category in Tiedong in the last full week
  for (let i = 0; i < 12; i++) {
    await reportAt("hotline_agent", 1 + (i % 7), {
      ...changda,
      source: "hotline",
      categoryCode: trendCategory,
      description: "家中停水",
      reporter: { name: "王先生", phone: "13912345678" },
    });
  }
  ctx.clock.set(TEST_START);
}, 180_000);
afterAll(async () => ctx?.close());

describe("the analysis sweep", () => {
  it("raises the hotspot and the trend, and a second run changes nothing", async () => {
    const events: unknown[] = [];
    const listen = (e: unknown) => events.push(e);
    ctx.services.events.on("alert", listen);
    const first = await sweepAnalysis({ services: ctx.services });
    expect(first.full).toBe(true);
    expect(first.raised).toBeGreaterThanOrEqual(2);
    const rows = await ctx.services.db.selectFrom("analysis_alerts").selectAll().orderBy("id").execute();
    const hotspot = rows.find((r) => r.kind === "hotspot" && r.category_code === hotspotCategory);
    expect(hotspot).toMatchObject({ community_code: YUHUA, observed: 7, status: "open", active: true });
    expect(hotspot?.expected).toBeLessThan(1);
    const trend = rows.find((r) => r.kind === "trend" && r.category_code === trendCategory && r.code === TIEDONG);
    expect(trend).toMatchObject({ level: "district", observed: 12, method: "recent", window_days: 7 });
    // the city's series rose only because Tiedong's did: the district alert explains it
    expect(
      rows.find((r) => r.kind === "trend" && r.category_code === trendCategory && r.level === "city"),
    ).toBeUndefined();
    expect(events).toHaveLength(first.raised);

    const second = await sweepAnalysis({ services: ctx.services });
    ctx.services.events.off("alert", listen);
    expect(second).toMatchObject({ full: false, raised: 0, resumed: 0, ended: 0, updated: rows.length });
    const again = await ctx.services.db.selectFrom("analysis_alerts").selectAll().orderBy("id").execute();
    expect(again.map((r) => [r.id, r.key, r.observed, r.expected, r.status, r.active])).toEqual(
      rows.map((r) => [r.id, r.key, r.observed, r.expected, r.status, r.active]),
    );
    expect(events).toHaveLength(first.raised);
  });

  it("shows each centre the alerts of its own area only", async () => {
    const city = await alerts("city_dispatcher");
    expect(hotspotOf(city)).toBeDefined();
    expect(trendOf(city)).toBeDefined();
    const bajiazi = await alerts("bajiazi_center");
    expect(hotspotOf(bajiazi)).toBeDefined();
    expect(trendOf(bajiazi)).toBeUndefined();
    const tiedong = await alerts("tiedong_center");
    expect(trendOf(tiedong)).toBeDefined();
    expect(hotspotOf(tiedong)).toBeUndefined();
    expect(hotspotOf(await alerts("yuhua_station"))).toBeDefined();
    expect(trendOf(await alerts("city_dispatcher", "&kind=trend&division=210302000000"))).toBeDefined();

    const hidden = hotspotOf(city) as Alert;
    expect((await get("tiedong_center", `/analysis/alerts/${hidden.id}`)).statusCode).toBe(404);
    expect((await get("tiedong_center", `/analysis/alerts/${hidden.id}/cases`)).statusCode).toBe(404);
    expect((await get("tiedong_center", `/analysis/alerts?division=${YUHUA}`)).statusCode).toBe(404);
    expect((await get("dept_water", "/analysis/alerts")).statusCode).toBe(403);
    expect((await get("hotline_agent", "/analysis/alerts")).statusCode).toBe(403);
  });

  it("explains an alert and pages the cases behind it", async () => {
    const alert = hotspotOf(await alerts("bajiazi_center")) as Alert;
    const detail = await get("bajiazi_center", `/analysis/alerts/${alert.id}`);
    expect(detail.statusCode, detail.body).toBe(200);
    const d = detail.json();
    expect(d.caseCount).toBe(7);
    expect(d.points).toHaveLength(7);
    expect(d.series.unit).toBe("day");
    expect(d.series.points.reduce((s: number, p: { count: number }) => s + p.count, 0)).toBeGreaterThanOrEqual(7);
    expect(d.explanation.expectedFromCity).not.toBeNull();
    const page1 = await get("bajiazi_center", `/analysis/alerts/${alert.id}/cases?pageSize=3`);
    expect(page1.json()).toMatchObject({ total: 7, page: 1, pageSize: 3 });
    expect(page1.json().items).toHaveLength(3);
    const page3 = await get("bajiazi_center", `/analysis/alerts/${alert.id}/cases?pageSize=3&page=3`);
    expect(page3.json().items).toHaveLength(1);
    expect((await get("bajiazi_center", `/analysis/alerts/${alert.id}/cases?pageSize=101`)).statusCode).toBe(400);
    const trend = trendOf(await alerts("tiedong_center")) as Alert;
    const t = (await get("tiedong_center", `/analysis/alerts/${trend.id}`)).json();
    expect(t.series.unit).toBe("week");
    expect(t.series.points.at(-1).count).toBe(12);
  });

  it("lets a centre acknowledge, dismiss and reopen, guarded by the version", async () => {
    const trend = trendOf(await alerts("tiedong_center")) as Alert;
    expect((await post("yuhua_station", `/analysis/alerts/${trend.id}/acknowledge`)).statusCode).toBe(403);
    expect((await post("leader", `/analysis/alerts/${trend.id}/acknowledge`)).statusCode).toBe(403);
    const stale = await post(
      "tiedong_center",
      `/analysis/alerts/${trend.id}/acknowledge`,
      {},
      { "if-match": `"${trend.version + 5}"` },
    );
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe("ANALYSIS_ALERT_CHANGED");
    const ack = await post("tiedong_center", `/analysis/alerts/${trend.id}/acknowledge`, { note: "已联系水务" });
    expect(ack.json()).toMatchObject({ status: "acknowledged", statusNote: "已联系水务" });
    expect((await post("tiedong_center", `/analysis/alerts/${trend.id}/acknowledge`)).statusCode).toBe(409);
    expect((await post("tiedong_center", `/analysis/alerts/${trend.id}/dismiss`)).json().status).toBe("dismissed");
    expect((await post("tiedong_center", `/analysis/alerts/${trend.id}/reopen`)).json().status).toBe("open");
    const audit = await ctx.handle.owner.db
      .selectFrom("audit_log")
      .select("action")
      .where("object_id", "=", trend.id)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(["analysis.acknowledge", "analysis.dismiss", "analysis.reopen"]);
  });

  it("opens a governance task: a routed, dispatched case linked to the alert and its cases", async () => {
    const alert = hotspotOf(await alerts("bajiazi_center")) as Alert;
    expect((await post("yuhua_station", `/analysis/alerts/${alert.id}/task`)).statusCode).toBe(403);
    const res = await post("bajiazi_center", `/analysis/alerts/${alert.id}/task`, { note: "请排查线路" });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body.alert.status).toBe("tasked");
    expect(body.dispatched).toBe(true);
    const task = await ctx.services.db
      .selectFrom("cases")
      .selectAll()
      .where("id", "=", body.taskCase.id)
      .executeTakeFirstOrThrow();
    expect(task).toMatchObject({
      status: "dispatched",
      source: "superior",
      category_code: hotspotCategory,
      community_code: YUHUA,
    });
    // dispatched where the responsibility list routes the category, as any report would be
    expect(task.owner_unit_code).toBe(task.suggested_unit_code);
    expect(task.description).toContain("请排查线路");
    const links = await ctx.services.db
      .selectFrom("analysis_alert_cases")
      .selectAll()
      .where("alert_id", "=", alert.id)
      .execute();
    expect(links).toHaveLength(7);
    const detail = (await get("bajiazi_center", `/analysis/alerts/${alert.id}`)).json();
    expect(detail.task).toMatchObject({ id: task.id, code: task.code, status: "dispatched" });
    // once only; and a tasked alert is not dismissed
    const twice = await post("bajiazi_center", `/analysis/alerts/${alert.id}/task`);
    expect(twice.statusCode).toBe(409);
    expect((await post("bajiazi_center", `/analysis/alerts/${alert.id}/dismiss`)).statusCode).toBe(409);
    const tasks = await ctx.services.db.selectFrom("cases").select("id").where("source", "=", "superior").execute();
    expect(tasks).toHaveLength(1);
  });

  it("ends alerts whose signal is gone, keeping what was decided", async () => {
    ctx.clock.set(new Date(TEST_START.getTime() + 40 * DAY));
    const r = await sweepAnalysis({ services: ctx.services });
    expect(r.ended).toBeGreaterThanOrEqual(2);
    const row = await ctx.services.db
      .selectFrom("analysis_alerts")
      .selectAll()
      .where("kind", "=", "hotspot")
      .where("category_code", "=", hotspotCategory)
      .where("community_code", "=", YUHUA)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ active: false, status: "tasked" });
    expect(await alerts("bajiazi_center", "&active=true")).not.toContainEqual(expect.objectContaining({ id: row.id }));
    expect(await alerts("bajiazi_center", "&active=false")).toContainEqual(expect.objectContaining({ id: row.id }));
    ctx.clock.set(TEST_START);
  });

  it("reports the month's common problems for a division", async () => {
    const res = await get("bajiazi_center", "/analysis/monthly?month=2026-11");
    expect(res.statusCode, res.body).toBe(200);
    const m = res.json();
    expect(m.division.code).toBe("210303003000");
    expect(m.categories.find((c: { code: string }) => c.code === hotspotCategory)?.count).toBeGreaterThanOrEqual(7);
    expect(m.alerts.byStatus.tasked).toBe(1);
    expect(m.text).toContain("已派治理任务 1 条");
    expect((await get("bajiazi_center", "/analysis/monthly?month=2026-13")).statusCode).toBe(400);
    expect((await get("bajiazi_center", `/analysis/monthly?month=2026-11&division=${TIEDONG}`)).statusCode).toBe(404);
    // the assessment PDF carries the same section, its text and its charts
    const pdf = await get("bajiazi_center", "/assessment/report.pdf?month=2026-11");
    expect(pdf.statusCode, pdf.body.slice(0, 200)).toBe(200);
    const text = pdfText(pdf.rawPayload);
    expect(text).toContain("三、共性问题与趋势研判");
    expect(text).toContain("已派治理任务 1 条");
    expect(text).toContain("主要问题类别:本月与上月");
  });
});
