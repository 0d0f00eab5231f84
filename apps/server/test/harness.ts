// Per-file test context: a fresh database cloned from the seeded template, the real app on it, a
// controllable clock, and helpers to sign in and call the API.
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { FastifyInstance, InjectOptions } from "fastify";
import type { Response as InjectResponse } from "light-my-request";
import { inject } from "vitest";
import { createServices } from "../src/boot.ts";
import { loadConfig } from "../src/config.ts";
import { type DbHandle, ensureDatabase, openHandle, openPool } from "../src/db/connect.ts";
import { buildApp } from "../src/http/app.ts";
import { ManualClock } from "../src/lib/clock.ts";
import { createLogger, type Logger } from "../src/logger.ts";
import type { Services } from "../src/services.ts";
import { TEMPLATE_DB, TEST_AUDIT_KEY, TEST_PASSWORD, TEST_PII_ENV, TEST_START } from "./constants.ts";
import { signInWithMfa, type TotpStore } from "./mfa-login.ts";

export interface TestContext {
  app: FastifyInstance;
  services: Services;
  handle: DbHandle;
  clock: ManualClock;
  /** this test file's own DATA_DIR (media storage lives under it), removed by close() */
  dataDir: string;
  login: (username: string) => Promise<string>;
  /** TOTP secrets and recovery codes of the accounts enrolled by login() in this context */
  totp: TotpStore;
  api: (token: string | null, opts: InjectOptions) => Promise<InjectResponse>;
  close: () => Promise<void>;
}

export { TEST_START };

export async function createTestContext(
  start: Date = TEST_START,
  env: Record<string, string> = {},
  /** e.g. a logger writing to memory, for tests that read what the server logs */
  logger: Logger = createLogger(process.env.TEST_LOG_LEVEL ?? "silent"),
): Promise<TestContext> {
  const adminUrl = inject("adminUrl");
  const name = `cg_t_${randomBytes(6).toString("hex")}`;
  await ensureDatabase(adminUrl, name, TEMPLATE_DB);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  // queries run as the restricted app role (as in the server); ctx.handle.owner is the owner
  const appUrl = inject("appUrl");
  const appRole = appUrl ? new URL(appUrl) : null;
  if (appRole) appRole.pathname = `/${name}`;
  const handle = openHandle(url.toString(), { max: 10, appUrl: appRole?.toString() });
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "civicgrid-test-"));
  const config = loadConfig({
    NODE_ENV: "test",
    SWEEP_INTERVAL_SECONDS: "0",
    CIVICGRID_DEMO_PASSWORD: TEST_PASSWORD,
    DATA_DIR: dataDir,
    // tests sign in far more often than a person; identity tests set the real limit themselves
    LOGIN_RATE_LIMIT_PER_MINUTE: "100000",
    CIVICGRID_AUDIT_KEY: TEST_AUDIT_KEY,
    ...TEST_PII_ENV,
    ...env,
  });
  const clock = new ManualClock(start);
  const services = await createServices(handle, config, logger, clock);
  const app = await buildApp(services);
  await app.ready();
  // tokens are reused while the (manual) clock stays within the idle timeout of their sign-in
  const tokens = new Map<string, { token: string; at: number }>();
  const ctx: TestContext = {
    app,
    services,
    handle,
    clock,
    dataDir,
    totp: new Map(),
    async login(username) {
      const cached = tokens.get(username);
      const now = clock.now().getTime();
      if (cached && now >= cached.at && now - cached.at < 20 * 60_000) return cached.token;
      // the three admin roles (and others where policy says) get through TOTP as a real client would
      const token = await signInWithMfa(app, clock, ctx.totp, username, TEST_PASSWORD);
      tokens.set(username, { token, at: now });
      return token;
    },
    api(token, opts) {
      return app.inject({
        ...opts,
        headers: { ...(opts.headers ?? {}), ...(token ? { authorization: `Bearer ${token}` } : {}) },
      });
    },
    async close() {
      await app.close();
      await handle.close();
      const admin = openPool(adminUrl, null, 1);
      await admin.pool.query(`drop database if exists ${name} with (force)`).catch(() => {});
      await admin.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
  return ctx;
}
