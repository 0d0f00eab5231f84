// Chromium via playwright-core, with the flags this closed network needs, plus helpers that every
// browser test uses: sign in through the real form, collect console errors, save screenshots.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { Secret, TOTP } from "otpauth";
import { type Browser, type BrowserContext, chromium, devices, type Page } from "playwright-core";
import { inject } from "vitest";
import { CHROMIUM, E2E_PASSWORD } from "./constants.ts";

export const SCREENSHOT_DIR = path.resolve(import.meta.dirname, "..", "artifacts", "screenshots");

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

export interface Session {
  context: BrowserContext;
  page: Page;
  /** console errors and page errors seen so far */
  errors: string[];
}

export async function signIn(
  browser: Browser,
  username: string,
  viewport = { width: 1366, height: 768 },
): Promise<Session> {
  const context = await browser.newContext({ viewport, locale: "zh-CN", timezoneId: "Asia/Shanghai" });
  const page = await context.newPage();
  const errors = collectErrors(page);
  await page.goto(inject("baseUrl"));
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码").fill(E2E_PASSWORD);
  await page.getByRole("button", { name: /登\s*录/ }).click();
  await completeSecondFactor(page, username);
  await page.getByTestId("user-unit").waitFor();
  return { context, page, errors };
}

/**
 * A phone (Pixel 7 emulation, zh-CN, Shanghai time) standing at `position` with geolocation allowed,
 * for the grid workers' app; sign in with signInOnPhone (actions.ts).
 */
export async function openPhone(
  browser: Browser,
  position: { latitude: number; longitude: number; accuracy?: number },
): Promise<Session> {
  const context = await browser.newContext({
    ...devices["Pixel 7"],
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    geolocation: { accuracy: 8, ...position },
    permissions: ["geolocation"],
  });
  const page = await context.newPage();
  return { context, page, errors: collectErrors(page) };
}

/** The console errors and page errors of a page, collected as they come. */
function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(e.message));
  return errors;
}

interface TotpEntry {
  secret: string;
  recoveryCodes: string[];
  lastStep: number;
}

function readTotpStore(): Record<string, TotpEntry> {
  const file = inject("totpStore");
  return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as Record<string, TotpEntry>) : {};
}

function saveTotp(username: string, entry: TotpEntry): void {
  writeFileSync(inject("totpStore"), JSON.stringify({ ...readTotpStore(), [username]: entry }));
}

/** The TOTP secret and recovery codes this run enrolled for the account, if any. */
export function totpOf(username: string): TotpEntry | undefined {
  return readTotpStore()[username];
}

const step = () => Math.floor(Date.now() / 30_000);

/** The current code; waits for the next 30 s step when this one was used already (codes are single use). */
export async function freshCode(username: string): Promise<string> {
  const entry = totpOf(username);
  if (!entry) throw new Error(`no TOTP secret enrolled for ${username} in this run`);
  while (step() <= entry.lastStep) await new Promise((r) => setTimeout(r, 500));
  saveTotp(username, { ...entry, lastStep: step() });
  return new TOTP({ secret: Secret.fromBase32(entry.secret) }).generate();
}

/**
 * After the password: nothing more, or the enrolment screen (an admin's first sign-in: read the
 * secret shown, answer with a code, keep the recovery codes), or the code step of a later sign-in.
 */
export async function completeSecondFactor(page: Page, username: string): Promise<void> {
  const enrol = page.getByTestId("enrolment-page");
  const codeStep = page.getByRole("button", { name: /验\s*证/ });
  await page.getByTestId("user-unit").or(enrol).or(codeStep).first().waitFor();
  if (await enrol.isVisible()) {
    await page.getByTestId("totp-start").click();
    const secret = (((await page.getByTestId("totp-secret").textContent()) ?? "").match(/[A-Z2-7]{16,}/) ?? [])[0];
    if (!secret) throw new Error("enrolment screen shows no base32 secret");
    saveTotp(username, { secret, recoveryCodes: [], lastStep: step() - 1 });
    await page.getByLabel("动态口令或恢复码").fill(await freshCode(username));
    await page.getByTestId("totp-confirm").click();
    const codes = ((await page.getByTestId("recovery-code-list").textContent()) ?? "").split(/\s+/).filter(Boolean);
    saveTotp(username, { ...(totpOf(username) as TotpEntry), recoveryCodes: codes });
    await page.getByTestId("recovery-saved").click();
  } else if (await codeStep.isVisible()) {
    await page.getByLabel("动态口令或恢复码").fill(await freshCode(username));
    await codeStep.click();
  }
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`) });
}
