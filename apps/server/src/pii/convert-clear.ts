// Boot step after migration 013: rows written before it hold personal data in clear. Seal them in
// batches (each batch its own transaction, so a crash loses nothing and a restart continues), then
// validate the NOT VALID checks that keep the clear columns null from now on. Idempotent: once done,
// every start costs six indexed look-ups.
import { sql } from "kysely";
import type { Db } from "../db/connect.ts";
import type { Logger } from "../logger.ts";
import { maskPhone } from "./mask.ts";
import type { Pii } from "./pii.ts";

const BATCH = 500;

type Step = { table: string; constraint: string; convert: (db: Db, pii: Pii) => Promise<number> };

async function casesBatch(db: Db, pii: Pii): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const { rows } = await sql<{
      id: string;
      reporter_name: string | null;
      reporter_phone: string | null;
      address: string | null;
    }>`
      select id, reporter_name, reporter_phone, address from cases
      where reporter_name is not null or reporter_phone is not null or address is not null
      limit ${BATCH} for update skip locked`.execute(trx);
    for (const r of rows) {
      const cols = pii.reporterColumns({ name: r.reporter_name, phone: r.reporter_phone, address: r.address });
      const { reporter_id_number_enc: _i, reporter_id_number_masked: _m, ...set } = cols;
      await sql`update cases set reporter_name = null, reporter_phone = null, address = null where id = ${r.id}`.execute(
        trx,
      );
      await trx.updateTable("cases").set(set).where("id", "=", r.id).execute();
    }
    return rows.length;
  });
}

async function callersBatch(db: Db, pii: Pii): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const { rows } = await sql<{ id: number; name: string | null; phone: string | null }>`
      select id, name, phone from case_callers where name is not null or phone is not null
      limit ${BATCH} for update skip locked`.execute(trx);
    for (const r of rows) {
      await sql`update case_callers set name = null, phone = null where id = ${r.id}`.execute(trx);
      await trx.updateTable("case_callers").set(pii.callerColumns(r)).where("id", "=", r.id).execute();
    }
    return rows.length;
  });
}

async function bannedBatch(db: Db, pii: Pii): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const { rows } = await sql<{ id: string; phone: string }>`
      select id, phone from banned_phones where phone is not null limit ${BATCH} for update skip locked`.execute(trx);
    for (const r of rows) {
      await sql`update banned_phones set phone = null, phone_hash = ${pii.phoneHash(r.phone)},
        phone_masked = ${maskPhone(r.phone)}, phone_enc = ${pii.seal("banned_phones.phone", r.phone)}
        where id = ${r.id}`.execute(trx);
    }
    return rows.length;
  });
}

async function otpBatch(db: Db, pii: Pii): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const { rows } = await sql<{ id: string; phone: string }>`
      select id, phone from otp_codes where phone is not null limit ${BATCH} for update skip locked`.execute(trx);
    for (const r of rows) {
      await sql`update otp_codes set phone = null, phone_hash = ${pii.phoneHash(r.phone)} where id = ${r.id}`.execute(
        trx,
      );
    }
    return rows.length;
  });
}

async function open311Batch(db: Db, pii: Pii): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const { rows } = await sql<{ case_id: string; email: string }>`
      select case_id, email from open311_requests where email is not null limit ${BATCH} for update skip locked`.execute(
      trx,
    );
    for (const r of rows) {
      await sql`update open311_requests set email = null, email_enc = ${pii.seal("open311_requests.email", r.email)}
        where case_id = ${r.case_id}`.execute(trx);
    }
    return rows.length;
  });
}

/** Imports uploaded before 016 hold their cells as JSON in clear: sealed whole, as uploads are now. */
async function importsBatch(db: Db, pii: Pii): Promise<number> {
  return db.transaction().execute(async (trx) => {
    // a few at a time: one import may hold thousands of rows
    const { rows } = await sql<{ id: string; cells: string }>`
      select id, cells::text as cells from hotline_imports where cells <> '[]'::jsonb
      limit 20 for update skip locked`.execute(trx);
    for (const r of rows) {
      await sql`update hotline_imports set cells = '[]'::jsonb,
        cells_enc = ${pii.keyring.seal("hotline_imports.cells", r.cells)} where id = ${r.id}`.execute(trx);
    }
    return rows.length;
  });
}

const STEPS: Step[] = [
  { table: "cases", constraint: "cases_no_clear_pii", convert: casesBatch },
  { table: "case_callers", constraint: "case_callers_no_clear_pii", convert: callersBatch },
  { table: "banned_phones", constraint: "banned_phones_no_clear_pii", convert: bannedBatch },
  { table: "otp_codes", constraint: "otp_codes_no_clear_pii", convert: otpBatch },
  { table: "open311_requests", constraint: "open311_requests_no_clear_pii", convert: open311Batch },
  { table: "hotline_imports", constraint: "hotline_imports_no_clear_cells", convert: importsBatch },
];

export async function convertClearPii(db: Db, pii: Pii, logger: Logger): Promise<Record<string, number>> {
  const converted: Record<string, number> = {};
  for (const step of STEPS) {
    const { rows } = await sql<{ convalidated: boolean }>`
      select convalidated from pg_constraint where conname = ${step.constraint}`.execute(db);
    if (rows[0]?.convalidated !== false) continue; // validated: nothing in clear can exist
    let n = 0;
    for (;;) {
      const done = await step.convert(db, pii);
      n += done;
      if (done === 0) break;
    }
    await sql`alter table ${sql.table(step.table)} validate constraint ${sql.ref(step.constraint)}`.execute(db);
    if (n > 0) converted[step.table] = n;
  }
  if (Object.keys(converted).length) logger.info({ converted }, "personal data sealed");
  return converted;
}
