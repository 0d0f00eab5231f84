import { chromium, devices } from "playwright-core";
const base = "http://127.0.0.1:18432";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
const context = await browser.newContext({ ...devices["Pixel 7"], locale: "zh-CN", geolocation: { latitude: 41.119331, longitude: 122.964666, accuracy: 8 }, permissions: ["geolocation"] });
const page = await context.newPage();
page.on("console", (m) => console.log("console", m.type(), m.text()));
page.on("pageerror", (e) => console.log("pageerror", e.message));
const step = async (name, fn) => { const t = Date.now(); try { await fn(); console.log("OK", name, Date.now() - t); } catch (e) { console.log("FAIL", name, e.message.split("\n")[0]); await page.screenshot({ path: `/tmp/h2-${name}.png` }); throw e; } };
await page.goto(`${base}/m/`);
await step("login", async () => {
  await page.getByLabel("用户名").fill("yuhua_grid01");
  await page.getByLabel("密码").fill("e2e-demo-password");
  await page.getByRole("button", { name: /登\s*录/ }).click();
  await page.getByTestId("m-home").waitFor();
  await page.waitForFunction(() => document.querySelector('[data-testid="m-grid-names"]')?.textContent?.includes("第01网格"));
  await page.locator(".leaflet-container").first().waitFor();
});
await page.screenshot({ path: "/tmp/h2-home.png" });
await step("sw", async () => {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 15000 });
  await page.waitForTimeout(1500);
  console.log(await page.evaluate(async () => {
    const cache = await caches.open("cg-m-assets-v1");
    const loaded = performance.getEntriesByType("resource").map((e) => new URL(e.name).pathname).filter((p) => p.startsWith("/assets/"));
    const missing = []; for (const p of loaded) if (!(await cache.match(p))) missing.push(p);
    return { loaded: loaded.length, missing };
  }));
});
await (async()=>{})(); if (false) await step("report-online", async () => {
  await page.getByTestId("tab-report").click();
  await page.getByTestId("m-report").waitFor();
  await page.getByTestId("category-button").click();
  await page.getByTestId("category-option").first().waitFor();
  await page.keyboard.press("Escape");
});
await step("offline-reload", async () => {
  await context.setOffline(true);
  await page.reload();
  await page.getByTestId("m-report").waitFor();
  await page.waitForFunction(() => document.querySelector("[data-testid=m-network]")?.textContent === "离线", null, {timeout: 10000}); console.log("net offline ok");
});
await page.screenshot({ path: "/tmp/h2-offline.png" });
await step("fill", async () => {
  await page.getByTestId("photo-camera-input").setInputFiles("e2e/fixtures/pothole.png");
  await page.getByTestId("picked-photo").first().waitFor();
  await page.getByTestId("category-button").click();
  await page.getByTestId("category-search").locator("input").fill("污水 井盖");
  await page.getByTestId("category-option").filter({ hasText: "污水井盖" }).first().click();
  await page.getByTestId("category-search").waitFor({ state: "hidden" });
  const text = page.getByTestId("report-description");
  await text.click();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Input.imeSetComposition", { text: "wushui", selectionStart: 6, selectionEnd: 6 });
  await cdp.send("Input.insertText", { text: "井盖缺失测试 debug" });
  await cdp.detach();
  console.log("value:", await text.inputValue());
  await page.waitForTimeout(1500);
  console.log("place:", await page.getByTestId("report-place").textContent());
});
await page.screenshot({ path: "/tmp/h2-report.png" });
await step("submit", async () => {
  await page.getByTestId("report-submit").click();
  await page.getByTestId("m-queue").waitFor();
  await page.waitForTimeout(1000);
  console.log("state:", await page.getByTestId("queue-item").first().getAttribute("data-state"), await page.getByTestId("queue-item").first().textContent());
});
await page.screenshot({ path: "/tmp/h2-queue.png" });
await step("online", async () => {
  await context.setOffline(false);
  await page.waitForFunction(() => document.querySelector('[data-testid="queue-item"]')?.getAttribute("data-state") === "sent", null, { timeout: 30000 });
  console.log(await page.getByTestId("queue-item").first().textContent());
});
await page.screenshot({ path: "/tmp/h2-sent.png" });
await step("patrol", async () => {
  await page.getByTestId("tab-patrol").click();
  await page.getByTestId("patrol-start").click();
  await page.getByTestId("patrol-stop").waitFor();
  for (let i = 1; i <= 3; i++) {
    await page.waitForTimeout(3500);
    await context.setGeolocation({ latitude: 41.119331 + i * 0.0003, longitude: 122.964666, accuracy: 8 });
  }
  await page.waitForTimeout(1000);
  console.log("points", await page.getByTestId("patrol-points").textContent(), await page.getByTestId("patrol-distance").textContent());
  await page.screenshot({ path: "/tmp/h2-patrol.png" });
  await page.getByTestId("patrol-stop").click();
  await page.getByRole("button", { name: "结束巡查" }).last().click();
  await page.getByTestId("patrol-start").waitFor();
  await page.getByTestId("patrol-item").first().waitFor({ timeout: 20000 });
  await page.waitForTimeout(5000);
  console.log("history", await page.getByTestId("patrol-item").first().textContent());
  console.log(JSON.stringify(await page.evaluate(() => new Promise((resolve) => { const o = indexedDB.open("civicgrid-mobile"); o.onsuccess = () => { const r = o.result.transaction("queue").objectStore("queue").getAll(); r.onsuccess = () => resolve(r.result.map((i) => ({ kind: i.payload.kind, state: i.state, error: i.error, n: i.payload.points?.length }))); }; }))));
});
await browser.close();
