// Deleting the newest audit rows leaves a valid chain; the heads that the daily job records outside
// the database (DATA_DIR/audit-anchors.jsonl) catch it, and a rewritten head too.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readAnchors } from "../src/audit/anchors.ts";
import { auditKey } from "../src/audit/chain.ts";
import { recordAudit } from "../src/audit/record-audit.ts";
import { verifyAuditChain } from "../src/audit/verify-chain.ts";
import { runAuditDaily } from "../src/jobs/audit-daily.ts";
import { createTestContext, type TestContext } from "./harness.ts";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx?.close());

/** What an intruder with the database alone could do: the owner, triggers off. */
async function asIntruder(statement: string, params: unknown[] = []) {
  const client = await ctx.handle.owner.pool.connect();
  try {
    await client.query("begin");
    await client.query("set local session_replication_role = replica");
    await client.query(statement, params);
    await client.query("commit");
  } finally {
    client.release();
  }
}

async function write(n: number) {
  for (let i = 0; i < n; i++) {
    await recordAudit(ctx.services, { actor: null, action: "test.entry", outcome: "success", detail: { i } });
  }
}

const verify = async () =>
  verifyAuditChain(ctx.handle.owner.db, auditKey(ctx.services.config), 1000, await readAnchors(ctx.dataDir));

describe("chain heads recorded outside the database", () => {
  it("the daily job records the head it verified; later checks find it intact", async () => {
    await write(5);
    const first = await runAuditDaily(ctx.services);
    expect(first.report.ok).toBe(true);
    const anchors = await readAnchors(ctx.dataDir);
    expect(anchors).toHaveLength(1);
    expect(anchors[0]?.id).toBe(first.report.lastId);
    await write(3);
    const again = await verify();
    expect(again.ok).toBe(true);
    expect(again.headsChecked).toBe(1);
  });

  it("catches the newest rows deleted past a recorded head, which the chain alone cannot", async () => {
    await write(2);
    await runAuditDaily(ctx.services); // records the head: the daily job's own audit.verify row precedes it
    const [, head] = await readAnchors(ctx.dataDir);
    if (!head) throw new Error("no second head");
    // the intruder removes everything from the recorded head on: what is left is a valid chain
    await asIntruder("delete from audit_log where id >= $1", [head.id]);
    const chainOnly = await verifyAuditChain(ctx.handle.owner.db, auditKey(ctx.services.config));
    expect(chainOnly.ok).toBe(true);
    const r = await verify();
    expect(r.ok).toBe(false);
    expect(r.broken).toMatchObject({ id: head.id, problem: "head" });
    expect(r.broken?.message).toContain("gone");
  });
});
