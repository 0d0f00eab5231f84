// The reporter's personal data in full (name, phone, ID number, exact address) for those who call
// back (hotline) or coordinate (centres), one case at a time, with a stated reason. The values are
// opened from their sealed columns; every reveal and every refused attempt is in the audit log.
import { can } from "@civicgrid/domain";
import type { Actor } from "../access/actor.ts";
import { scopeCases } from "../access/case-scope.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { AppError } from "../errors.ts";
import type { Services } from "../services.ts";

export interface RevealReporterOptions {
  services: Services;
  actor: Actor;
  caseId: string;
  reason: string;
  ip?: string | null;
}

/** Reasons shorter than this say nothing ("ok", "看看"): refused. */
export const MIN_REVEAL_REASON = 4;

export async function revealReporter(
  { services, actor, caseId, reason, ip }: RevealReporterOptions,
  rule = { action: "case.reporter-reveal", minReason: MIN_REVEAL_REASON },
) {
  const audit = { actor, action: rule.action, objectType: "case", objectId: caseId, ip };
  const why = reason.trim();
  if (!can(actor.roles, "pii:unmask")) {
    await recordAudit(services, { ...audit, outcome: "denied", detail: { reason: why } });
    throw new AppError("FORBIDDEN", { permission: "pii:unmask" });
  }
  if ([...why].length < rule.minReason) {
    throw new AppError("VALIDATION_FAILED", { field: "reason", problem: `at least ${rule.minReason} characters` });
  }
  const row = await scopeCases(
    services.db
      .selectFrom("cases")
      .select(["id", "code", "reporter_name_enc", "reporter_phone_enc", "reporter_id_number_enc", "address_enc"]),
    actor,
  )
    .where("id", "=", caseId)
    .executeTakeFirst();
  if (!row) throw new AppError("CASE_NOT_FOUND");
  const { pii } = services;
  const revealed = {
    name: pii.open("cases.reporter_name", row.reporter_name_enc),
    phone: pii.open("cases.reporter_phone", row.reporter_phone_enc),
    idNumber: pii.open("cases.reporter_id_number", row.reporter_id_number_enc),
    address: pii.open("cases.address", row.address_enc),
  };
  const fields = Object.entries(revealed)
    .filter(([, v]) => v !== null)
    .map(([k]) => k);
  // nothing is disclosed without its record: a failed audit write fails the reveal
  await recordAudit(services, {
    ...audit,
    outcome: "success",
    failClosed: true,
    detail: { reason: why, code: row.code, fields },
  });
  return revealed;
}

/** The older phone-only reveal (POST /cases/:id/reporter-phone, audited as such): the phone only. */
export async function revealReporterPhone(options: RevealReporterOptions) {
  const { phone } = await revealReporter(options, { action: "case.reporter-phone", minReason: 1 });
  return { phone };
}
