// 智能分派 in the dispatch form: the demo's closed cases train the routing models in the background
// after start; a grid worker reports a problem, the 八家子街道 dispatcher opens the dispatch form, sees
// the suggested categories and units with the words that drove them, and one click on a suggestion
// fills the form's field. The dispatch then goes to the unit picked that way, with the category picked.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { expectStatus, openCase } from "./actions.ts";
import { launch, screenshot, signIn } from "./browser.ts";
import { pageFetch } from "./page-helpers.ts";

let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe("routing suggestions in the dispatch form", () => {
  it("shows the suggested categories and units with their words; a click fills the form", async () => {
    const worker = await signIn(browser, "yuhua_grid01");
    const reported = await pageFetch(worker.page, "POST", "/cases", {
      title: "裕华社区8号楼前供水井盖缺失",
      description: "巡查发现裕华社区8号楼前人行道上供水井盖缺失,井口裸露,已用路障临时围挡,请权属单位尽快补装。",
      lat: 41.1195,
      lng: 122.965,
      source: "grid",
    });
    expect(reported.status, JSON.stringify(reported.body)).toBe(201);
    const id = (reported.body as { id: string }).id;
    await worker.context.close();

    const { page, context } = await signIn(browser, "bajiazi_center");
    expect((await pageFetch(page, "POST", `/cases/${id}/actions/register`, {})).status).toBe(200);
    // the first model is trained from the demo history after start (a worker thread, about a minute)
    await expect
      .poll(
        async () =>
          ((await pageFetch(page, "GET", `/cases/${id}/suggestions`)).body as { modelVersion: number | null })
            .modelVersion,
        { timeout: 200_000, interval: 3_000 },
      )
      .not.toBeNull();

    await openCase(page, id);
    await expectStatus(page, "registered");
    await page.getByTestId("action-dispatch").click();
    const form = page.getByTestId("form-dispatch");
    await form.waitFor();
    const box = form.getByTestId("routing-suggestions");
    await box.waitFor({ timeout: 15_000 });
    await expect.poll(() => box.getByTestId("suggested-category").count()).toBeGreaterThan(0);
    await expect.poll(() => box.getByTestId("suggested-unit").count()).toBeGreaterThan(0);
    await expect.poll(() => box.getByTestId("suggestion-term").count()).toBeGreaterThan(0);
    await screenshot(page, "routing-suggestions");

    // one click fills the lead unit and the category
    const unit = box.getByTestId("suggested-unit").last();
    const unitCode = await unit.getAttribute("data-code");
    const unitName = ((await unit.textContent()) ?? "").split(" · ")[0]?.trim() ?? "";
    await unit.click();
    await expect.poll(() => form.getByTestId("field-unit").textContent()).toContain(unitName);
    const category = box.getByTestId("suggested-category").first();
    const categoryCode = await category.getAttribute("data-code");
    const categoryName = ((await category.textContent()) ?? "").split(" · ")[0]?.trim() ?? "";
    await category.click();
    await expect.poll(() => form.getByTestId("field-category").textContent()).toContain(categoryName);

    await form.getByTestId("action-submit").click();
    await expectStatus(page, "dispatched");
    const detail = (await pageFetch(page, "GET", `/cases/${id}`)).body as {
      categoryCode: string | null;
      ownerUnit: { code: string } | null;
    };
    expect(detail.categoryCode).toBe(categoryCode);
    expect(detail.ownerUnit?.code).toBe(unitCode);
    await context.close();
  }, 300_000);

  it("the city centre's models page shows the versions and the switches; the screen shows the auto-dispatch tile", async () => {
    const { page, context } = await signIn(browser, "city_dispatcher");
    await page.goto(`${inject("baseUrl")}/models`);
    await page.getByTestId("models-panel").waitFor();
    await page.getByTestId("model-version-1").waitFor({ timeout: 15_000 });
    await expect.poll(() => page.getByTestId("model-version-1").textContent()).toContain("启用中");
    await page.getByTestId("auto-dispatch-figures").waitFor();
    // the switches of the categories the active version measured, most held-out cases first
    await expect
      .poll(() => page.getByTestId("auto-dispatch-settings").locator("button[role=switch]").count(), {
        timeout: 15_000,
      })
      .toBeGreaterThan(0);
    await screenshot(page, "routing-models");

    await page.goto(`${inject("baseUrl")}/screen/`);
    const tile = page.getByTestId("kpi-autoShare");
    await tile.waitFor({ timeout: 20_000 });
    const summary = (await pageFetch(page, "GET", "/screen/summary")).body as {
      autoDispatch: { share: number | null };
    };
    await expect.poll(() => tile.getAttribute("data-value")).toBe(String(summary.autoDispatch.share ?? ""));
    await context.close();
  });
});
