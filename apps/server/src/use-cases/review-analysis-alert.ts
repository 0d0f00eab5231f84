// A person's verdict on an alert: acknowledge it (seen, being looked at), dismiss it (not a real
// problem, e.g. a campaign that brought many reports on purpose), or reopen it. An alert with a
// governance task stays tasked. Audited in the same transaction; If-Match guards against two people
// acting on the alert as they saw it.
import { sql } from "kysely";
import type { Actor } from "../access/actor.ts";
import { requirePermission } from "../access/require.ts";
import { alertAreaOf, alertInArea } from "../analysis/alert-scope.ts";
import { recordAudit } from "../audit/record-audit.ts";
import type { AnalysisAlertRow } from "../db/schema.ts";
import { AppError } from "../errors.ts";
import type { Services } from "../services.ts";

export const REVIEW_ACTIONS = ["acknowledge", "dismiss", "reopen"] as const;
export type ReviewAction = (typeof REVIEW_ACTIONS)[number];

const MOVES: Record<ReviewAction, { from: AnalysisAlertRow["status"][]; to: AnalysisAlertRow["status"] }> = {
  acknowledge: { from: ["open"], to: "acknowledged" },
  dismiss: { from: ["open", "acknowledged"], to: "dismissed" },
  reopen: { from: ["acknowledged", "dismissed"], to: "open" },
};

export interface ReviewAnalysisAlertOptions {
  services: Services;
  actor: Actor;
  id: string;
  action: ReviewAction;
  note?: string;
  expectedVersion?: number;
  ip?: string | null;
}

export async function reviewAnalysisAlert(o: ReviewAnalysisAlertOptions): Promise<AnalysisAlertRow> {
  const { services, actor, id, action } = o;
  const area = alertAreaOf(actor);
  requirePermission(actor, "analysis:manage");
  const now = services.clock.now();
  return services.db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom("analysis_alerts")
      .selectAll()
      .where("id", "=", id)
      .where(alertInArea(area))
      .forUpdate()
      .executeTakeFirst();
    if (!row) throw new AppError("ANALYSIS_ALERT_NOT_FOUND", { id });
    if (o.expectedVersion !== undefined && row.version !== o.expectedVersion) {
      throw new AppError("ANALYSIS_ALERT_CHANGED", { version: row.version, expectedVersion: o.expectedVersion });
    }
    const move = MOVES[action];
    if (!move.from.includes(row.status)) throw new AppError("ANALYSIS_ALERT_STATE", { status: row.status, action });
    const updated = await trx
      .updateTable("analysis_alerts")
      .set({
        status: move.to,
        status_changed_at: now,
        status_changed_by: actor.userId,
        status_note: o.note?.trim() || null,
        version: sql`version + 1`,
      })
      .where("id", "=", id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(
      services,
      {
        actor,
        action: `analysis.${action}`,
        objectType: "analysis_alert",
        objectId: id,
        outcome: "success",
        ip: o.ip ?? null,
        detail: { from: row.status, to: move.to, key: row.key },
      },
      trx,
    );
    return updated;
  });
}
