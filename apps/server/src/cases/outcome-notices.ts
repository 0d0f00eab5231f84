// Telling everyone who reported the same problem (并案告知): written by the close of a case others
// were merged into, in the close's own transaction — an `outcome` event on each merged case (its
// timeline, staff and portal, shows that the problem was handled under the surviving case) and one
// notice per person to tell. Delivery (jobs/deliver-outcome-notices.ts) runs after the commit.
import { sql } from "kysely";
import type { Db } from "../db/connect.ts";
import type { CaseRow } from "../db/schema.ts";
import { mergedFamilyOf } from "./merge.ts";
import { insertSystemEvents } from "./system-events.ts";

export interface QueueOutcomeNoticesOptions {
  trx: Db;
  /** the case just closed (locked by the closing transition) */
  survivor: CaseRow;
  /** the close event's sequence number on the survivor */
  closeSeq: number;
  now: Date;
}

/** Returns how many notices were queued (0 for a case nobody was merged into and nobody called about). */
export async function queueOutcomeNotices({ trx, survivor, closeSeq, now }: QueueOutcomeNoticesOptions) {
  const family = await mergedFamilyOf(trx, survivor.id);
  if (family.length > 0) {
    // a merged case takes no more transitions and no timer runs on it, so nothing else numbers its
    // events now (not locked: a merge request locking it first, then this survivor, could deadlock)
    await insertSystemEvents({
      trx,
      caseIds: family,
      action: "outcome",
      at: now,
      note: `并案主案 ${survivor.code} 已办结`,
      data: sql`jsonb_build_object('survivorId', ${survivor.id}::uuid, 'survivorCode', ${survivor.code}::text, 'closeSeq', ${closeSeq}::int)`,
    });
  }

  // the merged cases' reporters: by phone where there is one, else the portal receipt, else the staff account
  const reporters =
    family.length === 0
      ? []
      : await trx
          .selectFrom("cases")
          .leftJoin("public_receipts", "public_receipts.case_id", "cases.id")
          .select(["cases.id", "cases.reporter_phone_enc", "cases.reported_by", "public_receipts.receipt_hash"])
          .where("cases.id", "in", family)
          .execute();
  const seen = new Set<string>();
  const rows: { case_id: string; caller_id: number | null; channel: "sms" | "portal" | "staff" }[] = [];
  for (const r of reporters) {
    if (seen.has(r.id)) continue; // one receipt row per case at most, but be sure
    seen.add(r.id);
    const channel = r.reporter_phone_enc ? "sms" : r.receipt_hash ? "portal" : r.reported_by ? "staff" : null;
    if (channel) rows.push({ case_id: r.id, caller_id: null, channel });
  }
  // the "me too" callers, of the merged cases and of the survivor itself, who left a phone number
  const callers = await trx
    .selectFrom("case_callers")
    .select(["id", "case_id"])
    .where("case_id", "in", [survivor.id, ...family])
    .where("phone_enc", "is not", null)
    .orderBy("id")
    .execute();
  for (const c of callers) rows.push({ case_id: c.case_id, caller_id: Number(c.id), channel: "sms" });
  if (rows.length === 0) return 0;

  const inserted = await trx
    .insertInto("case_notices")
    .values(rows.map((r) => ({ ...r, survivor_id: survivor.id, close_seq: closeSeq, created_at: now })))
    .onConflict((oc) => oc.doNothing())
    .returning("id")
    .execute();
  return inserted.length;
}
