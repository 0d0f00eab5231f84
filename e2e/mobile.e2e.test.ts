// The grid workers' phone app in a phone (Pixel 7 emulation, position inside 裕华社区): installable
// (manifest, service worker), reloads without a network, and a report made offline — photo, category
// picked offline, dictated Chinese text — waits in the outbox, is sent once the network returns and
// is stored exactly once with its photo, even when the phone sends it a second time. Then a short
// patrol records a track.
import { type Browser, type BrowserContext, devices, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { apiAs, PHOTO, signInOnPhone } from "./actions.ts";
import { launch, openPhone, screenshot } from "./browser.ts";

// a point in 裕华社区 (铁西区 八家子街道), the demo grid worker's community
const HERE = { latitude: 41.119331, longitude: 122.964666, accuracy: 8 };
const DESCRIPTION = `裕华社区3号楼东侧人行道污水井盖缺失,夜间有行人踩空的危险,请尽快处理。${Date.now()}`;

let browser: Browser;
let context: BrowserContext;
let page: Page;
let errors: string[] = [];
const base = () => inject("baseUrl");

async function storedCases(): Promise<{ id: string; code: string }[]> {
  const get = await apiAs("yuhua_grid01");
  const list = await get<{ items: { id: string; code: string }[] }>(
    `/cases?q=${encodeURIComponent(DESCRIPTION.slice(-13))}&pageSize=10`,
  );
  return list.items;
}

beforeAll(async () => {
  browser = await launch();
  ({ context, page, errors } = await openPhone(browser, HERE));
});
afterAll(async () => {
  await browser?.close();
});

describe("the grid workers' phone app", () => {
  it("signs in a grid worker and shows their grid, tasks and position", async () => {
    await signInOnPhone(page, "yuhua_grid01");
    await expect.poll(() => page.getByTestId("m-grid-names").textContent()).toContain("裕华社区第01网格");
    await expect.poll(() => page.getByTestId("stat-verify").textContent()).toMatch(/\d+待核查/);
    await page.locator(".leaflet-container").first().waitFor();
    await screenshot(page, "50-mobile-home");
  });

  it("is installable: the manifest is served and the service worker controls /m/", async () => {
    const href = await page.locator('link[rel="manifest"]').getAttribute("href");
    expect(href).toBe("/m/manifest.webmanifest");
    const res = await page.request.get(`${base()}${href}`);
    expect(res.status()).toBe(200);
    expect(res.headers()["content-type"]).toMatch(/manifest\+json|application\/json/);
    const manifest = await res.json();
    expect(manifest).toMatchObject({ short_name: "网格员", start_url: "/m/", scope: "/m/", display: "standalone" });
    for (const icon of manifest.icons as { src: string; sizes: string; type: string }[]) {
      const got = await page.request.get(`${base()}${icon.src}`);
      expect(got.status(), icon.src).toBe(200);
      expect(got.headers()["content-type"], icon.src).toContain(icon.type.split("+")[0]);
    }
    expect(manifest.icons.map((i: { sizes: string }) => i.sizes)).toEqual(
      expect.arrayContaining(["192x192", "512x512"]),
    );

    // browser code as text: the e2e project is compiled without the DOM library
    const sw = (await page.evaluate(
      "navigator.serviceWorker.ready.then((r) => ({ scope: r.scope, script: r.active ? r.active.scriptURL : null }))",
    )) as { scope: string; script: string | null };
    expect(sw.scope).toBe(`${base()}/m/`);
    expect(sw.script).toBe(`${base()}/m/sw.js`);
    await page.waitForFunction("navigator.serviceWorker.controller !== null");
    // everything the page has loaded so far (entry, map code) is kept for offline use
    await expect
      .poll(
        () =>
          page.evaluate(`(async () => {
            const cache = await caches.open("cg-m-assets-v1");
            const loaded = performance
              .getEntriesByType("resource")
              .map((e) => new URL(e.name).pathname)
              .filter((p) => p.startsWith("/assets/"));
            const missing = [];
            for (const p of loaded) if (!(await cache.match(p))) missing.push(p);
            return { loaded: loaded.length, missing };
          })()`),
        { timeout: 15_000 },
      )
      .toMatchObject({ missing: [] });
  });

  it("loads the category table while online, then reloads and works without a network", async () => {
    await page.getByTestId("tab-report").click();
    await page.getByTestId("m-report").waitFor();
    // opening the picker once online keeps the table on the phone
    await page.getByTestId("category-button").click();
    await page.getByTestId("category-option").first().waitFor();
    await page.keyboard.press("Escape");

    await context.setOffline(true);
    await expect.poll(() => page.getByTestId("m-network").getAttribute("data-online")).toBe("false");
    await page.reload();
    await page.getByTestId("m-report").waitFor();
    await expect.poll(() => page.getByTestId("m-network").textContent()).toBe("离线");
  });

  it("makes a report offline: photo, category searched offline, dictated text; it waits in the outbox", async () => {
    await page.getByTestId("photo-camera-input").setInputFiles(PHOTO);
    await expect.poll(() => page.getByTestId("picked-photo").count()).toBe(1);

    await page.getByTestId("category-button").click();
    await page.getByTestId("category-search").locator("input").fill("污水 井盖");
    await page.getByTestId("category-option").filter({ hasText: "污水井盖" }).first().click();
    await expect.poll(() => page.getByTestId("category-button").textContent()).toContain("污水井盖");
    // the sheet gives the focus back to its button when it has closed: type after that
    await page.getByTestId("category-search").waitFor({ state: "hidden" });

    // the keyboard's voice or pinyin input: a composition, then the committed Chinese text
    const text = page.getByTestId("report-description");
    await text.click();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Input.imeSetComposition", { text: "wushui", selectionStart: 6, selectionEnd: 6 });
    await cdp.send("Input.insertText", { text: DESCRIPTION });
    await cdp.detach();
    await expect.poll(() => text.inputValue()).toBe(DESCRIPTION);
    await expect
      .poll(() => page.getByTestId("report-place").textContent(), { timeout: 15_000 })
      .toMatch(/已选位置 41\.119/);
    await screenshot(page, "51-mobile-report-offline");

    await page.getByTestId("report-submit").click();
    await page.getByTestId("m-queue").waitFor();
    const item = page.getByTestId("queue-item").first();
    await expect.poll(() => item.getAttribute("data-state")).toBe("waiting");
    await expect.poll(() => page.getByTestId("queue-badge").textContent()).toContain("1");
    await expect.poll(() => item.getByTestId("queue-error").textContent()).toContain("等待网络");
    await screenshot(page, "52-mobile-outbox-offline");
    expect(await storedCases()).toEqual([]);
  });

  it("sends it when the network returns: one case with its one photo", async () => {
    await context.setOffline(false);
    const item = page.getByTestId("queue-item").first();
    await expect.poll(() => item.getAttribute("data-state"), { timeout: 30_000 }).toBe("sent");
    const link = item.getByTestId("queue-case-link");
    await expect.poll(() => link.textContent()).toMatch(/AS-\d{8}-\d{6}/);
    await screenshot(page, "53-mobile-outbox-sent");

    const stored = await storedCases();
    expect(stored).toHaveLength(1);
    const get = await apiAs("yuhua_grid01");
    const c = await get<{
      description: string;
      categoryCode: string;
      source: string;
      communityName: string;
      photos: { stage: string }[];
    }>(`/cases/${stored[0]?.id}`);
    expect(c).toMatchObject({
      description: DESCRIPTION,
      categoryCode: "C01002",
      source: "grid",
      communityName: "裕华社区",
    });
    expect(c.photos).toHaveLength(1);
    expect(c.photos[0]?.stage).toBe("report");
    expect(await link.textContent()).toContain(stored[0]?.code);
  });

  it("a report the phone sends a second time (answer lost) is still stored once", async () => {
    // as if the phone never heard the answer to the report: the item waits again, same keys
    await page.evaluate(`new Promise((resolve, reject) => {
      const open = indexedDB.open("civicgrid-mobile");
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const tx = open.result.transaction("queue", "readwrite");
        const store = tx.objectStore("queue");
        const all = store.getAll();
        all.onsuccess = () => {
          for (const item of all.result) {
            if (item.payload.kind !== "report") continue;
            item.state = "waiting";
            store.put(item);
          }
        };
        tx.oncomplete = () => resolve(undefined);
        tx.onerror = () => reject(tx.error);
      };
    })`);
    await page.getByTestId("tab-home").click();
    await page.getByTestId("tab-queue").click();
    await page.getByTestId("queue-send-now").click();
    await expect.poll(() => page.getByTestId("queue-item").first().getAttribute("data-state")).toBe("sent");
    expect(await storedCases()).toHaveLength(1);
  });

  it("records a short patrol and lists it with its distance", async () => {
    await page.getByTestId("tab-patrol").click();
    await page.getByTestId("patrol-start").click();
    await page.getByTestId("patrol-stop").waitFor();
    // walk north along the street, a fix every few seconds
    for (let i = 1; i <= 3; i++) {
      await page.waitForTimeout(3_500);
      await context.setGeolocation({ ...HERE, latitude: HERE.latitude + i * 0.0003 });
    }
    await expect.poll(() => page.getByTestId("patrol-points").textContent(), { timeout: 15_000 }).not.toBe("0");
    await screenshot(page, "54-mobile-patrol");
    await page.getByTestId("patrol-stop").click();
    await page.getByRole("button", { name: "结束巡查" }).last().click();
    await page.getByTestId("patrol-start").waitFor();

    const get = await apiAs("yuhua_grid01");
    await expect
      .poll(async () => (await get<{ items: { active: boolean; pointCount: number }[] }>("/mobile/patrols")).items[0], {
        timeout: 20_000,
      })
      .toMatchObject({ active: false, pointCount: expect.any(Number) });
    const [latest] = (await get<{ items: { id: string; pointCount: number; distanceM: number }[] }>("/mobile/patrols"))
      .items;
    expect(latest?.pointCount).toBeGreaterThanOrEqual(2);
    expect(latest?.distanceM).toBeGreaterThan(30);
    await page.getByTestId("patrol-item").first().waitFor();
  });

  it("verifies a handled case on site with a photo", async () => {
    // a case in 裕华社区 handled by the station, through the API
    const worker = await apiAs("yuhua_grid01");
    const centre = await apiAs("bajiazi_center");
    const station = await apiAs("yuhua_station");
    const created = await worker<{ id: string }>("/cases", {
      description: "裕华社区5号楼前路灯不亮",
      lat: HERE.latitude,
      lng: HERE.longitude,
      source: "grid",
    });
    const id = created.id;
    await centre(`/cases/${id}/actions/register`, {});
    await centre(`/cases/${id}/actions/dispatch`, { unitCode: "210303003003-station" });
    await station(`/cases/${id}/actions/accept`, {});
    await station(`/cases/${id}/actions/feedback`, { note: "已更换灯泡,恢复照明" });

    await page.getByTestId("tab-tasks").click();
    await page.getByTestId("tasks-kind").getByText("待核查").click();
    await page.locator(`[data-testid="task-item"][data-case-id="${id}"]`).click();
    await page.getByTestId("verify-form").waitFor();
    await expect.poll(() => page.getByTestId("m-case").textContent()).toContain("已更换灯泡");
    await page.getByTestId("verify-pass").click();
    await page.getByTestId("verify-note").fill("现场查看,路灯已恢复");
    await page.getByTestId("verify-photos").getByTestId("photo-gallery-input").setInputFiles(PHOTO);
    await expect.poll(() => page.getByTestId("verify-photos").getByTestId("picked-photo").count()).toBe(1);
    await page.getByTestId("verify-submit").click();
    await page.getByTestId("m-queue").waitFor();
    const item = page.locator('[data-testid="queue-item"][data-kind="verify"]').first();
    await expect.poll(() => item.getAttribute("data-state"), { timeout: 20_000 }).toBe("sent");

    const c = await worker<{ status: string; photos: { stage: string }[] }>(`/cases/${id}`);
    expect(c.status).toBe("closed");
    expect(c.photos.map((p) => p.stage)).toEqual(["verify"]);
  });

  it("tells other staff to use the workbench", async () => {
    const other = await browser.newContext({ ...devices["Pixel 7"], locale: "zh-CN" });
    const p = await other.newPage();
    await signInOnPhone(p, "bajiazi_center", "m-go-workbench");
    await other.close();
  });

  it("shows no errors in the console", () => {
    // the browser's own lines for requests refused while offline are expected
    expect(errors.filter((e) => !/Failed to load resource|ERR_INTERNET_DISCONNECTED|Failed to fetch/.test(e))).toEqual(
      [],
    );
  });
});
