// First start of a non-demo install: no account at all (no default, no shared one); a one-time setup
// code in the log and in DATA_DIR/setup-code (0600) lets the first system admin be created, once.
// Runs on a database of its own, migrated and seeded from empty with CIVICGRID_DEMO=false.
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, statSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createServices, prepareDatabase } from "../src/boot.ts";
import { type Config, loadConfig } from "../src/config.ts";
import { type DbHandle, ensureDatabase, openPool } from "../src/db/connect.ts";
import { buildApp } from "../src/http/app.ts";
import { ManualClock } from "../src/lib/clock.ts";
import { createLogger } from "../src/logger.ts";
import { TEST_AUDIT_KEY, TEST_PASSWORD, TEST_PII_ENV, TEST_START } from "./constants.ts";

let handle: DbHandle;
let app: FastifyInstance;
let dataDir: string;
let config: Config;
let name: string;
const logLines: string[] = [];
const sink = new Writable({
  write(chunk, _enc, cb) {
    logLines.push(String(chunk));
    cb();
  },
});
const logger = createLogger("info", sink);

beforeAll(async () => {
  const adminUrl = inject("adminUrl");
  name = `cg_setup_${randomBytes(5).toString("hex")}`;
  await ensureDatabase(adminUrl, name);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  handle = openPool(url.toString(), null, 4);
  dataDir = await mkdtemp(path.join(os.tmpdir(), "civicgrid-setup-"));
  config = loadConfig({
    NODE_ENV: "test",
    CIVICGRID_DEMO: "false",
    SWEEP_INTERVAL_SECONDS: "0",
    DATA_DIR: dataDir,
    CIVICGRID_AUDIT_KEY: TEST_AUDIT_KEY,
    ...TEST_PII_ENV,
  });
  await prepareDatabase(handle, config, logger);
  const services = await createServices(handle, config, logger, new ManualClock(TEST_START));
  app = await buildApp(services);
  await app.ready();
}, 120_000);

afterAll(async () => {
  await app?.close();
  await handle?.close();
  const admin = openPool(inject("adminUrl"), null, 1);
  await admin.pool.query(`drop database if exists ${name} with (force)`).catch(() => {});
  await admin.close();
  await rm(dataDir, { recursive: true, force: true });
});

const post = (url: string, payload: Record<string, unknown>) => app.inject({ method: "POST", url, payload });

describe("first start without demo mode", () => {
  it("creates no account, but the reference data; prints a setup code and writes it 0600", async () => {
    expect(await handle.db.selectFrom("users").select("username").execute()).toEqual([]);
    const units = await handle.db
      .selectFrom("units")
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .executeTakeFirstOrThrow();
    expect(Number(units.n)).toBeGreaterThan(10);
    const file = path.join(dataDir, "setup-code");
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const code = readFileSync(file, "utf8").trim();
    expect(code).toMatch(/^[A-Z0-9]{4}(-[A-Z0-9]{4}){3}$/);
    expect(logLines.some((l) => l.includes(code))).toBe(true);
    for (const username of ["sysadmin", "secadmin", "auditor", "city_dispatcher"]) {
      const res = await post("/api/v1/auth/login", { username, password: TEST_PASSWORD });
      expect(res.statusCode).toBe(401);
    }
    expect((await app.inject({ method: "GET", url: "/api/v1/auth/setup" })).json()).toEqual({ setupRequired: true });
  });

  it("the setup form creates the system admin once; wrong code or weak password create nothing", async () => {
    const code = readFileSync(path.join(dataDir, "setup-code"), "utf8").trim();
    const body = { setupCode: code, username: "chief", displayName: "系统管理员 王", password: "lantern-harbour-2291" };
    const wrong = await post("/api/v1/auth/setup", { ...body, setupCode: "AAAA-BBBB-CCCC-DDDD" });
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json().error.code).toBe("SETUP_CODE_INVALID");
    const weak = await post("/api/v1/auth/setup", { ...body, password: "Password1234!" });
    expect(weak.statusCode).toBe(422);
    expect(await handle.db.selectFrom("users").select("id").execute()).toEqual([]);

    const ok = await post("/api/v1/auth/setup", { ...body, setupCode: code.toLowerCase() });
    expect(ok.statusCode).toBe(201);
    expect(existsSync(path.join(dataDir, "setup-code"))).toBe(false);
    const users = await handle.db.selectFrom("users").select(["username", "roles", "password_hash"]).execute();
    expect(users).toEqual([
      { username: "chief", roles: ["system_admin"], password_hash: expect.stringMatching(/^scrypt\$/) },
    ]);
    const again = await post("/api/v1/auth/setup", { ...body, username: "chief2" });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe("SETUP_ALREADY_DONE");
    // the new system admin must enrol TOTP at first sign-in
    const login = await post("/api/v1/auth/login", { username: "chief", password: body.password });
    expect(login.json()).toMatchObject({ mfaEnrolmentRequired: true });
    const audit = await handle.db
      .selectFrom("audit_log")
      .select("outcome")
      .where("action", "=", "auth.setup")
      .execute();
    expect(audit.map((r) => r.outcome).sort()).toEqual(["failure", "failure", "success"]);
  });

  it("a restart neither makes a new code nor any demo account", async () => {
    await prepareDatabase(handle, config, logger);
    expect(existsSync(path.join(dataDir, "setup-code"))).toBe(false);
    expect(await handle.db.selectFrom("setup_codes").select("id").execute()).toEqual([]);
    expect((await handle.db.selectFrom("users").select("username").execute()).map((u) => u.username)).toEqual([
      "chief",
    ]);
  });
});
