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
import { type DbHandle, ensureDatabase, openPool } from "../src/db/connect.ts";
import { buildApp } from "../src/http/app.ts";
import { ManualClock } from "../src/lib/clock.ts";
import { createLogger, type Logger } from "../src/logger.ts";
import type { Services } from "../src/services.ts";
import { TEMPLATE_DB, TEST_PASSWORD, TEST_START } from "./constants.ts";

export interface TestContext {
  app: FastifyInstance;
  services: Services;
  handle: DbHandle;
  clock: ManualClock;
  /** this test file's own DATA_DIR (media storage lives under it), removed by close() */
  dataDir: string;
  login: (username: string) => Promise<string>;
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
  const handle = openPool(url.toString(), null, 10);
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "civicgrid-test-"));
  const config = loadConfig({
    NODE_ENV: "test",
    SWEEP_INTERVAL_SECONDS: "0",
    CIVICGRID_DEMO_PASSWORD: TEST_PASSWORD,
    DATA_DIR: dataDir,
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
    async login(username) {
      const cached = tokens.get(username);
      const now = clock.now().getTime();
      if (cached && now >= cached.at && now - cached.at < 20 * 60_000) return cached.token;
      const res = await app.inject({
        method: "POST",
        url: "/api/v1/auth/login",
        payload: { username, password: TEST_PASSWORD },
      });
      if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
      const token = res.json().token as string;
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
