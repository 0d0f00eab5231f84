// 综合评价 in the workbench as the 铁西区 centre: the ranking shows the API's figures (fetched in the
// test with the same session), a year's period and a sort are the server's, a township drills into
// its communities, and the XLSX export and the monthly PDF report download as real files.
import { readFile } from "node:fs/promises";
import ExcelJS from "exceljs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launch, type Session, screenshot, signIn } from "./browser.ts";
import { pageApi as api } from "./page-helpers.ts";

let browser: Browser;
let s: Session;

beforeAll(async () => {
  browser = await launch();
  s = await signIn(browser, "tiexi_center", { width: 1600, height: 900 });
});
afterAll(async () => {
  await browser?.close();
});

interface Row {
  rank: number | null;
  code: string;
  name: string;
  figures: Record<string, number | null>;
}
interface RankingPage {
  items: Row[];
  total: number;
  period: { from: string; to: string };
  previous: { from: string; to: string };
}

/** The API from inside the page, with its session cookie. */
const pct = (v: number | null) => (v === null ? "—" : `${(v * 100).toFixed(1)}%`);

/** What the table shows of each row: rank, name, reported, closure and satisfaction rate. */
async function shownRows(page: Page): Promise<string[]> {
  return page
    .getByTestId("assessment-table")
    .locator("tbody tr[data-row-key]")
    .evaluateAll((rows) =>
      rows.map((r) => {
        const el = r as unknown as {
          querySelector(s: string): { textContent: string | null } | null;
          querySelectorAll(s: string): ArrayLike<{ textContent: string | null }>;
        };
        const cells = el.querySelectorAll("td");
        const fig = (k: string) => el.querySelector(`[data-testid=fig-${k}] > div`)?.textContent ?? "";
        return [
          cells[0]?.textContent,
          cells[1]?.textContent,
          fig("reported"),
          fig("closureRate"),
          fig("satisfactionRate"),
        ].join("|");
      }),
    );
}

const wantedRows = (items: Row[]) =>
  items.map((r) =>
    [
      r.rank ?? "—",
      r.name,
      String(r.figures.reported),
      pct(r.figures.closureRate ?? null),
      pct(r.figures.satisfactionRate ?? null),
    ].join("|"),
  );

/** The table equals the API's answer to the same query; polled, since a sweep may move a figure. */
async function expectTableOf(page: Page, query: string) {
  await expect
    .poll(
      async () => {
        const wanted = wantedRows((await api<RankingPage>(page, query)).items);
        const shown = await shownRows(page);
        if (!wanted.length) return "the API ranks nothing";
        return JSON.stringify(shown) === JSON.stringify(wanted) ? "same" : JSON.stringify({ shown, wanted });
      },
      { timeout: 20_000, interval: 500 },
    )
    .toBe("same");
}

describe("综合评价 (assessment)", () => {
  it("is in the menu and ranks the district's townships with the API's figures", async () => {
    const { page } = s;
    await page.getByRole("menuitem", { name: /综合评价/ }).click();
    await page.getByTestId("assessment-page").waitFor();
    await page.getByTestId("assessment-period-text").waitFor();
    const text = (await page.getByTestId("assessment-period-text").textContent()) ?? "";
    const [, from, to] = /统计时段 (\S+) 至 (\S+),/.exec(text) ?? [];
    expect(from).toMatch(/^\d{4}-\d{2}-01$/);
    await expectTableOf(page, `/assessment/areas?level=township&from=${from}&to=${to}&page=1&pageSize=20`);
    expect(await page.getByTestId("assessment-summary").textContent()).toContain("铁西区合计");
    await screenshot(page, "assessment-townships");
  });

  it("takes a year, sorts by satisfaction on the server, and drills into a township", async () => {
    const { page } = s;
    await page.getByTestId("assessment-period").getByText("年度").click();
    await expect
      .poll(() => page.getByTestId("assessment-period-text").textContent())
      .toMatch(/统计时段 \d{4}-01-01 至/);
    const text = (await page.getByTestId("assessment-period-text").textContent()) ?? "";
    const [, from, to] = /统计时段 (\S+) 至 (\S+),/.exec(text) ?? [];
    await page.getByTestId("assessment-table").locator("th", { hasText: "满意率" }).click();
    await expectTableOf(
      page,
      `/assessment/areas?level=township&from=${from}&to=${to}&sort=satisfactionRate&order=desc&page=1&pageSize=20`,
    );
    const first = page.getByTestId("assessment-drill").first();
    const township = (await first.textContent()) ?? "";
    await first.click();
    await expect.poll(() => page.getByTestId("assessment-breadcrumb").textContent()).toContain(township);
    const ranking = await api<RankingPage>(page, `/assessment/areas?level=township&from=${from}&to=${to}&pageSize=100`);
    const code = ranking.items.find((r) => r.name === township)?.code;
    expect(code).toBeDefined();
    await expectTableOf(
      page,
      `/assessment/areas?level=community&parent=${code}&from=${from}&to=${to}&page=1&pageSize=20`,
    );
  });

  it("downloads the ranking as XLSX and the monthly report as PDF", async () => {
    const { page } = s;
    const text = (await page.getByTestId("assessment-period-text").textContent()) ?? "";
    const [, from, to] = /统计时段 (\S+) 至 (\S+),/.exec(text) ?? [];
    const [xlsx] = await Promise.all([page.waitForEvent("download"), page.getByTestId("assessment-export").click()]);
    expect(xlsx.suggestedFilename()).toMatch(/^assessment-areas-.*\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await readFile((await xlsx.path()) as string)) as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    const names = (sheet?.getColumn(2).values ?? []).slice(2);
    // the page's table after the drill-down: its default sort (closure rate), as the file's 说明 sheet says
    expect(JSON.stringify(book.getWorksheet("说明")?.getSheetValues())).toContain("结案率 降序");
    const shownCrumbs = (await page.getByTestId("assessment-breadcrumb").textContent()) ?? "";
    const parentName = shownCrumbs.split("/").pop()?.trim() ?? "";
    const parent = (
      await api<RankingPage>(page, `/assessment/areas?level=township&from=${from}&to=${to}&pageSize=100`)
    ).items.find((r) => r.name === parentName);
    const all = await api<RankingPage>(
      page,
      `/assessment/areas?level=community&parent=${parent?.code}&from=${from}&to=${to}&pageSize=100`,
    );
    expect(names).toEqual(all.items.map((r) => r.name));

    const [pdf] = await Promise.all([page.waitForEvent("download"), page.getByTestId("assessment-report").click()]);
    expect(pdf.suggestedFilename()).toMatch(/^assessment-report-\d{12}-\d{4}-\d{2}\.pdf$/);
    const bytes = await readFile((await pdf.path()) as string);
    expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(bytes.length).toBeGreaterThan(20_000);
  });

  it("shows units and grid workers, without errors in the console", async () => {
    const { page } = s;
    await page.getByTestId("assessment-tab-units").click();
    await expect
      .poll(() => page.getByTestId("assessment-table").locator("tbody tr[data-row-key]").count())
      .toBeGreaterThan(0);
    await page.getByTestId("assessment-tab-grid_worker").click();
    await page.getByTestId("assessment-table").locator("th", { hasText: "巡查次数" }).waitFor();
    expect(s.errors.filter((e) => !e.startsWith("Failed to load resource"))).toEqual([]);
  });
});
