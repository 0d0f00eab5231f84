// The further callers of a case ("me too"), newest first, for those who may see reporter data; the
// presenter masks their phones like the reporter's.
import { can } from "@civicgrid/domain";
import { sql } from "kysely";
import type { Actor } from "../access/actor.ts";
import { scopeCases } from "../access/case-scope.ts";
import { AppError } from "../errors.ts";
import type { Services } from "../services.ts";

export interface ListCaseCallersOptions {
  services: Services;
  actor: Actor;
  caseId: string;
  page: number;
  pageSize: number;
}

export async function listCaseCallers({ services, actor, caseId, page, pageSize }: ListCaseCallersOptions) {
  if (!can(actor.roles, "pii:unmask")) throw new AppError("FORBIDDEN", { permission: "pii:unmask" });
  const { db } = services;
  const found = await scopeCases(db.selectFrom("cases").select("id"), actor)
    .where("id", "=", caseId)
    .executeTakeFirst();
  if (!found) throw new AppError("CASE_NOT_FOUND");
  const qb = db.selectFrom("case_callers").where("case_id", "=", caseId);
  const [rows, count] = await Promise.all([
    qb
      .leftJoin("users", "users.id", "case_callers.user_id")
      .select([
        "case_callers.id",
        "case_callers.name_masked",
        "case_callers.phone_masked",
        "case_callers.note",
        "case_callers.source",
        "case_callers.at",
        "case_callers.event_seq",
      ])
      .select("users.display_name as taken_by")
      .orderBy("case_callers.at", "desc")
      .orderBy("case_callers.id", "desc")
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    qb.select(sql<number>`count(*)::int`.as("n")).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: count.n, page, pageSize };
}
