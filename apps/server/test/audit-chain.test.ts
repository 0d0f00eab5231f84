// Audit records are tamper-evident and append-only for the application: the app's database role may
// insert but not update or delete them; the hash chain's verifier names the first broken link
// (changed row, removed row, removed prefix); retention purges only rows older than the cutoff and
// the database refuses cutoffs younger than 180 days.
import { spawnSync } from "node:child_process";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditKey } from "../src/audit/chain.ts";
import { purgeAudit } from "../src/audit/purge-audit.ts";
import { recordAudit } from "../src/audit/record-audit.ts";
import { verifyAuditChain } from "../src/audit/verify-chain.ts";
import { APP_ROLE } from "../src/db/app-role.ts";
import { TEST_AUDIT_KEY } from "./constants.ts";
import { createTestContext, TEST_START, type TestContext } from "./harness.ts";

const DAY = 86_400_000;
let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx?.close());

const pgCode = (p: Promise<unknown>) =>
  p.then(
    () => "no error",
    (e: { code?: string }) => e.code,
  );

/** Runs `sql` as the owner with triggers off: what an intruder with the database alone could do. */
async function asIntruder(statement: string, params: unknown[] = []) {
  const client = await ctx.handle.owner.pool.connect();
  try {
    await client.query("begin");
    await client.query("set local session_replication_role = replica");
    const r = await client.query(statement, params);
    await client.query("commit");
    return r;
  } finally {
    client.release();
  }
}

const verify = () => verifyAuditChain(ctx.handle.owner.db, auditKey(ctx.services.config), 3);

async function write(n: number, action = "test.entry") {
  for (let i = 0; i < n; i++) {
    await recordAudit(ctx.services, {
      actor: null,
      action,
      outcome: "success",
      detail: { i, nested: { b: 1, a: [i] } },
    });
  }
}

describe("the application's database role", () => {
  it("is the restricted role, and may insert audit rows but neither update nor delete them", async () => {
    const pool = ctx.handle.pool;
    expect((await pool.query("select current_user as u")).rows[0].u).toBe(APP_ROLE);
    await write(1);
    const client = await pool.connect();
    try {
      await client.query("begin");
      await client.query("insert into audit_log(action, outcome) values ('probe', 'success')");
      await client.query("rollback");
    } finally {
      client.release();
    }
    expect(await pgCode(pool.query("update audit_log set action = 'x'"))).toBe("42501");
    expect(await pgCode(pool.query("delete from audit_log"))).toBe("42501");
    expect(await pgCode(pool.query("truncate audit_log"))).toBe("42501");
    expect(await pgCode(pool.query("update case_events set note = 'x'"))).toBe("42501");
    expect(await pgCode(pool.query("delete from case_events"))).toBe("42501");
    // …while ordinary tables stay writable
    expect(await pgCode(pool.query("update cases set updated_at = updated_at where false"))).toBe("no error");
  });
});

describe("the hash chain", () => {
  it("verifies, and names a changed row, a removed row and a removed prefix", async () => {
    await write(6);
    const clean = await verify();
    expect(clean.broken).toBeNull();
    expect(clean.ok).toBe(true);
    expect(clean.rows).toBeGreaterThanOrEqual(7);
    const ids = (await ctx.handle.owner.pool.query("select id from audit_log order by id")).rows.map((r) =>
      Number(r.id),
    );
    const mid = ids[3]!;

    // a changed field
    const original = (await ctx.handle.owner.pool.query("select * from audit_log where id = $1", [mid])).rows[0];
    await asIntruder(`update audit_log set detail = '{"i": 99}' where id = $1`, [mid]);
    expect((await verify()).broken).toMatchObject({ id: mid, problem: "hash" });
    await asIntruder("update audit_log set detail = $2 where id = $1", [mid, original.detail]);
    expect((await verify()).ok).toBe(true);

    // a removed row: the next row's prev_hash points at nothing
    await asIntruder("delete from audit_log where id = $1", [mid]);
    expect((await verify()).broken).toMatchObject({ id: ids[4], problem: "prev_hash" });
    await asIntruder("insert into audit_log select * from json_populate_record(null::audit_log, $1::json)", [
      JSON.stringify({
        ...original,
        prev_hash: `\\x${original.prev_hash.toString("hex")}`,
        hash: `\\x${original.hash.toString("hex")}`,
      }),
    ]);
    expect((await verify()).ok).toBe(true);

    // a removed prefix that no purge record explains
    const first = (await ctx.handle.owner.pool.query("select * from audit_log where id = $1", [ids[0]])).rows[0];
    await asIntruder("delete from audit_log where id = $1", [ids[0]]);
    expect((await verify()).broken).toMatchObject({ id: ids[1], problem: "anchor" });
    await asIntruder("insert into audit_log select * from json_populate_record(null::audit_log, $1::json)", [
      JSON.stringify({ ...first, prev_hash: null, hash: `\\x${first.hash.toString("hex")}` }),
    ]);
    expect((await verify()).ok).toBe(true);
  });

  it("is checked by the auditor's API and by `npm run audit:verify` (exit 0 intact, 1 broken)", async () => {
    const auditor = await ctx.login("auditor");
    const check = () => ctx.api(auditor, { method: "GET", url: "/api/v1/audit/verify" });
    expect(
      (await ctx.api(await ctx.login("sysadmin"), { method: "GET", url: "/api/v1/audit/verify" })).statusCode,
    ).toBe(403);
    const ok = await check();
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ ok: true, broken: null });
    const cli = () =>
      spawnSync(process.execPath, ["--import", "tsx", "apps/server/src/cli/audit-verify.ts"], {
        env: { ...process.env, DATABASE_URL: ctx.handle.owner.url, CIVICGRID_AUDIT_KEY: TEST_AUDIT_KEY },
        encoding: "utf8",
      });
    const good = cli();
    expect(good.status, good.stderr).toBe(0);
    expect(good.stdout).toMatch(/audit chain OK: \d+ rows/);

    const target = Number((await ctx.handle.owner.pool.query("select max(id) - 2 as id from audit_log")).rows[0].id);
    const saved = (await ctx.handle.owner.pool.query("select outcome from audit_log where id = $1", [target])).rows[0];
    const flipped = saved.outcome === "success" ? "failure" : "success";
    await asIntruder("update audit_log set outcome = $2 where id = $1", [target, flipped]);
    const bad = await check();
    expect(bad.json()).toMatchObject({ ok: false, broken: { id: target, problem: "hash" } });
    const broken = cli();
    expect(broken.status, broken.stderr).toBe(1);
    expect(broken.stdout).toContain(`BROKEN at id ${target} (hash)`);
    await asIntruder("update audit_log set outcome = $2 where id = $1", [target, saved.outcome]);
  });

  it("fails closed inside a transaction: the caller's work rolls back with a failed audit write", async () => {
    const before = (await ctx.handle.pool.query("select count(*)::int as n from audit_log")).rows[0].n;
    await expect(
      ctx.services.db.transaction().execute(async (trx) => {
        await recordAudit(ctx.services, { actor: null, action: "test.ok", outcome: "success" }, trx);
        // outcome outside the check constraint: the insert fails
        await recordAudit(ctx.services, { actor: null, action: "test.bad", outcome: "bogus" as "success" }, trx);
      }),
    ).rejects.toThrow();
    expect((await ctx.handle.pool.query("select count(*)::int as n from audit_log")).rows[0].n).toBe(before);
  });
});

describe("retention", () => {
  let r: TestContext;
  beforeAll(async () => {
    r = await createTestContext(TEST_START, { AUDIT_RETENTION_DAYS: "180" });
    await r.handle.owner.pool.query(
      "set session_replication_role = replica; delete from audit_log; set session_replication_role = origin",
    );
  });
  afterAll(async () => r?.close());

  it("purges rows older than the retention and keeps younger ones; the chain stays verifiable", async () => {
    const at = async (daysAgo: number, action: string) => {
      r.clock.set(new Date(TEST_START.getTime() - daysAgo * DAY));
      await recordAudit(r.services, { actor: null, action, outcome: "success" });
    };
    await at(200, "old.1");
    await at(181, "old.2");
    await at(179, "young.1");
    await at(1, "young.2");
    r.clock.set(TEST_START);
    const { deleted } = await purgeAudit({ services: r.services });
    expect(deleted).toBe(2);
    const left = (await r.handle.pool.query("select action from audit_log order by id")).rows.map((x) => x.action);
    expect(left).toEqual(["young.1", "young.2", "audit.purge"]);
    const report = await verifyAuditChain(r.handle.db, auditKey(r.services.config));
    expect(report.broken).toBeNull();
    expect(report.anchoredAfterPurge).not.toBeNull();
    // a second run has nothing to do
    expect((await purgeAudit({ services: r.services })).deleted).toBe(0);
  });

  it("is refused by the database for a cutoff younger than 180 days, even when the app asks", async () => {
    const n = async () => (await r.handle.pool.query("select count(*)::int as n from audit_log")).rows[0].n;
    const before = await n();
    await expect(purgeAudit({ services: r.services, retentionDays: 10 })).rejects.toThrow(/younger than 180 days/);
    expect(await pgCode(sql`select * from audit_purge(now() - interval '10 days')`.execute(r.handle.db))).toBe("42501");
    expect(await n()).toBe(before);
  });
});
