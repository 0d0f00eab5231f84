// The citizens' portal API: reports with and without a verified phone (the code read from the server
// log, as in demo mode), placing by address, photos owned by the browser's token, tracking by receipt
// without personal data, evaluation and a single reopen through the domain's transition table, the
// results wall, abuse limits and the ban list.
import { createHash } from "node:crypto";
import { Writable } from "node:stream";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { maskPhone } from "../src/lib/mask.ts";
import { REDACT_PATHS } from "../src/logger.ts";
import { PUBLIC_LIMITS } from "../src/public/limits.ts";
import { DEMO_ACCOUNTS } from "../src/seed/demo-accounts.ts";
import { actOk, categoryRoutedTo, pointIn, snapshotCounts, YUHUA } from "./fixtures.ts";
import { createTestContext, TEST_START, type TestContext } from "./harness.ts";
import { jpegWithGps, SECRET } from "./real-images.ts";
import { multipart, uploadOk } from "./uploads.ts";

const BAJIAZI_CENTRE = "210303003000-centre";
const STATION = `${YUHUA}-station`;

let ctx: TestContext;
let point: { lat: number; lng: number };
let categoryCode: string;
let jpeg: Buffer;
const logLines: string[] = [];

beforeAll(async () => {
  // the server's log, kept in memory: demo mode "sends" one-time codes there
  const sink = new Writable({
    write(chunk, _encoding, done) {
      logLines.push(...String(chunk).split("\n").filter(Boolean));
      done();
    },
  });
  const logger = pino({ level: "info", redact: { paths: REDACT_PATHS, censor: "[redacted]" } }, sink);
  ctx = await createTestContext(TEST_START, {}, logger);
  point = await pointIn(ctx, YUHUA);
  categoryCode = (await categoryRoutedTo(ctx, "territorial", "community")).code;
  jpeg = await jpegWithGps(160, 120);
});
afterAll(async () => ctx?.close());

let ipSeq = 0;
/** Each test speaks from its own address, so the per-address limits of one do not touch another. */
const newIp = () => `198.51.100.${++ipSeq}`;
let phoneSeq = 0;
const newPhone = () => `1390000${String(++phoneSeq).padStart(4, "0")}`;

interface PubOptions {
  payload?: unknown;
  ip: string;
  headers?: Record<string, string>;
}
const pub = (method: "GET" | "POST", url: string, { payload, ip, headers }: PubOptions) =>
  ctx.app.inject({
    method,
    url: `/api/v1/public${url}`,
    payload: payload as Record<string, unknown> | undefined,
    remoteAddress: ip,
    headers,
  });

/** The code the demo sender wrote to the log for this phone (the latest one). */
function otpFromLog(phone: string): string {
  const masked = maskPhone(phone);
  for (let i = logLines.length - 1; i >= 0; i--) {
    const line = logLines[i] as string;
    const match = line.match(new RegExp(`OTP for ${masked.replace(/\*/g, "\\*")}: (\\d{6})`));
    if (match) return match[1] as string;
  }
  throw new Error(`no code in the log for ${masked}`);
}

async function verifiedCode(phone: string, ip: string): Promise<string> {
  const res = await pub("POST", "/otp", { payload: { phone }, ip });
  expect(res.statusCode, res.body).toBe(202);
  return otpFromLog(phone);
}

async function reportOk(body: Record<string, unknown>, ip: string, headers?: Record<string, string>) {
  const res = await pub("POST", "/reports", { payload: body, ip, headers });
  expect(res.statusCode, res.body).toBe(201);
  const receipt = res.json() as { receipt: string; code: string; status: string; placedBy: unknown };
  const row = await ctx.services.db
    .selectFrom("cases")
    .selectAll()
    .where("code", "=", receipt.code)
    .executeTakeFirstOrThrow();
  return { ...receipt, row };
}

const errorCode = (res: { json: () => unknown }) => (res.json() as { error: { code: string } }).error.code;

describe("reporting", () => {
  it("without a phone: placed by its point, in the township centre's inbox, receipt kept as a hash", async () => {
    const ip = newIp();
    const centre = await ctx.login("bajiazi_center");
    const toRegister = async () =>
      (
        (await ctx.api(centre, { method: "GET", url: "/api/v1/inbox" })).json().buckets as {
          key: string;
          count: number;
        }[]
      ).find((b) => b.key === "toRegister")?.count ?? 0;
    const before = await toRegister();

    const r = await reportOk(
      { ...point, categoryCode, description: "小区门口井盖缺失,夜间很危险", name: "李女士" },
      ip,
    );
    expect(r.receipt).toMatch(/^[2-9A-HJ-KMNP-Z]{4}-[2-9A-HJ-KMNP-Z]{4}-[2-9A-HJ-KMNP-Z]{4}$/);
    expect(r.status).toBe("received");
    expect(r.row).toMatchObject({
      source: "web",
      status: "reported",
      reported_by: null,
      reporter_name_masked: "李**",
      reporter_phone_enc: null,
      community_code: YUHUA,
      centre_unit_code: BAJIAZI_CENTRE,
    });
    const stored = await ctx.services.db
      .selectFrom("public_receipts")
      .selectAll()
      .where("case_id", "=", r.row.id)
      .execute();
    expect(stored).toHaveLength(1);
    expect(stored[0]?.receipt_hash).toBe(createHash("sha256").update(r.receipt.replaceAll("-", "")).digest("hex"));

    // the same loop as every channel: the township centre has it to register, another district does not see it
    expect(await toRegister()).toBe(before + 1);
    const seen = await ctx.api(centre, { method: "GET", url: `/api/v1/cases/${r.row.id}` });
    expect(seen.statusCode).toBe(200);
    expect(seen.json().availableActions).toContain("register");
    const listed = await ctx.api(centre, {
      method: "GET",
      url: `/api/v1/cases?bucket=toRegister&q=${encodeURIComponent(r.code)}`,
    });
    expect(listed.json().items.map((c: { id: string }) => c.id)).toContain(r.row.id);
    const other = await ctx.api(await ctx.login("tiedong_center"), { method: "GET", url: `/api/v1/cases/${r.row.id}` });
    expect(other.statusCode).toBe(404);
  });

  it("with a verified phone: the code appears only in the log, the phone is kept, the code works once", async () => {
    const ip = newIp();
    const phone = newPhone();
    const res = await pub("POST", "/otp", { payload: { phone: `+86 ${phone.slice(0, 3)}-${phone.slice(3)}` }, ip });
    expect(res.statusCode, res.body).toBe(202);
    expect(res.json()).toEqual({ phone: maskPhone(phone), expiresInSeconds: 300 });
    expect(res.body).not.toMatch(/\d{6}/);
    const code = otpFromLog(phone);
    const rows = await ctx.services.db
      .selectFrom("otp_codes")
      .selectAll()
      .where("phone_hash", "=", ctx.services.pii.phoneHash(phone))
      .execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.code_hash.toString("hex")).not.toContain(Buffer.from(code).toString("hex"));

    const r = await reportOk({ ...point, description: "路灯不亮", phone, otpCode: code, name: "王先生" }, ip);
    expect(ctx.services.pii.open("cases.reporter_phone", r.row.reporter_phone_enc)).toBe(phone);
    expect(ctx.services.pii.open("cases.reporter_name", r.row.reporter_name_enc)).toBe("王先生");
    // a code is good for one report
    const again = await pub("POST", "/reports", {
      payload: { ...point, description: "再报一次", phone, otpCode: code },
      ip,
    });
    expect(again.statusCode).toBe(422);
    expect(errorCode(again)).toBe("OTP_EXPIRED");
  });

  it("outside demo mode no code is made or logged: 503 with a clear message", async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _e, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const quiet = await createTestContext(TEST_START, { CIVICGRID_DEMO: "false" }, pino({ level: "info" }, sink));
    try {
      const phone = newPhone();
      const res = await quiet.app.inject({ method: "POST", url: "/api/v1/public/otp", payload: { phone } });
      expect(res.statusCode).toBe(503);
      expect(res.json().error).toMatchObject({ code: "OTP_UNAVAILABLE", message: expect.stringContaining("手机号") });
      expect(lines.join("")).toContain("no SMS gateway");
      expect(lines.join("")).not.toMatch(/OTP for/);
      expect(await quiet.services.db.selectFrom("otp_codes").selectAll().execute()).toEqual([]);
    } finally {
      await quiet.close();
    }
  });

  it("a phone without its code, or with a wrong, used-up or expired code, is refused and stores no case", async () => {
    const ip = newIp();
    const counts = await snapshotCounts(ctx);
    const body = { ...point, description: "占道经营" };

    const noCode = await pub("POST", "/reports", { payload: { ...body, phone: newPhone() }, ip });
    expect(noCode.statusCode).toBe(422);
    expect(errorCode(noCode)).toBe("OTP_REQUIRED");

    const phone = newPhone();
    const code = await verifiedCode(phone, ip);
    const wrong = code === "000000" ? "000001" : "000000";
    for (let left = 4; left >= 0; left--) {
      const res = await pub("POST", "/reports", { payload: { ...body, phone, otpCode: wrong }, ip });
      expect(res.statusCode).toBe(422);
      expect(res.json().error).toMatchObject({ code: "OTP_INVALID", details: { attemptsLeft: left } });
    }
    const spent = await pub("POST", "/reports", { payload: { ...body, phone, otpCode: code }, ip });
    expect(errorCode(spent)).toBe("OTP_ATTEMPTS_EXCEEDED");

    const late = newPhone();
    const lateCode = await verifiedCode(late, ip);
    ctx.clock.advance(5 * 60_000 + 1000);
    const expired = await pub("POST", "/reports", { payload: { ...body, phone: late, otpCode: lateCode }, ip });
    expect(expired.statusCode).toBe(422);
    expect(errorCode(expired)).toBe("OTP_EXPIRED");

    expect(await snapshotCounts(ctx)).toEqual(counts);
  });

  it("a report refused for another reason gives its code back", async () => {
    const ip = newIp();
    const phone = newPhone();
    const code = await verifiedCode(phone, ip);
    const bad = await pub("POST", "/reports", {
      payload: { ...point, description: "垃圾满溢", categoryCode: "ZZ999", phone, otpCode: code },
      ip,
    });
    expect(errorCode(bad)).toBe("UNKNOWN_CATEGORY");
    const r = await reportOk({ ...point, description: "垃圾满溢", categoryCode, phone, otpCode: code }, ip);
    expect(ctx.services.pii.open("cases.reporter_phone", r.row.reporter_phone_enc)).toBe(phone);
  });

  it("an address without a point is placed at the community or township it names, or refused", async () => {
    const ip = newIp();
    const community = await reportOk({ address: "铁西区八家子街道裕华社区12号楼前", description: "路面塌陷" }, ip);
    expect(community.placedBy).toEqual({ code: YUHUA, name: "裕华社区", level: "community" });
    expect(community.row).toMatchObject({ community_code: YUHUA, address_area: "铁西区八家子街道裕华社区" });
    expect(ctx.services.pii.open("cases.address", community.row.address_enc)).toBe("铁西区八家子街道裕华社区12号楼前");
    expect(ctx.services.places.locate(community.row.lat, community.row.lng)?.community).toBe(YUHUA);

    const township = await reportOk({ address: "八家子街道附近", description: "噪音扰民" }, ip);
    expect(township.placedBy).toMatchObject({ code: "210303003000", level: "township" });
    expect(township.row.township_code).toBe("210303003000");
    expect(township.row.centre_unit_code).toBe(BAJIAZI_CENTRE);

    const counts = await snapshotCounts(ctx);
    // 解放社区 exists in 铁东区 and in 铁西区: ask for the map
    const ambiguous = await pub("POST", "/reports", { payload: { address: "解放社区", description: "x" }, ip });
    expect(ambiguous.statusCode).toBe(422);
    expect(ambiguous.json().error).toMatchObject({
      code: "ADDRESS_NOT_RESOLVED",
      messageEn: expect.stringMatching(/map/),
    });
    expect(ambiguous.json().error.details.candidates).toHaveLength(2);
    const nowhere = await pub("POST", "/reports", { payload: { address: "人民路", description: "x" }, ip });
    expect(errorCode(nowhere)).toBe("ADDRESS_NOT_RESOLVED");
    const nothing = await pub("POST", "/reports", { payload: { description: "x" }, ip });
    expect(errorCode(nothing)).toBe("LOCATION_REQUIRED");
    const half = await pub("POST", "/reports", { payload: { lat: point.lat, description: "x" }, ip });
    expect(half.statusCode).toBe(400);
    const extra = await pub("POST", "/reports", { payload: { ...point, description: "x", reportedBy: "me" }, ip });
    expect(extra.statusCode).toBe(400);
    expect(await snapshotCounts(ctx)).toEqual(counts);
  });

  it("photos: uploaded with the browser's token, checked by content, linked by the report that names them", async () => {
    const ip = newIp();
    const session = await pub("POST", "/session", { payload: {}, ip });
    expect(session.statusCode).toBe(201);
    const token = session.json().token as string;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const stored = await ctx.services.db.selectFrom("public_sessions").selectAll().execute();
    expect(stored.map((s) => s.token_hash)).not.toContain(token);

    const send = (data: Buffer, headers: Record<string, string>) => {
      const body = multipart([{ data }]);
      return pub("POST", "/uploads", { payload: body.payload, ip, headers: { ...body.headers, ...headers } });
    };
    expect(errorCode(await send(jpeg, {}))).toBe("PUBLIC_TOKEN_INVALID");
    expect((await send(jpeg, { "x-public-token": "A".repeat(43) })).statusCode).toBe(401);
    const fake = await send(Buffer.from("<?php echo 'not an image'; ?>"), { "x-public-token": token });
    expect(fake.statusCode).toBe(415);
    const up = await send(jpeg, { "x-public-token": token });
    expect(up.statusCode, up.body).toBe(201);
    const photoId = up.json().id as string;

    const body = { ...point, description: "绿化带被毁", photoIds: [photoId] };
    const noToken = await pub("POST", "/reports", { payload: body, ip });
    expect(errorCode(noToken)).toBe("PUBLIC_TOKEN_INVALID");
    const otherToken = (await pub("POST", "/session", { payload: {}, ip })).json().token as string;
    const stolen = await pub("POST", "/reports", { payload: body, ip, headers: { "x-public-token": otherToken } });
    expect(errorCode(stolen)).toBe("PHOTO_NOT_FOUND");

    const r = await reportOk(body, ip, { "x-public-token": token });
    const att = await ctx.services.db
      .selectFrom("attachments")
      .selectAll()
      .where("id", "=", photoId)
      .executeTakeFirstOrThrow();
    expect(att).toMatchObject({ case_id: r.row.id, stage: "report" });

    const tracked = (await pub("GET", `/reports/${r.receipt}`, { ip })).json();
    expect(tracked.photos).toHaveLength(1);
    const image = await ctx.app.inject({ method: "GET", url: tracked.photos[0].url, remoteAddress: ip });
    expect(image.statusCode).toBe(200);
    expect(image.headers["content-type"]).toBe("image/jpeg");
    expect(image.rawPayload.includes(Buffer.from(SECRET))).toBe(false);
    // the report's own photo is not a results-wall photo
    const onWall = await pub("GET", `/results/${r.row.id}/photos/${photoId}`, { ip });
    expect(onWall.statusCode).toBe(404);
  });
});

describe("abuse limits", () => {
  it("one code a minute per phone: 429 with the error envelope and Retry-After", async () => {
    const phone = newPhone();
    expect((await pub("POST", "/otp", { payload: { phone }, ip: newIp() })).statusCode).toBe(202);
    const again = await pub("POST", "/otp", { payload: { phone }, ip: newIp() });
    expect(again.statusCode).toBe(429);
    expect(again.json().error).toMatchObject({
      code: "RATE_LIMITED",
      message: "请求过于频繁,请稍后再试",
      messageEn: expect.any(String),
    });
    const retryAfter = Number(again.headers["retry-after"]);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
  });

  it(`reports per address: the ${PUBLIC_LIMITS.reportPerIp.max + 1}th in an hour is refused`, async () => {
    const ip = newIp();
    // refused reports count too (they cost the server the same); none of these stores anything
    for (let i = 0; i < PUBLIC_LIMITS.reportPerIp.max; i++) {
      expect(errorCode(await pub("POST", "/reports", { payload: { description: "x" }, ip }))).toBe("LOCATION_REQUIRED");
    }
    const over = await pub("POST", "/reports", { payload: { ...point, description: "x" }, ip });
    expect(over.statusCode).toBe(429);
    expect(errorCode(over)).toBe("RATE_LIMITED");
    expect(Number(over.headers["retry-after"])).toBeGreaterThan(0);
    // another address is not affected
    expect(errorCode(await pub("POST", "/reports", { payload: { description: "x" }, ip: newIp() }))).toBe(
      "LOCATION_REQUIRED",
    );
  });

  it("a barred phone gets 403 on codes and reports; the system admin keeps the list, audited", async () => {
    const ip = newIp();
    const phone = newPhone();
    const admin = await ctx.login("sysadmin");
    const banned = await ctx.api(admin, {
      method: "POST",
      url: "/api/v1/admin/banned-phones",
      payload: { phone, reason: "恶意重复举报" },
    });
    expect(banned.statusCode, banned.body).toBe(201);
    expect(banned.json()).toMatchObject({
      phone: maskPhone(phone),
      reason: "恶意重复举报",
      bannedBy: { username: "sysadmin" },
    });
    const twice = await ctx.api(admin, {
      method: "POST",
      url: "/api/v1/admin/banned-phones",
      payload: { phone, reason: "x" },
    });
    expect(twice.statusCode).toBe(409);
    const station = await ctx.login("yuhua_station");
    const notAdmin = await ctx.api(station, {
      method: "POST",
      url: "/api/v1/admin/banned-phones",
      payload: { phone, reason: "x" },
    });
    expect(notAdmin.statusCode).toBe(403);

    const otp = await pub("POST", "/otp", { payload: { phone }, ip });
    expect(otp.statusCode).toBe(403);
    expect(otp.json().error).toMatchObject({ code: "PHONE_BANNED", message: expect.stringContaining("12345") });
    const rep = await pub("POST", "/reports", {
      payload: { ...point, description: "x", phone, otpCode: "123456" },
      ip,
    });
    expect(rep.statusCode).toBe(403);
    expect(errorCode(rep)).toBe("PHONE_BANNED");

    const list = await ctx.api(admin, { method: "GET", url: `/api/v1/admin/banned-phones?q=${phone.slice(-4)}` });
    // the list shows the number masked; an entry is lifted by its id (or by the full number)
    expect(list.json().items.map((b: { phone: string }) => b.phone)).toEqual([maskPhone(phone)]);
    const entryId = list.json().items[0].id;
    const lifted = await ctx.api(admin, { method: "DELETE", url: `/api/v1/admin/banned-phones/${entryId}` });
    expect(lifted.statusCode).toBe(204);
    expect((await ctx.api(admin, { method: "DELETE", url: `/api/v1/admin/banned-phones/${phone}` })).statusCode).toBe(
      404,
    );
    // lifted: the phone is asked for its code again rather than refused
    const after = await pub("POST", "/reports", { payload: { ...point, description: "x", phone }, ip });
    expect(errorCode(after)).toBe("OTP_REQUIRED");

    const audit = await ctx.services.db
      .selectFrom("audit_log")
      .select(["action", "object_id", "outcome"])
      .where("action", "like", "admin.banned-phone.%")
      .orderBy("id")
      .execute();
    expect(audit).toEqual(
      expect.arrayContaining([
        { action: "admin.banned-phone.create", object_id: maskPhone(phone), outcome: "success" },
        { action: "admin.banned-phone.create", object_id: null, outcome: "denied" },
        { action: "admin.banned-phone.delete", object_id: maskPhone(phone), outcome: "success" },
      ]),
    );
  });
});

describe("tracking, evaluation and reopening", () => {
  let receipt: string;
  let caseId: string;
  let ip: string;
  const phone = "13900009999";
  const returnNote = "内部备注:不属于本站职责,请改派";
  const resultNote = "已更换井盖并设置警示,联系人13812345678";

  /** Staff take the case from wherever it is to closed, with a feedback photo. */
  async function closeByStaff(withReturn: boolean) {
    const c = (
      await ctx.api(await ctx.login("bajiazi_center"), { method: "GET", url: `/api/v1/cases/${caseId}` })
    ).json();
    if (c.status === "reported") await actOk(ctx, "bajiazi_center", caseId, "register");
    if (withReturn) {
      await actOk(ctx, "bajiazi_center", caseId, "dispatch", { unitCode: STATION });
      await actOk(ctx, "yuhua_station", caseId, "return", { reason: returnNote });
    }
    await actOk(ctx, "bajiazi_center", caseId, "dispatch", { unitCode: STATION });
    await actOk(ctx, "yuhua_station", caseId, "accept");
    const photo = await uploadOk(ctx, await ctx.login("yuhua_station"), jpeg);
    await actOk(ctx, "yuhua_station", caseId, "feedback", { note: resultNote, photoIds: [photo] });
    ctx.clock.advance(60_000);
    await actOk(ctx, "yuhua_grid01", caseId, "verify", { pass: true, note: "现场核实已修复" });
  }

  beforeAll(async () => {
    ip = newIp();
    const code = await verifiedCode(phone, ip);
    const r = await reportOk(
      { ...point, categoryCode, description: "裕华社区5号楼前井盖缺失", name: "张三丰", phone, otpCode: code },
      ip,
    );
    receipt = r.receipt;
    caseId = r.row.id;
  });

  const track = async (code = receipt) => {
    const res = await pub("GET", `/reports/${code}`, { ip });
    expect(res.statusCode, res.body).toBe(200);
    return res;
  };

  it("an open report cannot be evaluated; unknown and malformed receipts", async () => {
    const early = await pub("POST", `/reports/${receipt}/evaluation`, { payload: { rating: "satisfied" }, ip });
    expect(early.statusCode).toBe(409);
    expect(errorCode(early)).toBe("ILLEGAL_TRANSITION");
    const unknown = await pub("GET", "/reports/2345-6789-ABCD", { ip });
    expect(unknown.statusCode).toBe(404);
    expect(errorCode(unknown)).toBe("RECEIPT_NOT_FOUND");
    expect((await pub("GET", "/reports/not-a-receipt!", { ip })).statusCode).toBe(400);
    // any spelling of the code finds the report
    const loose = await track(receipt.replaceAll("-", "").toLowerCase());
    expect(loose.json().receipt).toBe(receipt);
  });

  it("shows status, public steps with unit names and the result, and no personal data", async () => {
    await closeByStaff(true);
    const res = await track();
    const t = res.json();
    expect(t).toMatchObject({ status: "closed", canEvaluate: true, canReopen: false, evaluation: null });
    expect(t.timeline.map((s: { step: string }) => s.step)).toEqual([
      "report",
      "register",
      "dispatch",
      "return",
      "dispatch",
      "accept",
      "feedback",
      "verify-pass",
    ]);
    expect(t.timeline[2].unit).toBe(ctx.services.places.unit(STATION)?.name);
    expect(t.timeline[1].unit).toBe(ctx.services.places.unit(BAJIAZI_CENTRE)?.name);
    expect(t.result.note).toBe("已更换井盖并设置警示,联系人***********");
    expect(t.result.photos).toHaveLength(1);
    expect(
      (await ctx.app.inject({ method: "GET", url: t.result.photos[0].thumbnailUrl, remoteAddress: ip })).statusCode,
    ).toBe(200);

    const text = res.body;
    for (const secret of [phone, maskPhone(phone), "张三丰", returnNote, "13812345678"]) {
      expect(text).not.toContain(secret);
    }
    for (const account of DEMO_ACCOUNTS) {
      expect(text).not.toContain(account.displayName);
      expect(text).not.toContain(`"${account.username}"`);
    }
    const users = await ctx.services.db.selectFrom("users").select("id").execute();
    for (const u of users) expect(text).not.toContain(u.id);
  });

  it("not satisfied: evaluates and reopens once, through the transition table, as the citizen", async () => {
    const evaluated = await pub("POST", `/reports/${receipt}/evaluation`, {
      payload: { rating: "unsatisfied", comment: "井盖还是松的" },
      ip,
    });
    expect(evaluated.statusCode, evaluated.body).toBe(200);
    expect(evaluated.json()).toMatchObject({
      status: "evaluated",
      evaluation: { rating: "unsatisfied", comment: "井盖还是松的" },
      canReopen: true,
      canEvaluate: false,
    });
    const twice = await pub("POST", `/reports/${receipt}/evaluation`, { payload: { rating: "satisfied" }, ip });
    expect(twice.statusCode).toBe(409);

    const blank = await pub("POST", `/reports/${receipt}/reopen`, { payload: { reason: "  " }, ip });
    expect(blank.statusCode).toBe(400);
    const reopened = await pub("POST", `/reports/${receipt}/reopen`, { payload: { reason: "井盖没有固定好" }, ip });
    expect(reopened.statusCode, reopened.body).toBe(200);
    expect(reopened.json()).toMatchObject({ status: "registered", reopened: true, canReopen: false, evaluation: null });
    const row = await ctx.services.db
      .selectFrom("cases")
      .selectAll()
      .where("id", "=", caseId)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: "registered", reopen_count: 1, rating: null, owner_unit_code: null });
    const events = await ctx.services.db
      .selectFrom("case_events")
      .selectAll()
      .where("case_id", "=", caseId)
      .orderBy("seq")
      .execute();
    const mine = events.slice(-2);
    expect(mine.map((e) => [e.action, e.from_status, e.to_status, e.actor_role, e.actor_user_id])).toEqual([
      ["evaluate", "closed", "evaluated", "citizen", null],
      ["reopen", "evaluated", "registered", "citizen", null],
    ]);
    expect(events.map((e) => e.seq)).toEqual(events.map((_e, i) => i + 1));
    // the centre has it back to dispatch
    const centre = await ctx.api(await ctx.login("bajiazi_center"), { method: "GET", url: `/api/v1/cases/${caseId}` });
    expect(centre.json().availableActions).toContain("dispatch");

    const again = await pub("POST", `/reports/${receipt}/reopen`, { payload: { reason: "再次申请" }, ip });
    expect(again.statusCode).toBe(409);
    expect(errorCode(again)).toBe("ILLEGAL_TRANSITION");
  });

  it("a second unsatisfied evaluation may not reopen again", async () => {
    await closeByStaff(false);
    const evaluated = await pub("POST", `/reports/${receipt}/evaluation`, { payload: { rating: "unsatisfied" }, ip });
    expect(evaluated.json()).toMatchObject({ status: "evaluated", canReopen: false });
    const counts = await snapshotCounts(ctx);
    const refused = await pub("POST", `/reports/${receipt}/reopen`, { payload: { reason: "还是不行" }, ip });
    expect(refused.statusCode).toBe(409);
    expect(errorCode(refused)).toBe("REOPEN_LIMIT_REACHED");
    expect(await snapshotCounts(ctx)).toEqual(counts);
    const audit = await ctx.services.db
      .selectFrom("audit_log")
      .select(["action", "outcome", "user_id"])
      .where("object_id", "=", caseId)
      .where("action", "like", "public.case.%")
      .orderBy("id")
      .execute();
    expect(audit.map((a) => `${a.action}:${a.outcome}`)).toEqual([
      "public.case.evaluate:failure",
      "public.case.evaluate:success",
      "public.case.evaluate:failure",
      "public.case.reopen:success",
      "public.case.reopen:failure",
      "public.case.evaluate:success",
      "public.case.reopen:failure",
    ]);
  });

  it("the results wall shows the closed case without personal data", async () => {
    const res = await pub("GET", "/results?pageSize=50", { ip });
    expect(res.statusCode, res.body).toBe(200);
    const wall = res.json();
    expect(wall.pageSize).toBe(50);
    expect(wall.total).toBeGreaterThan(0);
    const card = wall.items.find((i: { id: string }) => i.id === caseId);
    expect(card).toMatchObject({
      place: { district: "铁西区", township: "八家子街道", community: "裕华社区" },
      rating: "unsatisfied",
    });
    expect(card.result).toContain("已更换井盖");
    expect(card.result).not.toContain("13812345678");
    expect(card.photos).toHaveLength(2);
    const photo = await ctx.app.inject({ method: "GET", url: card.photos[0].thumbnailUrl, remoteAddress: ip });
    expect(photo.statusCode).toBe(200);
    expect(photo.headers["content-type"]).toBe("image/webp");

    const text = res.body;
    for (const secret of [phone, maskPhone(phone), "张三丰", "13812345678", "裕华社区5号楼前井盖缺失"]) {
      expect(text).not.toContain(secret);
    }
    for (const account of DEMO_ACCOUNTS) expect(text).not.toContain(account.displayName);
    for (const item of wall.items) {
      expect(Object.keys(item).sort()).toEqual(["category", "closedAt", "id", "photos", "place", "rating", "result"]);
    }
    // closed newest first
    const times = wall.items.map((i: { closedAt: string }) => Date.parse(i.closedAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));

    expect((await pub("GET", "/results?pageSize=51", { ip })).statusCode).toBe(400);
  });
});
