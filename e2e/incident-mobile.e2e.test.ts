// Emergency mode reaches the grid worker's phone: a township centre declares an incident over the
// worker's grid through the API; the worker, signed in on /m/ (Pixel 7 emulation), sees the red card
// on the home screen, answers 收到 and then 已完成 with a note; the API shows each step.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiAs, signInOnPhone } from "./actions.ts";
import { launch, openPhone, screenshot } from "./browser.ts";

const GRID_01 = "21030300300301";
const TITLE = `裕华社区燃气管道泄漏 ${Date.now()}`;
const TASK = "立即疏散3号楼居民,设置警戒线,等候燃气抢修";
const NOTE = "已疏散12户,警戒线已设置";

let browser: Browser;
let page: Page;
let errors: string[] = [];

interface Detail {
  id: string;
  tasks: { sent: number; acknowledged: number; done: number; total: number };
  workers: { userId: string; gridCode: string; taskStatus: string | null }[];
  log: { kind: string; text: string | null }[];
}

let incidentId: string;
let centre: Awaited<ReturnType<typeof apiAs>>;

beforeAll(async () => {
  centre = await apiAs("bajiazi_center");
  const declared = await centre<Detail>("/incidents", {
    type: "gas_leak",
    level: 2,
    title: TITLE,
    area: { gridCodes: [GRID_01] },
    taskText: TASK,
  });
  incidentId = declared.id;
  workerId = (await (await apiAs("yuhua_grid01"))<{ id: string }>("/me")).id;
  browser = await launch();
  ({ page, errors } = await openPhone(browser, { latitude: 41.119331, longitude: 122.964666 }));
});
afterAll(async () => {
  await browser?.close();
});

const card = () => page.getByTestId("incident-card").filter({ hasText: TITLE });
// the grid also has the demo roster's worker (gw + grid code): read this worker's own task
let workerId: string;
const workerStatus = async () => {
  const detail = await centre<Detail>(`/incidents/${incidentId}`);
  return detail.workers.find((w) => w.userId === workerId)?.taskStatus;
};

describe("an emergency task on the grid worker's phone", () => {
  it("appears as a red card on the home screen after sign-in", async () => {
    const declared = await centre<Detail>(`/incidents/${incidentId}`);
    expect(declared.tasks.sent).toBeGreaterThanOrEqual(1);
    await signInOnPhone(page, "yuhua_grid01");
    await card().waitFor();
    await expect.poll(() => card().textContent()).toContain("燃气泄漏");
    expect(await card().textContent()).toContain("Ⅱ级 重大");
    expect(await card().getByTestId("incident-text").textContent()).toBe(TASK);
    expect(await card().getByTestId("incident-status").textContent()).toBe("待接收");
    // it sits above the grid's map
    const cardBox = await card().boundingBox();
    const mapBox = await page.getByTestId("m-home-map").boundingBox();
    expect(cardBox && mapBox && cardBox.y < mapBox.y).toBe(true);
    await screenshot(page, "incident-mobile-card");
  });

  it("收到: the task is acknowledged on the server", async () => {
    await card().getByTestId("incident-ack").click();
    await expect.poll(() => card().getByTestId("incident-status").textContent()).toBe("已收到");
    await expect.poll(workerStatus, { timeout: 15_000 }).toBe("acknowledged");
    expect(await card().getByTestId("incident-ack").count()).toBe(0);
  });

  it("已完成 with a note: done on the server, in the log, and the card says so", async () => {
    await card().getByTestId("incident-done").click();
    await card().getByTestId("incident-note").fill(NOTE);
    await card().getByTestId("incident-submit-done").click();
    await expect.poll(() => card().getByTestId("incident-status").textContent()).toBe("已完成");
    await expect.poll(workerStatus, { timeout: 15_000 }).toBe("done");
    const detail = await centre<Detail>(`/incidents/${incidentId}`);
    // every worker of the grid got the task; this one has done it
    expect(detail.tasks.done).toBe(1);
    expect(detail.tasks.total).toBe(detail.workers.filter((w) => w.gridCode === GRID_01).length);
    expect(detail.log.map((l) => l.kind)).toEqual(["done", "ack", "task", "declared"]);
    expect(detail.log[0]?.text).toBe(NOTE);
    // the card shows the server's answer once it is read again
    await page.reload();
    await card().waitFor();
    await expect.poll(() => card().textContent()).toContain(NOTE);
    await screenshot(page, "incident-mobile-done");
    // the session check before sign-in answers 401 (a failed resource load): not an error of the page
    expect(errors.filter((e) => !/Failed to load resource: .* 401/.test(e))).toEqual([]);
  });

  it("leaves the phone when the centre closes the incident", async () => {
    await centre(`/incidents/${incidentId}/close`, { summary: "泄漏点已封堵,居民已返回" });
    const read = page.waitForResponse((r) => r.url().includes("/api/v1/mobile/incident-tasks") && r.ok());
    await page.reload();
    await read;
    await page.getByTestId("m-home").waitFor();
    await expect.poll(() => card().count()).toBe(0);
  });
});
