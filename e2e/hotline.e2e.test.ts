// The 12345 desk in Chromium, keyboard first: the agent types the caller's phone and sees their
// earlier case, places the call in 裕华社区 by name, types what the caller says next to an open case
// about the same manhole, attaches the call to it with Alt+1 and Enter (its me-too count goes up; the
// caller is listed masked, and the agent unmasks the reporter with a reason to call back);
// then answers a consultation and closes it at once (Ctrl+Shift+Enter); then imports a CSV of
// tickets with one bad row: the report shows it, and the good rows are cases.
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { expectStatus } from "./actions.ts";
import { launch, type Session, screenshot, signIn } from "./browser.ts";

let browser: Browser;
let s: Session;
const base = () => inject("baseUrl");
/** data-testid of the element that has the keyboard focus */
const focused = (page: Page) => page.locator("*:focus").first().getAttribute("data-testid");
const CALLER = "13800138000";
let yuhua: { lat: number; lng: number };
let earlier: { id: string; code: string };
let open: { id: string; code: string };

beforeAll(async () => {
  browser = await launch();
  s = await signIn(browser, "hotline_agent");
  // the desk's own place search gives a point inside 裕华社区; the cases below sit next to it
  const places = await s.context.request.get(`${base()}/api/v1/hotline/places?q=${encodeURIComponent("裕华")}`);
  const place = ((await places.json()) as { items: { code: string; lat: number; lng: number }[] }).items.find(
    (p) => p.code === "210303003003",
  );
  if (!place) throw new Error("裕华社区 not found");
  yuhua = { lat: place.lat, lng: place.lng };
  const report = async (body: Record<string, unknown>) => {
    // the browser's session cookie: a change needs the session's CSRF token too (server: http/csrf.ts)
    const csrf = (await s.context.cookies()).find((c) => c.name === "cg_csrf")?.value ?? "";
    const res = await s.context.request.post(`${base()}/api/v1/cases`, {
      data: { source: "hotline", ...body },
      headers: { "x-csrf-token": csrf },
    });
    expect(res.status(), await res.text()).toBe(201);
    return (await res.json()) as { id: string; code: string };
  };
  earlier = await report({ ...yuhua, description: "小区路灯不亮已经一周", reporter: { phone: CALLER } });
  open = await report({
    lat: yuhua.lat + 80 / 111_195,
    lng: yuhua.lng,
    description: "裕华社区3号楼东侧人行道井盖破损,有行人绊倒风险",
    reporter: { phone: "13700137000" },
  });
});
afterAll(async () => {
  await browser?.close();
});

describe("the 12345 desk", () => {
  it("opens on the desk with the phone field focused; Enter shows the caller's earlier cases", async () => {
    const { page } = s;
    await page.getByTestId("hotline-desk").waitFor();
    expect(new URL(page.url()).pathname).toBe("/hotline");
    await expect.poll(() => focused(page)).toBe("hotline-phone");
    await page.keyboard.type(CALLER);
    await page.keyboard.press("Enter");
    const history = page.getByTestId("caller-history");
    await history.waitFor();
    await expect.poll(() => history.textContent()).toContain(earlier.code);
    // Enter moved on to the place
    await expect.poll(() => focused(page)).toBe("hotline-place");
  });

  it("places the call by community name, lists the similar open case, and attaches with Alt+1", async () => {
    const { page } = s;
    await page.keyboard.type("裕华");
    await page.getByTestId("place-option-210303003003").waitFor();
    await page.keyboard.press("Enter");
    await expect
      .poll(() => page.getByTestId("hotline-located").textContent(), { timeout: 10_000 })
      .toContain("裕华社区");
    await page.getByTestId("hotline-name").fill("王女士");
    await page.getByTestId("hotline-description").fill("3号楼那边人行道上井盖破损了,差点把人绊倒");
    const first = page.getByTestId("similar-item").first();
    await expect.poll(() => first.getAttribute("data-case-id"), { timeout: 10_000 }).toBe(open.id);
    await expect.poll(() => first.textContent()).toContain("井盖破损");
    await screenshot(page, "50-hotline-desk");

    await page.keyboard.press("Alt+Digit1");
    await page.getByTestId("metoo-confirm").waitFor();
    await page.keyboard.press("Enter");
    const done = page.getByTestId("hotline-done");
    await expect.poll(() => done.getAttribute("data-kind"), { timeout: 10_000 }).toBe("attached");
    await expect.poll(() => page.getByTestId("hotline-done-metoo").textContent()).toContain("1");
    // the form is clear for the next call, the phone focused
    expect(await page.getByTestId("hotline-description").inputValue()).toBe("");

    await page.getByTestId("hotline-done-link").click();
    await page.getByTestId("case-page").waitFor();
    expect(page.url()).toContain(open.id);
    await expectStatus(page, "reported");
    // the further caller is listed masked: name and phone (issue 5: masked by default everywhere)
    const callers = page.getByTestId("case-caller");
    await callers.first().waitFor();
    await expect.poll(() => callers.first().textContent()).toContain("138****8000");
    expect(await callers.first().textContent()).toContain("王**");
    const shown = (await page.getByTestId("case-page").textContent()) ?? "";
    for (const clear of ["王女士", CALLER, "13700137000"]) expect(shown).not.toContain(clear);
    // to call the reporter back the agent unmasks them on the case page, giving a reason (audited)
    const phone = page.getByTestId("reporter-phone");
    expect(await phone.textContent()).toBe("137****7000");
    await page.getByTestId("reveal-phone").click();
    await page.getByTestId("reveal-reason").fill("回访核实井盖位置");
    await page.getByTestId("reveal-submit").click();
    await expect.poll(() => phone.textContent(), { timeout: 10_000 }).toContain("13700137000");
    expect(await page.getByTestId("reveal-phone").count()).toBe(0);
    // and the me-too caller likewise, one row at a time, with the same reason dialog
    await expect.poll(() => page.getByTestId("reveal-reason").count()).toBe(0);
    await callers.first().getByTestId("reveal-caller").click();
    await page.getByTestId("reveal-reason").fill("回访附议来电人");
    await page.getByTestId("reveal-submit").click();
    await expect.poll(() => callers.first().textContent(), { timeout: 10_000 }).toContain(CALLER);
    expect(await callers.first().textContent()).toContain("王女士");
    expect(await callers.first().getByTestId("reveal-caller").count()).toBe(0);
    const events = await page
      .getByTestId("timeline-event")
      .evaluateAll((els) => els.map((e) => e.getAttribute("data-action")));
    expect(events).toContain("me-too");
  });

  it("answers a consultation and closes it at once with Ctrl+Shift+Enter", async () => {
    const { page } = s;
    await page.goto(`${base()}/hotline`);
    await page.getByTestId("hotline-desk").waitFor();
    await page.getByTestId("hotline-phone").fill("13900139000");
    await page.getByTestId("hotline-place").fill("裕华");
    await page.getByTestId("place-option-210303003003").click();
    await expect
      .poll(() => page.getByTestId("hotline-located").textContent(), { timeout: 10_000 })
      .toContain("裕华社区");
    await page.getByTestId("hotline-description").fill("咨询居住证办理需要哪些材料");
    await page.getByTestId("hotline-answer").fill("身份证、居住证明和近期照片,到社区服务中心办理");
    await page.keyboard.press("Control+Shift+Enter");
    const done = page.getByTestId("hotline-done");
    await expect.poll(() => done.getAttribute("data-kind"), { timeout: 10_000 }).toBe("resolved");
    await page.getByTestId("hotline-done-link").click();
    await page.getByTestId("case-page").waitFor();
    await expectStatus(page, "closed");
    const events = await page
      .getByTestId("timeline-event")
      .evaluateAll((els) => els.map((e) => e.getAttribute("data-action")));
    expect(events).toEqual(["report", "resolve-direct"]);
  });

  it("imports a CSV of tickets: the bad row is reported, the good rows become cases", async () => {
    const { page } = s;
    await page.getByRole("menuitem", { name: /工单导入/ }).click();
    await page.getByTestId("hotline-import").waitFor();
    const stamp = Date.now().toString(36);
    const received = new Date(Date.now() - 3_600_000 + 8 * 3_600_000).toISOString().slice(0, 16).replace("T", " ");
    const csv = [
      "工单编号,受理时间,来电人,来电号码,诉求地址,纬度,经度,诉求内容",
      `E2E-${stamp}-1,${received},孙先生,13600136001,,${yuhua.lat},${yuhua.lng},裕华社区健身器材损坏`,
      `E2E-${stamp}-2,${received},,,铁西区八家子街道裕华社区7号楼,,,楼下餐馆油烟扰民`,
      `E2E-${stamp}-3,${received},,,,${yuhua.lat},${yuhua.lng},`,
    ].join("\r\n");
    const dir = mkdtempSync(path.join(os.tmpdir(), "cg-e2e-"));
    const file = path.join(dir, "工单.csv");
    writeFileSync(file, `\ufeff${csv}\r\n`);
    await page.getByTestId("import-upload").locator('input[type="file"]').setInputFiles(file);
    await page.getByTestId("import-mapping").waitFor();
    await screenshot(page, "51-hotline-import-mapping");
    await page.getByTestId("import-commit").click();
    const reportTable = page.getByTestId("import-report");
    await reportTable.waitFor({ timeout: 30_000 });
    await expect.poll(() => page.getByTestId("import-created").textContent()).toContain("2");
    await expect.poll(() => page.getByTestId("import-invalid").textContent()).toContain("1");
    const bad = page.locator('[data-testid="import-report-row"][data-status="invalid"]');
    await expect.poll(() => bad.textContent()).toContain(`E2E-${stamp}-3`);
    expect(await bad.textContent()).toContain("诉求内容");
    await screenshot(page, "52-hotline-import-report");

    // the good rows are cases in the one problem database
    await page.getByText("全部行").click();
    const created = page.locator('[data-testid="import-report-row"][data-status="created"]');
    await expect.poll(() => created.count()).toBe(2);
    await created.first().locator("a").click();
    await page.getByTestId("case-page").waitFor();
    await expectStatus(page, "reported");
    await expect.poll(() => page.getByTestId("case-page").textContent()).toContain("健身器材损坏");
    await page.goBack();
    await page.getByTestId("import-history").waitFor();
    await expect.poll(() => page.getByTestId("import-history").textContent()).toContain("工单.csv");
    expect(s.errors.filter((e) => !e.startsWith("Failed to load resource"))).toEqual([]);
  });
});
