// The closed loop through the real workbench in Chromium, each step by the role that owns it:
// a grid worker reports → 八家子街道 centre registers and dispatches → the department returns it with
// a reason → re-dispatch → the station accepts and reports back with a photo → the grid worker's
// check fails → rework → pass → closed → the hotline agent records the call-back evaluation. A 铁东区
// user cannot open the case. Screenshots of each main page go to artifacts/screenshots.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { act, choose, expectStatus, openCase, openFromMenu, typeInto, uploadPhoto } from "./actions.ts";
import { launch, type Session, screenshot, signIn } from "./browser.ts";

let browser: Browser;
const sessions = new Map<string, Session>();
let caseId = "";

async function as(username: string): Promise<Session> {
  let s = sessions.get(username);
  if (!s) {
    s = await signIn(browser, username);
    sessions.set(username, s);
  }
  return s;
}

/** Console errors other than the browser's own line for an HTTP error the test provoked on purpose. */
function realErrors(s: Session): string[] {
  return s.errors.filter((e) => !e.startsWith("Failed to load resource"));
}

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe("the closed loop in the browser", () => {
  it("a grid worker reports a problem with a photo in a few steps", async () => {
    const { page } = await as("yuhua_grid01");
    await screenshot(page, "01-inbox-grid-worker");
    await openFromMenu(page, /上报问题/, "report-form");
    await uploadPhoto(page, "report-photos");
    await typeInto(page, "report-lat", "41.119331");
    await typeInto(page, "report-lng", "122.964666");
    await page.getByTestId("report-description").fill("裕华社区3号楼东侧人行道井盖破损,有行人绊倒风险");
    await expect
      .poll(async () => (await page.getByTestId("report-located").textContent()) ?? "", { timeout: 10_000 })
      .toMatch(/裕华社区/);
    await screenshot(page, "02-report");
    await page.getByTestId("report-submit").click();
    await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
    caseId = page.url().split("/").pop() ?? "";
    await expectStatus(page, "reported");
    await expect.poll(() => page.getByTestId("case-code").textContent()).toMatch(/AS-\d{8}-\d{6}/);
    await screenshot(page, "03-case-reported");
  });

  it("八家子街道 centre registers it and dispatches it to a department", async () => {
    const { page } = await as("bajiazi_center");
    await page.getByTestId("user-unit").waitFor();
    await screenshot(page, "04-inbox-township-centre");
    await openCase(page, caseId);
    await act(page, "register", "registered");
    await act(page, "dispatch", "dispatched", async () => {
      await page.getByTestId("dispatch-suggestion").waitFor();
      await screenshot(page, "05-dispatch-form");
      await choose(page, "field-unit", "铁西区城市管理综合行政执法局");
    });
    await expect.poll(() => page.getByTestId("case-owner").textContent()).toContain("城市管理");
  });

  it("the department returns it with a reason", async () => {
    const { page } = await as("tiexi_urban");
    await openCase(page, caseId);
    await act(page, "return", "returned", async (form) => {
      // a return without a reason is refused by the form
      await form.getByTestId("action-submit").click();
      await form.locator(".ant-form-item-explain-error").first().waitFor();
      await form.getByTestId("field-reason").fill("井盖属社区物业管理范围,不属于本单位权责清单");
    });
  });

  it("the centre re-dispatches to the suggested community station", async () => {
    const { page } = await as("bajiazi_center");
    await openCase(page, caseId);
    await expect.poll(() => page.getByTestId("case-page").textContent()).toContain("不属于本单位权责清单");
    await act(page, "dispatch", "dispatched", async () => {
      await page.getByTestId("dispatch-suggestion").waitFor();
      await choose(page, "field-unit", "裕华社区网格化工作站");
    });
    await expect.poll(() => page.getByTestId("case-owner").textContent()).toContain("裕华社区");
  });

  it("the station accepts and reports back with a photo", async () => {
    const { page } = await as("yuhua_station");
    await openCase(page, caseId);
    await act(page, "accept", "accepted");
    await act(page, "feedback", "handled", async (form) => {
      await form.getByTestId("field-note").fill("已联系物业更换井盖");
      await uploadPhoto(page, "feedback-photos");
    });
    await page.getByTestId("photos-feedback").waitFor();
  });

  it("the grid worker's check fails, the station reworks, the check passes and the case closes", async () => {
    const grid = (await as("yuhua_grid01")).page;
    await openCase(grid, caseId);
    await act(grid, "verify", "accepted", async (form) => {
      await form.getByTestId("verify-fail").click();
      await form.getByTestId("field-note").fill("新井盖尺寸不符,仍有缝隙");
    });
    const station = (await as("yuhua_station")).page;
    await openCase(station, caseId);
    await act(station, "feedback", "handled", async (form) => {
      await form.getByTestId("field-note").fill("已更换为标准尺寸井盖并加固");
    });
    await openCase(grid, caseId);
    await act(grid, "verify", "closed", async (form) => {
      await form.getByTestId("verify-pass").click();
      await form.getByTestId("field-note").fill("现场核查,已修复");
    });
    await expect.poll(() => grid.getByTestId("case-counters").textContent()).toMatch(/1/);
  });

  it("the hotline agent records the call-back evaluation", async () => {
    const { page } = await as("hotline_agent");
    await openCase(page, caseId);
    await act(page, "evaluate", "evaluated", async (form) => {
      await form.getByTestId("rating-satisfied").click();
      // 问题是否解决: the reporter's answer, for the 解决率
      await form.getByTestId("solved-yes").click();
      await form.getByTestId("field-comment").fill("回访:群众对处理结果满意");
    });
    await expect.poll(() => page.getByTestId("case-page").textContent()).toContain("已解决");
    const actions = await page
      .getByTestId("timeline-event")
      .evaluateAll((els) => els.map((e) => e.getAttribute("data-action")));
    expect(actions).toEqual([
      "report",
      "register",
      "dispatch",
      "return",
      "dispatch",
      "accept",
      "feedback",
      "verify",
      "feedback",
      "verify",
      "evaluate",
    ]);
    await screenshot(page, "06-case-evaluated");
  });

  it("a 铁东区 user cannot open the case", async () => {
    const { page } = await as("jiefang_station");
    await openCase(page, caseId);
    await page.getByTestId("case-not-found").waitFor();
    expect(await page.getByTestId("case-page").count()).toBe(0);
    expect(await page.content()).not.toContain("井盖破损");
  });

  it("no console errors on the way", () => {
    for (const [username, s] of sessions) expect(realErrors(s), username).toEqual([]);
  });
});
