// The reporter's personal data in full (name, phone, ID number, exact address) for those who call
// back (hotline) or coordinate (centres), one case at a time, with a stated reason. The values are
// opened from their sealed columns; every reveal and every refused attempt is in the audit log.
import { can } from "@civicgrid/domain";
import type { Actor } from "../access/actor.ts";
import { scopeCases } from "../access/case-scope.ts";
import { type AuditEntry, recordAudit } from "../audit/record-audit.ts";
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
  const audit: RevealAudit = { actor, action: rule.action, objectType: "case", objectId: caseId, ip };
  const why = await guardReveal(services, audit, reason, rule.minReason);
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
  await recordReveal(services, audit, { reason: why, code: row.code }, revealed);
  return revealed;
}

/** Who revealed what: the audit entry shared by a reveal's refusal and its success. */
export type RevealAudit = Pick<AuditEntry, "action" | "objectType" | "objectId" | "ip"> & { actor: Actor };

/**
 * The checks before any personal data is opened: the pii:unmask right (a refusal is audited with its
 * reason) and a reason of at least `minReason` characters. Returns the trimmed reason.
 */
export async function guardReveal(services: Services, audit: RevealAudit, reason: string, minReason: number) {
  const why = reason.trim();
  if (!can(audit.actor.roles, "pii:unmask")) {
    await recordAudit(services, { ...audit, outcome: "denied", detail: { reason: why } });
    throw new AppError("FORBIDDEN", { permission: "pii:unmask" });
  }
  if ([...why].length < minReason) {
    throw new AppError("VALIDATION_FAILED", { field: "reason", problem: `at least ${minReason} characters` });
  }
  return why;
}

/**
 * The success record of a reveal: the reason and the names of the fields that had a value — never the
 * values. Nothing is disclosed without its record: a failed audit write fails the reveal.
 */
export async function recordReveal(
  services: Services,
  audit: RevealAudit,
  detail: Record<string, unknown>,
  revealed: Record<string, string | null>,
) {
  const fields = Object.entries(revealed)
    .filter(([, v]) => v !== null)
    .map(([k]) => k);
  await recordAudit(services, { ...audit, outcome: "success", failClosed: true, detail: { ...detail, fields } });
}

/** The older phone-only reveal (POST /cases/:id/reporter-phone, audited as such): the phone only. */
export async function revealReporterPhone(options: RevealReporterOptions) {
  const { phone } = await revealReporter(options, { action: "case.reporter-phone", minReason: 1 });
  return { phone };
}
