// The system admin connects an app through Open311 in the workbench: creates a client, copies the
// key shown once, the app files a request with it, and disabling the client turns the key off.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launch, screenshot, signIn } from "./browser.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe("Open311 clients (系统管理 → Open311 接入)", () => {
  it("create a client, file a request with its key, disable it", async () => {
    const s = await signIn(browser, "sysadmin");
    const { page } = s;
    await page.goto(`${inject("baseUrl")}/admin/open311`);
    await page.getByTestId("o311-table").waitFor();

    await page.getByTestId("o311-create").click();
    await page.getByTestId("o311-name").fill("鞍山随手拍 App");
    await page.getByTestId("o311-create-ok").click();
    const key = (await page.getByTestId("o311-key").textContent())?.trim() ?? "";
    expect(key).toMatch(/^o311_[A-Za-z0-9_-]{32}$/);
    // the modal fades in: wait until it stands still before the picture
    await page.getByTestId("o311-key").waitFor({ state: "visible" });
    await page.waitForTimeout(400);
    await screenshot(page, "70-open311-key");
    await page.getByTestId("o311-key-done").click();
    const row = page.getByTestId("o311-table").locator("tr", { hasText: "鞍山随手拍 App" });
    await row.waitFor();
    // the list shows the prefix, never the key
    expect(await page.getByTestId("o311-table").textContent()).not.toContain(key);

    // the app files a problem the way Open311 clients do: form-encoded, placed by its address
    const filed = await page.request.post(`${inject("baseUrl")}/open311/v2/requests.json`, {
      form: {
        api_key: key,
        service_code: "C01001",
        address_string: "铁西区八家子街道裕华社区",
        description: "e2e: 井盖破损",
      },
    });
    expect(filed.status(), await filed.text()).toBe(201);
    const [created] = (await filed.json()) as { service_request_id: string }[];
    expect(created?.service_request_id).toMatch(/^AS-\d{8}-\d{6}$/);

    await page.reload();
    const cell = (i: number) => row.locator("td").nth(i);
    await expect.poll(async () => (await cell(3).textContent())?.trim()).toBe("1"); // requests
    expect((await cell(2).textContent())?.trim()).toBe("启用");

    await row.getByRole("button", { name: /停\s*用/ }).click();
    await page.getByRole("button", { name: /确\s*定/ }).click();
    await expect.poll(async () => (await cell(2).textContent())?.trim()).toBe("停用");
    await screenshot(page, "71-open311-clients");
    const refused = await page.request.post(`${inject("baseUrl")}/open311/v2/requests.json`, {
      form: { api_key: key, service_code: "C01001", address_string: "铁西区八家子街道裕华社区" },
    });
    expect(refused.status()).toBe(403);
    expect(await refused.json()).toEqual([{ code: 403, description: expect.stringContaining("api_key") }]);

    expect(s.errors.filter((e) => !e.startsWith("Failed to load resource"))).toEqual([]);
    await s.context.close();
  });
});
