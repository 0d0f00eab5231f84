// The phone app's sign-in for a grid worker who turned on two-step verification: after the password
// comes the code step (number pad for the 6 digits, or a recovery code); the right code opens the app,
// a wrong one is refused. The worker's TOTP is enrolled through the API at the start and turned off at
// the end, so the other browser tests keep signing in with the password alone.
import { Secret, TOTP } from "otpauth";
import { type Browser, devices } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launch, screenshot } from "./browser.ts";
import { E2E_PASSWORD } from "./constants.ts";

const WORKER = "yuhua_grid01";
const base = () => inject("baseUrl");

let browser: Browser;
let token = "";
let secret = "";
let recoveryCodes: string[] = [];

async function call<T>(path: string, body: unknown = {}, bearer = token): Promise<T> {
  const res = await fetch(`${base()}/api/v1${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

const codeAt = (ms: number) => new TOTP({ secret: Secret.fromBase32(secret) }).generate({ timestamp: ms });

beforeAll(async () => {
  browser = await launch();
  ({ token } = await call<{ token: string }>("/auth/login", { username: WORKER, password: E2E_PASSWORD }, ""));
  ({ secret } = await call<{ secret: string }>("/me/totp/enrolment"));
  // confirm with the previous 30 s step's code (one step of drift is accepted), so the current step's
  // code is still unused for the sign-in below: no waiting for the next step
  ({ recoveryCodes } = await call<{ recoveryCodes: string[] }>("/me/totp/enrolment/confirm", {
    code: codeAt(Date.now() - 30_000),
  }));
});
afterAll(async () => {
  await browser?.close();
  // the other browser tests sign this worker in with the password alone
  if (token && secret) await call("/me/totp/disable", { password: E2E_PASSWORD });
});

async function phone() {
  const context = await browser.newContext({ ...devices["Pixel 7"], locale: "zh-CN", timezoneId: "Asia/Shanghai" });
  const page = await context.newPage();
  await page.goto(`${base()}/m/`);
  await page.getByLabel("用户名").fill(WORKER);
  await page.getByLabel("密码").fill(E2E_PASSWORD);
  await page.getByRole("button", { name: /登\s*录/ }).click();
  await page.getByTestId("m-totp-step").waitFor();
  return { context, page };
}

describe("two-step sign-in on the phone", () => {
  it("asks for the 6-digit code after the password; a wrong code is refused, the right one opens the app", async () => {
    const { context, page } = await phone();
    const input = page.getByTestId("m-totp-code");
    expect(await input.getAttribute("inputmode")).toBe("numeric");
    await screenshot(page, "55-mobile-totp");
    const now = codeAt(Date.now());
    await input.fill(now === "000000" ? "111111" : "000000");
    await page.getByRole("button", { name: /验证并登录/ }).click();
    await expect.poll(() => page.getByTestId("login-error").textContent()).toContain("动态口令或恢复码不正确");
    await input.fill(codeAt(Date.now()));
    await page.getByRole("button", { name: /验证并登录/ }).click();
    await page.getByTestId("m-home").waitFor();
    await context.close();
  });

  it("accepts a recovery code instead, once", async () => {
    const { context, page } = await phone();
    await page.getByTestId("m-totp-recovery").click();
    await page.getByTestId("m-totp-code").fill(recoveryCodes[0] as string);
    await page.getByRole("button", { name: /验证并登录/ }).click();
    await page.getByTestId("m-home").waitFor();
    await context.close();
    const again = await phone();
    await again.page.getByTestId("m-totp-recovery").click();
    await again.page.getByTestId("m-totp-code").fill(recoveryCodes[0] as string);
    await again.page.getByRole("button", { name: /验证并登录/ }).click();
    await expect.poll(() => again.page.getByTestId("login-error").textContent()).toContain("动态口令或恢复码不正确");
    await again.context.close();
  });
});
