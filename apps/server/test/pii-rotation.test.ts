// Rows written before migration 013 are sealed at boot, and a key rotation re-seals every value under
// the new key (the old key can then be retired).
import { randomBytes } from "node:crypto";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openCells } from "../src/hotline/import-cells.ts";
import { createLogger } from "../src/logger.ts";
import { convertClearPii } from "../src/pii/convert-clear.ts";
import { Keyring, parseKeyList } from "../src/pii/keyring.ts";
import { Pii } from "../src/pii/pii.ts";
import { resealAll, SEALED_COLUMNS } from "../src/pii/rotate.ts";
import { TEST_PII_ENV } from "./constants.ts";
import { pointIn, report, YUHUA } from "./fixtures.ts";
import { createTestContext, type TestContext } from "./harness.ts";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx?.close());

describe("boot conversion of clear rows", () => {
  it("seals clear values left by an older version, nulls them and validates the no-clear check", async () => {
    const owner = ctx.handle.owner.db;
    const id = (await owner.selectFrom("cases").select("id").limit(1).executeTakeFirstOrThrow()).id;
    // as an older version left it: the check not yet validated, values in the clear columns
    await sql`alter table cases drop constraint cases_no_clear_pii`.execute(owner);
    await sql`update cases set reporter_name = '旧数据', reporter_phone = '13600001111', address = '人民路5号',
      reporter_name_enc = null, reporter_phone_enc = null, address_enc = null where id = ${id}`.execute(owner);
    await sql`alter table cases add constraint cases_no_clear_pii
      check (reporter_name is null and reporter_phone is null and address is null) not valid`.execute(owner);
    const converted = await convertClearPii(owner, ctx.services.pii, createLogger("silent"));
    expect(converted.cases).toBe(1);
    const { rows } = await sql<Record<string, string | null>>`select * from cases where id = ${id}`.execute(owner);
    const row = rows[0] as Record<string, string | null>;
    expect([row.reporter_name, row.reporter_phone, row.address]).toEqual([null, null, null]);
    expect(ctx.services.pii.open("cases.reporter_phone", row.reporter_phone_enc)).toBe("13600001111");
    expect(row.reporter_phone_hash).toBe(ctx.services.pii.phoneHash("13600001111"));
    expect(row.address_area).toBe("人民路");
    // validated: a clear value cannot be written again
    await expect(sql`update cases set reporter_phone = '13600001111' where id = ${id}`.execute(owner)).rejects.toThrow(
      /cases_no_clear_pii/,
    );
    // idempotent: nothing left to do
    expect(await convertClearPii(owner, ctx.services.pii, createLogger("silent"))).toEqual({});
  });
});

describe("boot conversion of a waiting hotline import", () => {
  it("seals the clear cells of an import uploaded before 016 and validates the check", async () => {
    const owner = ctx.handle.owner.db;
    const user = await owner
      .selectFrom("users")
      .select(["id", "unit_code"])
      .where("username", "=", "hotline_agent")
      .executeTakeFirstOrThrow();
    const cells = [["T-1", "2026-11-23 16:30", "东方既白", "13655667788", "建设街23号"]];
    await sql`alter table hotline_imports drop constraint hotline_imports_no_clear_cells`.execute(owner);
    const { rows } = await sql<{ id: string }>`insert into hotline_imports
      (file_name, file_sha256, format, headers, cells, row_count, status, uploaded_by, unit_code, uploaded_at)
      values ('old.csv', ${"a".repeat(64)}, 'csv', '["工单编号","受理时间","来电人","来电号码","诉求地址"]',
        ${JSON.stringify(cells)}::jsonb, 1, 'uploaded', ${user.id}, ${user.unit_code}, now())
      returning id`.execute(owner);
    await sql`alter table hotline_imports add constraint hotline_imports_no_clear_cells
      check (cells = '[]'::jsonb) not valid`.execute(owner);
    const converted = await convertClearPii(owner, ctx.services.pii, createLogger("silent"));
    expect(converted.hotline_imports).toBe(1);
    const row = await owner
      .selectFrom("hotline_imports")
      .select(["cells", "cells_enc"])
      .where("id", "=", rows[0]?.id as string)
      .executeTakeFirstOrThrow();
    expect(row.cells).toEqual([]);
    expect(openCells(ctx.services.pii, row.cells_enc)).toEqual(cells);
    await expect(
      sql`update hotline_imports set cells = ${JSON.stringify(cells)}::jsonb where id = ${rows[0]?.id}`.execute(owner),
    ).rejects.toThrow(/hotline_imports_no_clear_cells/);
    expect(await convertClearPii(owner, ctx.services.pii, createLogger("silent"))).toEqual({});
  });
});

describe("key rotation", () => {
  it("re-seals every value under the newest key; the old key alone opens none of them", async () => {
    const agent = await ctx.login("hotline_agent");
    const point = await pointIn(ctx, YUHUA);
    const res = await report(ctx, agent, {
      ...point,
      source: "hotline",
      description: "路灯不亮",
      address: "裕华社区幸福里17号",
      reporter: { name: "欧阳明远", phone: "13912345678", idNumber: "21030219900307104X" },
    });
    expect(res.statusCode, res.body).toBe(201);
    const oldKeys = parseKeyList(TEST_PII_ENV.CIVICGRID_PII_KEYS);
    const rotated = new Keyring([...oldKeys, ["2", randomBytes(32)]]);
    const counts = await resealAll(ctx.handle.owner.db, rotated, 50);
    expect(counts["cases.reporter_phone_enc"]).toBeGreaterThan(100); // the seeded history too
    for (const [table, , column] of SEALED_COLUMNS) {
      const { rows } = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}
        where ${sql.ref(column)} is not null and ${sql.ref(column)} not like 'v1.2.a256gcm.%'`.execute(ctx.services.db);
      expect(rows[0]?.n, `${table}.${column}`).toBe(0);
    }
    const row = await ctx.services.db
      .selectFrom("cases")
      .selectAll()
      .where("id", "=", res.json().id)
      .executeTakeFirstOrThrow();
    const pii = new Pii(rotated, Buffer.alloc(32));
    expect(pii.open("cases.reporter_phone", row.reporter_phone_enc)).toBe("13912345678");
    expect(pii.open("cases.reporter_id_number", row.reporter_id_number_enc)).toBe("21030219900307104X");
    expect(() => new Keyring(oldKeys).open("cases.reporter_phone", row.reporter_phone_enc as string)).toThrow();
    // a second run has nothing to do
    expect(Object.values(await resealAll(ctx.handle.owner.db, rotated)).every((n) => n === 0)).toBe(true);
  });
});
