// Open311 GeoReport v2 as a protocol client sees it: every endpoint's JSON against the spec's
// schemas (open311-schemas/) and its XML parsed back to the same content; api_key, input and
// jurisdiction errors as [{code, description}]; the filters of GET requests; and a request POSTed
// through Open311 going round the workbench loop until Open311 reports it closed with the result.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actOk, pointIn, report, snapshotCounts, YUHUA } from "./fixtures.ts";
import { createTestContext, type TestContext } from "./harness.ts";
import { createClient, expectErrors, expectSchema, getBoth, open311, parseXml, postForm } from "./open311-helpers.ts";

const BAJIAZI = "210303003000";
const SERVICE = "C01001"; // 供水井盖 (GB/T 47678.5 component), under 市政公用设施

let ctx: TestContext;
let apiKey: string;
let clientId: string;
let yuhua: { lat: number; long: number };

async function post(fields: Record<string, string | number | string[]>, format: "json" | "xml" = "json") {
  return postForm(ctx, format, { api_key: apiKey, ...fields });
}

/** POST a valid request in 裕华社区 and return its service_request_id. */
async function created(fields: Record<string, string | number> = {}) {
  const res = await post({ service_code: SERVICE, ...yuhua, description: "井盖破损,行人易绊倒", ...fields });
  expect(res.statusCode, res.body).toBe(201);
  return res.json()[0].service_request_id as string;
}

async function oneRequest(id: string) {
  const body = await getBoth(ctx, `/requests/${id}`, "service_requests", "requests");
  expect(body).toHaveLength(1);
  return body[0];
}

beforeAll(async () => {
  ctx = await createTestContext();
  const made = await createClient(ctx, "鞍山随手拍 App");
  apiKey = made.apiKey;
  clientId = made.client.id;
  const p = await pointIn(ctx, YUHUA);
  yuhua = { lat: p.lat, long: p.lng }; // Open311 names the longitude `long`
});
afterAll(async () => ctx?.close());

describe("discovery, services and service definitions", () => {
  it("discovery names the endpoint, its formats and how to get a key", async () => {
    const d = await getBoth(ctx, "/discovery", "discovery", "discovery");
    expect(d.endpoints[0]).toMatchObject({
      specification: "http://wiki.open311.org/GeoReport_v2",
      url: "http://localhost:80/open311/v2",
      type: "production",
      formats: ["text/xml", "application/json"],
    });
  });

  it("services are the active leaf categories with a responsibility-list entry, grouped by class", async () => {
    const services = await getBoth(ctx, "/services", "services", "services");
    const expected = await ctx.services.db
      .selectFrom("categories")
      .innerJoin("responsibility_entries", "category_code", "code")
      .select("code")
      .where("active", "=", true)
      .orderBy("code")
      .execute();
    expect(services.map((s: { service_code: string }) => s.service_code)).toEqual(expected.map((c) => c.code));
    expect(services.find((s: { service_code: string }) => s.service_code === SERVICE)).toMatchObject({
      service_name: "供水井盖",
      group: "市政公用设施",
      metadata: false,
      type: "realtime",
    });
    // class nodes are groups, not services
    expect(services.some((s: { service_code: string }) => s.service_code === "C01")).toBe(false);
    const paged = await open311(ctx, { method: "GET", url: "/services.json?page=2&page_size=100" });
    expect(paged.json()).toEqual(services.slice(100, 200));
    expect(paged.headers["x-total-count"]).toBe(String(services.length));
  });

  it("a service definition has the service code and no extra attributes; an unknown code is a 404", async () => {
    const def = await getBoth(ctx, `/services/${SERVICE}`, "service_definition", "service-definition");
    expect(def).toEqual({ service_code: SERVICE, attributes: [] });
    await expectErrors(await open311(ctx, { method: "GET", url: "/services/NOPE1.json" }), 404);
    const xml = await expectErrors(await open311(ctx, { method: "GET", url: "/services/NOPE1.xml" }), 404);
    expect(xml[0]?.description).toContain("service_code");
  });

  it("jurisdiction_id: ours is accepted, another is a 404; unknown formats and paths are 404s too", async () => {
    const ok = await open311(ctx, { method: "GET", url: "/services.json?jurisdiction_id=anshan.gov.cn" });
    expect(ok.statusCode).toBe(200);
    const empty = await open311(ctx, { method: "GET", url: "/services.json?jurisdiction_id=" });
    expect(empty.statusCode).toBe(200);
    await expectErrors(await open311(ctx, { method: "GET", url: "/services.json?jurisdiction_id=sfgov.org" }), 404);
    await expectErrors(await open311(ctx, { method: "GET", url: "/services.csv" }), 404);
    await expectErrors(await open311(ctx, { method: "GET", url: "/nothing.json" }), 404);
    await expectErrors(await open311(ctx, { method: "GET", url: "/requests/nothing" }), 404);
    await expectErrors(await open311(ctx, { method: "GET", url: "/a/b/c.xml" }), 404);
    await expectErrors(await open311(ctx, { method: "GET", url: "" }), 404);
    await expectErrors(await open311(ctx, { method: "DELETE", url: "/requests.json" }), 404);
  });
});

describe("POST requests: api_key and bad input", () => {
  it("a missing, wrong or disabled api_key is a 403 [{code, description}] and stores nothing", async () => {
    const before = await snapshotCounts(ctx);
    const body = { service_code: SERVICE, ...yuhua, description: "x" };
    await expectErrors(await postForm(ctx, "json", body), 403);
    await expectErrors(await postForm(ctx, "json", { ...body, api_key: "o311_wrong-key-000000000000" }), 403);
    const xml = await expectErrors(await postForm(ctx, "xml", { ...body, api_key: "" }), 403);
    expect(xml[0]?.description).toContain("api_key");
    // a missing key is refused before the body is looked at
    await expectErrors(await postForm(ctx, "json", { nonsense: "1" }), 403);

    const other = await createClient(ctx, "停用测试");
    const admin = await ctx.login("sysadmin");
    const off = await ctx.api(admin, {
      method: "PATCH",
      url: `/api/v1/admin/open311-clients/${other.client.id}`,
      payload: { active: false },
    });
    expect(off.statusCode, off.body).toBe(200);
    expect(off.json().active).toBe(false);
    await expectErrors(await postForm(ctx, "json", { ...body, api_key: other.apiKey }), 403);
    expect(await snapshotCounts(ctx)).toEqual(before);
  });

  it("bad input is a 400 (unknown service a 404) with the error array; nothing is stored", async () => {
    const before = await snapshotCounts(ctx);
    const cases: [Record<string, string | number>, number, string][] = [
      [{ ...yuhua, description: "no service" }, 400, "service_code"],
      [{ service_code: "ZZ999", ...yuhua }, 404, "service_code"],
      [{ service_code: SERVICE, description: "no place" }, 400, "address_string"],
      [{ service_code: SERVICE, lat: yuhua.lat }, 400, "long"],
      [{ service_code: SERVICE, lat: 95, long: 122 }, 400, "lat"],
      [{ service_code: SERVICE, lat: "north", long: 122 }, 400, "lat"],
      [{ service_code: SERVICE, lat: 39.9, long: 116.4 }, 400, ""], // Beijing: outside the city
      [{ service_code: SERVICE, address_string: "某某路 100 号" }, 400, "address_string"],
      [{ service_code: SERVICE, address_string: "解放社区" }, 400, "address_string"], // several 解放社区
      [{ service_code: SERVICE, address_id: "110101001001" }, 400, "address_id"],
      [{ service_code: SERVICE, ...yuhua, email: "not-an-email" }, 400, "email"],
      [{ service_code: SERVICE, ...yuhua, media_url: "ftp://x/y.jpg" }, 400, "media_url"],
      [{ service_code: SERVICE, ...yuhua, phone: "call me" }, 400, "phone"],
      [{ service_code: SERVICE, ...yuhua, colour: "red" }, 400, ""],
      [{ service_code: SERVICE, ...yuhua, description: "x".repeat(4001) }, 400, "description"],
    ];
    for (const [fields, status, mentions] of cases) {
      const items = await expectErrors(await post(fields), status);
      expect(items[0]?.description, JSON.stringify(fields).slice(0, 80)).toContain(mentions);
    }
    // several problems at once are listed one by one
    const many = await expectErrors(await post({ service_code: "bad code!", email: "x", phone: "y" }), 400);
    expect(many.length).toBeGreaterThanOrEqual(3);
    // a broken JSON body
    const broken = await open311(ctx, {
      method: "POST",
      url: "/requests.json",
      headers: { "content-type": "application/json" },
      payload: '{"api_key": ',
    });
    await expectErrors(broken, 400);
    await expectErrors(await post({ service_code: SERVICE, ...yuhua, jurisdiction_id: "sfgov.org" }), 404);
    expect(await snapshotCounts(ctx)).toEqual(before);
  });
});

describe("POST requests: creating cases", () => {
  it("a form-encoded request in 八家子街道 lands in bajiazi_center's inbox, reporter data kept private", async () => {
    const res = await post({
      service_code: SERVICE,
      ...yuhua,
      address_string: "裕华社区3号楼东侧",
      description: "3号楼东侧供水井盖破损,联系电话13912345678",
      first_name: "小明",
      last_name: "王",
      phone: "13912345678",
      email: "wang@example.com",
      account_id: "acct-42",
      device_id: "device-7",
      media_url: "https://img.example.com/p/1.jpg",
      "attribute[severity]": "high",
      "attribute[tags][]": ["a", "b"],
    });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expectSchema("post-request", body);
    expect(body[0]).toMatchObject({ account_id: "acct-42", service_notice: expect.stringContaining("工作日") });
    const code = body[0].service_request_id as string;
    expect(code).toMatch(/^AS-\d{8}-\d{6}$/);

    // the case: source open311, routed in 裕华社区, coordinated by the 八家子街道 centre
    const centre = await ctx.login("bajiazi_center");
    const inbox = await ctx.api(centre, {
      method: "GET",
      url: `/api/v1/cases?bucket=toRegister&source=open311&q=${code}`,
    });
    expect(inbox.statusCode, inbox.body).toBe(200);
    expect(inbox.json().items.map((c: { code: string }) => c.code)).toEqual([code]);
    const c = inbox.json().items[0];
    expect(c).toMatchObject({ source: "open311", communityCode: YUHUA, townshipCode: BAJIAZI, status: "reported" });
    expect(c.centreUnit.code).toBe(`${BAJIAZI}-centre`);
    const full = (await ctx.api(centre, { method: "GET", url: `/api/v1/cases/${c.id}` })).json();
    expect(full.reporter).toEqual({ name: "王**", phone: "139****5678", idNumber: null });
    const side = await ctx.services.db
      .selectFrom("open311_requests")
      .selectAll()
      .where("case_id", "=", c.id)
      .executeTakeFirstOrThrow();
    expect(side).toMatchObject({ client_id: clientId, email: null, device_id: "device-7" });
    expect(ctx.services.pii.open("open311_requests.email", side.email_enc)).toBe("wang@example.com");
    expect(side.attributes).toEqual({ severity: "high", tags: ["a", "b"] });

    // what Open311 publishes: no name, phone or e-mail, the phone in the description masked
    const r = await oneRequest(code);
    expect(r).toMatchObject({
      service_request_id: code,
      status: "open",
      service_code: SERVICE,
      service_name: "供水井盖",
      agency_responsible: "八家子街道市域治理中心",
      address_id: YUHUA,
      lat: yuhua.lat,
      long: yuhua.long,
      media_url: "https://img.example.com/p/1.jpg",
    });
    expect(r.description).toContain("139****5678");
    // published with its coarse area only: the house number is personal data (sealed on the case)
    expect(r.address).toContain("裕华社区");
    expect(r.address).not.toContain("3号楼");
    expect(Date.parse(r.expected_datetime)).toBe(Date.parse(full.deadlines.dueAt));
    expect(Date.parse(r.requested_datetime)).toBe(Date.parse(full.reportedAt));
    const raw = (await open311(ctx, { method: "GET", url: `/requests/${code}.xml` })).body;
    for (const secret of ["王小明", "小明", "13912345678", "wang@example.com", "acct-42", "device-7"]) {
      expect(raw).not.toContain(secret);
      expect(JSON.stringify(r)).not.toContain(secret);
    }
  });

  it("JSON bodies and XML responses work; address_string and address_id place the case", async () => {
    const json = await open311(ctx, {
      method: "POST",
      url: "/requests.xml",
      payload: {
        api_key: apiKey,
        service_code: SERVICE,
        address_string: "铁西区八家子街道裕华社区 5号楼",
        description: "JSON 提交",
        attribute: { floor: "1" },
      },
    });
    expect(json.statusCode, json.body).toBe(201);
    expect(json.headers["content-type"]).toBe("text/xml; charset=utf-8");
    const items = parseXml(json.body, "service_requests") as { service_request_id: string; token: string }[];
    expect(items[0]?.service_request_id).toMatch(/^AS-/);
    const byName = await oneRequest(items[0]?.service_request_id as string);
    expect(byName.address_id).toBe(YUHUA);

    const township = await open311(ctx, {
      method: "POST",
      url: "/requests.json",
      payload: { api_key: apiKey, service_code: SERVICE, address_id: BAJIAZI, lat: "", long: "" },
    });
    expect(township.statusCode, township.body).toBe(201);
    const t = await oneRequest(township.json()[0].service_request_id);
    expect(String(t.address_id).slice(0, 9)).toBe(BAJIAZI.slice(0, 9));
    // no description given: the service's name stands in
    expect(t.description).toBe("供水井盖");
  });

  it("tokens resolve to the service_request_id", async () => {
    const res = await post({ service_code: SERVICE, ...yuhua });
    const { token, service_request_id: id } = res.json()[0];
    const body = await getBoth(ctx, `/tokens/${token}`, "service_requests", "token");
    expect(body).toEqual([{ service_request_id: id, token }]);
    await expectErrors(await open311(ctx, { method: "GET", url: "/tokens/abcdefghijklmnopqrstuvwx.json" }), 404);
    await expectErrors(await open311(ctx, { method: "GET", url: "/requests/AS-19990101-000001.xml" }), 404);
  });
});

describe("retries", () => {
  it("an Idempotency-Key makes a client's retry return the same request, not a second case", async () => {
    const send = (description: string) =>
      open311(ctx, {
        method: "POST",
        url: "/requests.json",
        headers: { "content-type": "application/json", "idempotency-key": "app-retry-0001" },
        payload: { api_key: apiKey, service_code: SERVICE, ...yuhua, description },
      });
    const before = await ctx.handle.db
      .selectFrom("cases")
      .select((e) => e.fn.countAll<string>().as("n"))
      .executeTakeFirstOrThrow();
    const first = await send("路灯不亮,夜间行走不便");
    const again = await send("路灯不亮,夜间行走不便");
    expect(first.statusCode, first.body).toBe(201);
    expect(again.statusCode, again.body).toBe(201);
    expect(again.json()).toEqual(first.json());
    const after = await ctx.handle.db
      .selectFrom("cases")
      .select((e) => e.fn.countAll<string>().as("n"))
      .executeTakeFirstOrThrow();
    expect(Number(after.n) - Number(before.n)).toBe(1);
    // the same key with another body is refused, and stores nothing
    await expectErrors(await send("另一个问题"), 400);
    await expectErrors(
      await open311(ctx, {
        method: "POST",
        url: "/requests.json",
        headers: { "content-type": "application/json", "idempotency-key": "short" },
        payload: { api_key: apiKey, service_code: SERVICE, ...yuhua, description: "x" },
      }),
      400,
    );
  });
});

describe("what Open311 publishes", () => {
  it("a hotline call's own words and exact place stay inside; the service and community are shown", async () => {
    const token = await ctx.login("hotline_agent");
    const res = await report(ctx, token, {
      description: "市民张先生来电:我家楼下井盖丢失,电话13912345678",
      lat: yuhua.lat,
      lng: yuhua.long,
      categoryCode: SERVICE,
      address: "裕华小区3号楼2单元",
      source: "hotline",
    });
    expect(res.statusCode, res.body).toBe(201);
    const shown = await oneRequest(res.json().code);
    expect(JSON.stringify(shown)).not.toMatch(/张先生|13912345678|3号楼/);
    expect(shown.description).toBe(shown.service_name);
    expect(shown.address).toContain("裕华");
    expect(Math.abs(shown.lat - yuhua.lat)).toBeLessThan(0.001);
  });
});

describe("GET requests: filters", () => {
  it("defaults to the last 90 days, newest first; filters by service, status, dates and ids", async () => {
    const now = ctx.clock.now().getTime();
    const all = await getBoth(ctx, "/requests", "service_requests", "requests");
    expect(all.length).toBeGreaterThan(5);
    const times = all.map((r: { requested_datetime: string }) => Date.parse(r.requested_datetime));
    expect(times.every((t: number) => t <= now && t >= now - 90 * 86_400_000)).toBe(true);
    expect([...times].sort((a, b) => b - a)).toEqual(times);

    const closed = await getBoth(ctx, "/requests?status=closed", "service_requests", "requests");
    const open = await getBoth(ctx, "/requests?status=open", "service_requests", "requests");
    expect(closed.every((r: { status: string }) => r.status === "closed")).toBe(true);
    expect(open.every((r: { status: string }) => r.status === "open")).toBe(true);
    expect(closed.length + open.length).toBe(all.length);
    expect(closed.length).toBeGreaterThan(0);
    const both = await open311(ctx, { method: "GET", url: "/requests.json?status=open,closed" });
    expect(both.json()).toHaveLength(all.length);

    const code = all[0].service_code as string;
    const one = await getBoth(ctx, `/requests?service_code=${code}`, "service_requests", "requests");
    expect(one.length).toBeGreaterThan(0);
    expect(one.every((r: { service_code: string }) => r.service_code === code)).toBe(true);

    // an explicit window, 40 to 30 days back
    const start = new Date(now - 40 * 86_400_000).toISOString();
    const end = new Date(now - 30 * 86_400_000).toISOString();
    const win = await getBoth(ctx, `/requests?start_date=${start}&end_date=${end}`, "service_requests", "requests");
    expect(win.length).toBeGreaterThan(0);
    for (const r of win) {
      const t = Date.parse(r.requested_datetime);
      expect(t >= Date.parse(start) && t <= Date.parse(end)).toBe(true);
    }

    // service_request_id overrides every other filter (even an old case, outside the window)
    const old = await ctx.services.db
      .selectFrom("cases")
      .select("code")
      .where("category_code", "is not", null)
      .where("reported_at", "<", new Date(now - 200 * 86_400_000))
      .orderBy("code")
      .executeTakeFirstOrThrow();
    const ids = `${old.code},${all[1].service_request_id}`;
    const picked = await getBoth(
      ctx,
      `/requests?service_request_id=${ids}&status=open`,
      "service_requests",
      "requests",
    );
    expect(picked.map((r: { service_request_id: string }) => r.service_request_id).sort()).toEqual(
      [old.code, all[1].service_request_id].sort(),
    );
  });

  it("pages through the extension: page_size, page, X-Total-Count and a next link", async () => {
    const first = await open311(ctx, { method: "GET", url: "/requests.json?page_size=2" });
    const total = Number(first.headers["x-total-count"]);
    expect(first.json()).toHaveLength(2);
    expect(total).toBeGreaterThan(2);
    expect(first.headers.link).toContain("page=2");
    const second = await open311(ctx, { method: "GET", url: "/requests.json?page_size=2&page=2" });
    const all = await open311(ctx, { method: "GET", url: "/requests.json" });
    expect([...first.json(), ...second.json()]).toEqual(all.json().slice(0, 4));
    expect(all.json().length).toBe(Math.min(total, 1000));
  });

  it("refuses bad filters with 400 and the error array", async () => {
    const now = ctx.clock.now().getTime();
    const iso = (days: number) => new Date(now - days * 86_400_000).toISOString();
    const bad = [
      `/requests.json?start_date=${iso(200)}&end_date=${iso(10)}`, // more than 90 days
      `/requests.json?start_date=${iso(10)}&end_date=${iso(20)}`, // start after end
      "/requests.json?start_date=2026-01-01", // no time and zone
      "/requests.json?status=pending",
      "/requests.json?service_code=C01001;drop",
      "/requests.json?page_size=1001",
      "/requests.xml?page=0",
    ];
    for (const url of bad) await expectErrors(await open311(ctx, { method: "GET", url }), 400);
  });
});

describe("round trip through the workbench loop", () => {
  it("an Open311 request is registered, dispatched, handled and verified; Open311 reports it closed", async () => {
    const code = await created({ description: "裕华社区5号楼前供水井盖缺失" });
    const centre = await ctx.login("bajiazi_center");
    const listed = await ctx.api(centre, { method: "GET", url: `/api/v1/cases?bucket=toRegister&q=${code}` });
    const id = listed.json().items[0].id as string;

    await actOk(ctx, "bajiazi_center", id, "register");
    await actOk(ctx, "bajiazi_center", id, "dispatch", { unitCode: `${YUHUA}-station` });
    let r = await oneRequest(code);
    expect(r).toMatchObject({ status: "open", agency_responsible: "裕华社区网格化工作站" });
    await actOk(ctx, "yuhua_station", id, "accept");
    await actOk(ctx, "yuhua_station", id, "feedback", { note: "已更换新井盖并加固" });
    expect((await oneRequest(code)).status).toBe("open");
    ctx.clock.advance(3_600_000);
    const closedCase = await actOk(ctx, "bajiazi_center", id, "verify", { pass: true, note: "现场已恢复" });
    expect(closedCase.status).toBe("closed");

    r = await oneRequest(code);
    expect(r.status).toBe("closed");
    expect(r.status_notes).toBe("已更换新井盖并加固");
    expect(Date.parse(r.updated_datetime)).toBe(Date.parse(closedCase.timestamps.closedAt));
    const closedList = await open311(ctx, {
      method: "GET",
      url: `/requests.json?status=closed&service_code=${SERVICE}`,
    });
    expect(closedList.json().map((x: { service_request_id: string }) => x.service_request_id)).toContain(code);
  });

  it("rejected and merged requests are closed with the reason", async () => {
    const first = await created();
    const dup = await created({ description: "同一井盖再次反映" });
    const refused = await created({ description: "测试提交" });
    const centre = await ctx.login("bajiazi_center");
    const idOf = async (code: string) =>
      (await ctx.api(centre, { method: "GET", url: `/api/v1/cases?q=${code}` })).json().items[0].id as string;
    await actOk(ctx, "bajiazi_center", await idOf(refused), "reject", { reason: "重复测试数据" });
    await actOk(ctx, "bajiazi_center", await idOf(dup), "merge", { targetId: await idOf(first) });
    expect(await oneRequest(refused)).toMatchObject({ status: "closed", status_notes: "不予立案: 重复测试数据" });
    expect(await oneRequest(dup)).toMatchObject({ status: "closed", status_notes: `重复件,已并入 ${first}` });
    const en = await open311(ctx, {
      method: "GET",
      url: `/requests/${dup}.json`,
      headers: { "accept-language": "en-GB,en;q=0.9" },
    });
    expect(en.json()[0].status_notes).toBe(`Duplicate of ${first}`);
  });
});
