// Retention (PIPL: kept no longer than needed): the reporter's and callers' personal data of cases
// closed more than PII_RETENTION_MONTHS ago is removed — sealed values, masked copies and phone
// hashes — while everything statistics count (category, units, status, times, place, area) stays.
// Batched (SKIP LOCKED, one transaction per batch) and idempotent: anonymised_at marks done rows.
import { sql } from "kysely";
import { recordAudit } from "../audit/record-audit.ts";
import type { Services } from "../services.ts";

/** `months` calendar months before `now` (end-of-month days clamp like the calendar does). */
export function retentionCutoff(now: Date, months: number): Date {
  const d = new Date(now);
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return d;
}

export interface AnonymiseOptions {
  services: Services;
  batchSize?: number;
}

export async function anonymiseExpiredReporters({ services, batchSize = 500 }: AnonymiseOptions) {
  const now = services.clock.now();
  const cutoff = retentionCutoff(now, services.config.PII_RETENTION_MONTHS);
  let cases = 0;
  let callers = 0;
  for (;;) {
    const done = await services.db.transaction().execute(async (trx) => {
      const ids = (
        await trx
          .selectFrom("cases")
          .select("id")
          .where("anonymised_at", "is", null)
          .where("closed_at", "<", cutoff)
          .where("status", "in", ["closed", "evaluated"])
          .limit(batchSize)
          .forUpdate()
          .skipLocked()
          .execute()
      ).map((r) => r.id);
      if (ids.length === 0) return { cases: 0, callers: 0 };
      await trx
        .updateTable("cases")
        .set({
          reporter_name_enc: null,
          reporter_name_masked: null,
          reporter_phone_enc: null,
          reporter_phone_masked: null,
          reporter_phone_hash: null,
          reporter_id_number_enc: null,
          reporter_id_number_masked: null,
          address_enc: null,
          anonymised_at: now,
        })
        .where("id", "in", ids)
        .execute();
      const c = await trx
        .updateTable("case_callers")
        .set({ name_enc: null, name_masked: null, phone_enc: null, phone_masked: null, phone_hash: null })
        .where("case_id", "in", ids)
        .where(sql<boolean>`(name_enc is not null or phone_enc is not null or name_masked is not null)`)
        .executeTakeFirst();
      await trx.updateTable("open311_requests").set({ email_enc: null }).where("case_id", "in", ids).execute();
      return { cases: ids.length, callers: Number(c.numUpdatedRows) };
    });
    cases += done.cases;
    callers += done.callers;
    if (done.cases < batchSize) break;
  }
  if (cases > 0) {
    await recordAudit(services, {
      actor: null,
      as: { userId: null, role: "system", unitCode: null },
      action: "pii.retention.anonymise",
      objectType: "case",
      outcome: "success",
      detail: { cases, callers, closedBefore: cutoff.toISOString(), months: services.config.PII_RETENTION_MONTHS },
    });
  }
  return { cases, callers, cutoff };
}
