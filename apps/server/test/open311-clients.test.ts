// Open311 clients and their API keys: managed by the system admin alone (audited, the key shown
// once and never listed), the demo client's key from CIVICGRID_OPEN311_KEY, and POSTs limited per
// client.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../src/logger.ts";
import { DEMO_CLIENT_NAME, seedDemoOpen311Client } from "../src/open311/seed-demo-client.ts";
import { pointIn, YUHUA } from "./fixtures.ts";
import { createTestContext, type TestContext } from "./harness.ts";
import { createClient, expectErrors, postForm } from "./open311-helpers.ts";

const SERVICE = "C01001";
const CLIENTS = "/api/v1/admin/open311-clients";

let ctx: TestContext;
let place: { lat: number; long: number };

beforeAll(async () => {
  ctx = await createTestContext();
  const p = await pointIn(ctx, YUHUA);
  place = { lat: p.lat, long: p.lng };
});
afterAll(async () => ctx?.close());

const file = (apiKey: string) => postForm(ctx, "json", { api_key: apiKey, service_code: SERVICE, ...place });

describe("managing clients", () => {
  it("only the system admin lists, creates and changes clients", async () => {
    for (const username of ["city_dispatcher", "secadmin", "auditor"]) {
      const token = await ctx.login(username);
      expect((await ctx.api(token, { method: "GET", url: CLIENTS })).statusCode).toBe(403);
      const made = await ctx.api(token, { method: "POST", url: CLIENTS, payload: { name: "x" } });
      expect(made.statusCode).toBe(403);
    }
    const denied = await ctx.services.db
      .selectFrom("audit_log")
      .select("action")
      .where("outcome", "=", "denied")
      .where("action", "like", "admin.open311_client.%")
      .execute();
    expect(denied.length).toBeGreaterThanOrEqual(6);
  });

  it("the key is shown once; the list is paged and shows only the prefix; changes are audited", async () => {
    const { client, apiKey } = await createClient(ctx, "鞍山随手拍 App");
    expect(apiKey).toMatch(/^o311_[A-Za-z0-9_-]{32}$/);
    expect(apiKey.startsWith(client.keyPrefix)).toBe(true);
    await createClient(ctx, "第二个应用");
    expect((await file(apiKey)).statusCode).toBe(201);
    expect((await file(apiKey)).statusCode).toBe(201);

    const admin = await ctx.login("sysadmin");
    const first = await ctx.api(admin, { method: "GET", url: `${CLIENTS}?pageSize=1` });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ page: 1, pageSize: 1, total: 3 }); // with the demo client
    expect(first.json().items).toHaveLength(1);
    const all = await ctx.api(admin, { method: "GET", url: `${CLIENTS}?pageSize=100` });
    expect(all.body).not.toContain(apiKey);
    const names = all.json().items.map((c: { name: string }) => c.name);
    expect(names).toEqual(expect.arrayContaining([DEMO_CLIENT_NAME, "鞍山随手拍 App", "第二个应用"]));
    const mine = all.json().items.find((c: { id: string }) => c.id === client.id);
    expect(mine).toMatchObject({ name: "鞍山随手拍 App", active: true, createdBy: "sysadmin", requestCount: 2 });
    expect(mine.lastUsedAt).not.toBeNull();
    const demo = all.json().items.find((c: { name: string }) => c.name === DEMO_CLIENT_NAME);
    expect(demo).toMatchObject({ createdBy: null, requestCount: 0, lastUsedAt: null });

    // disabled: the key is refused at once; enabled again: it works again
    const patch = (payload: object) => ctx.api(admin, { method: "PATCH", url: `${CLIENTS}/${client.id}`, payload });
    expect((await patch({ active: false })).json().active).toBe(false);
    await expectErrors(await file(apiKey), 403);
    const off = await ctx.api(admin, { method: "GET", url: `${CLIENTS}?active=false` });
    expect(off.json().items.map((c: { id: string }) => c.id)).toEqual([client.id]);
    expect((await patch({ active: true, name: "随手拍" })).json()).toMatchObject({ active: true, name: "随手拍" });
    expect((await file(apiKey)).statusCode).toBe(201);

    // bad input
    expect((await ctx.api(admin, { method: "POST", url: CLIENTS, payload: { name: " " } })).statusCode).toBe(400);
    expect((await ctx.api(admin, { method: "POST", url: CLIENTS, payload: { name: "a", key: "k" } })).statusCode).toBe(
      400,
    );
    expect((await patch({})).statusCode).toBe(400);
    const missing = await ctx.api(admin, {
      method: "PATCH",
      url: `${CLIENTS}/00000000-0000-4000-8000-000000000001`,
      payload: { active: false },
    });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe("OPEN311_CLIENT_NOT_FOUND");

    const audit = await ctx.services.db
      .selectFrom("audit_log")
      .select(["action", "outcome", "object_id", "detail"])
      .where("outcome", "=", "success")
      .where((eb) =>
        eb.or([eb("action", "like", "admin.open311_client.%"), eb("action", "=", "open311.request.create")]),
      )
      .orderBy("at")
      .orderBy("id")
      .execute();
    expect(audit.filter((a) => a.object_id === client.id).map((a) => a.action)).toEqual([
      "admin.open311_client.create",
      "admin.open311_client.update",
      "admin.open311_client.update",
    ]);
    expect(audit.filter((a) => a.action === "open311.request.create")).toHaveLength(3);
    expect(JSON.stringify(audit)).not.toContain(apiKey);
  });
});

describe("the demo client", () => {
  it("is seeded once; CIVICGRID_OPEN311_KEY set later becomes its key", async () => {
    const logger = createLogger("silent");
    expect(await seedDemoOpen311Client(ctx.services.db, logger)).toBeNull(); // seeded with the template
    const key = "demo-open311-key-for-tests-0001";
    await expectErrors(await file(key), 403);
    expect(await seedDemoOpen311Client(ctx.services.db, logger, key)).toBeNull();
    expect((await file(key)).statusCode).toBe(201);
    const demos = await ctx.services.db
      .selectFrom("open311_clients")
      .select("key_hash")
      .where("name", "=", DEMO_CLIENT_NAME)
      .execute();
    expect(demos).toHaveLength(1);
    expect(demos[0]?.key_hash).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe("rate limit", () => {
  it("POSTs are limited per client (429 in the error array); other clients are not affected", async () => {
    const { apiKey: key } = await createClient(ctx, "限流测试");
    const { apiKey: other } = await createClient(ctx, "不受影响");
    // invalid bodies are cheap and still count: the limit is checked before the body is read
    for (let i = 0; i < 120; i++) {
      const res = await postForm(ctx, "json", { api_key: key });
      expect(res.statusCode).toBe(400);
    }
    await expectErrors(await postForm(ctx, "json", { api_key: key }), 429);
    expect((await postForm(ctx, "json", { api_key: other })).statusCode).toBe(400);
  });
});
