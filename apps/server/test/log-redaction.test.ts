// Logs carry no passwords, tokens, full phone numbers or ID numbers (issue #5): every channel is
// driven with such data — sign-ins (right, wrong, a password typed into the username field), the
// workbench, the hotline, the citizens' portal, Open311, caller history by phone, bad input that
// echoes them, a request that fails in the database — while the server logs at `trace` into memory;
// then the whole log is searched for each secret.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../src/logger.ts";
import { TEST_PASSWORD } from "./constants.ts";
import { pointIn, YUHUA } from "./fixtures.ts";
import { createTestContext, TEST_START, type TestContext } from "./harness.ts";
import { createClient, postForm } from "./open311-helpers.ts";

const PHONE = "13912345678";
/** a valid resident ID (checksum) — and the brief's 210302199001011234, refused by intake, below */
const ID_NUMBER = "210302199001011238";
const BAD_ID_NUMBER = "210302199001011234";
const PASSWORD_AS_USERNAME = "Zq8-hunter2-Correct-Horse";
const WRONG_PASSWORD = "wrong-Password-4711-xyz";

let ctx: TestContext;
const lines: string[] = [];
beforeAll(async () => {
  const logger = createLogger("trace", { write: (s: string) => lines.push(s) });
  ctx = await createTestContext(TEST_START, {}, logger);
});
afterAll(async () => ctx?.close());

describe("the server's log", () => {
  it("holds no password, token, full phone number or ID number", async () => {
    const secrets: Record<string, string> = {
      PHONE,
      ID_NUMBER,
      BAD_ID_NUMBER,
      PASSWORD_AS_USERNAME,
      WRONG_PASSWORD,
      TEST_PASSWORD,
    };
    const login = (username: string, password: string) =>
      ctx.app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { username, password } });
    expect((await login(PASSWORD_AS_USERNAME, WRONG_PASSWORD)).statusCode).toBe(401);
    expect((await login("city_dispatcher", WRONG_PASSWORD)).statusCode).toBe(401);
    const ok = await login("hotline_agent", TEST_PASSWORD);
    expect(ok.statusCode).toBe(200);
    const agent = ok.json().token as string;
    secrets.SESSION_TOKEN = agent;
    const point = await pointIn(ctx, YUHUA);
    const reporter = { name: "王先生", phone: PHONE, idNumber: ID_NUMBER };

    // hotline and workbench intake with personal data
    const hotline = await ctx.api(agent, {
      method: "POST",
      url: "/api/v1/cases",
      payload: { ...point, source: "hotline", description: "井盖破损", reporter },
    });
    expect(hotline.statusCode, hotline.body).toBe(201);
    const grid = await ctx.login("yuhua_grid01");
    secrets.GRID_TOKEN = grid;
    const own = await ctx.api(grid, {
      method: "POST",
      url: "/api/v1/cases",
      payload: { ...point, source: "grid", description: "路灯不亮", reporter },
    });
    expect(own.statusCode, own.body).toBe(201);
    // bad input carrying the data (rejected, echoing nothing into the log)
    await ctx.api(agent, {
      method: "POST",
      url: "/api/v1/cases",
      payload: { ...point, source: "hotline", description: "x", reporter: { ...reporter, extra: PHONE } },
    });
    await ctx.api(agent, {
      method: "POST",
      url: "/api/v1/cases",
      payload: { ...point, source: "hotline", description: "x", reporter: { phone: PHONE, idNumber: BAD_ID_NUMBER } },
    });
    // caller history: the phone travels in the path
    await ctx.api(agent, { method: "GET", url: `/api/v1/hotline/callers/${PHONE}/cases` });
    // reveal the full phone (it leaves in the response, not in the log)
    await ctx.api(await ctx.login("city_dispatcher"), {
      method: "POST",
      url: `/api/v1/cases/${hotline.json().id}/reporter-phone`,
      payload: { reason: "回访 callback" },
    });

    // the citizens' portal: a one-time code to the phone, then a report with it
    const otp = await ctx.app.inject({
      method: "POST",
      url: "/api/v1/public/otp",
      payload: { phone: PHONE },
      remoteAddress: "198.51.100.7",
    });
    expect(otp.statusCode, otp.body).toBe(202);
    await ctx.app.inject({
      method: "POST",
      url: "/api/v1/public/reports",
      payload: { ...point, description: "垃圾满溢", phone: PHONE, otpCode: "000000", name: "李女士" },
      remoteAddress: "198.51.100.7",
    });

    // Open311 with an API key and the phone, in the form body and in a query string
    const client = await createClient(ctx, "log test client");
    secrets.OPEN311_KEY = client.apiKey;
    const o311 = await postForm(ctx, "json", {
      api_key: client.apiKey,
      service_code: "C01001",
      lat: point.lat,
      long: point.lng,
      description: "井盖破损",
      phone: PHONE,
    });
    expect(o311.statusCode, o311.body).toBe(201);
    await ctx.app.inject({
      method: "GET",
      url: `/open311/v2/requests.json?api_key=${client.apiKey}&phone=${PHONE}`,
    });

    // a token in a cookie and in a header of a refused request
    await ctx.app.inject({ method: "GET", url: "/api/v1/cases", headers: { cookie: `cg_session=${agent}` } });
    await ctx.app.inject({ method: "GET", url: "/api/v1/admin/users", headers: { authorization: `Bearer ${agent}` } });
    // logout revokes the token (still must not appear)
    await ctx.api(agent, { method: "POST", url: "/api/v1/auth/logout" });

    const log = lines.join("");
    expect(log.length).toBeGreaterThan(1000); // trace level really captured the requests
    expect(log).toContain("/api/v1/hotline/callers/");
    for (const [name, secret] of Object.entries(secrets)) {
      expect(log.includes(secret), `${name} appears in the log`).toBe(false);
    }
    // nor the phone's digits in another spelling (+86, separators)
    expect(log).not.toMatch(/139[\s-]?1234[\s-]?5678/);
  });
});
