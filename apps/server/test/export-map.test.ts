// The case export (XLSX) and the map points: the same filters and jurisdiction as GET /cases, with
// their own caps; every export is audited.
import ExcelJS from "exceljs";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXPORT_HEADERS } from "../src/presenters/case-workbook.ts";
import { EXPORT_MAX_ROWS } from "../src/use-cases/export-cases.ts";
import { actOk, categoryRoutedTo, pointIn, report, YUHUA } from "./fixtures.ts";
import { createTestContext, type TestContext } from "./harness.ts";

let ctx: TestContext;
let caseId: string;

beforeAll(async () => {
  ctx = await createTestContext();
  const point = await pointIn(ctx, YUHUA);
  const category = await categoryRoutedTo(ctx, "territorial", "community");
  const grid = await ctx.login("yuhua_grid01");
  const res = await report(ctx, grid, {
    title: '=HYPERLINK("http://x") 井盖缺失',
    description: "井盖缺失",
    ...point,
    categoryCode: category.code,
    source: "grid",
  });
  caseId = res.json().id;
  await actOk(ctx, "bajiazi_center", caseId, "register");
  await actOk(ctx, "bajiazi_center", caseId, "dispatch", { unitCode: `${YUHUA}-station` });
});
afterAll(async () => ctx?.close());

async function exportAs(username: string, query = "") {
  const res = await ctx.api(await ctx.login(username), { method: "GET", url: `/api/v1/cases/export${query}` });
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return { res, header: rows[0] ?? [], data: rows.slice(1) };
}

async function listTotal(username: string, query: string) {
  const res = await ctx.api(await ctx.login(username), { method: "GET", url: `/api/v1/cases?pageSize=1&${query}` });
  return res.json().total as number;
}

describe("export", () => {
  it("an XLSX with Chinese headers, one row per listed case, statuses and sources in Chinese", async () => {
    const query = `?divisionCode=${YUHUA}&status=dispatched`;
    const { res, header, data } = await exportAs("bajiazi_center", query);
    expect(res.headers["content-type"]).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(res.headers["content-disposition"]).toMatch(/^attachment; filename="cases-\d{8}\.xlsx"$/);
    expect(res.headers["x-truncated"]).toBeUndefined();
    expect(header).toEqual([...EXPORT_HEADERS]);
    expect(data.length).toBe(await listTotal("bajiazi_center", query.slice(1)));
    const row = data.find((r) => String(r[1]).includes("井盖缺失"))!;
    expect(row[0]).toMatch(/^AS-\d{8}-\d{6}$/);
    // a title that looks like a formula stays text
    expect(row[1]).toBe('=HYPERLINK("http://x") 井盖缺失');
    expect(row[2]).toBe("待签收");
    expect(row[4]).toBe("网格员上报");
    expect(row[5]).toBe("铁西区");
    expect(row[9]).toBe("裕华社区网格化工作站");
    expect(row[10]).toBeInstanceOf(Date);
    expect(row[12]).toBe("否");
  });

  it("the whole jurisdiction, and nothing outside it", async () => {
    const tiexi = await exportAs("tiexi_center");
    expect(tiexi.data.length).toBe(await listTotal("tiexi_center", ""));
    expect(tiexi.data.every((r) => r[5] === "铁西区")).toBe(true);
    const tiedong = await exportAs("tiedong_center");
    expect(tiedong.data.every((r) => r[5] === "铁东区")).toBe(true);
    const admin = await exportAs("sysadmin");
    expect(admin.data.length).toBe(0);
  });

  it("is audited with its filter", async () => {
    await exportAs("tiexi_center", "?status=closed&q=%E4%BA%95");
    const record = await ctx.services.db
      .selectFrom("audit_log")
      .selectAll()
      .where("action", "=", "case.export")
      .where("username", "=", "tiexi_center")
      .orderBy("id", "desc")
      .executeTakeFirstOrThrow();
    expect(record.outcome).toBe("success");
    expect(record.detail).toMatchObject({ filter: { status: ["closed"], q: "井" }, truncated: false });
  });

  it("bad filters are a 400", async () => {
    const token = await ctx.login("tiexi_center");
    for (const query of ["?status=lost", "?bucket=nope", "?divisionCode=12", "?reportedFrom=yesterday", "?page=2"]) {
      const res = await ctx.api(token, { method: "GET", url: `/api/v1/cases/export${query}` });
      if (query === "?page=2")
        expect(res.statusCode).toBe(200); // paging keys are ignored
      else expect(res.statusCode, query).toBe(400);
    }
  });
});

describe("map", () => {
  it("points for the filtered cases, capped by limit, within jurisdiction", async () => {
    const token = await ctx.login("bajiazi_center");
    const res = await ctx.api(token, { method: "GET", url: `/api/v1/cases/map?divisionCode=${YUHUA}&limit=3` });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.items.length).toBeLessThanOrEqual(3);
    expect(body.truncated).toBe((await listTotal("bajiazi_center", `divisionCode=${YUHUA}`)) > 3);
    for (const p of body.items) {
      expect(Object.keys(p).sort()).toEqual(["code", "id", "lat", "lng", "overdue", "reportedAt", "status", "title"]);
      expect(typeof p.lat).toBe("number");
    }
    const mine = await ctx.api(token, { method: "GET", url: `/api/v1/cases/map?q=${encodeURIComponent("井盖缺失")}` });
    expect(mine.json().items.map((p: { id: string }) => p.id)).toContain(caseId);
    const outsider = await ctx.api(await ctx.login("tiedong_center"), {
      method: "GET",
      url: `/api/v1/cases/map?q=${encodeURIComponent("井盖缺失")}`,
    });
    expect(outsider.json().items.map((p: { id: string }) => p.id)).not.toContain(caseId);
  });

  it("limit defaults to 2000 and may not pass 5000", async () => {
    const token = await ctx.login("city_dispatcher");
    const dflt = await ctx.api(token, { method: "GET", url: "/api/v1/cases/map" });
    expect(dflt.json().items.length).toBeLessThanOrEqual(2000);
    for (const limit of ["5001", "0", "many"]) {
      const res = await ctx.api(token, { method: "GET", url: `/api/v1/cases/map?limit=${limit}` });
      expect(res.statusCode, limit).toBe(400);
    }
  });
});

// last: it adds ten thousand cases to this file's database
describe("export cap", () => {
  it(`stops at ${EXPORT_MAX_ROWS} rows and says so`, async () => {
    // enough copies of the case to pass the cap
    const columns = sql.raw(
      "title, description, source, status, lat, lng, grid_code, community_code, township_code, district_code, " +
        "city_code, centre_unit_code, reported_at",
    );
    await sql`
      insert into cases (code, ${columns})
      select 'EX-' || g, ${columns}
      from cases, generate_series(1, ${EXPORT_MAX_ROWS}::int) as g
      where cases.id = ${caseId}`.execute(ctx.services.db);
    const { res, data } = await exportAs("city_dispatcher");
    expect(await listTotal("city_dispatcher", "")).toBeGreaterThan(EXPORT_MAX_ROWS);
    expect(res.headers["x-truncated"]).toBe("true");
    expect(data.length).toBe(EXPORT_MAX_ROWS);
  }, 120_000);
});
