// The inbox buckets in SQL agree with the domain's rules: for several demo users, the cases each
// bucket lists are exactly the cases of their jurisdiction on which the domain offers the bucket's
// action (computed in memory from the same rows), /inbox counts equal the list totals, and a sample
// of listed cases shows the action among the case's availableActions.
import { type InboxBucket, isInBucket, STEP_BUCKETS } from "@civicgrid/domain";
import type { CaseStatus } from "@civicgrid/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../src/access/actor.ts";
import { scopeCases } from "../src/access/case-scope.ts";
import { factsFor } from "../src/cases/facts.ts";
import { authenticateSession } from "../src/use-cases/authenticate-session.ts";
import { actOk, categoryRoutedTo, pointIn, report, YUHUA } from "./fixtures.ts";
import { createTestContext, type TestContext } from "./harness.ts";

const USERS = [
  "bajiazi_center",
  "tiexi_center",
  "yuhua_station",
  "yuhua_grid01",
  "dept_water",
  "hotline_agent",
  "city_dispatcher",
];
const BUCKETS: InboxBucket[] = [
  "toRegister",
  "toDispatch",
  "toAccept",
  "toHandle",
  "toVerify",
  "toEvaluate",
  "overdue",
  "supervised",
];
const WATER = "210300000000-water";
const STATION = `${YUHUA}-station`;

let ctx: TestContext;
const made: Record<string, string> = {};

beforeAll(async () => {
  ctx = await createTestContext();
  const point = await pointIn(ctx, YUHUA);
  const category = await categoryRoutedTo(ctx, "territorial", "community");
  const body = { description: "待办测试", ...point, categoryCode: category.code, source: "grid" };
  const grid = await ctx.login("yuhua_grid01");
  const newCase = async (name: string, token = grid, extra = {}) => {
    const res = await report(ctx, token, { ...body, ...extra });
    expect(res.statusCode, res.body).toBe(201);
    made[name] = res.json().id;
    return made[name] as string;
  };
  await newCase("reported");
  await newCase("reportedByHotline", await ctx.login("hotline_agent"), { source: "hotline" });
  const registered = await newCase("registered");
  await actOk(ctx, "bajiazi_center", registered, "register");
  const returned = await newCase("returned");
  await actOk(ctx, "bajiazi_center", returned, "register");
  await actOk(ctx, "bajiazi_center", returned, "dispatch", { unitCode: "210303000000-urban_management" });
  await actOk(ctx, "tiexi_urban", returned, "return", { reason: "不属于本单位" });
  const escalated = await newCase("escalated");
  await actOk(ctx, "bajiazi_center", escalated, "register");
  await actOk(ctx, "bajiazi_center", escalated, "escalate", { reason: "需区级协调" });
  const dispatched = await newCase("dispatched");
  await actOk(ctx, "bajiazi_center", dispatched, "register");
  await actOk(ctx, "bajiazi_center", dispatched, "dispatch", { unitCode: STATION });
  const toWater = await newCase("toWater");
  await actOk(ctx, "bajiazi_center", toWater, "register");
  await actOk(ctx, "bajiazi_center", toWater, "dispatch", { unitCode: WATER });
  const accepted = await newCase("accepted");
  await actOk(ctx, "bajiazi_center", accepted, "register");
  await actOk(ctx, "bajiazi_center", accepted, "dispatch", { unitCode: STATION });
  await actOk(ctx, "yuhua_station", accepted, "accept");
  await actOk(ctx, "tiexi_center", accepted, "supervise", { note: "请加快办理" });
  const handled = await newCase("handled");
  await actOk(ctx, "bajiazi_center", handled, "register");
  await actOk(ctx, "bajiazi_center", handled, "dispatch", { unitCode: STATION });
  await actOk(ctx, "yuhua_station", handled, "accept");
  await actOk(ctx, "yuhua_station", handled, "feedback", { note: "已处理" });
  const closed = await newCase("closed");
  await actOk(ctx, "bajiazi_center", closed, "register");
  await actOk(ctx, "bajiazi_center", closed, "dispatch", { unitCode: STATION });
  await actOk(ctx, "yuhua_station", closed, "accept");
  await actOk(ctx, "yuhua_station", closed, "feedback", { note: "已处理" });
  await actOk(ctx, "yuhua_grid01", closed, "verify", { pass: true, note: "已核实" });
  // two cases past their time limit: one with the station, one with the city's water bureau
  await ctx.services.db
    .updateTable("cases")
    .set({ due_at: new Date(ctx.clock.now().getTime() - 86_400_000) })
    .where("id", "in", [dispatched, toWater])
    .execute();
}, 120_000);
afterAll(async () => ctx?.close());

async function actorOf(username: string): Promise<Actor> {
  return authenticateSession({ services: ctx.services, token: await ctx.login(username) });
}

/** Every id the list returns for a bucket, over all pages. */
async function listBucket(token: string, bucket: string) {
  const ids: string[] = [];
  let total = 0;
  for (let page = 1; ; page++) {
    const res = await ctx.api(token, {
      method: "GET",
      url: `/api/v1/cases?bucket=${bucket}&pageSize=100&page=${page}`,
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    total = body.total;
    ids.push(...body.items.map((c: { id: string }) => c.id));
    if (body.items.length < 100) break;
  }
  expect(ids.length).toBe(total);
  return { ids: ids.sort(), items: ids, total };
}

/** The domain's answer, case by case, over every case the user may read. */
async function expectedBucket(actor: Actor, bucket: InboxBucket) {
  const { db, places } = ctx.services;
  const rows = await scopeCases(db.selectFrom("cases").selectAll(), actor).execute();
  const now = ctx.clock.now();
  return rows
    .filter((row) =>
      isInBucket(
        bucket,
        {
          status: row.status as CaseStatus,
          dueAt: row.due_at,
          supervisionCount: row.supervision_count,
          closedAt: row.closed_at,
        },
        factsFor(actor, row, places),
        now,
      ),
    )
    .map((row) => row.id)
    .sort();
}

const lists: Record<string, Record<string, string[]>> = {};

describe("inbox buckets", () => {
  for (const username of USERS) {
    it(`${username}: lists match the domain rules, counts match the lists, actions are on offer`, async () => {
      const token = await ctx.login(username);
      const actor = await actorOf(username);
      const inbox = await ctx.api(token, { method: "GET", url: "/api/v1/inbox" });
      expect(inbox.statusCode, inbox.body).toBe(200);
      const buckets = inbox.json().buckets as { key: string; count: number }[];
      expect(buckets.map((b) => b.key)).toEqual(BUCKETS);
      lists[username] = {};
      for (const { key, count } of buckets) {
        const bucket = key as InboxBucket;
        const listed = await listBucket(token, bucket);
        expect(listed.ids, `${username} ${bucket}`).toEqual(await expectedBucket(actor, bucket));
        expect(count, `${username} ${bucket} count`).toBe(listed.total);
        lists[username][bucket] = listed.ids;
        // a sample of the listed cases, read through the API as the user
        for (const id of listed.items.slice(0, 4)) {
          const c = (await ctx.api(token, { method: "GET", url: `/api/v1/cases/${id}` })).json();
          if (bucket in STEP_BUCKETS) {
            expect(c.availableActions, `${username} ${bucket} ${c.code}`).toContain(
              STEP_BUCKETS[bucket as keyof typeof STEP_BUCKETS].action,
            );
          } else if (bucket === "overdue") {
            expect(c.overdue).toBe(true);
          } else {
            expect(c.supervised).toBe(true);
          }
        }
      }
    });
  }

  it("the buckets hold the expected cases of the scenario", () => {
    const has = (user: string, bucket: InboxBucket, name: string) => lists[user]?.[bucket]?.includes(made[name]!);
    expect(has("bajiazi_center", "toRegister", "reported")).toBe(true);
    expect(has("hotline_agent", "toRegister", "reported")).toBe(true);
    expect(has("yuhua_station", "toRegister", "reported")).toBe(false);
    expect(has("bajiazi_center", "toDispatch", "registered")).toBe(true);
    expect(has("bajiazi_center", "toDispatch", "returned")).toBe(true);
    // taken up to the district: the district and the city dispatch it, the township no longer may
    expect(has("tiexi_center", "toDispatch", "escalated")).toBe(true);
    expect(has("city_dispatcher", "toDispatch", "escalated")).toBe(true);
    expect(has("bajiazi_center", "toDispatch", "escalated")).toBe(false);
    expect(has("bajiazi_center", "toDispatch", "dispatched")).toBe(false);
    expect(has("yuhua_station", "toAccept", "dispatched")).toBe(true);
    expect(has("dept_water", "toAccept", "toWater")).toBe(true);
    expect(has("yuhua_station", "toHandle", "accepted")).toBe(true);
    expect(has("yuhua_grid01", "toVerify", "handled")).toBe(true);
    expect(has("bajiazi_center", "toVerify", "handled")).toBe(true);
    expect(has("dept_water", "toVerify", "handled")).toBe(false);
    expect(has("yuhua_grid01", "toEvaluate", "closed")).toBe(true); // the reporter
    expect(has("hotline_agent", "toEvaluate", "closed")).toBe(true);
    expect(has("yuhua_station", "toEvaluate", "closed")).toBe(false);
    expect(has("dept_water", "overdue", "toWater")).toBe(true);
    expect(has("dept_water", "overdue", "dispatched")).toBe(false);
    expect(has("yuhua_station", "overdue", "dispatched")).toBe(true);
    expect(has("city_dispatcher", "overdue", "toWater")).toBe(true);
    expect(has("yuhua_station", "supervised", "accepted")).toBe(true);
    expect(has("bajiazi_center", "supervised", "accepted")).toBe(true);
    expect(has("dept_water", "supervised", "accepted")).toBe(false);
  });

  it("a bucket narrows the other filters; an unknown bucket is a 400", async () => {
    const token = await ctx.login("city_dispatcher");
    const all = await ctx.api(token, { method: "GET", url: "/api/v1/cases?bucket=toDispatch&pageSize=100" });
    const here = await ctx.api(token, {
      method: "GET",
      url: `/api/v1/cases?bucket=toDispatch&divisionCode=${YUHUA}&status=registered&pageSize=100`,
    });
    expect(here.statusCode).toBe(200);
    const allIds = all.json().items.map((c: { id: string }) => c.id);
    for (const c of here.json().items) {
      expect(allIds).toContain(c.id);
      expect(c.communityCode).toBe(YUHUA);
      expect(c.status).toBe("registered");
    }
    const bad = await ctx.api(token, { method: "GET", url: "/api/v1/cases?bucket=toNowhere" });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe("VALIDATION_FAILED");
  });

  it("the three administrators have an empty inbox", async () => {
    for (const username of ["sysadmin", "secadmin", "auditor"]) {
      const res = await ctx.api(await ctx.login(username), { method: "GET", url: "/api/v1/inbox" });
      expect(res.statusCode).toBe(200);
      expect(res.json().buckets.every((b: { count: number }) => b.count === 0)).toBe(true);
    }
  });
});
