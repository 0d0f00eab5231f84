// Key rotation: re-seal every value that is not under the keyring's newest key and cipher, in batches
// (one transaction each, SKIP LOCKED), so the old key can be retired afterwards. Idempotent.
import { sql } from "kysely";
import type { Db } from "../db/connect.ts";
import type { Keyring } from "./keyring.ts";

/** Every sealed column: table, its key column, the column, and the field name its ciphertext is bound to. */
export const SEALED_COLUMNS = [
  ["cases", "id", "reporter_name_enc", "cases.reporter_name"],
  ["cases", "id", "reporter_phone_enc", "cases.reporter_phone"],
  ["cases", "id", "reporter_id_number_enc", "cases.reporter_id_number"],
  ["cases", "id", "address_enc", "cases.address"],
  ["case_callers", "id", "name_enc", "case_callers.name"],
  ["case_callers", "id", "phone_enc", "case_callers.phone"],
  ["banned_phones", "id", "phone_enc", "banned_phones.phone"],
  ["open311_requests", "case_id", "email_enc", "open311_requests.email"],
  ["hotline_imports", "id", "cells_enc", "hotline_imports.cells"],
] as const;

export async function resealAll(db: Db, keyring: Keyring, batch = 1000): Promise<Record<string, number>> {
  const current = `v1.${keyring.currentId}.${keyring.cipher.alg}.%`;
  const counts: Record<string, number> = {};
  for (const [table, key, column, field] of SEALED_COLUMNS) {
    let n = 0;
    for (;;) {
      const done = await db.transaction().execute(async (trx) => {
        const { rows } = await sql<{ k: string; v: string }>`
          select ${sql.ref(key)}::text as k, ${sql.ref(column)} as v from ${sql.table(table)}
          where ${sql.ref(column)} is not null and ${sql.ref(column)} not like ${current}
          limit ${batch} for update skip locked`.execute(trx);
        for (const r of rows) {
          const resealed = keyring.seal(field, keyring.open(field, r.v));
          await sql`update ${sql.table(table)} set ${sql.ref(column)} = ${resealed}
            where ${sql.ref(key)}::text = ${r.k}`.execute(trx);
        }
        return rows.length;
      });
      n += done;
      if (done < batch) break;
    }
    counts[`${table}.${column}`] = n;
  }
  return counts;
}
