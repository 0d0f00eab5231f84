// 共性问题 in the workbench as the city centre: once the analysis sweep has run on the seeded year
// (it plants hotspots: seed/history/patterns.ts), the page lists a planted hotspot, opens it with its
// explanation, map and the cases behind it, and a case opens from there; the big screen lists the
// live alerts in its panel and rings the hotspots on its map.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { openFromMenu } from "./actions.ts";
import { launch, type Session, screenshot, signIn } from "./browser.ts";

let browser: Browser;
let s: Session;

beforeAll(async () => {
  browser = await launch();
  s = await signIn(browser, "city_dispatcher", { width: 1600, height: 1000 });
});
afterAll(async () => {
  await browser?.close();
});

interface AlertItem {
  id: string;
  placeName: string;
  observed: number;
  category: { code: string; name: string };
}

/** The API from inside the page, with its session cookie. */
async function api<T>(page: Page, path: string): Promise<T> {
  const res = await page.evaluate(async (p) => {
    const r = await fetch(`/api/v1${p}`, { credentials: "same-origin" });
    return { status: r.status, body: await r.json().catch(() => null) };
  }, path);
  if (res.status !== 200) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as T;
}

/** The planted hotspots' categories (street lights, goods piled up, sewer manhole covers). */
const PLANTED = ["C01037", "M06036", "C01002"];

describe("the common-problems page", () => {
  it("lists a seeded hotspot and opens the cases behind it", async () => {
    const { page } = s;
    // the sweeper's first run follows the seeding: wait for its hotspots
    let hotspots: AlertItem[] = [];
    for (let i = 0; i < 90 && !hotspots.some((h) => PLANTED.includes(h.category.code)); i++) {
      if (i > 0) await page.waitForTimeout(2_000);
      hotspots = (await api<{ items: AlertItem[] }>(page, "/analysis/alerts?kind=hotspot&active=true&pageSize=50"))
        .items;
    }
    const planted = hotspots.find((h) => PLANTED.includes(h.category.code));
    expect(planted, JSON.stringify(hotspots.map((h) => h.category))).toBeDefined();
    const alert = planted as AlertItem;

    await openFromMenu(page, /共性问题/, "analysis-page");
    const row = page.getByTestId("alerts-hotspot").locator(`[data-testid=alert-open][data-id="${alert.id}"]`);
    await row.waitFor({ timeout: 15_000 });
    expect(await row.getAttribute("title")).toBe(alert.placeName);
    expect(alert.placeName.endsWith((await row.textContent()) ?? "?")).toBe(true);
    await page.getByTestId("hotspot-map").waitFor();
    await row.click();

    const detail = page.getByTestId("alert-detail");
    await detail.waitFor();
    expect(await detail.getAttribute("data-id")).toBe(alert.id);
    expect(await page.getByTestId("alert-explanation").textContent()).toContain(alert.category.name);
    // the cases behind it: as many as the alert counts, the first page listed
    await expect
      .poll(async () => page.getByTestId("alert-cases").locator("[data-testid=alert-case-link]").count(), {
        timeout: 15_000,
      })
      .toBeGreaterThan(0);
    const count = await page.getByTestId("alert-case-count").textContent();
    expect(count).toContain(String(alert.observed));
    await screenshot(page, "analysis-hotspot");

    const first = page.getByTestId("alert-cases").locator("[data-testid=alert-case-link]").first();
    const code = await first.getAttribute("data-code");
    await first.click();
    await page.getByTestId("case-page").waitFor();
    expect(await page.getByTestId("case-code").textContent()).toContain(code ?? "?");
    expect(s.errors.filter((e) => !e.startsWith("Failed to load resource"))).toEqual([]);
  });

  it("shows a trend alert with its weekly chart, and the monthly report in the server's words", async () => {
    const { page } = s;
    await page.goto(`${inject("baseUrl")}/analysis?tab=trends`);
    await page.getByTestId("alerts-trend").waitFor();
    const trends = await api<{ items: AlertItem[] }>(page, "/analysis/alerts?kind=trend&active=true&pageSize=5");
    if (trends.items[0]) {
      await page.locator(`[data-testid=alert-open][data-id="${trends.items[0].id}"]`).click();
      await page.getByTestId("alert-series").waitFor();
      await screenshot(page, "analysis-trend");
    }
    await page.getByRole("tab", { name: "月度报告" }).click();
    const text = page.getByTestId("monthly-text");
    await text.waitFor({ timeout: 15_000 });
    const month = new Date(Date.now() + 8 * 3_600_000);
    month.setUTCDate(1);
    month.setUTCMonth(month.getUTCMonth() - 1);
    const report = await api<{ text: string }>(page, `/analysis/monthly?month=${month.toISOString().slice(0, 7)}`);
    // the workbench composes the month from the figures with the same sentences as the PDF
    expect(await text.textContent()).toBe(report.text);
    await screenshot(page, "analysis-monthly");
  });

  it("shows the alerts on the big screen: the panel and the rings on the map", async () => {
    const { page } = s;
    const live = await api<{ items: AlertItem[]; total: number }>(
      page,
      "/analysis/alerts?active=true&status=open&status=acknowledged&status=tasked&pageSize=30",
    );
    await page.goto(`${inject("baseUrl")}/screen/`);
    const screen = page.locator("[data-testid=screen][data-incidents-ready=true]");
    await screen.waitFor({ timeout: 20_000 });
    // an incident declared by another test turns the columns into its panels: back to normal mode
    if (await screen.getAttribute("data-incident")) {
      await page.getByTestId("incident-leave").click();
      await page.locator("[data-testid=screen][data-incident='']").waitFor();
    }
    const items = page.getByTestId("alert-panel").getByTestId("screen-alert");
    await expect.poll(() => items.count(), { timeout: 20_000 }).toBe(live.items.length);
    const ids = await items.evaluateAll((els) => els.map((e) => e.getAttribute("data-id")));
    expect(ids).toEqual(live.items.map((a) => a.id));
    const rings = live.items.filter((a) => (a as AlertItem & { location: unknown }).location).length;
    await expect
      .poll(() => page.getByTestId("screen-map").getAttribute("data-hotspots"), { timeout: 20_000 })
      .toBe(String(rings));
    await screenshot(page, "analysis-screen");
  });
});
