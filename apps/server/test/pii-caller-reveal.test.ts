// Revealing a "me too" caller (POST /cases/:id/callers/:callerId/reveal): the reporter reveal's rules —
// pii:unmask, a reason, the case in the caller's jurisdiction, the caller on that very case — audited
// with the reason and field names, never the values, and nothing disclosed without that record.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pointIn, report, YUHUA } from "./fixtures.ts";
import { createTestContext, type TestContext } from "./harness.ts";

const NAME = "司马光华";
const PHONE = "13787654321";
const REASON = "回访核实情况";

let ctx: TestContext;
let agent: string;

/** A hotline case with one me-too caller: the case id and the caller's id. */
async function caseWithCaller(caller: Record<string, string>) {
  const point = await pointIn(ctx, YUHUA);
  const res = await report(ctx, agent, { ...point, source: "hotline", description: "楼道灯不亮" });
  expect(res.statusCode, res.body).toBe(201);
  const id = (res.json() as { id: string }).id;
  const attached = await ctx.api(agent, { method: "POST", url: `/api/v1/cases/${id}/callers`, payload: caller });
  expect(attached.statusCode, attached.body).toBe(200);
  return { id, callerId: attached.json().caller.id as number };
}

function reveal(token: string, id: string, callerId: number | string, reason: unknown) {
  return ctx.api(token, {
    method: "POST",
    url: `/api/v1/cases/${id}/callers/${callerId}/reveal`,
    payload: { reason },
  });
}

async function auditOf(id: string) {
  return ctx.services.db
    .selectFrom("audit_log")
    .select(["username", "outcome", "detail"])
    .where("action", "=", "case.caller-reveal")
    .where("object_id", "=", id)
    .orderBy("id")
    .execute();
}

beforeAll(async () => {
  ctx = await createTestContext();
  agent = await ctx.login("hotline_agent");
});
afterAll(async () => ctx?.close());

describe("revealing a me-too caller", () => {
  it("gives name and phone to the hotline and the case's centres, with a reason, audited without the values", async () => {
    const c = await caseWithCaller({ name: NAME, phone: PHONE });
    // the list stays masked
    const list = await ctx.api(agent, { method: "GET", url: `/api/v1/cases/${c.id}/callers` });
    expect(list.body).not.toContain(PHONE);
    for (const user of ["hotline_agent", "bajiazi_center", "city_dispatcher"]) {
      const res = await reveal(await ctx.login(user), c.id, c.callerId, REASON);
      expect(res.statusCode, `${user}: ${res.body}`).toBe(200);
      expect(res.json()).toEqual({ name: NAME, phone: PHONE });
    }
    const audit = await auditOf(c.id);
    expect(audit.map((a) => [a.username, a.outcome])).toEqual([
      ["hotline_agent", "success"],
      ["bajiazi_center", "success"],
      ["city_dispatcher", "success"],
    ]);
    expect(audit[0]?.detail).toMatchObject({ reason: REASON, callerId: c.callerId, fields: ["name", "phone"] });
    const stored = JSON.stringify(audit);
    for (const v of [NAME, PHONE, "4321"]) expect(stored.includes(v), v).toBe(false);
  });

  it("lists only the fields that had a value", async () => {
    const c = await caseWithCaller({ phone: "13600001111" });
    expect((await reveal(agent, c.id, c.callerId, REASON)).json()).toEqual({ name: null, phone: "13600001111" });
    expect((await auditOf(c.id))[0]?.detail).toMatchObject({ fields: ["phone"] });
  });

  it("refuses a short reason (400), roles without pii:unmask (403, audited) and reveals nothing", async () => {
    const c = await caseWithCaller({ name: NAME, phone: PHONE });
    for (const reason of ["ok", "看看", "  ab  ", "", 42]) {
      const res = await reveal(agent, c.id, c.callerId, reason);
      expect(res.statusCode, String(reason)).toBe(400);
      expect(res.body).not.toContain(PHONE);
    }
    for (const user of ["yuhua_station", "yuhua_grid01"]) {
      const res = await reveal(await ctx.login(user), c.id, c.callerId, REASON);
      expect(res.statusCode, user).toBe(403);
      expect(res.body).not.toContain(PHONE);
    }
    const audit = await auditOf(c.id);
    expect(audit.map((a) => [a.username, a.outcome])).toEqual([
      ["yuhua_station", "denied"],
      ["yuhua_grid01", "denied"],
    ]);
    expect(JSON.stringify(audit)).not.toContain(PHONE);
  });

  it("is 404 for another case's caller, an unknown caller and a centre outside the case's jurisdiction", async () => {
    const a = await caseWithCaller({ name: NAME, phone: PHONE });
    const b = await caseWithCaller({ name: "另一位", phone: "13511112222" });
    const cross = await reveal(agent, a.id, b.callerId, REASON);
    expect(cross.statusCode).toBe(404);
    expect(cross.json().error.code).toBe("CALLER_NOT_FOUND");
    expect(cross.body).not.toContain("13511112222");
    expect((await reveal(agent, a.id, 999_999_999, REASON)).statusCode).toBe(404);
    const outsider = await reveal(await ctx.login("tiedong_center"), a.id, a.callerId, REASON);
    expect(outsider.statusCode).toBe(404);
    expect(outsider.json().error.code).toBe("CASE_NOT_FOUND");
    expect(outsider.body).not.toContain(PHONE);
    expect(await auditOf(a.id)).toEqual([]);
    expect((await reveal(agent, a.id, "abc", REASON)).statusCode).toBe(400);
  });

  it("fails closed: no values when the audit record cannot be written", async () => {
    const c = await caseWithCaller({ name: NAME, phone: PHONE });
    const owner = ctx.handle.owner.pool;
    await owner.query(`
      create function test_refuse_caller_reveal() returns trigger language plpgsql as $$
      begin
        if new.action = 'case.caller-reveal' then raise exception 'audit refused (test)'; end if;
        return new;
      end $$;
      create trigger test_refuse_caller_reveal before insert on audit_log
        for each row execute function test_refuse_caller_reveal();`);
    try {
      const res = await reveal(agent, c.id, c.callerId, REASON);
      expect(res.statusCode).toBeGreaterThanOrEqual(500);
      for (const v of [NAME, PHONE]) expect(res.body.includes(v), v).toBe(false);
    } finally {
      await owner.query(`
        drop trigger test_refuse_caller_reveal on audit_log;
        drop function test_refuse_caller_reveal();`);
    }
  });
});
