// 并案 in the dispatch view: a grid worker reports a problem twice in other words a few steps apart;
// the 八家子街道 dispatcher opens the second report, sees the first as a candidate duplicate (with the
// distance and the words they share), merges with one click, and the first case then shows the
// "me too" count on its page and in the case list.
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

describe("duplicates in the dispatch view", () => {
  it("the dispatcher sees the earlier report as a candidate and merges with one click", async () => {
    const worker = await signIn(browser, "yuhua_grid01");
    const report = async (description: string, lat: number, lng: number) => {
      const res = await pageFetch(worker.page, "POST", "/cases", {
        description,
        lat,
        lng,
        categoryCode: "C01046",
        source: "grid",
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body as { id: string; code: string };
    };
    const first = await report("裕华社区12号楼东侧消防栓漏水,地面大片结冰,老人路过容易滑倒", 41.1195, 122.965);
    const second = await report("12号楼东边的消防栓一直在漏水,地上结了冰,很滑", 41.11965, 122.96515);
    await worker.context.close();

    const { page, context } = await signIn(browser, "bajiazi_center");
    await openCase(page, second.id);
    const candidate = page.getByTestId("duplicate-candidate").and(page.locator(`[data-case-id="${first.id}"]`));
    await candidate.waitFor({ timeout: 15_000 });
    await expect.poll(() => candidate.textContent()).toContain("消防栓");
    await screenshot(page, "duplicates-candidate");

    await candidate.getByTestId("duplicate-merge").click();
    await page.getByTestId("duplicate-merge-confirm").click();
    await expectStatus(page, "merged");

    await openCase(page, first.id);
    await expect.poll(() => page.getByTestId("case-me-too").textContent()).toContain("1");
    await page.goto(`${inject("baseUrl")}/cases?q=${encodeURIComponent(first.code)}`);
    await expect
      .poll(() => page.getByTestId("case-row-me-too").first().textContent(), { timeout: 15_000 })
      .toContain("1");
    await context.close();
  });
});
