// Every main page of the workbench, as the role that uses it, at 1366×768 and on a tablet: it renders
// real data without console errors, the language switch works, and a screenshot is saved.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launch, type Session, screenshot, signIn } from "./browser.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const realErrors = (s: Session) => s.errors.filter((e) => !e.startsWith("Failed to load resource"));

async function visit(s: Session, menu: RegExp, ready: string, shot: string) {
  await s.page.getByRole("menuitem", { name: menu }).click();
  await s.page.getByTestId(ready).first().waitFor({ timeout: 20_000 });
  // let lists and maps finish loading before the picture
  await s.page.waitForLoadState("networkidle");
  await screenshot(s.page, shot);
}

describe("main pages", () => {
  it("sign-in page", async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: "zh-CN" });
    const page = await context.newPage();
    await page.goto(inject("baseUrl"));
    await page.getByLabel("用户名").waitFor();
    await screenshot(page, "00-sign-in");
    await page.getByLabel("用户名").fill("bajiazi_center");
    await page.getByLabel("密码").fill("wrong-password-123");
    await page.getByRole("button", { name: /登\s*录/ }).click();
    // the API's error is shown as a readable message, never raw JSON
    await expect.poll(() => page.getByTestId("login-error").textContent()).toContain("用户名或密码错误");
    await context.close();
  });

  it("inbox and case list of a township centre, with counts and time left", async () => {
    const s = await signIn(browser, "bajiazi_center");
    await s.page.getByTestId("case-table").first().waitFor({ timeout: 20_000 });
    await s.page.waitForLoadState("networkidle");
    await screenshot(s.page, "10-inbox");
    await visit(s, /案件查询/, "case-table", "11-cases");
    await visit(s, /派遣中心/, "dispatch-map", "12-dispatch");
    expect(realErrors(s)).toEqual([]);
    await s.context.close();
  });

  it("a leader reads the city's cases; English works", async () => {
    const s = await signIn(browser, "leader");
    await s.page.getByTestId("case-table").first().waitFor({ timeout: 20_000 });
    await s.page.getByRole("button", { name: "English" }).click();
    await s.page.getByRole("button", { name: "中文" }).waitFor();
    await s.page.waitForLoadState("networkidle");
    await screenshot(s.page, "13-cases-leader-en");
    expect(await s.page.content()).toContain("Sign out");
    await s.page.getByRole("button", { name: "中文" }).click();
    expect(realErrors(s)).toEqual([]);
    await s.context.close();
  });

  it("administration: divisions and grids, units, users, categories, calendar", async () => {
    const s = await signIn(browser, "sysadmin");
    await s.page.getByRole("menuitem", { name: /系统管理/ }).click();
    for (const key of ["divisions", "units", "users", "categories", "calendar"]) {
      await s.page.getByTestId(`admin-tab-${key}`).click();
      await s.page.waitForLoadState("networkidle");
      await screenshot(
        s.page,
        `2${["divisions", "units", "users", "categories", "calendar"].indexOf(key)}-admin-${key}`,
      );
    }
    // 我的网格: a grid worker's grids in the users table and in the account form (looked at, not changed)
    await s.page.getByTestId("admin-tab-users").click();
    await s.page.getByPlaceholder("按用户名或姓名搜索").fill("yuhua_grid01");
    await s.page.getByPlaceholder("按用户名或姓名搜索").press("Enter");
    const gridsTag = s.page.getByTestId("user-grids-yuhua_grid01");
    await expect.poll(() => gridsTag.textContent(), { timeout: 20_000 }).toBe("1 个网格");
    await gridsTag.hover();
    await s.page.getByRole("tooltip").filter({ hasText: "裕华社区第01网格" }).waitFor();
    await s.page
      .getByRole("row", { name: /yuhua_grid01/ })
      .getByRole("button", { name: /编\s*辑/ })
      .click();
    const picker = s.page.getByTestId("user-grids");
    await expect.poll(() => picker.textContent(), { timeout: 20_000 }).toContain("裕华社区第01网格");
    await picker.click();
    // the station's community offers its six grids
    await s.page.locator(".ant-select-dropdown:visible").getByText("裕华社区第06网格").waitFor();
    await screenshot(s.page, "25-admin-user-grids");
    await s.page.keyboard.press("Escape");
    await s.page.getByRole("button", { name: /取\s*消/ }).click();
    expect(realErrors(s)).toEqual([]);
    await s.context.close();
  });

  it("security admin and auditor have their own pages", async () => {
    const sec = await signIn(browser, "secadmin");
    await sec.page.getByTestId("permission-matrix").waitFor({ timeout: 20_000 });
    await screenshot(sec.page, "30-security");
    expect(await sec.page.getByRole("menuitem", { name: /系统管理|审计日志/ }).count()).toBe(0);
    const audit = await signIn(browser, "auditor");
    await audit.page.getByTestId("audit-table").waitFor({ timeout: 20_000 });
    await audit.page.waitForLoadState("networkidle");
    await screenshot(audit.page, "31-audit");
    expect(await audit.page.getByRole("menuitem", { name: /系统管理|安全管理/ }).count()).toBe(0);
    expect([...realErrors(sec), ...realErrors(audit)]).toEqual([]);
    await sec.context.close();
    await audit.context.close();
  });

  it("works on a tablet", async () => {
    const s = await signIn(browser, "yuhua_station", { width: 800, height: 1280 });
    await s.page.getByTestId("case-table").first().waitFor({ timeout: 20_000 });
    await s.page.waitForLoadState("networkidle");
    await screenshot(s.page, "40-tablet-inbox");
    expect(realErrors(s)).toEqual([]);
    await s.context.close();
  });
});
