// Delivers the outcome notices a close queued (cases/outcome-notices.ts): after the close committed,
// in batches with SKIP LOCKED, so several servers and a slow sender never deliver one twice at once.
// A portal report or a staff reporter sees the outcome on its case: marked shown. A phone gets a
// message where a sender is configured; without one it goes to the hotline's call-back list; a
// sender that keeps refusing marks it failed after MAX_ATTEMPTS. Idempotent: only pending rows move.
import type { Db } from "../db/connect.ts";
import { type OutcomeSender, outcomeSenderFor, outcomeText } from "../public/outcome-sender.ts";
import { redactPublicText } from "../public/redact.ts";
import type { Services } from "../services.ts";

export const MAX_NOTICE_ATTEMPTS = 3;

export interface DeliverOutcomeNoticesOptions {
  services: Services;
  batchSize?: number;
  /** defaults to the configured sender (none outside demo mode) */
  sender?: OutcomeSender | null;
}

export interface DeliveryResult {
  sent: number;
  shown: number;
  callback: number;
  failed: number;
  retried: number;
}

export async function deliverOutcomeNotices({
  services,
  batchSize = 100,
  sender = outcomeSenderFor(services),
}: DeliverOutcomeNoticesOptions): Promise<DeliveryResult> {
  const result: DeliveryResult = { sent: 0, shown: 0, callback: 0, failed: 0, retried: 0 };
  // a notice retried in this run is not picked again until the next run
  let afterId = 0;
  for (;;) {
    const last = await services.db
      .transaction()
      .execute((trx) => deliverBatch(trx, services, sender, batchSize, afterId, result));
    if (last === null) break;
    afterId = last;
  }
  return result;
}

async function deliverBatch(
  trx: Db,
  services: Services,
  sender: OutcomeSender | null,
  batchSize: number,
  afterId: number,
  result: DeliveryResult,
): Promise<number | null> {
  const now = services.clock.now();
  const rows = await trx
    .selectFrom("case_notices as n")
    .innerJoin("cases as s", "s.id", "n.survivor_id")
    .innerJoin("cases as c", "c.id", "n.case_id")
    .leftJoin("case_callers as k", "k.id", "n.caller_id")
    .select([
      "n.id",
      "n.channel",
      "n.attempts",
      "n.caller_id",
      "s.code as survivor_code",
      "s.result_note",
      "c.reporter_phone_enc",
      "k.phone_enc as caller_phone_enc",
    ])
    .where("n.status", "=", "pending")
    .where("n.id", ">", afterId)
    .orderBy("n.id")
    .limit(batchSize)
    .forUpdate("n")
    .skipLocked()
    .execute();
  if (rows.length === 0) return null;
  for (const r of rows) {
    const set = (status: "sent" | "shown" | "callback" | "failed", error: string | null = null) =>
      trx
        .updateTable("case_notices")
        .set({
          status,
          attempts: r.attempts + (status === "sent" || status === "failed" ? 1 : 0),
          last_error: error,
          delivered_at: status === "failed" ? null : now,
        })
        .where("id", "=", r.id)
        .execute();
    if (r.channel !== "sms") {
      await set("shown");
      result.shown++;
      continue;
    }
    const phone =
      r.caller_id === null
        ? services.pii.open("cases.reporter_phone", r.reporter_phone_enc)
        : services.pii.open("case_callers.phone", r.caller_phone_enc);
    // no sender, or the number was anonymised meanwhile: a person calls back (or nobody can)
    if (!sender || !phone) {
      await set("callback");
      result.callback++;
      continue;
    }
    try {
      await sender.send(phone, outcomeText(r.survivor_code, r.result_note ? redactPublicText(r.result_note) : null));
      await set("sent");
      result.sent++;
    } catch (err) {
      const error = String((err as Error)?.message ?? err).slice(0, 500);
      if (r.attempts + 1 >= MAX_NOTICE_ATTEMPTS) {
        await set("failed", error);
        result.failed++;
      } else {
        await trx
          .updateTable("case_notices")
          .set({ attempts: r.attempts + 1, last_error: error })
          .where("id", "=", r.id)
          .execute();
        result.retried++;
      }
    }
  }
  return rows[rows.length - 1]?.id ?? null;
}
