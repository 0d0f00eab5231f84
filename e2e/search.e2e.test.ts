// 智能搜索 in the workbench as the 铁西区 centre: a word typed into the header's box opens the results
// page, every mark on it is the word, the count is the API's, a filter narrows the list, and a result
// opens its case. The word is taken from a case of the seeded history (no fixed text).
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launch, type Session, screenshot, signIn } from "./browser.ts";

let browser: Browser;
let s: Session;

beforeAll(async () => {
  browser = await launch();
  s = await signIn(browser, "tiexi_center", { width: 1400, height: 900 });
});
afterAll(async () => {
  await browser?.close();
});

/** The API from inside the page, with its session cookie. */
async function api<T>(page: Page, path: string): Promise<T> {
  const res = await page.evaluate(async (p) => {
    const r = await fetch(`/api/v1${p}`, { credentials: "same-origin" });
    return { status: r.status, body: await r.json().catch(() => null) };
  }, path);
  if (res.status !== 200) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as T;
}

/** The count the page shows ("找到 12 件", "找到超过 10000 件…"). */
async function shownTotal(page: Page): Promise<number | null> {
  const text =
    (await page
      .getByTestId("search-total")
      .textContent()
      .catch(() => null)) ?? "";
  const n = /\d+/.exec(text);
  return n ? Number(n[0]) : null;
}

describe("smart search", () => {
  it("finds, marks and opens a case from the header's search box", async () => {
    const { page } = s;
    // two Chinese characters from the title of one of the district's cases
    const list = await api<{ items: { code: string; title: string }[] }>(page, "/cases?pageSize=50");
    const word = list.items
      .map((c) => /\p{Script=Han}{2}/u.exec(c.title.slice(2))?.[0] ?? /\p{Script=Han}{2}/u.exec(c.title)?.[0])
      .find((w): w is string => Boolean(w));
    expect(word, "a seeded title with two Chinese characters").toBeTruthy();

    const box = page.getByTestId("header-search").locator("input");
    await box.fill(word!);
    await box.press("Enter");
    await page.waitForURL(/\/search\?q=/);
    const results = page.getByTestId("search-results");
    await results.getByTestId("search-hit").first().waitFor();

    const expected = await api<{ total: number; totalCapped: boolean; items: { code: string }[] }>(
      page,
      `/search?q=${encodeURIComponent(word!)}&pageSize=20`,
    );
    expect(expected.total).toBeGreaterThan(0);
    await expect.poll(() => shownTotal(page)).toBe(expected.total);
    const codes = await results
      .getByTestId("search-hit")
      .evaluateAll((els) => els.map((e) => e.getAttribute("data-code")));
    expect(codes).toEqual(expected.items.map((i) => i.code));
    // every mark on the page is the word itself
    const marks = await results.getByTestId("search-mark").allTextContents();
    expect(marks.length).toBeGreaterThan(0);
    expect(new Set(marks)).toEqual(new Set([word]));
    await screenshot(page, "search-results");

    // the first result opens its case
    const first = results.getByTestId("search-hit").first();
    const code = await first.getAttribute("data-code");
    await first.getByTestId("search-hit-link").click();
    await page.getByTestId("case-page").waitFor();
    await expect.poll(() => page.getByTestId("case-code").textContent()).toContain(code!);

    // a status filter goes to the server and narrows the list
    const closed = await api<{ total: number }>(
      page,
      `/search?q=${encodeURIComponent(word!)}&status=closed&status=evaluated`,
    );
    await page.goBack();
    await page.waitForURL(/\/search\?q=/);
    await page.goto(`${page.url()}&status=closed&status=evaluated`);
    await expect.poll(() => shownTotal(page)).toBe(closed.total);

    // the browser's own line for the 401 of the page opened before signing in is not an error of ours
    expect(s.errors.filter((e) => !e.startsWith("Failed to load resource"))).toEqual([]);
  });
});
