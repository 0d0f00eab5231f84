// 来电历史: the earlier cases of the person on the line, found by their phone as the reporter of a
// case or as a later "me too" caller, newest call first. A view of personal data: audited.
import { can } from "@civicgrid/domain";
import { sql } from "kysely";
import type { Actor } from "../access/actor.ts";
import { scopeCondition, scopeOf } from "../access/case-scope.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { AppError } from "../errors.ts";
import { phoneKey } from "../hotline/phone.ts";
import { maskPhone } from "../lib/mask.ts";
import type { Services } from "../services.ts";

export interface ListCallerCasesOptions {
  services: Services;
  actor: Actor;
  phone: string;
  page: number;
  pageSize: number;
  ip?: string | null;
}

export async function listCallerCases({ services, actor, phone, page, pageSize, ip }: ListCallerCasesOptions) {
  // the audit names the number masked: the audit log must not become a store of citizens' phones
  const audit = { actor, action: "hotline.caller-history", objectType: "phone", ip };
  const key = phoneKey(phone);
  if (!can(actor.roles, "pii:unmask")) {
    await recordAudit(services, { ...audit, outcome: "denied", detail: { phone: maskPhone(key) } });
    throw new AppError("FORBIDDEN", { permission: "pii:unmask" });
  }
  if (key.length < 5) throw new AppError("VALIDATION_FAILED", { field: "phone", problem: "at least 5 digits" });
  const { db } = services;
  // found by the keyed hash of the number (HMAC, index key): nothing is decrypted to search
  const hash = services.pii.phoneHash(key) as string;
  const calls = db
    .selectFrom("cases")
    .select(["id as case_id", "reported_at as at", sql<string>`'reporter'`.as("relation")])
    .where("reporter_phone_hash", "=", hash)
    .unionAll(
      db
        .selectFrom("case_callers")
        .select(["case_id", "at", sql<string>`'caller'`.as("relation")])
        .where("phone_hash", "=", hash),
    );
  const perCase = db
    .with("calls", () => calls)
    .with("per_case", (qc) =>
      qc
        .selectFrom("calls")
        .select([
          "case_id",
          sql<Date>`max(at)`.as("last_call_at"),
          sql<number>`count(*)::int`.as("call_count"),
          sql<boolean>`bool_or(relation = 'reporter')`.as("is_reporter"),
        ])
        .groupBy("case_id"),
    )
    .selectFrom("per_case")
    .innerJoin("cases", "cases.id", "per_case.case_id")
    .where(scopeCondition(scopeOf(actor)));
  const [rows, count] = await Promise.all([
    perCase
      .selectAll("cases")
      .select(["per_case.last_call_at", "per_case.call_count", "per_case.is_reporter"])
      .orderBy("per_case.last_call_at", "desc")
      .orderBy("cases.id")
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    perCase.select(sql<number>`count(*)::int`.as("n")).executeTakeFirstOrThrow(),
  ]);
  await recordAudit(services, { ...audit, outcome: "success", detail: { phone: maskPhone(key), total: count.n } });
  return { rows, total: count.n, page, pageSize };
}
