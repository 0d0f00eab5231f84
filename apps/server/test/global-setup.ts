// One PostgreSQL for the whole run: the embedded one in a temporary folder, or the server named by
// DATABASE_URL. A template database is migrated and seeded once; each test file then gets its own
// database cloned from it (CREATE DATABASE … TEMPLATE), so files never share state.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { prepareDatabase, seedDemoHistory } from "../src/boot.ts";
import { loadConfig } from "../src/config.ts";
import { appRoleUrl, canManageRoles } from "../src/db/app-role.ts";
import { ensureDatabase, openHandle, openPool } from "../src/db/connect.ts";
import { type EmbeddedDb, startEmbeddedPostgres } from "../src/db/embedded.ts";
import { createLogger } from "../src/logger.ts";
import { TEMPLATE_DB, TEST_AUDIT_KEY, TEST_PASSWORD, TEST_PII_ENV, TEST_START } from "./constants.ts";

let embedded: EmbeddedDb | null = null;
let tmp: string | null = null;

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export async function setup(project: TestProject) {
  const logger = createLogger(process.env.TEST_LOG_LEVEL ?? "warn");
  let adminUrl: string;
  if (process.env.DATABASE_URL) {
    adminUrl = process.env.DATABASE_URL;
  } else {
    tmp = await mkdtemp(path.join(os.tmpdir(), "civicgrid-test-"));
    embedded = await startEmbeddedPostgres({ dataDir: tmp, port: 0, logger, ephemeral: true });
    adminUrl = embedded.adminUrl();
  }
  // rebuild the template every run: migrations or seed data may have changed
  const admin = openPool(adminUrl, null, 2);
  await admin.pool.query(`drop database if exists ${TEMPLATE_DB} with (force)`);
  await admin.close();
  await ensureDatabase(adminUrl, TEMPLATE_DB);
  // every test context queries as the restricted app role, like the server (src/db/app-role.ts)
  const templateUrl = withDatabase(adminUrl, TEMPLATE_DB);
  const appUrl = (await canManageRoles(templateUrl)) ? appRoleUrl(templateUrl, tmp ?? os.tmpdir()) : null;
  const template = openHandle(templateUrl, { max: 4, appUrl: appUrl ?? undefined });
  const config = loadConfig({
    CIVICGRID_DEMO: "true",
    CIVICGRID_DEMO_PASSWORD: TEST_PASSWORD,
    SEED_HISTORY_CASES: process.env.TEST_HISTORY_CASES ?? "400",
    NODE_ENV: "test",
    CIVICGRID_AUDIT_KEY: TEST_AUDIT_KEY,
    ...TEST_PII_ENV,
  });
  // the seeded history ends where the tests' clock starts
  await prepareDatabase(template, config, logger);
  await seedDemoHistory(template, config, logger, TEST_START);
  await template.close();
  project.provide("adminUrl", adminUrl);
  project.provide("appUrl", appUrl);
}

export async function teardown() {
  await embedded?.stop();
  if (tmp) await rm(tmp, { recursive: true, force: true });
}

declare module "vitest" {
  export interface ProvidedContext {
    adminUrl: string;
    /** the app role's URL (template database), or null when the owner may not create roles */
    appUrl: string | null;
  }
}
