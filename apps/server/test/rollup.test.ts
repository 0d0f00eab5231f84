// The rollup (017_rollups.sql): after the seeded history (bulk load + rebuild) and after real
// transitions through the HTTP API and the SLA sweep (trigger, as the app's restricted role), the
// stored counters equal a GROUP BY over `cases` for every scope.
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sweepDeadlines } from "../src/jobs/sweep-deadlines.ts";
import { act, actOk, categoryRoutedTo, pointIn, report, YUHUA } from "./fixtures.ts";
import { createTestContext, type TestContext } from "./harness.ts";
import { expectRollupConsistent } from "./rollup-check.ts";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx?.close());

async function newCase(username = "yuhua_grid01", description = "路面破损需要修补") {
  const point = await pointIn(ctx, YUHUA);
  const category = await categoryRoutedTo(ctx, "territorial", "community");
  const res = await report(ctx, await ctx.login(username), {
    description,
    ...point,
    categoryCode: category.code,
    source: "grid",
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; deadlines: { dueAt: string } };
}

describe("case rollup", () => {
  it("the seeded history's rollup equals the recomputation at every scope", async () => {
    const { cohortRows, flowRows } = await expectRollupConsistent(ctx.services.db);
    expect(cohortRows).toBeGreaterThan(100);
    expect(flowRows).toBeGreaterThan(10);
    // every scope is present
    const scopes = await sql<{ scope: string }>`select distinct scope from case_rollup order by 1`.execute(
      ctx.services.db,
    );
    expect(scopes.rows.map((r) => r.scope)).toEqual(
      expect.arrayContaining(["city", "community", "district", "grid", "township", "unit"]),
    );
    // the city's total is the number of cases
    const total = await sql<{ a: number; b: number }>`
      select (select sum(reported) from case_rollup where scope = 'city') as a, (select count(*) from cases) as b`.execute(
      ctx.services.db,
    );
    expect(Number(total.rows[0]?.a)).toBe(Number(total.rows[0]?.b));
  });

  it("stays equal through the whole loop, returns, rework, reopen, merge, reject and the sweep", async () => {
    const { db } = ctx.services;
    const a = await newCase();
    await expectRollupConsistent(db);
    await actOk(ctx, "bajiazi_center", a.id, "register");
    await actOk(ctx, "bajiazi_center", a.id, "dispatch", { unitCode: "210303000000-urban_management" });
    await actOk(ctx, "tiexi_urban", a.id, "return", { reason: "不属于本单位权责清单", reasonCode: "not_in_list" });
    await expectRollupConsistent(db);
    await actOk(ctx, "bajiazi_center", a.id, "dispatch", { unitCode: `${YUHUA}-station` });
    await actOk(ctx, "yuhua_station", a.id, "accept");
    await actOk(ctx, "yuhua_station", a.id, "feedback", { note: "已修补" });
    await actOk(ctx, "yuhua_grid01", a.id, "verify", { pass: false, note: "未修补完整" });
    await actOk(ctx, "yuhua_station", a.id, "feedback", { note: "已全部修补" });
    await expectRollupConsistent(db);
    await actOk(ctx, "yuhua_grid01", a.id, "verify", { pass: true, note: "" });
    await expectRollupConsistent(db);
    await actOk(ctx, "yuhua_grid01", a.id, "evaluate", { rating: "unsatisfied" });
    await expectRollupConsistent(db);
    await actOk(ctx, "yuhua_grid01", a.id, "reopen", { reason: "问题仍然存在" });
    await expectRollupConsistent(db);

    // merge and reject
    const b = await newCase("yuhua_grid01", "同一处路面破损");
    await actOk(ctx, "bajiazi_center", b.id, "merge", { targetId: a.id });
    const c = await newCase("yuhua_grid01", "重复上报测试");
    await actOk(ctx, "bajiazi_center", c.id, "reject", { reason: "不属实" });
    await expectRollupConsistent(db);

    // the sweep marks open cases overdue (a batch of cases in one transaction per step)
    const d = await newCase();
    await actOk(ctx, "bajiazi_center", d.id, "register");
    await actOk(ctx, "bajiazi_center", d.id, "dispatch", { unitCode: `${YUHUA}-station` });
    ctx.clock.set(new Date(Date.parse(d.deadlines.dueAt) + 60_000));
    const swept = await sweepDeadlines({ services: ctx.services });
    expect(swept.overdue).toBeGreaterThanOrEqual(1);
    const overdue = await db.selectFrom("cases").select("overdue_at").where("id", "=", d.id).executeTakeFirstOrThrow();
    expect(overdue.overdue_at).not.toBeNull();
    await expectRollupConsistent(db);
    // late handling and closing count as not on time
    await actOk(ctx, "yuhua_station", d.id, "accept");
    await actOk(ctx, "yuhua_station", d.id, "feedback", { note: "已处置" });
    await actOk(ctx, "yuhua_grid01", d.id, "verify", { pass: true, note: "" });
    await expectRollupConsistent(db);
    const refused = await act(ctx, await ctx.login("yuhua_grid01"), d.id, "reopen", { reason: "x" });
    expect(refused.statusCode).toBeGreaterThanOrEqual(400);
  });

  it("follows the assessment's columns, a moved case and a recategorised one (as the app role)", async () => {
    const { db } = ctx.services;
    const e = await newCase();
    await db
      .updateTable("cases")
      .set({ solved: true, handling_work_days: 2.5, rating: "basically" })
      .where("id", "=", e.id)
      .execute();
    await expectRollupConsistent(db);
    const other = await db
      .selectFrom("categories")
      .select("code")
      .where("parent_code", "is not", null)
      .where("code", "like", "H%")
      .orderBy("code")
      .executeTakeFirstOrThrow();
    const grid = await db
      .selectFrom("grids")
      .select(["code", "community_code"])
      .where("community_code", "!=", YUHUA)
      .orderBy("code")
      .executeTakeFirstOrThrow();
    await sql`update cases set category_code = ${other.code}, source = 'hotline', grid_code = ${grid.code},
      community_code = ${grid.community_code}, reported_at = reported_at - interval '3 days',
      owner_unit_code = ${`${YUHUA}-station`}, handling_work_days = null where id = ${e.id}`.execute(db);
    await expectRollupConsistent(db);
    // nothing relevant changed: no rollup write at all
    const before = await sql<{
      n: number;
    }>`select count(*) as n, sum(xmin::text::bigint) as x from case_rollup`.execute(db);
    await sql`update cases set version = version + 1, warned_at = now() where id = ${e.id}`.execute(db);
    const after = await sql<{ n: number }>`select count(*) as n, sum(xmin::text::bigint) as x from case_rollup`.execute(
      db,
    );
    expect(after.rows).toEqual(before.rows);
  });

  it("concurrent transitions and a sweep batch on shared rollup rows: no lost update, no deadlock", async () => {
    const { db } = ctx.services;
    const made = await Promise.all(Array.from({ length: 12 }, (_, i) => newCase("yuhua_grid01", `并发测试${i}`)));
    await Promise.all(made.map((c) => actOk(ctx, "bajiazi_center", c.id, "register")));
    // half become due for the sweep while the other half are dispatched at the same time
    const late = made.slice(0, 6);
    await sql`update cases set due_at = ${new Date(ctx.clock.now().getTime() - 60_000)}
      where id in (${sql.join(late.map((c) => c.id))})`.execute(db);
    const [swept] = await Promise.all([
      sweepDeadlines({ services: ctx.services, batchSize: 3 }),
      ...made.slice(6).map((c) => actOk(ctx, "bajiazi_center", c.id, "dispatch", { unitCode: `${YUHUA}-station` })),
    ]);
    expect(swept.overdue).toBeGreaterThanOrEqual(6);
    await expectRollupConsistent(db);
  });

  it("is skipped under civicgrid.rollup_bulk and recomputed by case_rollup_rebuild()", async () => {
    const { db } = ctx.services;
    const owner = ctx.handle.owner.db;
    await owner.transaction().execute(async (trx) => {
      await sql`set local civicgrid.rollup_bulk = 'on'`.execute(trx);
      const r = await sql`update cases set handling_work_days = coalesce(handling_work_days, 0) + 1
        where status in ('closed', 'evaluated')`.execute(trx);
      expect(Number(r.numAffectedRows)).toBeGreaterThan(0);
    });
    await expect(expectRollupConsistent(db)).rejects.toThrow();
    // as the app role, through the security-definer function
    await sql`select case_rollup_rebuild()`.execute(db);
    await expectRollupConsistent(db);
    // the setting was local to that transaction: the next update counts again
    await sql`update cases set handling_work_days = handling_work_days - 1 where status in ('closed', 'evaluated')`.execute(
      db,
    );
    await expectRollupConsistent(db);
  });
});
