// The case a receipt code belongs to. An unknown or malformed code is RECEIPT_NOT_FOUND either way.
import type { Db } from "../db/connect.ts";
import type { CaseRow } from "../db/schema.ts";
import { AppError } from "../errors.ts";
import { hashReceipt, normalizeReceipt } from "./receipt.ts";

/** The case id of a receipt code. */
export async function caseIdOfReceipt(db: Db, receipt: string): Promise<string> {
  const code = normalizeReceipt(receipt);
  if (!code) throw new AppError("RECEIPT_NOT_FOUND");
  const row = await db
    .selectFrom("public_receipts")
    .select("case_id")
    .where("receipt_hash", "=", hashReceipt(code))
    .executeTakeFirst();
  if (!row) throw new AppError("RECEIPT_NOT_FOUND");
  return row.case_id;
}

export async function caseOfReceipt(db: Db, receipt: string): Promise<CaseRow> {
  const id = await caseIdOfReceipt(db, receipt);
  return db.selectFrom("cases").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
}
