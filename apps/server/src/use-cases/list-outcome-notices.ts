// Who was (or is still to be) told the outcome of a case others were merged into: its notices, with
// the case each person reported on, the channel and where delivery stands — the hotline calls back
// the ones marked `callback`. Read in the caller's jurisdiction; masked phones only.
import { sql } from "kysely";
import type { Actor } from "../access/actor.ts";
import { scopeCases } from "../access/case-scope.ts";
import { AppError } from "../errors.ts";
import type { Services } from "../services.ts";

export interface ListOutcomeNoticesOptions {
  services: Services;
  actor: Actor;
  /** the survivor, or a merged case (then the notices about its own reporter and callers) */
  caseId: string;
  page: number;
  pageSize: number;
}

export async function listOutcomeNotices({ services, actor, caseId, page, pageSize }: ListOutcomeNoticesOptions) {
  const { db } = services;
  const found = await scopeCases(db.selectFrom("cases").select("id"), actor)
    .where("id", "=", caseId)
    .executeTakeFirst();
  if (!found) throw new AppError("CASE_NOT_FOUND");
  const qb = db
    .selectFrom("case_notices as n")
    .where((eb) => eb.or([eb("n.survivor_id", "=", caseId), eb("n.case_id", "=", caseId)]));
  const [rows, count] = await Promise.all([
    qb
      .innerJoin("cases as c", "c.id", "n.case_id")
      .leftJoin("case_callers as k", "k.id", "n.caller_id")
      .select([
        "n.id",
        "n.survivor_id",
        "n.case_id",
        "n.caller_id",
        "n.channel",
        "n.status",
        "n.created_at",
        "n.delivered_at",
        "c.code as case_code",
        sql<string | null>`case when n.caller_id is null then c.reporter_phone_masked else k.phone_masked end`.as(
          "phone_masked",
        ),
      ])
      .orderBy("n.id", "desc")
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    qb.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n), page, pageSize };
}
