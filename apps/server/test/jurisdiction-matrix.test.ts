// The cross-jurisdiction matrix: every GET of the OpenAPI document that takes an id or returns a
// list, every role outside 铁西区/裕华社区, and resources that belong there (a case with a photo and
// a reporter phone, a 12345 "me too" caller, a grid worker's patrol) → no data: 403/404 or a list
// without them, never their id, code or phone in the body (the xlsx export is opened and read too).
// Id-taking changes (callers, unmasking a phone, patrol points) are refused and change nothing.
// Public channels are left out on purpose: the portal works by the citizen's secret receipt, and
// Open311 publishes service requests to the world by design (without personal data).
import ExcelJS from "exceljs";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { categoryRoutedTo, pointIn, report, snapshotCounts, YUHUA } from "./fixtures.ts";
import { createTestContext, type TestContext } from "./harness.ts";
import { jpegWithGps } from "./real-images.ts";
import { uploadOk } from "./uploads.ts";

let ctx: TestContext;
const foreign = { caseId: "", code: "", attachmentId: "", patrolId: "" };
const REPORTER = "13911112222";
const CALLER = "13922223333";

/** Roles with no claim on a 裕华社区 case: another district, another community, an uninvolved
 * department (city and district level), and the three admins. */
const OUTSIDERS = [
  "tiedong_center",
  "jiefang_station",
  "changda_grid01",
  "dept_water",
  "tiexi_urban",
  "sysadmin",
  "secadmin",
  "auditor",
];
// the screen's live stream never ends (its jurisdiction is tested in screen-stream.test.ts)
const SKIP_PREFIXES = ["/api/v1/public/", "/open311/", "/api/docs", "/api/v1/screen/stream"];

beforeAll(async () => {
  ctx = await createTestContext();
  // the demo has one grid worker; a second one in 铁东区 长大社区 (a copy of the first, same password)
  // is the outsider who must not see the first one's patrols
  await sql`insert into users select (jsonb_populate_record(null::users, to_jsonb(u) || jsonb_build_object(
      'id', gen_random_uuid(), 'username', 'changda_grid01', 'unit_code', '210302002010-station'))).*
    from users u where username = 'yuhua_grid01'`.execute(ctx.handle.owner.db);
  const worker = await ctx.login("yuhua_grid01");
  const point = await pointIn(ctx, YUHUA);
  const category = await categoryRoutedTo(ctx, "territorial", "community");
  foreign.attachmentId = await uploadOk(ctx, worker, await jpegWithGps(64, 48));
  const res = await report(ctx, worker, {
    description: "裕华社区内部案件(矩阵测试)",
    ...point,
    categoryCode: category.code,
    source: "grid",
    reporter: { name: "测试居民", phone: REPORTER },
    photoIds: [foreign.attachmentId],
  });
  expect(res.statusCode, res.body).toBe(201);
  foreign.caseId = res.json().id;
  foreign.code = res.json().code;
  const agent = await ctx.login("hotline_agent");
  const caller = await ctx.api(agent, {
    method: "POST",
    url: `/api/v1/cases/${foreign.caseId}/callers`,
    payload: { phone: CALLER, note: "我也反映" },
  });
  expect(caller.statusCode, caller.body).toBe(200);
  const patrol = await ctx.api(worker, {
    method: "POST",
    url: "/api/v1/mobile/patrols",
    payload: { startedAt: ctx.clock.now().toISOString() },
  });
  expect(patrol.statusCode, patrol.body).toBe(201);
  foreign.patrolId = patrol.json().id;
});
afterAll(async () => ctx?.close());

/** Foreign values that must never appear in an outsider's answer. */
function leaked(body: string): string[] {
  const needles = [foreign.caseId, foreign.code, foreign.attachmentId, foreign.patrolId, REPORTER, CALLER];
  return needles.filter((n) => n && body.includes(n));
}

/** The value for a path parameter: the foreign resource the route is about. */
function paramFor(path: string, name: string): string | null {
  if (name === "phone") return path.includes("/callers/") ? REPORTER : null;
  if (name === "year" || name === "code" || name === "categoryCode") return null; // reference data
  if (path.startsWith("/api/v1/attachments/")) return foreign.attachmentId;
  if (path.startsWith("/api/v1/mobile/patrols/")) return foreign.patrolId;
  if (path.startsWith("/api/v1/cases/")) return foreign.caseId;
  return null;
}

type Op = { parameters?: { name: string; in: string }[] };

function routes(method: "get" | "post"): { path: string; url: string; op: Op }[] {
  const paths = (ctx.app.swagger() as unknown as { paths: Record<string, Record<string, Op>> }).paths;
  const out: { path: string; url: string; op: Op }[] = [];
  for (const [path, ops] of Object.entries(paths)) {
    const op = ops[method];
    if (!op || SKIP_PREFIXES.some((p) => path.startsWith(p))) continue;
    const names = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string);
    const values = names.map((n) => paramFor(path, n));
    if (values.some((v) => v === null)) continue;
    let url = path;
    names.forEach((n, i) => {
      url = url.replace(`{${n}}`, encodeURIComponent(values[i] as string));
    });
    const query = new URLSearchParams();
    const has = (n: string) => op.parameters?.some((p) => p.in === "query" && p.name === n);
    if (has("pageSize")) query.set("pageSize", "100");
    if (has("divisionCode")) query.set("divisionCode", YUHUA);
    if (has("communityCode")) query.set("communityCode", YUHUA);
    if (has("kind")) query.set("kind", "verify");
    if (has("q")) query.set("q", foreign.code);
    const qs = query.toString();
    out.push({ path, url: qs ? `${url}?${qs}` : url, op });
  }
  return out;
}

async function exportText(body: Buffer): Promise<string> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(body as unknown as ArrayBuffer);
  const cells: string[] = [];
  book.eachSheet((sheet) => sheet.eachRow((row) => cells.push(JSON.stringify(row.values))));
  return cells.join("\n");
}

async function bodyText(res: { body: string; rawPayload: Buffer; headers: Record<string, unknown> }) {
  const type = String(res.headers["content-type"] ?? "");
  return type.includes("spreadsheetml") ? exportText(res.rawPayload) : res.body;
}

describe("cross-jurisdiction matrix", () => {
  it("the walk covers the id-taking and list endpoints, and insiders do see the resources", async () => {
    const gets = routes("get").map((r) => r.path);
    for (const p of [
      "/api/v1/cases/{id}",
      "/api/v1/attachments/{id}",
      "/api/v1/mobile/patrols/{id}",
      "/api/v1/cases",
      "/api/v1/cases/export",
      "/api/v1/cases/map",
      "/api/v1/hotline/callers/{phone}/cases",
      "/api/v1/cases/{id}/callers",
      "/api/v1/units",
      "/api/v1/admin/users",
    ]) {
      expect(gets, p).toContain(p);
    }
    // positive controls: the same walk finds the resources for those who may see them
    const station = await ctx.login("yuhua_station");
    const seen = await ctx.api(station, { method: "GET", url: `/api/v1/cases/${foreign.caseId}` });
    expect(leaked(seen.body)).toContain(foreign.caseId);
    const list = await ctx.api(await ctx.login("bajiazi_center"), {
      method: "GET",
      url: `/api/v1/cases?pageSize=100&divisionCode=${YUHUA}`,
    });
    expect(leaked(list.body)).toContain(foreign.caseId);
    const exported = await ctx.api(station, { method: "GET", url: `/api/v1/cases/export?divisionCode=${YUHUA}` });
    expect(await bodyText(exported)).toContain(foreign.code);
    const worker = await ctx.login("yuhua_grid01");
    expect(
      (await ctx.api(worker, { method: "GET", url: `/api/v1/mobile/patrols/${foreign.patrolId}` })).statusCode,
    ).toBe(200);
    expect(
      (await ctx.api(worker, { method: "GET", url: `/api/v1/attachments/${foreign.attachmentId}` })).statusCode,
    ).toBe(200);
  });

  for (const username of OUTSIDERS) {
    it(`${username}: no GET returns a 裕华社区 resource`, async () => {
      const token = await ctx.login(username);
      const found: string[] = [];
      for (const { path, url } of routes("get")) {
        const res = await ctx.api(token, { method: "GET", url });
        expect(res.statusCode, `${username} GET ${url}`).toBeLessThan(500);
        // 400 for a route whose required filters this walk does not fill: still no data
        // the auditor's job is to read every audit record (三员): it names objects by code, but
        // never carries personal data
        const auditTrail = username === "auditor" && url.startsWith("/api/v1/audit");
        const hits = leaked(await bodyText(res)).filter((h) => !auditTrail || h === REPORTER || h === CALLER);
        // a route about one foreign resource (not a search by phone) must refuse, whatever it returns
        // (a photo's bytes hold no id to search for)
        if (/\{(id|caseId|attachmentId)\}/.test(path) && res.statusCode < 400) hits.push(`status ${res.statusCode}`);
        if (hits.length) found.push(`GET ${url} → ${res.statusCode} holds ${hits.join(", ")}`);
      }
      expect(found).toEqual([]);
    });
  }

  it("id-taking changes on a foreign resource are refused and change nothing", async () => {
    const points = async () =>
      Number(
        (await sql<{ n: string }>`select count(*)::text as n from patrol_points`.execute(ctx.services.db)).rows[0]?.n,
      );
    const before = { ...(await snapshotCounts(ctx)), points: await points() };
    const bodies: Record<string, Record<string, unknown>> = {
      "/api/v1/cases/{id}/callers": { phone: "13933334444", note: "x" },
      "/api/v1/cases/{id}/reporter-phone": { reason: "矩阵测试:越权查看" },
      "/api/v1/mobile/patrols/{id}/points": {
        points: [{ at: ctx.clock.now().toISOString(), lat: 41.1, lng: 122.99, accuracy: 5 }],
      },
      "/api/v1/mobile/patrols/{id}/stop": { endedAt: ctx.clock.now().toISOString() },
    };
    for (const username of OUTSIDERS) {
      const token = await ctx.login(username);
      for (const { path, url } of routes("post").filter((r) => bodies[r.path])) {
        const res = await ctx.api(token, { method: "POST", url, payload: bodies[path] });
        expect([403, 404], `${username} POST ${url}: ${res.body}`).toContain(res.statusCode);
        expect(leaked(res.body)).toEqual([]);
      }
    }
    expect({ ...(await snapshotCounts(ctx)), points: await points() }).toEqual(before);
  });
});
