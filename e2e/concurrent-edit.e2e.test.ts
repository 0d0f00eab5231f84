// Two people on one case: the 八家子街道 dispatcher has the registered case open, while someone else
// (the same desk in another tab) dispatches it to the community station. The dispatcher's own dispatch,
// sent with the version the page shows (If-Match), is refused: the page says the case changed,
// reloads it (the station's dispatch stands, nothing is overwritten), and a dispatch made on the
// fresh view then goes through.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { act, choose, expectStatus, openCase, statusOf } from "./actions.ts";
import { launch, signIn } from "./browser.ts";
import { pageFetch } from "./page-helpers.ts";

const STATION = "210303003003-station";
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe("a case changed by someone else while it is on screen", () => {
  it("the stale action is refused with a clear message and the case is reloaded", async () => {
    const worker = await signIn(browser, "yuhua_grid01");
    const created = await pageFetch(worker.page, "POST", "/cases", {
      description: "并发编辑测试:裕华社区路灯不亮",
      lat: 41.119331,
      lng: 122.964666,
      categoryCode: "C01046",
      source: "grid",
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = created.body?.id as string;
    await worker.context.close();

    const { page, context } = await signIn(browser, "bajiazi_center");
    expect((await pageFetch(page, "POST", `/cases/${id}/actions/register`, {})).status).toBe(200);
    await openCase(page, id);
    await expectStatus(page, "registered");

    // meanwhile, in another tab: dispatched to the community station
    const other = await context.newPage();
    await openCase(other, id);
    const dispatched = await pageFetch(other, "POST", `/cases/${id}/actions/dispatch`, { unitCode: STATION });
    expect(dispatched.status, JSON.stringify(dispatched.body)).toBe(200);
    await other.close();
    expect(await statusOf(page)).toBe("registered"); // the first tab still shows what it loaded

    // the first tab dispatches elsewhere from its stale view: refused, told, reloaded
    await page.getByTestId("action-dispatch").click();
    const form = page.getByTestId("form-dispatch");
    await form.waitFor();
    await choose(page, "field-unit", "铁西区城市管理综合行政执法局");
    await form.getByTestId("action-submit").click();
    await page.locator(".ant-message").getByText("该案件已被他人更新").waitFor();
    await form.waitFor({ state: "hidden" });
    await expectStatus(page, "dispatched");
    await expect.poll(() => page.getByTestId("case-owner").textContent()).toContain("裕华社区");

    // on the fresh view the re-dispatch is accepted
    await act(page, "dispatch", "dispatched", async () => {
      await choose(page, "field-unit", "铁西区城市管理综合行政执法局");
    });
    await expect.poll(() => page.getByTestId("case-owner").textContent()).toContain("城市管理");
    await context.close();
  });
});
