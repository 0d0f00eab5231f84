import { chromium, devices } from "playwright-core";
const base = "http://127.0.0.1:18432";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
const context = await browser.newContext({ ...devices["Pixel 7"], locale: "zh-CN", geolocation: { latitude: 41.119331, longitude: 122.964666, accuracy: 8 }, permissions: ["geolocation"] });
const page = await context.newPage();
page.on("console", (m) => console.log("console", m.type(), m.text()));
page.on("pageerror", (e) => console.log("pageerror", e.message));
page.on("response", (r) => { if (r.url().includes("/mobile/")) console.log("resp", r.request().method(), r.url().replace(base, ""), r.status()); });
await page.goto(`${base}/m/`);
await page.getByLabel("用户名").fill("yuhua_grid01");
await page.getByLabel("密码").fill("e2e-demo-password");
await page.getByRole("button", { name: /登\s*录/ }).click();
await page.getByTestId("m-home").waitFor();
await page.getByTestId("tab-patrol").click();
await page.getByTestId("patrol-start").click();
await page.getByTestId("patrol-stop").waitFor();
for (let i = 1; i <= 3; i++) {
  await page.waitForTimeout(3500);
  await context.setGeolocation({ latitude: 41.119331 + i * 0.0003, longitude: 122.964666, accuracy: 8 });
}
await page.waitForTimeout(1000);
await page.getByTestId("patrol-stop").click();
await page.getByRole("button", { name: "结束巡查" }).last().click();
await page.getByTestId("patrol-start").waitFor();
await page.waitForTimeout(5000);
console.log("history", await page.getByTestId("patrol-item").first().textContent());
console.log(JSON.stringify(await page.evaluate(() => new Promise((resolve) => { const o = indexedDB.open("civicgrid-mobile"); o.onsuccess = () => { const r = o.result.transaction("queue").objectStore("queue").getAll(); r.onsuccess = () => resolve(r.result.map((i) => ({ kind: i.payload.kind, state: i.state, error: i.error, n: i.payload.points?.length }))); }; }))));
await browser.close();
