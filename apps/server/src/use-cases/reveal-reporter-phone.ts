// The reporter's full phone number, for those who call back (hotline) or coordinate (centres), with
// a stated reason. Every reveal and every refused attempt is in the audit log.
import { can } from "@civicgrid/domain";
import type { Actor } from "../access/actor.ts";
import { scopeCases } from "../access/case-scope.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { AppError } from "../errors.ts";
import type { Services } from "../services.ts";

export interface RevealReporterPhoneOptions {
  services: Services;
  actor: Actor;
  caseId: string;
  reason: string;
  ip?: string | null;
}

export async function revealReporterPhone({ services, actor, caseId, reason, ip }: RevealReporterPhoneOptions) {
  const audit = { actor, action: "case.reporter-phone", objectType: "case", objectId: caseId, ip };
  if (!can(actor.roles, "pii:unmask")) {
    await recordAudit(services, { ...audit, outcome: "denied", detail: { reason } });
    throw new AppError("FORBIDDEN", { permission: "pii:unmask" });
  }
  const row = await scopeCases(services.db.selectFrom("cases").select(["id", "code", "reporter_phone"]), actor)
    .where("id", "=", caseId)
    .executeTakeFirst();
  if (!row) throw new AppError("CASE_NOT_FOUND");
  await recordAudit(services, { ...audit, outcome: "success", detail: { reason, code: row.code } });
  return { phone: row.reporter_phone };
}
