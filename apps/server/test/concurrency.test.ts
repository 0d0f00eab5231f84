// Conflicting actions on one case sent at the same moment by 2, 5, 10 and 20 clients: exactly one
// succeeds, every other gets a 409 with a stable code and zh/en text, and the case gains exactly one
// event. The requests really run in parallel: app.inject hands each to the router at once, and each
// use case holds its own pooled connection and transaction (the row lock decides the winner).
import type { Response as InjectResponse } from "light-my-request";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actOk, categoryRoutedTo, pointIn, report, YUHUA } from "./fixtures.ts";
import { createTestContext, type TestContext } from "./harness.ts";

let ctx: TestContext;
let body: Record<string, unknown>;
beforeAll(async () => {
  ctx = await createTestContext();
  const point = await pointIn(ctx, YUHUA);
  const category = await categoryRoutedTo(ctx, "territorial", "community");
  body = { description: "并发测试:路灯损坏", ...point, categoryCode: category.code, source: "grid" };
});
afterAll(async () => ctx?.close());

const CLIENTS = [2, 5, 10, 20] as const;
const STATION = `${YUHUA}-station`;

async function newCase(): Promise<string> {
  const res = await report(ctx, await ctx.login("yuhua_grid01"), body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

/** Brings a new case to a state by the normal path. */
async function caseIn(state: "reported" | "registered" | "dispatched" | "accepted" | "handled" | "closed") {
  const id = await newCase();
  const path: [string, string, Record<string, unknown>][] = [
    ["bajiazi_center", "register", {}],
    ["bajiazi_center", "dispatch", { unitCode: STATION }],
    ["yuhua_station", "accept", {}],
    ["yuhua_station", "feedback", { note: "已处置" }],
    ["yuhua_grid01", "verify", { pass: true, note: "现场已恢复" }],
  ];
  const stop = ["reported", "registered", "dispatched", "accepted", "handled", "closed"].indexOf(state);
  for (const [user, action, b] of path.slice(0, stop)) await actOk(ctx, user, id, action, b);
  return id;
}

async function eventCount(id: string): Promise<number> {
  const row = await ctx.services.db
    .selectFrom("case_events")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("case_id", "=", id)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Fires all requests at once and checks: one 200, the rest 409 with a clear code, one new event. */
async function race(
  id: string,
  requests: (() => Promise<InjectResponse>)[],
  codes: string[] = ["ILLEGAL_TRANSITION"],
): Promise<InjectResponse> {
  const before = await eventCount(id);
  const results = await Promise.all(requests.map((send) => send()));
  const statuses = results.map((r) => r.statusCode);
  const winners = results.filter((r) => r.statusCode === 200);
  expect(winners, `statuses ${statuses.join(",")}`).toHaveLength(1);
  for (const r of results.filter((x) => x.statusCode !== 200)) {
    expect(r.statusCode, r.body).toBe(409);
    const error = r.json().error as { code: string; message: string; messageEn: string };
    expect(codes).toContain(error.code);
    expect(error.message).toMatch(/[\u4e00-\u9fff]/);
    expect(error.messageEn.length).toBeGreaterThan(5);
  }
  expect(await eventCount(id)).toBe(before + 1);
  return winners[0] as InjectResponse;
}

const post =
  (token: string, id: string, action: string, payload: Record<string, unknown>, headers: Record<string, string> = {}) =>
  () =>
    ctx.api(token, { method: "POST", url: `/api/v1/cases/${id}/actions/${action}`, payload, headers });

describe.each(CLIENTS)("%i clients at once", (n) => {
  it("register the same case: one registers, the others are refused", async () => {
    const id = await caseIn("reported");
    const token = await ctx.login("bajiazi_center");
    const won = await race(
      id,
      Array.from({ length: n }, () => post(token, id, "register", {})),
    );
    expect(won.json().status).toBe("registered");
  });

  // re-dispatching a dispatched case is a legal correction, so dispatchers who each saw the case
  // registered say so with If-Match: the first one's dispatch wins, the rest are told it changed
  it("dispatch to different units (If-Match): the case goes to exactly one of them", async () => {
    const id = await caseIn("registered");
    const token = await ctx.login("bajiazi_center");
    const seen = (await ctx.api(token, { method: "GET", url: `/api/v1/cases/${id}` })).json().version as number;
    const options = await ctx.api(token, { method: "GET", url: `/api/v1/cases/${id}/dispatch-options` });
    const units = (options.json().groups as { units: { code: string }[] }[]).flatMap((g) => g.units.map((u) => u.code));
    expect(units.length).toBeGreaterThan(1);
    const targets = Array.from({ length: n }, (_, i) => units[i % units.length] as string);
    const won = await race(
      id,
      targets.map((unitCode, i) =>
        post(token, id, "dispatch", { unitCode }, { "if-match": i % 2 ? `"${seen}"` : `${seen}` }),
      ),
      ["CONCURRENT_UPDATE"],
    );
    const row = await ctx.services.db.selectFrom("cases").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    expect(row.owner_unit_code).toBe(won.json().ownerUnit.code);
    expect(targets).toContain(row.owner_unit_code);
    // the same header with the version now current is accepted: If-Match refuses only stale views
    const again = await post(token, id, "dispatch", { unitCode: targets[0] }, { "if-match": String(row.version) })();
    expect(again.statusCode, again.body).toBe(200);
  });

  it("accept twice and more: one acceptance", async () => {
    const id = await caseIn("dispatched");
    const token = await ctx.login("yuhua_station");
    await race(
      id,
      Array.from({ length: n }, () => post(token, id, "accept", {})),
    );
  });

  it("verify pass against verify fail: one verdict", async () => {
    const id = await caseIn("handled");
    const token = await ctx.login("yuhua_grid01");
    const won = await race(
      id,
      Array.from({ length: n }, (_, i) =>
        post(token, id, "verify", i % 2 ? { pass: false, note: "未整改到位" } : { pass: true, note: "已恢复" }),
      ),
    );
    const status = won.json().status as string;
    expect(["closed", "accepted"]).toContain(status);
    const row = await ctx.services.db
      .selectFrom("cases")
      .select("status")
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe(status);
  });

  it("evaluate twice and more (staff): one evaluation", async () => {
    const id = await caseIn("closed");
    const token = await ctx.login("yuhua_grid01");
    const ratings = ["satisfied", "basically", "unsatisfied"];
    const won = await race(
      id,
      Array.from({ length: n }, (_, i) => post(token, id, "evaluate", { rating: ratings[i % 3] })),
    );
    const row = await ctx.services.db
      .selectFrom("cases")
      .select("rating")
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    expect(row.rating).toBe(won.json().rating);
  });

  it("the same extension approved (and refused) at once: one decision", async () => {
    const id = await caseIn("accepted");
    const due = await ctx.services.db
      .selectFrom("cases")
      .select("due_at")
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    const until = new Date((due.due_at as Date).getTime() + 5 * 86_400_000).toISOString();
    await actOk(ctx, "yuhua_station", id, "extend-request", { until, reason: "需等待材料" });
    const token = await ctx.login("bajiazi_center");
    const won = await race(
      id,
      Array.from({ length: n }, (_, i) => post(token, id, "extend-approve", { approve: i % 2 === 0 })),
      ["NO_EXTENSION_PENDING"],
    );
    expect(won.json().pendingExtension).toBeNull();
    const counted = won.json().counters.extensions as number;
    expect([0, 1]).toContain(counted);
  });
});
