// Bad input gets a 4xx with a stable code and zh/en text, never a 5xx, and changes nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { act, actOk, categoryRoutedTo, pointIn, report, snapshotCounts, YUHUA } from "./fixtures.ts";
import { createTestContext, type TestContext } from "./harness.ts";

let ctx: TestContext;
let token: string;
let valid: Record<string, unknown>;
let caseId: string;

beforeAll(async () => {
  ctx = await createTestContext();
  token = await ctx.login("yuhua_grid01");
  const point = await pointIn(ctx, YUHUA);
  const category = await categoryRoutedTo(ctx, "territorial", "community");
  valid = { description: "井盖破损", ...point, categoryCode: category.code, source: "grid" };
  caseId = (await report(ctx, token, valid)).json().id;
});
afterAll(async () => ctx?.close());

interface ErrorJson {
  error: { code: string; message: string; messageEn: string };
}

function expectError(res: { statusCode: number; json: () => ErrorJson }, status: number, code?: string) {
  expect(res.statusCode).toBe(status);
  const body = res.json();
  expect(typeof body.error.code).toBe("string");
  expect(body.error.message.length).toBeGreaterThan(0);
  expect(body.error.messageEn.length).toBeGreaterThan(0);
  expect(JSON.stringify(body)).not.toMatch(/at .*\.ts:\d+/);
  if (code) expect(body.error.code).toBe(code);
}

describe("bad input on POST /cases", () => {
  const cases: [string, () => Record<string, unknown>, number, string][] = [
    ["missing description", () => ({ ...valid, description: undefined }), 400, "VALIDATION_FAILED"],
    ["missing coordinates", () => ({ ...valid, lat: undefined }), 400, "VALIDATION_FAILED"],
    ["empty description", () => ({ ...valid, description: "" }), 400, "VALIDATION_FAILED"],
    ["latitude as text", () => ({ ...valid, lat: "north" }), 400, "VALIDATION_FAILED"],
    ["latitude out of range", () => ({ ...valid, lat: 123 }), 400, "VALIDATION_FAILED"],
    ["longitude out of range", () => ({ ...valid, lng: -500 }), 400, "VALIDATION_FAILED"],
    ["point in Beijing", () => ({ ...valid, lat: 39.9, lng: 116.4 }), 422, "LOCATION_OUTSIDE_CITY"],
    ["unknown category", () => ({ ...valid, categoryCode: "99999" }), 422, "UNKNOWN_CATEGORY"],
    ["unknown source", () => ({ ...valid, source: "pigeon" }), 400, "VALIDATION_FAILED"],
    ["unexpected field", () => ({ ...valid, status: "closed" }), 400, "VALIDATION_FAILED"],
    ["description as object", () => ({ ...valid, description: { a: 1 } }), 400, "VALIDATION_FAILED"],
    ["bad phone", () => ({ ...valid, reporter: { phone: "call me" } }), 400, "VALIDATION_FAILED"],
  ];
  for (const [name, body, status, code] of cases) {
    it(name, async () => {
      const before = await snapshotCounts(ctx);
      expectError(await report(ctx, token, body()), status, code);
      expect(await snapshotCounts(ctx)).toEqual(before);
    });
  }

  it("a 10 MB body is refused with 413", async () => {
    const before = await snapshotCounts(ctx);
    const res = await report(ctx, token, { ...valid, description: "垃".repeat((10 * 1024 * 1024) / 3) });
    expectError(res, 413, "PAYLOAD_TOO_LARGE");
    expect(await snapshotCounts(ctx)).toEqual(before);
  });

  it("malformed JSON and wrong content type", async () => {
    const bad = await ctx.api(token, {
      method: "POST",
      url: "/api/v1/cases",
      payload: "{not json",
      headers: { "content-type": "application/json" },
    });
    expectError(bad, 400, "INVALID_JSON");
    const text = await ctx.api(token, {
      method: "POST",
      url: "/api/v1/cases",
      payload: "hello",
      headers: { "content-type": "text/plain" },
    });
    expectError(text, 415, "UNSUPPORTED_MEDIA_TYPE");
  });
});

describe("bad input on actions and reads", () => {
  it("illegal transition → 409, nothing changed", async () => {
    const before = await snapshotCounts(ctx);
    expectError(
      await act(ctx, await ctx.login("bajiazi_center"), caseId, "verify", { pass: true, note: "" }),
      409,
      "ILLEGAL_TRANSITION",
    );
    expect(await snapshotCounts(ctx)).toEqual(before);
  });

  it("a role that may never take an action → 403", async () => {
    expectError(
      await act(ctx, token, caseId, "dispatch", { unitCode: `${YUHUA}-station` }),
      403,
      "ACTION_NOT_PERMITTED",
    );
  });

  it("unknown action, bad ids, bad fields", async () => {
    const centre = await ctx.login("bajiazi_center");
    expectError(await act(ctx, centre, caseId, "explode"), 404, "UNKNOWN_ACTION");
    expectError(await ctx.api(centre, { method: "GET", url: "/api/v1/cases/not-a-uuid" }), 400, "VALIDATION_FAILED");
    expectError(await act(ctx, centre, caseId, "reject", {}), 400, "VALIDATION_FAILED");
    expectError(await act(ctx, centre, caseId, "reject", { reason: 42 }), 400, "VALIDATION_FAILED");
    await actOk(ctx, "bajiazi_center", caseId, "register");
    expectError(await act(ctx, centre, caseId, "dispatch", { unitCode: "no-such-unit" }), 422, "UNKNOWN_UNIT");
    expectError(await act(ctx, centre, caseId, "merge", { targetId: caseId }), 422, "INVALID_MERGE_TARGET");
    const list = await ctx.api(centre, { method: "GET", url: "/api/v1/cases?pageSize=1000" });
    expectError(list, 400, "VALIDATION_FAILED");
    expectError(
      await ctx.api(centre, { method: "GET", url: "/api/v1/cases?divisionCode=999999999999" }),
      400,
      "VALIDATION_FAILED",
    );
    expectError(
      await ctx.api(centre, { method: "GET", url: "/api/v1/locate?lat=abc&lng=1" }),
      400,
      "VALIDATION_FAILED",
    );
    expectError(
      await ctx.api(centre, { method: "GET", url: "/api/v1/locate?lat=31.2&lng=121.5" }),
      422,
      "LOCATION_OUTSIDE_CITY",
    );
    expectError(await ctx.api(centre, { method: "GET", url: "/api/v1/no-such-thing" }), 404, "ROUTE_NOT_FOUND");
  });

  it("lists are paginated with a capped page size", async () => {
    const centre = await ctx.login("city_dispatcher");
    const res = await ctx.api(centre, { method: "GET", url: "/api/v1/cases?pageSize=100&page=1" });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.items.length).toBeLessThanOrEqual(100);
    expect(body.pageSize).toBe(100);
    expect(body.total).toBeGreaterThanOrEqual(body.items.length);
    const units = await ctx.api(centre, { method: "GET", url: "/api/v1/units?pageSize=101" });
    expect(units.statusCode).toBe(400);
  });

  it("text PostgreSQL cannot store (NUL, an unpaired surrogate) → 400 before anything runs", async () => {
    // jsonb refuses "\ud800" (audit details, event data): it once reached a reveal's audit row as a 500
    const agent = await ctx.login("hotline_agent");
    const before = await snapshotCounts(ctx);
    for (const bad of ["\ud800原因说明", "原因\udfff说明", "原因\u0000说明", "\ud83d\ude00\ud83d原因"]) {
      const reveal = await ctx.api(agent, {
        method: "POST",
        url: `/api/v1/cases/${caseId}/reporter/reveal`,
        payload: { reason: bad },
      });
      expectError(reveal, 400, "VALIDATION_FAILED");
      expectError(await report(ctx, token, { ...valid, description: bad }), 400, "VALIDATION_FAILED");
      expectError(await report(ctx, token, { ...valid, [bad]: "x" }), 400, "VALIDATION_FAILED");
    }
    expect(await snapshotCounts(ctx)).toEqual(before);
    // a well-formed emoji (a surrogate pair) is fine
    expect((await report(ctx, token, { ...valid, description: "井盖破损 😀" })).statusCode).toBe(201);
  });
});
