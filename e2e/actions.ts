// Driving the case page the way a person does: open the action's form, fill it, submit, and wait
// for the status tag to show the new state. Also: signing in on the phone app, and the API as one
// user outside the browser (to check what the server stored).
import path from "node:path";
import type { Page } from "playwright-core";
import { expect, inject } from "vitest";
import { E2E_PASSWORD } from "./constants.ts";

export const PHOTO = path.resolve(import.meta.dirname, "fixtures", "pothole.png");

export async function openCase(page: Page, id: string): Promise<void> {
  await page.goto(`${inject("baseUrl")}/cases/${id}`);
  await page.getByTestId("case-page").or(page.getByTestId("case-not-found")).first().waitFor();
}

export async function statusOf(page: Page): Promise<string | null> {
  return page.getByTestId("case-status").getAttribute("data-status");
}

export async function expectStatus(page: Page, status: string): Promise<void> {
  await expect.poll(() => statusOf(page), { timeout: 15_000 }).toBe(status);
}

/** Opens an action's form; `fill` completes it; submits and waits for the new status. */
export async function act(
  page: Page,
  action: string,
  to: string,
  fill?: (form: ReturnType<Page["getByTestId"]>) => Promise<void>,
) {
  await page.getByTestId(`action-${action}`).click();
  const form = page.getByTestId(`form-${action}`);
  await form.waitFor();
  if (fill) await fill(form);
  await form.getByTestId("action-submit").click();
  // a click that lands while the modal is still opening can be lost: click again once if nothing
  // happened (a second submission would be refused by the server, never applied twice)
  const moved = await expect
    .poll(() => statusOf(page), { timeout: 5_000 })
    .toBe(to)
    .then(() => true)
    .catch(() => false);
  if (!moved && (await form.isVisible()) && (await form.getByTestId("action-error").count()) === 0) {
    // a field set while the modal was still animating in can be lost too: the form then shows a
    // validation message instead of submitting, so fill it once more
    if (fill && (await form.locator(".ant-form-item-explain-error").count()) > 0) await fill(form);
    await form.getByTestId("action-submit").click();
  }
  try {
    await expectStatus(page, to);
  } catch (err) {
    // say what the form showed, so a failure in CI explains itself
    const shown = (await form.isVisible()) ? await form.textContent() : "(form closed)";
    throw new Error(`${action} → ${to} did not happen; the form shows: ${shown}`, { cause: err });
  }
  await form.waitFor({ state: "hidden" });
}

/** Picks an option of an antd Select by typing part of its label. */
export async function choose(page: Page, selectTestId: string, label: string) {
  const select = page.getByTestId(selectTestId);
  // under load the dropdown can open after the typing started, or its virtual list can recycle the
  // row between finding and clicking it: check what got selected, and pick again if it was not it
  for (let attempt = 1; ; attempt++) {
    await select.click();
    await page.locator(".ant-select-dropdown:visible").first().waitFor();
    await page.keyboard.type(label);
    await page.locator(".ant-select-dropdown:visible .ant-select-item-option", { hasText: label }).first().click();
    const picked = await expect
      .poll(() => select.textContent(), { timeout: 3_000 })
      .toContain(label)
      .then(() => true)
      .catch(() => false);
    if (picked) return;
    if (attempt >= 3)
      throw new Error(`${selectTestId}: could not select ${label}; it shows ${await select.textContent()}`);
    await page.keyboard.press("Escape");
  }
}

/** Types into a field whether the test id sits on the input itself or on its wrapper. */
export async function typeInto(page: Page, testId: string, text: string) {
  const el = page.getByTestId(testId);
  const tag = await el.evaluate((e) => e.tagName);
  const input = tag === "INPUT" || tag === "TEXTAREA" ? el : el.locator("input, textarea").first();
  await input.fill(text);
}

export async function uploadPhoto(page: Page, containerTestId: string) {
  await page.getByTestId(containerTestId).locator('input[type="file"]').setInputFiles(PHOTO);
  // the thumbnail appears once the upload finished
  await page
    .getByTestId(containerTestId)
    .locator(".ant-upload-list-item-done, .ant-upload-list-item-image, img")
    .first()
    .waitFor({ timeout: 15_000 });
}

/**
 * Opens a page from the side menu and waits for `ready` to show. A click that lands while the
 * previous page is still rendering can be lost, so it is repeated; a failure says where the
 * browser was and what it showed.
 */
export async function openFromMenu(page: Page, item: RegExp, ready: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await page.getByRole("menuitem", { name: item }).click();
    try {
      await page.getByTestId(ready).waitFor({ timeout: 10_000 });
      return;
    } catch (err) {
      if (attempt < 3) continue;
      const shown = ((await page.locator("body").textContent()) ?? "").slice(0, 500);
      throw new Error(`${ready} did not appear at ${page.url()}; the page shows: ${shown}`, { cause: err });
    }
  }
}

/** The grid workers' phone app (/m/): sign in through its form and wait for `ready` (the home screen). */
export async function signInOnPhone(page: Page, username: string, ready = "m-home"): Promise<void> {
  await page.goto(`${inject("baseUrl")}/m/`);
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码").fill(E2E_PASSWORD);
  await page.getByRole("button", { name: /登\s*录/ }).click();
  await page.getByTestId(ready).waitFor();
}

/** A bearer-token client of the API as one user, outside the browser: GET, or POST when given a body. */
export async function apiAs(username: string) {
  const base = inject("baseUrl");
  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password: E2E_PASSWORD }),
  });
  const { token } = (await login.json()) as { token: string };
  return async <T>(path: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${base}/api/v1${path}`, {
      method: body === undefined ? "GET" : "POST",
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
}
