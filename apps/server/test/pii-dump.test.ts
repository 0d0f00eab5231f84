// Personal data at rest: cases reported with a known name, phone, ID number and address through every
// intake channel (hotline, me-too caller, citizens' portal, Open311, workbench), a hotline import left
// uncommitted, and staff reasons quoting phones in the audit log — then a raw dump of
// the whole database must not contain any of them in clear, and must contain their sealed and masked
// forms. pg_dump is used when its major version can read the server; otherwise every table is dumped
// row by row as text over the owner's connection (the same contents, no tool-version coupling).
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateApiKey, hashApiKey, keyPrefixOf } from "../src/open311/api-keys.ts";
import { pointIn, report, YUHUA } from "./fixtures.ts";
import { createTestContext, type TestContext } from "./harness.ts";
import { csvText, uploadImport } from "./hotline-files.ts";
import { postForm } from "./open311-helpers.ts";

const run = promisify(execFile);

const PHONE = "13912345678";
const PHONE_SPACED = "139 1234 5678";
const NAME = "欧阳明远";
const ID_NUMBER = "21030219900307104X";
const ADDRESS = "铁西区八家子街道裕华社区幸福里17号3单元502室";
const CALLER_PHONE = "13787654321";
const CALLER_NAME = "司马光华";
const PORTAL_NAME = "诸葛青云";
const PORTAL_ADDRESS = "铁西区八家子街道裕华社区和平巷8号楼2门";
const O311_PHONE = "13511223344";
const O311_EMAIL = "ouyang.privacy@example.cn";
const O311_ADDRESS = "铁西区八家子街道裕华社区光明街66号";
// a hotline import uploaded and left waiting for its mapping: the whole sheet, never committed
const IMPORT_PHONE = "13655667788";
const IMPORT_NAME = "东方既白";
const IMPORT_ID = "210302198512120017";
const IMPORT_ADDRESS = "铁西区八家子街道裕华社区建设街23号1单元";
// typed by staff into free-text reasons that go into the audit log
const BANNED_PHONE = "13899887766";
const REASON_PHONE = "13566778899";

let ctx: TestContext;
let dump = "";

/** The database's contents as text: pg_dump (data only) when its major ≥ the server's, else row by row. */
async function dumpDatabase(): Promise<{ text: string; how: string }> {
  const pool = ctx.handle.owner.pool;
  const server = Number((await pool.query("show server_version_num")).rows[0].server_version_num) / 10000;
  let toolMajor = 0;
  try {
    const { stdout } = await run("pg_dump", ["--version"]);
    toolMajor = Number(/(\d+)\.\d+/.exec(stdout)?.[1] ?? 0);
  } catch {
    toolMajor = 0;
  }
  if (toolMajor >= Math.floor(server)) {
    const url = (pool as unknown as { options: { connectionString: string } }).options.connectionString;
    const { stdout } = await run("pg_dump", ["--data-only", url], { maxBuffer: 512 * 1024 * 1024 });
    return { text: stdout, how: `pg_dump ${toolMajor}` };
  }
  const tables = await pool.query<{ name: string }>(
    "select format('%I.%I', schemaname, tablename) as name from pg_tables where schemaname not in ('pg_catalog', 'information_schema') order by 1",
  );
  const parts: string[] = [];
  for (const { name } of tables.rows) {
    const rows = await pool.query<{ r: string }>(`select t::text as r from ${name} t`);
    parts.push(`-- ${name}\n${rows.rows.map((x) => x.r).join("\n")}`);
  }
  return { text: parts.join("\n"), how: `row dump (pg_dump ${toolMajor} < server ${Math.floor(server)})` };
}

beforeAll(async () => {
  ctx = await createTestContext();
  const point = await pointIn(ctx, YUHUA);
  const agent = await ctx.login("hotline_agent");
  // hotline: all four reporter fields
  const hotline = await report(ctx, agent, {
    ...point,
    source: "hotline",
    description: "楼道灯不亮",
    address: ADDRESS,
    reporter: { name: NAME, phone: PHONE_SPACED, idNumber: ID_NUMBER },
  });
  expect(hotline.statusCode, hotline.body).toBe(201);
  // a further caller ("me too") on it
  const caller = await ctx.api(agent, {
    method: "POST",
    url: `/api/v1/cases/${hotline.json().id}/callers`,
    payload: { name: CALLER_NAME, phone: CALLER_PHONE, note: "也看到了" },
  });
  expect(caller.statusCode, caller.body).toBe(200);
  // workbench (a community station reporting what it found)
  const station = await report(ctx, await ctx.login("yuhua_station"), {
    ...point,
    source: "grid",
    description: "井盖缺失",
    address: ADDRESS,
    reporter: { name: NAME, phone: PHONE },
  });
  expect(station.statusCode, station.body).toBe(201);
  // the citizens' portal (no phone: no SMS gateway in tests)
  const portal = await ctx.app.inject({
    method: "POST",
    url: "/api/v1/public/reports",
    payload: { ...point, description: "路灯不亮", name: PORTAL_NAME, address: PORTAL_ADDRESS },
    remoteAddress: "10.9.8.7",
  });
  expect(portal.statusCode, portal.body).toBe(201);
  // Open311, with a client made directly (its admin route is tested in open311-clients.test.ts)
  const apiKey = generateApiKey();
  await ctx.handle.owner.db
    .insertInto("open311_clients")
    .values({ name: "pii test", key_hash: hashApiKey(apiKey), key_prefix: keyPrefixOf(apiKey) })
    .execute();
  const o311 = await postForm(ctx, "json", {
    api_key: apiKey,
    service_code: "C01001",
    lat: point.lat,
    long: point.lng,
    description: "井盖破损",
    first_name: "明远",
    last_name: "欧阳",
    phone: O311_PHONE,
    email: O311_EMAIL,
    address_string: O311_ADDRESS,
  });
  expect(o311.statusCode, o311.body).toBe(201);
  // an import waiting for its mapping (the preview is read back too)
  const sheet = csvText([
    ["工单编号", "受理时间", "来电人", "来电号码", "身份证号", "诉求地址", "诉求内容"],
    ["PII-IMP-1", "2026-11-23 16:30", IMPORT_NAME, IMPORT_PHONE, IMPORT_ID, IMPORT_ADDRESS, `请回电${IMPORT_PHONE}`],
  ]);
  const upload = await uploadImport(ctx, agent, Buffer.from(sheet));
  expect(upload.statusCode, upload.body).toBe(201);
  const preview = await ctx.api(agent, { method: "GET", url: `/api/v1/hotline/imports/${upload.json().id}` });
  expect(preview.json().preview).toHaveLength(1);
  for (const body of [upload.body, preview.body]) {
    for (const v of [IMPORT_PHONE, IMPORT_NAME, IMPORT_ID, IMPORT_ADDRESS]) expect(body.includes(v), v).toBe(false);
  }
  // audited actions that take a phone: a ban (its reason quoting another), a caller look-up, a reveal
  const ban = await ctx.api(await ctx.login("sysadmin"), {
    method: "POST",
    url: "/api/v1/admin/banned-phones",
    payload: { phone: BANNED_PHONE, reason: `骚扰电话,另见 ${REASON_PHONE}` },
  });
  expect(ban.statusCode, ban.body).toBe(201);
  const history = await ctx.api(agent, { method: "GET", url: `/api/v1/hotline/callers/${PHONE}/cases` });
  expect(history.statusCode, history.body).toBe(200);
  const reveal = await ctx.api(agent, {
    method: "POST",
    url: `/api/v1/cases/${hotline.json().id}/reporter/reveal`,
    payload: { reason: `市民来电 ${PHONE_SPACED} 要求回访,身份证 ${ID_NUMBER}` },
  });
  expect(reveal.statusCode, reveal.body).toBe(200);
  const dumped = await dumpDatabase();
  dump = dumped.text;
  console.info(`pii-dump: ${dumped.how}, ${dump.length} characters`);
}, 120_000);
afterAll(async () => ctx?.close());

describe("a raw dump of the database", () => {
  it("holds no reporter or caller name, phone, ID number, e-mail or exact address in clear", () => {
    expect(dump.length).toBeGreaterThan(100_000); // really the whole database, history included
    const clear = [
      PHONE,
      PHONE_SPACED,
      NAME,
      ID_NUMBER,
      ID_NUMBER.toLowerCase(),
      ADDRESS,
      "幸福里17号",
      CALLER_PHONE,
      CALLER_NAME,
      PORTAL_NAME,
      PORTAL_ADDRESS,
      O311_PHONE,
      O311_EMAIL,
      O311_ADDRESS,
      IMPORT_PHONE,
      IMPORT_NAME,
      IMPORT_ID,
      IMPORT_ADDRESS,
      "建设街23号",
      BANNED_PHONE,
      REASON_PHONE,
    ];
    for (const value of clear) expect(dump.includes(value), value).toBe(false);
    // nor any 11-digit mobile number at all (the 400 seeded history cases have phones too)
    expect(dump.match(/(?<![0-9a-fA-F])1[3-9][0-9]{9}(?![0-9a-fA-F])/g) ?? []).toEqual([]);
  });

  it("holds their sealed and masked forms instead", () => {
    expect(dump).toContain("139****5678");
    expect(dump).toContain("欧***");
    expect(dump).toContain("2103**********104X");
    expect(dump).toContain("137****4321");
    expect(dump).toContain("135****3344");
    // the audit log keeps the masked forms of what was typed into a reason
    expect(dump).toContain("135****8899");
    expect(dump).toContain("210302********104X");
    // the coarse area (no house number) stays readable for lists and maps
    expect(dump).toContain("铁西区八家子街道裕华社区幸福里");
    expect(dump).toMatch(/v1\.1\.a256gcm\.[A-Za-z0-9_-]{30,}/);
  });

  it("and what is sealed opens with the key to the value given", async () => {
    const row = await ctx.services.db
      .selectFrom("cases")
      .selectAll()
      .where("reporter_phone_hash", "=", ctx.services.pii.phoneHash(PHONE))
      .where("source", "=", "hotline")
      .executeTakeFirstOrThrow();
    const { pii } = ctx.services;
    expect(pii.open("cases.reporter_phone", row.reporter_phone_enc)).toBe(PHONE_SPACED);
    expect(pii.open("cases.reporter_name", row.reporter_name_enc)).toBe(NAME);
    expect(pii.open("cases.reporter_id_number", row.reporter_id_number_enc)).toBe(ID_NUMBER);
    expect(pii.open("cases.address", row.address_enc)).toBe(ADDRESS);
    // bound to its column: a sealed phone cannot be passed off as a name
    expect(() => pii.open("cases.reporter_name", row.reporter_phone_enc)).toThrow();
  });
});
