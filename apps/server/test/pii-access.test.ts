// Personal data in use: masked by default in every response, opened one case at a time by a role with
// pii:unmask and a reason (audited), searched by the phone's keyed hash, and removed by the retention
// job from cases closed longer ago than PII_RETENTION_MONTHS, leaving statistics unchanged.
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { anonymiseExpiredReporters, retentionCutoff } from "../src/jobs/anonymise-reporters.ts";
import { pointIn, report, YUHUA } from "./fixtures.ts";
import { createTestContext, type TestContext } from "./harness.ts";

const PHONE = "13912345678";
const NAME = "欧阳明远";
const ID_NUMBER = "21030219900307104X";
const ADDRESS = "铁西区八家子街道裕华社区幸福里17号3单元502室";
const CLEAR = [PHONE, NAME, ID_NUMBER, "幸福里17号"];

let ctx: TestContext;
let agent: string;
let point: { lat: number; lng: number };

async function hotlineCase(reporter: Record<string, string>, address = ADDRESS) {
  const res = await report(ctx, agent, { ...point, source: "hotline", description: "楼道灯不亮", address, reporter });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; code: string };
}

async function get(token: string, url: string) {
  return ctx.api(token, { method: "GET", url });
}

function reveal(token: string, id: string, reason: unknown) {
  return ctx.api(token, { method: "POST", url: `/api/v1/cases/${id}/reporter/reveal`, payload: { reason } });
}

beforeAll(async () => {
  ctx = await createTestContext();
  agent = await ctx.login("hotline_agent");
  point = await pointIn(ctx, YUHUA);
});
afterAll(async () => ctx?.close());

describe("masked by default", () => {
  it("detail, list, caller history and callers show masked forms only; the exact address only on the detail", async () => {
    const c = await hotlineCase({ name: NAME, phone: "+86 139-1234-5678", idNumber: ID_NUMBER });
    await ctx.api(agent, {
      method: "POST",
      url: `/api/v1/cases/${c.id}/callers`,
      payload: { name: "司马光华", phone: "13787654321" },
    });
    const detail = await get(agent, `/api/v1/cases/${c.id}`);
    expect(detail.json().reporter).toEqual({ name: "欧***", phone: "139****5678", idNumber: "2103**********104X" });
    expect(detail.json().address).toBe(ADDRESS); // in scope: the exact address on the detail
    expect(detail.json().addressArea).toBe("铁西区八家子街道裕华社区幸福里");
    // and that showing is audited: the case.view record says the exact address was shown
    const view = await ctx.services.db
      .selectFrom("audit_log")
      .select(["username", "detail"])
      .where("action", "=", "case.view")
      .where("object_id", "=", c.id)
      .orderBy("id", "desc")
      .executeTakeFirstOrThrow();
    expect(view).toEqual({ username: "hotline_agent", detail: { code: c.code, personalData: ["address"] } });
    for (const body of [detail.body.replace(ADDRESS, "")]) {
      for (const v of CLEAR) expect(body.includes(v), v).toBe(false);
    }
    const responses = await Promise.all([
      get(agent, "/api/v1/cases?pageSize=100&source=hotline"),
      // the caller history is found by the keyed hash of any spelling of the number
      get(agent, `/api/v1/hotline/callers/${encodeURIComponent("139 1234 5678")}/cases`),
      get(agent, `/api/v1/cases/${c.id}/callers`),
    ]);
    for (const res of responses) {
      expect(res.statusCode, res.body).toBe(200);
      for (const v of [...CLEAR, ADDRESS, "13787654321", "司马光华"]) expect(res.body.includes(v), v).toBe(false);
    }
    const [, history, callers] = responses;
    expect(history?.json().items.map((x: { id: string }) => x.id)).toEqual([c.id]);
    expect(callers?.json().items[0]).toMatchObject({ name: "司***", phone: "137****4321" });
    // the station (in scope, no pii:unmask) sees the masked reporter too
    const station = await get(await ctx.login("yuhua_station"), `/api/v1/cases/${c.id}`);
    expect(station.json().reporter).toEqual(detail.json().reporter);
    for (const v of CLEAR.slice(0, 3)) expect(station.body.includes(v), v).toBe(false);
  });

  it("an ID number must be a valid 18-character resident ID", async () => {
    for (const idNumber of ["210302199003071041", "21030219901307104X", "12345"]) {
      const res = await report(ctx, agent, { ...point, source: "hotline", description: "x", reporter: { idNumber } });
      expect(res.statusCode, idNumber).toBe(400);
    }
  });
});

describe("unmasking one case", () => {
  it("gives all four fields to a role with pii:unmask and a reason, audited with the reason; others are refused", async () => {
    const c = await hotlineCase({ name: NAME, phone: PHONE, idNumber: ID_NUMBER });
    const res = await reveal(agent, c.id, "回访核实情况");
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ name: NAME, phone: PHONE, idNumber: ID_NUMBER, address: ADDRESS });
    for (const reason of ["ok", "   ", "", 42]) expect((await reveal(agent, c.id, reason)).statusCode).toBe(400);
    const station = await reveal(await ctx.login("yuhua_station"), c.id, "回访核实情况");
    expect(station.statusCode).toBe(403);
    expect(station.body).not.toContain(PHONE);
    expect((await reveal(await ctx.login("tiedong_center"), c.id, "回访核实情况")).statusCode).toBe(404);
    const audit = await ctx.services.db
      .selectFrom("audit_log")
      .select(["outcome", "detail"])
      .where("action", "=", "case.reporter-reveal")
      .where("object_id", "=", c.id)
      .orderBy("id")
      .execute();
    expect(audit.map((a) => a.outcome)).toEqual(["success", "denied"]);
    expect(audit[0]?.detail).toMatchObject({
      reason: "回访核实情况",
      fields: ["name", "phone", "idNumber", "address"],
    });
    for (const v of CLEAR) expect(JSON.stringify(audit).includes(v)).toBe(false);
  });
});

describe("retention", () => {
  const MONTH = 30.44 * 86_400_000;

  async function closedCase(monthsAgo: number) {
    const c = await hotlineCase({ name: NAME, phone: PHONE, idNumber: ID_NUMBER });
    await ctx.api(agent, { method: "POST", url: `/api/v1/cases/${c.id}/callers`, payload: { phone: "13787654321" } });
    // closed long ago: only the close time matters to the job
    const closedAt = new Date(ctx.clock.now().getTime() - monthsAgo * MONTH);
    await ctx.handle.owner.db
      .updateTable("cases")
      .set({ status: "closed", closed_at: closedAt, reported_at: new Date(closedAt.getTime() - 86_400_000) })
      .where("id", "=", c.id)
      .execute();
    return c.id;
  }

  async function stats() {
    const { rows } = await sql<{ k: string }>`
      select concat_ws('|', category_code, centre_unit_code, status, community_code,
        to_char(date_trunc('month', reported_at), 'YYYY-MM'), to_char(date_trunc('month', closed_at), 'YYYY-MM'),
        count(*)) as k
      from cases group by category_code, centre_unit_code, status, community_code,
        date_trunc('month', reported_at), date_trunc('month', closed_at)
      order by 1`.execute(ctx.services.db);
    const total = (await get(await ctx.login("hotline_agent"), "/api/v1/cases?pageSize=1&status=closed")).json().total;
    expect(total).toBeGreaterThan(0);
    return { groups: rows.map((r) => r.k), total };
  }

  async function piiOf(id: string) {
    const row = await ctx.services.db.selectFrom("cases").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    const callers = await ctx.services.db.selectFrom("case_callers").selectAll().where("case_id", "=", id).execute();
    return {
      values: [
        row.reporter_name_enc,
        row.reporter_name_masked,
        row.reporter_phone_enc,
        row.reporter_phone_masked,
        row.reporter_phone_hash,
        row.reporter_id_number_enc,
        row.reporter_id_number_masked,
        row.address_enc,
        ...callers.flatMap((c) => [c.name_enc, c.phone_enc, c.phone_masked, c.phone_hash]),
      ].filter((v) => v !== null),
      row,
    };
  }

  it("anonymises cases closed more than 24 months ago (by the clock), keeps younger ones and the statistics", async () => {
    const old = await closedCase(25);
    const young = await closedCase(23);
    const before = await stats();
    const first = await anonymiseExpiredReporters({ services: ctx.services, batchSize: 1 });
    expect(first.cases).toBe(1);
    expect(first.callers).toBe(1);
    expect((await piiOf(old)).values).toEqual([]);
    expect((await piiOf(old)).row).toMatchObject({ address_area: "铁西区八家子街道裕华社区幸福里", status: "closed" });
    expect((await piiOf(old)).row.anonymised_at).toEqual(ctx.clock.now());
    expect((await piiOf(young)).values).toHaveLength(11); // 8 of the reporter, 3 of the caller's phone
    expect(await stats()).toEqual(before);
    const detail = (await get(agent, `/api/v1/cases/${old}`)).json();
    expect(detail.reporter).toBeNull();
    expect((await reveal(agent, old, "回访核实情况")).json()).toEqual({
      name: null,
      phone: null,
      idNumber: null,
      address: null,
    });
    // idempotent: a second run finds nothing
    expect((await anonymiseExpiredReporters({ services: ctx.services })).cases).toBe(0);

    // two months later the younger one has passed the limit too
    ctx.clock.advance(2 * MONTH);
    expect((await anonymiseExpiredReporters({ services: ctx.services })).cases).toBe(1);
    expect((await piiOf(young)).values).toEqual([]);
    expect(await stats()).toEqual(before);

    const audit = await ctx.services.db
      .selectFrom("audit_log")
      .select(["detail", "outcome"])
      .where("action", "=", "pii.retention.anonymise")
      .orderBy("id")
      .execute();
    expect(audit.map((a) => (a.detail as { cases: number }).cases)).toEqual([1, 1]);
  });

  it("the cut-off counts calendar months", () => {
    expect(retentionCutoff(new Date("2026-11-24T01:00:00Z"), 24).toISOString()).toBe("2024-11-24T01:00:00.000Z");
    expect(retentionCutoff(new Date("2026-03-31T00:00:00Z"), 1).toISOString()).toBe("2026-02-28T00:00:00.000Z");
  });
});
