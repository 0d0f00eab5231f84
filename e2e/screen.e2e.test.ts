// The big screen (一屏指挥) at 1920×1080 as the city centre's dispatcher: its figures are the API's
// (fetched in the test with the same session), a report made through the API shows up on the map,
// the live feed and the today tile within seconds without a reload, drill-down to a district and a
// township scopes breadcrumb and figures (and survives a reload), and emergency mode: an incident
// declared over a grid takes the screen over (banner, workers, cases, log), the grid's worker gets
// the task on the phone and acknowledges it, and the screen sees it before the incident is closed.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { apiAs, signInOnPhone } from "./actions.ts";
import { launch, openPhone, type Session, screenshot, signIn } from "./browser.ts";
import { E2E_PASSWORD } from "./constants.ts";
import { pageApi as api, pointInside } from "./page-helpers.ts";

const base = () => inject("baseUrl");
const TIEXI = "210303000000";
const BAJIAZI = "210303003000";
const YUHUA_GRID_01 = "21030300300301";
// a point in 裕华社区第01网格's community (铁西区 八家子街道)
const YUHUA = { lat: 41.119331, lng: 122.964666 };

let browser: Browser;
let s: Session;

beforeAll(async () => {
  browser = await launch();
  s = await signIn(browser, "city_dispatcher", { width: 1920, height: 1080 });
});
afterAll(async () => {
  await browser?.close();
});

/** The API from inside the page, with its session cookie (and CSRF token for changes). */
interface Summary {
  scope: { code: string; name: string; breadcrumb: { code: string; name: string }[] };
  kpis: Record<string, number | null>;
}
interface Charts {
  ranking: { code: string; name: string; reported: number; closed: number; overdue: number }[];
}

/** Figures and views that follow a change: a loaded machine may need seconds (the screen answers in ~1 s). */
const PATIENCE = { timeout: 15_000, interval: 250 };
const rate = (r: number | null | undefined) => (r === null || r === undefined ? "—" : `${(r * 100).toFixed(1)}%`);
const tile = (page: Page, key: string) => page.getByTestId(`kpi-${key}`).getAttribute("data-value");
const screenErrors = (errors: string[]) => errors.filter((e) => !e.startsWith("Failed to load resource"));

/**
 * The tiles and the ranking show the API's figures for the division shown. Polled against a fresh
 * read each time: a deadline sweep may move a figure between the two reads, and the screen follows.
 */
async function expectFiguresOf(page: Page, division: string | null) {
  const q = division ? `?division=${division}` : "";
  await expect
    .poll(
      async () => {
        const api1 = await api<Summary>(page, `/screen/summary${q}`);
        const shown: Record<string, string | null> = {};
        const wanted: Record<string, string> = {};
        for (const key of ["reportedToday", "open", "overdue", "closedToday", "patrollingNow"]) {
          shown[key] = await tile(page, key);
          wanted[key] = String(api1.kpis[key]);
        }
        for (const key of ["resolvedRate", "onTimeClosureRate", "satisfactionRate"]) {
          shown[key] = await page.getByTestId(`kpi-${key}`).locator(".scr-kpi-value").textContent();
          wanted[key] = rate(api1.kpis[key]);
        }
        const sub = page.getByTestId("kpi-resolvedRate-sub");
        shown.found = await sub.getAttribute("data-found");
        shown.resolved = await sub.getAttribute("data-resolved");
        wanted.found = String(api1.kpis.found);
        wanted.resolved = String(api1.kpis.resolved);
        return JSON.stringify(shown) === JSON.stringify(wanted) ? "same" : JSON.stringify({ shown, wanted });
      },
      { timeout: 20_000, interval: 500 },
    )
    .toBe("same");
  await expect
    .poll(
      async () => {
        const charts = await api<Charts>(page, `/screen/charts?days=30${division ? `&division=${division}` : ""}`);
        const wanted = charts.ranking.map((r) => [r.code, r.reported, r.closed, r.overdue].join(":")).sort();
        const shown = await page
          .getByTestId("ranking-table")
          .locator("tbody tr")
          .evaluateAll((rows) =>
            rows.map((r) =>
              ["code", "reported", "closed", "overdue"].map((k) => r.getAttribute(`data-${k}`) ?? "").join(":"),
            ),
          );
        if (!wanted.length) return "the API ranks nothing";
        return JSON.stringify(shown.sort()) === JSON.stringify(wanted) ? "same" : JSON.stringify({ shown, wanted });
      },
      { timeout: 20_000, interval: 500 },
    )
    .toBe("same");
}

/**
 * Once the screen knows the active incidents: an incident left active by an earlier test of this run
 * takes the screen over on opening; this test starts from normal mode.
 */
async function leaveIncidentMode(page: Page) {
  const screen = page.locator("[data-testid=screen][data-incidents-ready=true]");
  await screen.waitFor({ timeout: 20_000 });
  if (await screen.getAttribute("data-incident")) {
    await page.getByTestId("incident-leave").click();
    await page.locator("[data-testid=screen][data-incident='']").waitFor();
  }
}

/** A real mouse click on a point inside an SVG shape of the map. */
async function clickInside(page: Page, selector: string) {
  const at = await pointInside(page, selector);
  await page.mouse.click(at.x, at.y);
}

async function crumbs(page: Page): Promise<string[]> {
  return page
    .getByTestId("screen-breadcrumb")
    .locator(".crumb .name")
    .evaluateAll((els) => els.map((e) => e.textContent ?? ""));
}

describe("the big screen (一屏指挥)", () => {
  it("is reached from the workbench menu, and a signed-out visit returns to it after signing in", async () => {
    expect(await s.page.getByTestId("menu-screen").getAttribute("href")).toBe("/screen/");
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: "zh-CN" });
    const page = await context.newPage();
    await page.goto(`${base()}/screen/?division=${TIEXI}`);
    await page.getByLabel("用户名").fill("leader");
    await page.getByLabel("密码").fill(E2E_PASSWORD);
    await page.getByRole("button", { name: /登\s*录/ }).click();
    await page.waitForURL(`**/screen/?division=${TIEXI}`);
    await expect.poll(() => page.getByTestId("screen").getAttribute("data-scope"), { timeout: 20_000 }).toBe(TIEXI);
    await screenshot(page, "60-screen-1366");
    await context.close();
  });

  it("shows the API's figures for the city and the ranking of its districts", async () => {
    await s.page.goto(`${base()}/screen/`);
    await leaveIncidentMode(s.page);
    await s.page.locator("[data-testid=live-status][data-status=live]").waitFor({ timeout: 20_000 });
    const own = await api<Summary>(s.page, "/screen/summary");
    expect(await s.page.getByTestId("screen").getAttribute("data-scope")).toBe(own.scope.code);
    expect(await crumbs(s.page)).toEqual(own.scope.breadcrumb.map((b) => b.name));
    await expectFiguresOf(s.page, null);
    await expect
      .poll(() => s.page.getByTestId("screen-map").getAttribute("data-cases"), PATIENCE)
      .toMatch(/^[1-9]\d*$/);
    await s.page.waitForLoadState("networkidle");
    await screenshot(s.page, "61-screen-city");
  });

  it("a report made through the API appears on the map, the live feed and the today tile without a reload", async () => {
    const before = Number(await tile(s.page, "reportedToday"));
    const worker = await apiAs("yuhua_grid01");
    const started = Date.now();
    const created = await worker<{ id: string; code: string }>("/cases", {
      description: `大屏实时测试:裕华社区3号楼前路灯不亮 ${started}`,
      ...YUHUA,
      categoryCode: "C01046",
      source: "grid",
    });
    await s.page.locator(`[data-testid=ticker] li[data-code="${created.code}"]`).waitFor({ timeout: 8_000 });
    await expect
      .poll(() => s.page.getByTestId("screen-map").getAttribute("data-last-case"), PATIENCE)
      .toBe(created.code);
    await expect.poll(() => tile(s.page, "reportedToday"), { timeout: 6_000 }).toBe(String(before + 1));
    const took = Date.now() - started;
    expect(took, `the report took ${took} ms to reach the screen`).toBeLessThan(8_000);
    await expectFiguresOf(s.page, null);
  });

  it("drills down to a district and a township; breadcrumb, URL and figures follow, and survive a reload", async () => {
    // a click on 铁西区 on the map, with the case points turned off so that none is under the pointer
    await s.page.getByTestId("layer-cases").click();
    await clickInside(s.page, `path.scr-child-${TIEXI}`);
    await expect.poll(() => s.page.getByTestId("screen").getAttribute("data-scope"), PATIENCE).toBe(TIEXI);
    expect(s.page.url()).toContain(`division=${TIEXI}`);
    await expect.poll(() => crumbs(s.page), PATIENCE).toEqual(["鞍山市", "铁西区"]);
    await expectFiguresOf(s.page, TIEXI);

    // then 八家子街道 from the ranking (its figures table is what a screen reader reads)
    await s.page.getByTestId(`rank-${BAJIAZI}`).focus();
    await s.page.keyboard.press("Enter");
    await expect.poll(() => s.page.getByTestId("screen").getAttribute("data-scope"), PATIENCE).toBe(BAJIAZI);
    await expect.poll(() => crumbs(s.page), PATIENCE).toEqual(["鞍山市", "铁西区", "八家子街道"]);
    await expectFiguresOf(s.page, BAJIAZI);

    await s.page.getByTestId("layer-cases").click();
    await s.page.reload();
    await expect.poll(() => s.page.getByTestId("screen").getAttribute("data-scope"), { timeout: 20_000 }).toBe(BAJIAZI);
    await leaveIncidentMode(s.page);
    await expectFiguresOf(s.page, BAJIAZI);
    await s.page.waitForLoadState("networkidle");
    await screenshot(s.page, "62-screen-township");

    // the breadcrumb goes back up
    await s.page.getByTestId("screen-breadcrumb").getByRole("button", { name: "铁西区" }).click();
    await expect.poll(() => s.page.getByTestId("screen").getAttribute("data-scope"), PATIENCE).toBe(TIEXI);
    await s.page.goBack();
    await expect.poll(() => s.page.getByTestId("screen").getAttribute("data-scope"), PATIENCE).toBe(BAJIAZI);
  });

  it("emergency mode: declared over a grid, the worker gets the task on the phone, then closed", async () => {
    const title = `裕华社区内涝 ${Date.now()}`;
    const task = "请立即巡查本网格低洼地段和地下通道积水情况,发现险情立即上报";
    await s.page.getByTestId("declare-open").click();
    const form = s.page.getByTestId("declare-form");
    await form.waitFor();
    await s.page.getByTestId("declare-type").selectOption("flood");
    await s.page.getByTestId("declare-level").selectOption("3");
    await s.page.getByTestId("declare-title").fill(title);
    await s.page.getByTestId("declare-task").fill(task);
    await s.page.getByTestId("area-mode-grids").click();
    await s.page.getByTestId("grid-filter").fill("裕华社区第01");
    await s.page.locator(`[data-testid=grid-list] input[data-code="${YUHUA_GRID_01}"]`).check();
    // the chosen grid turns red on the map
    await s.page.locator(`path.scr-code-${YUHUA_GRID_01}[fill="#ff4d4f"]`).waitFor();
    await s.page.getByTestId("declare-submit").click();

    const banner = s.page.getByTestId("incident-banner").filter({ hasText: title });
    await banner.waitFor({ timeout: 15_000 });
    const id = (await banner.getAttribute("data-id")) as string;
    expect(s.page.url()).toContain(`incident=${id}`);
    const detail = await api<{ workers: { gridCode: string }[]; cases: { code: string }[]; tasks: { sent: number } }>(
      s.page,
      `/incidents/${id}`,
    );
    expect(detail.workers.some((w) => w.gridCode === YUHUA_GRID_01)).toBe(true);
    await expect
      .poll(() => s.page.getByTestId("incident-workers").textContent(), PATIENCE)
      .toContain("裕华社区第01网格");
    await expect.poll(() => s.page.getByTestId("incident-log").textContent(), PATIENCE).toContain(task);
    await expect
      .poll(() => s.page.getByTestId("tasks-sent").getAttribute("data-value"))
      .toBe(String(detail.tasks.sent));
    expect(detail.tasks.sent).toBeGreaterThan(0);
    // the open cases of the grid are listed (the report of the live test is one of them)
    const cases = s.page.getByTestId("incident-cases");
    for (const c of detail.cases.slice(0, 5)) await expect.poll(() => cases.textContent(), PATIENCE).toContain(c.code);

    // a log entry from the screen
    await s.page.getByTestId("incident-log-input").fill("已调派排水车辆两台前往现场");
    await s.page.getByTestId("incident-log-add").click();
    await expect
      .poll(() => s.page.getByTestId("incident-log").textContent(), PATIENCE)
      .toContain("已调派排水车辆两台前往现场");
    await s.page.waitForLoadState("networkidle");
    await screenshot(s.page, "63-screen-incident");

    // the grid worker's phone: the task is there; 收到 reaches the screen live
    const { context: phone, page: m } = await openPhone(browser, { latitude: YUHUA.lat, longitude: YUHUA.lng });
    await signInOnPhone(m, "yuhua_grid01");
    const card = m.getByTestId("incident-card").filter({ hasText: title });
    await card.waitFor({ timeout: 20_000 });
    expect(await card.getByTestId("incident-text").textContent()).toContain(task);
    await screenshot(m, "64-phone-incident-task");
    await card.getByTestId("incident-ack").click();
    await expect
      .poll(() => s.page.getByTestId("tasks-acknowledged").getAttribute("data-value"), { timeout: 20_000 })
      .toBe("1");
    await phone.close();

    // closed with a summary; the screen says so, then goes back to normal mode
    await s.page.getByTestId("incident-close").click();
    await s.page.getByTestId("incident-close-summary").fill("积水已排除,道路恢复通行");
    await s.page.getByTestId("incident-close-submit").click();
    await expect.poll(() => banner.textContent(), PATIENCE).toContain("事件已结束");
    await s.page.getByTestId("incident-leave").click();
    await s.page.getByTestId("incident-banner").waitFor({ state: "hidden" });
    await s.page.getByTestId("chart-ranking").waitFor();
    expect(s.page.url()).not.toContain("incident=");
  });

  it("raised no console errors (CSP included)", () => {
    const errors = screenErrors(s.errors);
    expect(errors.filter((e) => /Content Security Policy/i.test(e))).toEqual([]);
    expect(errors).toEqual([]);
  });
});
