import { availableActions } from "@civicgrid/domain";
import type { Actor } from "../access/actor.ts";
import { scopeCases } from "../access/case-scope.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { factsFor, snapshotOf } from "../cases/facts.ts";
import { AppError } from "../errors.ts";
import type { Services } from "../services.ts";

export interface GetCaseOptions {
  services: Services;
  actor: Actor;
  id: string;
  /** a staff member opening the case (its reporter's personal data): recorded as `case.view` */
  view?: { ip: string | null };
}

/** One case with its timeline and the actions the caller may take now; 404 outside jurisdiction. */
export async function getCase({ services, actor, id, view }: GetCaseOptions) {
  const { db, places } = services;
  const row = await scopeCases(db.selectFrom("cases").selectAll(), actor).where("id", "=", id).executeTakeFirst();
  if (!row) throw new AppError("CASE_NOT_FOUND");
  if (view) {
    // fails closed: personal data is not shown without its record
    await recordAudit(services, {
      actor,
      action: "case.view",
      objectType: "case",
      objectId: id,
      outcome: "success",
      ip: view.ip,
      // the detail shows the exact address (opened for anyone in scope); name, phone and ID stay masked
      detail: { code: row.code, personalData: row.address_enc ? ["address"] : [] },
    });
  }
  const [events, mergedCases, photos] = await Promise.all([
    db.selectFrom("case_events").selectAll().where("case_id", "=", id).orderBy("seq").execute(),
    scopeCases(db.selectFrom("cases").select(["id", "code"]), actor)
      .where("merged_into_id", "=", id)
      .orderBy("reported_at")
      .execute(),
    db
      .selectFrom("attachments")
      .select(["id", "stage", "created_at"])
      .where("case_id", "=", id)
      .orderBy("created_at")
      .orderBy("id")
      .execute(),
  ]);
  return {
    row,
    events,
    mergedCases,
    photos,
    availableActions: availableActions(snapshotOf(row), factsFor(actor, row, places)),
  };
}
