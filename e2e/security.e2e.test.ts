// Identity in the browser: the security admin resets the auditor's second factor on the security
// page; the auditor's next sign-in shows only the enrolment screen (QR code and base32 key), the
// recovery codes once; after signing out, the next sign-in asks for a code, and a recovery code works
// once. Also: the session-expired message and the account security screen.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { completeSecondFactor, freshCode, launch, screenshot, signIn, totpOf } from "./browser.ts";
import { E2E_PASSWORD } from "./constants.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function passwordStep(page: Page, username: string) {
  await page.goto(inject("baseUrl"));
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码").fill(E2E_PASSWORD);
  await page.getByRole("button", { name: /登\s*录/ }).click();
}

describe("two-step verification", () => {
  it("reset by the security admin → enrolment at first sign-in → code at the next; recovery code once", async () => {
    const sec = await signIn(browser, "secadmin");
    await sec.page.getByRole("menuitem", { name: /安全/ }).click();
    await sec.page.getByTestId("security-policies").waitFor();
    await sec.page.getByLabel("用户名").fill("auditor");
    await sec.page.getByRole("button", { name: "重置两步验证" }).click();
    await expect.poll(() => sec.page.getByText("已重置 auditor 的两步验证").count()).toBeGreaterThan(0);
    await screenshot(sec.page, "90-security-policies");
    await sec.context.close();

    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: "zh-CN" });
    const page = await context.newPage();
    await passwordStep(page, "auditor");
    await page.getByTestId("enrolment-page").waitFor();
    await page.getByTestId("totp-start").click();
    await page.locator("canvas, svg").first().waitFor(); // the QR code
    await screenshot(page, "91-totp-enrolment");
    await context.close();

    // a fresh browser finishes it (the pending secret is replaced by a new one: that is fine)
    const first = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: "zh-CN" });
    const p1 = await first.newPage();
    await passwordStep(p1, "auditor");
    await p1.getByTestId("enrolment-page").waitFor();
    await completeSecondFactor(p1, "auditor");
    await p1.getByTestId("user-unit").waitFor();
    const enrolled = totpOf("auditor");
    expect(enrolled?.secret).toMatch(/^[A-Z2-7]{16,}$/);
    expect(enrolled?.recoveryCodes).toHaveLength(10);
    await p1.getByRole("button", { name: /退\s*出/ }).click();
    await p1.getByLabel("用户名").waitFor();

    await passwordStep(p1, "auditor");
    const code = p1.getByLabel("动态口令或恢复码");
    await code.waitFor();
    await screenshot(p1, "92-totp-sign-in");
    await code.fill(await freshCode("auditor"));
    await p1.getByRole("button", { name: /验\s*证/ }).click();
    await p1.getByTestId("user-unit").waitFor();
    await p1.getByRole("button", { name: /退\s*出/ }).click();
    await p1.getByLabel("用户名").waitFor();

    const recovery = enrolled?.recoveryCodes[0] as string;
    for (const expected of ["ok", "refused"]) {
      await passwordStep(p1, "auditor");
      await p1.getByLabel("动态口令或恢复码").fill(recovery);
      await p1.getByRole("button", { name: /验\s*证/ }).click();
      if (expected === "ok") {
        await p1.getByTestId("user-unit").waitFor();
        await p1.getByRole("button", { name: /退\s*出/ }).click();
        // signed out on the server before the next sign-in (a page opened earlier would still find the session)
        await p1.getByLabel("用户名").waitFor();
      } else {
        await expect.poll(() => p1.getByTestId("login-error").textContent()).toContain("动态口令或恢复码不正确");
      }
    }
    await first.close();
  });

  it("the account security screen shows the state and changes nothing without the password", async () => {
    const s = await signIn(browser, "auditor");
    await s.page.getByTestId("account-security").click();
    await s.page.getByTestId("account-security-page").waitFor();
    await expect.poll(() => s.page.getByText("安全策略要求").count()).toBeGreaterThan(0);
    await screenshot(s.page, "93-account-security");
    await s.context.close();
  });

  it("a session that timed out on the server returns to the sign-in page with a message", async () => {
    const s = await signIn(browser, "yuhua_station");
    // what an idle timeout does to the cookie's session: the server no longer accepts it
    await s.context.route("**/api/v1/**", (route) =>
      route.fulfill({
        status: 401,
        contentType: "application/json",
        body: JSON.stringify({
          error: { code: "SESSION_EXPIRED", message: "会话已过期,请重新登录", messageEn: "expired" },
        }),
      }),
    );
    await s.page.getByRole("menuitem").nth(1).click();
    await s.page.getByTestId("session-expired").waitFor();
    await s.context.close();
  });
});
