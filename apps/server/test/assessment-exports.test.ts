// The assessment (综合评价) at its edges: it stays inside the viewer's area (404 outside, 403 without
// the permission), refuses bad periods and levels, exports the same ranking as XLSX and prints the
// month as a PDF. The figures themselves: assessment.test.ts.
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "./harness.ts";
import { pdfPages, pdfText } from "./pdf-text.ts";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx?.close());

const TIEXI = "210303000000";
const TIEDONG = "210302000000";
const BAJIAZI = "210303003000";
/** The seeded year: the template's history ends at the test clock's start (2026-11-24). */
const YEAR = { from: "2025-11-25", to: "2026-11-24" };
const get = async (username: string, url: string) => ctx.api(await ctx.login(username), { method: "GET", url });

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
