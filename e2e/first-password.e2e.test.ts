// An admin account whose password another admin set must choose its own first: the security admin
// resets the auditor's password on the security page; the auditor's sign-in with it shows only the
// change-password screen, then the TOTP enrolment (admins must have it), then the workbench. The
// auditor's new password is the e2e one again, so the other browser tests still sign in with it.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { completeSecondFactor, launch, screenshot, signIn } from "./browser.ts";
import { E2E_PASSWORD } from "./constants.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe("a password set by another admin", () => {
  it("must be changed at the first sign-in, before the enrolment and the workbench", async () => {
    const sec = await signIn(browser, "secadmin");
    await sec.page.getByRole("menuitem", { name: /安全/ }).click();
    await sec.page.getByTestId("security-policies").waitFor();
    await sec.page.getByLabel("用户名").fill("auditor");
    await sec.page.getByRole("button", { name: "重置管理员密码" }).click();
    const given = ((await sec.page.getByTestId("generated-password").textContent()) ?? "").trim();
    expect(given.length).toBeGreaterThanOrEqual(12);
    await sec.context.close();

    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: "zh-CN" });
    const page = await context.newPage();
    await page.goto(inject("baseUrl"));
    await page.getByLabel("用户名").fill("auditor");
    await page.getByLabel("密码").fill(given);
    await page.getByRole("button", { name: /登\s*录/ }).click();
    // the auditor may have TOTP from an earlier test: then the code step comes first
    const changePage = page.getByTestId("password-change-page");
    await changePage
      .or(page.getByRole("button", { name: /验\s*证/ }))
      .first()
      .waitFor();
    if (!(await changePage.isVisible())) await completeSecondFactor(page, "auditor");
    await changePage.waitFor();
    await screenshot(page, "94-password-change");
    await page.getByLabel("管理员给您的密码").fill(given);
    await page.getByLabel("新密码", { exact: true }).fill(E2E_PASSWORD);
    await page.getByLabel("确认新密码").fill(E2E_PASSWORD);
    await page.getByRole("button", { name: /修改密码/ }).click();
    // next the enrolment (or straight to the workbench when TOTP is already on)
    await completeSecondFactor(page, "auditor");
    await page.getByTestId("user-unit").waitFor();
    await context.close();
  });
});
