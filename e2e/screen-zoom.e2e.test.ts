// The big screen's zoom layers: on the city's screen, zooming in on 铁西区 brings the township
// outlines with their names (the API's), then the community outlines, then the grid outlines (only
// those in view), each with the names that fit; zoomed out again the grids go, and a click on a
// community drills straight into it.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launch, type Session, screenshot, signIn } from "./browser.ts";
import { pageApi as api, pointInside } from "./page-helpers.ts";

const base = () => inject("baseUrl");
const TIEXI = "210303000000";

interface Outline {
  id: string;
  bbox: [number, number, number, number];
  properties: { code: string; name: string };
}

let browser: Browser;
let s: Session;

beforeAll(async () => {
  browser = await launch();
  s = await signIn(browser, "city_dispatcher", { width: 1920, height: 1080 });
});
afterAll(async () => {
  await browser?.close();
});

const map = (page: Page) => page.getByTestId("screen-map");
const zoomOf = async (page: Page) => Number(await map(page).getAttribute("data-zoom"));
const shown = async (page: Page, level: "township" | "community" | "grid") =>
  Number((await map(page).getAttribute(`data-outline-${level}`)) ?? 0);

/** One wheel step at a point, in (-1) or out (1); waits for the map to settle. */
async function wheel(page: Page, at: { x: number; y: number }, direction: -1 | 1) {
  const moves = await map(page).getAttribute("data-moves");
  await page.mouse.move(at.x, at.y);
  await page.mouse.wheel(0, 60 * direction);
  await expect.poll(() => map(page).getAttribute("data-moves"), { timeout: 10_000 }).not.toBe(moves);
}

/** Wheel steps at a point until the map's zoom reaches `atLeast`. */
async function zoomIn(page: Page, at: { x: number; y: number }, atLeast: number) {
  for (let i = 0; i < 12 && (await zoomOf(page)) < atLeast; i++) await wheel(page, at, -1);
  expect(await zoomOf(page)).toBeGreaterThanOrEqual(atLeast);
}

/** Wheel steps at a point until the map's zoom is down to `atMost`. */
async function zoomOut(page: Page, at: { x: number; y: number }, atMost: number) {
  for (let i = 0; i < 12 && (await zoomOf(page)) > atMost; i++) await wheel(page, at, 1);
  expect(await zoomOf(page)).toBeLessThanOrEqual(atMost);
}

/** The names the zoom layers show (painted on a canvas, listed for screen readers). */
async function names(page: Page, level: "township" | "community" | "grid"): Promise<string[]> {
  return page.locator(`[data-testid=outline-names] li[data-level=${level}]`).allTextContents();
}

describe("the big screen's zoom layers", () => {
  it("zoomed in on 铁西区: township, community, then grid outlines with names; a click drills in", async () => {
    const page = s.page;
    await page.goto(`${base()}/screen/`);
    const screen = page.locator("[data-testid=screen][data-incidents-ready=true]");
    await screen.waitFor({ timeout: 20_000 });
    // an incident left active by another test takes the screen over: this test needs normal mode
    if (await screen.getAttribute("data-incident")) {
      await page.getByTestId("incident-leave").click();
      await page.locator("[data-testid=screen][data-incident='']").waitFor();
    }
    await expect
      .poll(() => page.getByTestId("screen").getAttribute("data-scope"), { timeout: 20_000 })
      .toBe("210300000000");
    // the case points off, so that no case is under the pointer when it clicks
    await page.getByTestId("layer-cases").click();
    await page.locator(`path.scr-child-${TIEXI}`).waitFor({ timeout: 20_000 });
    expect(await shown(page, "township")).toBe(0);

    const townships = (await api<{ features: Outline[] }>(page, `/geo/townships?districtCode=${TIEXI}`)).features;
    expect(townships.length).toBe(9);
    // the widest township: its name fits first
    const widest = [...townships].sort((a, b) => b.bbox[2] - b.bbox[0] - (a.bbox[2] - a.bbox[0]))[0] as Outline;

    // wheel steps over a point of 铁西区: the point stays under the pointer as the map zooms in
    const tiexi = await pointInside(page, `path.scr-child-${TIEXI}`);
    await zoomIn(page, tiexi, 11.5);
    expect(await zoomOf(page)).toBeLessThan(12.5);
    await expect.poll(() => shown(page, "township"), { timeout: 15_000 }).toBeGreaterThanOrEqual(townships.length);
    await expect.poll(() => names(page, "township"), { timeout: 10_000 }).toContain(widest.properties.name);
    const cityNames = new Set(
      (await api<{ features: Outline[] }>(page, "/geo/townships")).features.map((f) => f.properties.name),
    );
    for (const n of await names(page, "township")) expect(cityNames.has(n), n).toBe(true);
    expect(await shown(page, "community")).toBe(0);
    await screenshot(page, "65-screen-zoom-townships");

    // further in: the communities (of the townships in view), named where they fit
    await zoomIn(page, tiexi, 13);
    await expect.poll(() => shown(page, "community"), { timeout: 15_000 }).toBeGreaterThan(0);
    const communities = (await api<{ features: Outline[] }>(page, `/geo/communities?districtCode=${TIEXI}`)).features;
    const tiexiNames = new Set(communities.map((c) => c.properties.name));
    await expect
      .poll(async () => (await names(page, "community")).filter((n) => tiexiNames.has(n)).length, { timeout: 10_000 })
      .toBeGreaterThan(0);
    expect(await names(page, "township")).toEqual([]);
    expect(await shown(page, "grid")).toBe(0);
    await screenshot(page, "66-screen-zoom-communities");

    // further in: the grids in view (a few dozen of the district's 459), named where they fit (the
    // list holds the names painted, in full); the communities' outlines and names stay
    await zoomIn(page, tiexi, 15.5);
    await expect.poll(() => shown(page, "grid"), { timeout: 15_000 }).toBeGreaterThan(0);
    expect(await shown(page, "grid")).toBeLessThan(200);
    expect(await shown(page, "community")).toBeGreaterThan(0);
    await expect.poll(async () => (await names(page, "grid")).length, { timeout: 10_000 }).toBeGreaterThan(0);
    const gridNames = await names(page, "grid");
    expect(new Set(gridNames).size).toBe(gridNames.length);
    for (const n of gridNames) expect(n, n).toMatch(/第\d+网格$/);
    expect(
      gridNames.some((n) => [...tiexiNames].some((c) => n.startsWith(c))),
      "a grid of 铁西区 is named",
    ).toBe(true);
    expect((await names(page, "community")).length).toBeGreaterThan(0);
    await screenshot(page, "67-screen-zoom-grids");

    // back out to the communities: the grids go
    await zoomOut(page, tiexi, 13.5);
    await expect.poll(() => shown(page, "grid"), { timeout: 15_000 }).toBe(0);
    expect(await names(page, "grid")).toEqual([]);
    expect(await shown(page, "community")).toBeGreaterThan(0);

    // a click on the point (now on a community of 铁西区) drills straight into that community
    await page.mouse.click(tiexi.x, tiexi.y);
    await expect
      .poll(() => page.getByTestId("screen").getAttribute("data-scope"), { timeout: 15_000 })
      .toMatch(/^210303\d{3}\d{3}$/);
    const code = (await page.getByTestId("screen").getAttribute("data-scope")) as string;
    const community = communities.find((c) => c.id === code);
    expect(community, `${code} is a community of 铁西区`).toBeDefined();
    const township = townships.find((t) => t.id === `${code.slice(0, 9)}000`) as Outline;
    await expect
      .poll(() =>
        page
          .getByTestId("screen-breadcrumb")
          .locator(".crumb .name")
          .evaluateAll((els) => els.map((e) => e.textContent ?? "")),
      )
      .toEqual(["鞍山市", "铁西区", township.properties.name, community?.properties.name]);
    // below district level the zoom layers step aside for the level's own shapes
    await expect.poll(() => shown(page, "community"), { timeout: 10_000 }).toBe(0);
    await page.getByTestId("layer-cases").click();
  });

  it("raised no console errors", () => {
    expect(s.errors.filter((e) => !e.startsWith("Failed to load resource"))).toEqual([]);
  });
});
