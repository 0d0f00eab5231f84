// A "me too" caller's name and phone in full, one caller at a time, under the reporter reveal's rules
// (pii:unmask, a stated reason, the case in the caller's jurisdiction, audited without the values).
import type { Actor } from "../access/actor.ts";
import { scopeCases } from "../access/case-scope.ts";
import { AppError } from "../errors.ts";
import type { Services } from "../services.ts";
import { guardReveal, MIN_REVEAL_REASON, type RevealAudit, recordReveal } from "./reveal-reporter-phone.ts";

export interface RevealCaseCallerOptions {
  services: Services;
  actor: Actor;
  caseId: string;
  callerId: number;
  reason: string;
  ip?: string | null;
}

export async function revealCaseCaller({ services, actor, caseId, callerId, reason, ip }: RevealCaseCallerOptions) {
  const audit: RevealAudit = { actor, action: "case.caller-reveal", objectType: "case", objectId: caseId, ip };
  const why = await guardReveal(services, audit, reason, MIN_REVEAL_REASON);
  const found = await scopeCases(services.db.selectFrom("cases").select(["id", "code"]), actor)
    .where("id", "=", caseId)
    .executeTakeFirst();
  if (!found) throw new AppError("CASE_NOT_FOUND");
  // the caller must be one of this case's: another case's caller id is not found here
  const row = await services.db
    .selectFrom("case_callers")
    .select(["id", "name_enc", "phone_enc"])
    .where("case_id", "=", caseId)
    .where("id", "=", callerId)
    .executeTakeFirst();
  if (!row) throw new AppError("CALLER_NOT_FOUND", { callerId });
  const { pii } = services;
  const revealed = {
    name: pii.open("case_callers.name", row.name_enc),
    phone: pii.open("case_callers.phone", row.phone_enc),
  };
  await recordReveal(services, audit, { reason: why, code: found.code, callerId }, revealed);
  return revealed;
}
