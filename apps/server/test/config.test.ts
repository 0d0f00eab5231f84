// The responsibility list and the holiday calendar are data that the system admin edits, and new
// cases follow the edit at once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { categoryRoutedTo, pointIn, report, YUHUA } from "./fixtures.ts";
import { createTestContext, type TestContext } from "./harness.ts";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx?.close());

describe("categories and the responsibility list", () => {
  it("lists categories with their entry, searchable and paginated", async () => {
    const token = await ctx.login("city_dispatcher");
    const res = await ctx.api(token, {
      method: "GET",
      url: `/api/v1/categories?q=${encodeURIComponent("井盖")}&leafOnly=true&pageSize=50`,
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.total).toBeGreaterThan(0);
    for (const c of body.items) {
      expect(c.name).toContain("井盖");
      expect(c.responsibility.limitDays).toBeGreaterThan(0);
    }
    const gbt = await ctx.api(token, { method: "GET", url: "/api/v1/categories?kind=component&pageSize=100" });
    expect(gbt.json().total).toBe(153);
    const matters = await ctx.api(token, { method: "GET", url: "/api/v1/categories?kind=matter&pageSize=1" });
    expect(matters.json().total).toBe(250);
  });

  it("only the system admin edits an entry; new reports route by the edit", async () => {
    const category = await categoryRoutedTo(ctx, "territorial", "community");
    const body = { handlerKind: "urban_management", level: "district", limitDays: 2 };
    const refused = await ctx.api(await ctx.login("city_dispatcher"), {
      method: "PUT",
      url: `/api/v1/responsibility-entries/${category.code}`,
      payload: body,
    });
    expect(refused.statusCode).toBe(403);
    const admin = await ctx.login("sysadmin");
    const bad = await ctx.api(admin, {
      method: "PUT",
      url: `/api/v1/responsibility-entries/${category.code}`,
      payload: { ...body, level: "community" },
    });
    expect(bad.statusCode).toBe(400);
    const ok = await ctx.api(admin, {
      method: "PUT",
      url: `/api/v1/responsibility-entries/${category.code}`,
      payload: body,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({
      categoryCode: category.code,
      handlerKind: "urban_management",
      territorial: false,
      limitDays: 2,
    });

    const point = await pointIn(ctx, YUHUA);
    const created = await report(ctx, await ctx.login("yuhua_grid01"), {
      description: "占道经营",
      ...point,
      categoryCode: category.code,
      source: "grid",
    });
    expect(created.json().suggestedUnit.code).toBe("210303000000-urban_management");
    expect(created.json().deadlines.limitDays).toBe(2);
  });
});

describe("the working-day calendar", () => {
  it("reads a year and lets the system admin replace it; deadlines follow", async () => {
    const token = await ctx.login("city_dispatcher");
    const y2026 = (await ctx.api(token, { method: "GET", url: "/api/v1/calendar/2026" })).json();
    expect(y2026.holidays).toContain("2026-10-01");
    expect(y2026.workdays.length).toBeGreaterThan(0);

    const admin = await ctx.login("sysadmin");
    const weekdayWorkday = await ctx.api(admin, {
      method: "PUT",
      url: "/api/v1/calendar/2027",
      payload: { holidays: [], workdays: ["2027-01-04"] },
    });
    expect(weekdayWorkday.statusCode).toBe(400);
    const wrongYear = await ctx.api(admin, {
      method: "PUT",
      url: "/api/v1/calendar/2027",
      payload: { holidays: ["2026-01-01"], workdays: [] },
    });
    expect(wrongYear.statusCode).toBe(400);
    expect(
      (await ctx.api(token, { method: "PUT", url: "/api/v1/calendar/2027", payload: { holidays: [], workdays: [] } }))
        .statusCode,
    ).toBe(403);

    // make Wed 2026-11-25 .. Fri 2026-11-27 holidays: a 1-day limit from Tue 09:00 runs to Mon 09:00
    const holidays = [...y2026.holidays, "2026-11-25", "2026-11-26", "2026-11-27"];
    const ok = await ctx.api(admin, {
      method: "PUT",
      url: "/api/v1/calendar/2026",
      payload: { holidays, workdays: y2026.workdays },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const category = await categoryRoutedTo(ctx, "territorial", "community");
    await ctx.api(admin, {
      method: "PUT",
      url: `/api/v1/responsibility-entries/${category.code}`,
      payload: { handlerKind: "territorial", level: "community", limitDays: 1 },
    });
    const point = await pointIn(ctx, YUHUA);
    const created = (
      await report(ctx, await ctx.login("yuhua_grid01"), {
        description: "路灯",
        ...point,
        categoryCode: category.code,
        source: "grid",
      })
    ).json();
    expect(created.deadlines.dueAt).toBe("2026-11-30T01:00:00.000Z");
  });
});
