// A case in 铁西区 is invisible to 铁东区: the same 404 as a missing id, on every endpoint, and it
// never appears in their lists. Departments see only what was given to them; admins see no cases.
import { CASE_ACTIONS } from "@civicgrid/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACTION_SAMPLE_BODIES } from "./action-bodies.ts";
import { actOk, categoryRoutedTo, pointIn, report, snapshotCounts, YUHUA } from "./fixtures.ts";
import { createTestContext, type TestContext } from "./harness.ts";

let ctx: TestContext;
let caseId: string;
const MISSING = "00000000-0000-4000-8000-000000000000";

beforeAll(async () => {
  ctx = await createTestContext();
  const point = await pointIn(ctx, YUHUA);
  const category = await categoryRoutedTo(ctx, "territorial", "community");
  const res = await report(ctx, await ctx.login("yuhua_grid01"), {
    description: "铁西区裕华社区的案件",
    ...point,
    categoryCode: category.code,
    source: "grid",
  });
  caseId = res.json().id;
  await actOk(ctx, "bajiazi_center", caseId, "register");
  await actOk(ctx, "bajiazi_center", caseId, "dispatch", { unitCode: `${YUHUA}-station` });
});
afterAll(async () => ctx?.close());

const OUTSIDERS = ["tiedong_center", "jiefang_station", "dept_water", "sysadmin", "secadmin", "auditor"];

describe("cross-jurisdiction denial", () => {
  for (const username of OUTSIDERS) {
    it(`${username} cannot read, list or act on a 铁西区 case`, async () => {
      const token = await ctx.login(username);
      const read = await ctx.api(token, { method: "GET", url: `/api/v1/cases/${caseId}` });
      const missing = await ctx.api(token, { method: "GET", url: `/api/v1/cases/${MISSING}` });
      expect(read.statusCode).toBe(404);
      expect(read.json()).toEqual(missing.json());

      const list = await ctx.api(token, { method: "GET", url: "/api/v1/cases?pageSize=100" });
      expect(list.statusCode).toBe(200);
      expect(list.json().items.map((c: { id: string }) => c.id)).not.toContain(caseId);
      const filtered = await ctx.api(token, { method: "GET", url: `/api/v1/cases?divisionCode=${YUHUA}` });
      expect(filtered.json().items.map((c: { id: string }) => c.id)).not.toContain(caseId);

      const before = await snapshotCounts(ctx);
      for (const action of CASE_ACTIONS) {
        const res = await ctx.api(token, {
          method: "POST",
          url: `/api/v1/cases/${caseId}/actions/${action}`,
          payload: ACTION_SAMPLE_BODIES[action],
        });
        // same answer as for an id that does not exist (a role that may never act gets its 403 first)
        const ghost = await ctx.api(token, {
          method: "POST",
          url: `/api/v1/cases/${MISSING}/actions/${action}`,
          payload: ACTION_SAMPLE_BODIES[action],
        });
        expect([403, 404]).toContain(res.statusCode);
        expect(res.statusCode, `${username} ${action}`).toBe(ghost.statusCode);
        expect(res.json().error.code).toBe(ghost.json().error.code);
      }
      expect(await snapshotCounts(ctx)).toEqual(before);
    });
  }

  it("the 铁西区 chain can read it: station, township, district, city, leader", async () => {
    for (const username of [
      "yuhua_station",
      "yuhua_grid01",
      "bajiazi_center",
      "tiexi_center",
      "city_dispatcher",
      "leader",
      "hotline_agent",
    ]) {
      const res = await ctx.api(await ctx.login(username), { method: "GET", url: `/api/v1/cases/${caseId}` });
      expect(res.statusCode, username).toBe(200);
    }
  });

  it("a department's list holds only cases given to it", async () => {
    const token = await ctx.login("dept_water");
    const list = (await ctx.api(token, { method: "GET", url: "/api/v1/cases?pageSize=100" })).json();
    for (const item of list.items) {
      const full = await ctx.services.db
        .selectFrom("cases")
        .select("involved_unit_codes")
        .where("id", "=", item.id)
        .executeTakeFirstOrThrow();
      expect(full.involved_unit_codes).toContain("210300000000-water");
    }
  });

  it("units are scoped: a 铁东区 station does not see 铁西区 stations", async () => {
    const token = await ctx.login("jiefang_station");
    const res = await ctx.api(token, { method: "GET", url: "/api/v1/units?type=community_station&pageSize=100" });
    expect(res.statusCode).toBe(200);
    const codes = res.json().items.map((u: { code: string }) => u.code);
    expect(codes).toEqual(["210302002010-station"]);
    const depts = await ctx.api(token, { method: "GET", url: "/api/v1/units?type=department&pageSize=100" });
    for (const u of depts.json().items) expect(["210300000000", "210302000000"]).toContain(u.divisionCode);
  });

  it("unauthenticated requests are refused on every endpoint", async () => {
    for (const [method, url] of [
      ["GET", `/api/v1/cases/${caseId}`],
      ["GET", "/api/v1/cases"],
      ["POST", "/api/v1/cases"],
      ["POST", `/api/v1/cases/${caseId}/actions/accept`],
      ["GET", "/api/v1/units"],
      ["GET", "/api/v1/locate?lat=41.1&lng=122.95"],
      ["GET", "/api/v1/me"],
    ] as const) {
      const res = await ctx.api(null, { method, url, payload: method === "POST" ? {} : undefined });
      expect(res.statusCode, `${method} ${url}`).toBe(401);
      expect(res.json().error.code).toBe("UNAUTHENTICATED");
    }
  });
});
