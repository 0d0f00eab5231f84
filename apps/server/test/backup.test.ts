// Backup and restore: the test database (seeded, plus a case with events and audit rows made here)
// is backed up, restored into a NEW database, and every table compared — row counts and the sha256 of
// its rows in a stable order — and identity sequences continue after the restored rows. The logical
// COPY format always; pg_dump/pg_restore too when a pg_dump of the server's major version is
// installed (the CI run against Debian's PostgreSQL 15). An existing database is never overwritten
// without force.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { backupDatabase, findPgTools, restoreDatabase } from "../src/backup/backup.ts";
import { digestTables } from "../src/backup/logical.ts";
import { actOk, categoryRoutedTo, pointIn, report, YUHUA } from "./fixtures.ts";
import { createTestContext, type TestContext } from "./harness.ts";

let ctx: TestContext;
let dir: string;
const restored: string[] = [];
const adminUrl = () => inject("adminUrl");
const urlOf = (database: string) => {
  const u = new URL(adminUrl());
  u.pathname = `/${database}`;
  return u.toString();
};

beforeAll(async () => {
  ctx = await createTestContext();
  dir = await mkdtemp(path.join(os.tmpdir(), "cg-backup-"));
  const point = await pointIn(ctx, YUHUA);
  const category = await categoryRoutedTo(ctx, "territorial", "community");
  const res = await report(ctx, await ctx.login("hotline_agent"), {
    description: "备份测试:来电反映路灯不亮",
    ...point,
    categoryCode: category.code,
    source: "hotline",
    reporter: { name: "赵女士", phone: "13912345678" },
  });
  expect(res.statusCode, res.body).toBe(201);
  await actOk(ctx, "bajiazi_center", res.json().id, "register");
});

afterAll(async () => {
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  for (const db of restored) await admin.query(`drop database if exists "${db}" with (force)`).catch(() => {});
  await admin.end();
  await ctx?.close();
  await rm(dir, { recursive: true, force: true });
});

async function roundTrip(format: "logical" | "pg_dump") {
  const file = path.join(dir, `${format}.backup`);
  expect(await backupDatabase(ctx.handle.url, file, format)).toBe(format);
  const database = `${new URL(ctx.handle.url).pathname.slice(1)}_r_${format.replace("_", "")}`;
  restored.push(database);
  expect(await restoreDatabase({ file, adminUrl: adminUrl(), database })).toBe(format);
  const [before, after] = await Promise.all([digestTables(ctx.handle.url), digestTables(urlOf(database))]);
  expect(Object.keys(before).length).toBeGreaterThan(20);
  expect(before.cases?.rows).toBeGreaterThan(0);
  expect(before.case_events?.rows).toBeGreaterThan(1);
  expect(before.audit_log?.rows).toBeGreaterThan(0);
  expect(after).toEqual(before);
  return { file, database };
}

describe("backup and restore", () => {
  it("logical (COPY) backup → new database: same rows, same content hash per table", async () => {
    const { file, database } = await roundTrip("logical");
    // identity sequences continue after the restored rows
    const client = new pg.Client({ connectionString: urlOf(database) });
    await client.connect();
    try {
      const seq = await client.query(
        "select (select max(id) from audit_log) as max, nextval(pg_get_serial_sequence('audit_log', 'id')) as next",
      );
      expect(Number(seq.rows[0].next)).toBeGreaterThan(Number(seq.rows[0].max));
    } finally {
      await client.end();
    }
    // an existing database is not overwritten
    await expect(restoreDatabase({ file, adminUrl: adminUrl(), database })).rejects.toThrow(/exists/);
    await restoreDatabase({ file, adminUrl: adminUrl(), database, force: true });
  });

  it("without a format: one that works with this server (an older pg_dump is passed over)", async () => {
    const file = path.join(dir, "auto.backup");
    const format = await backupDatabase(ctx.handle.url, file);
    const database = `${new URL(ctx.handle.url).pathname.slice(1)}_r_auto`;
    restored.push(database);
    expect(await restoreDatabase({ file, adminUrl: adminUrl(), database })).toBe(format);
    const [before, after] = await Promise.all([digestTables(ctx.handle.url), digestTables(urlOf(database))]);
    expect(after).toEqual(before);
    // --force never pulls a database from under a connected client (a running server)
    const client = new pg.Client({ connectionString: urlOf(database) });
    await client.connect();
    try {
      await expect(restoreDatabase({ file, adminUrl: adminUrl(), database, force: true })).rejects.toThrow(/in use/);
    } finally {
      await client.end();
    }
  });

  it("pg_dump -Fc / pg_restore when a pg_dump of the server's version is installed", async (t) => {
    const client = new pg.Client({ connectionString: ctx.handle.url });
    await client.connect();
    const major = Math.floor(
      Number((await client.query("show server_version_num")).rows[0].server_version_num) / 10_000,
    );
    await client.end();
    if (!(await findPgTools(major))) {
      t.skip(); // the embedded PostgreSQL 17: no pg_dump 17 on this machine (the CI run on PG 15 has one)
      return;
    }
    await roundTrip("pg_dump");
  });
});
