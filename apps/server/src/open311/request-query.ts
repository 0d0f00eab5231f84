// The columns an Open311 request is made of: the case, its service (category), the Open311 side
// (media_url) and what explains a closed status (the merge target, the rejection reason).
// Reporter name, phone and e-mail are never selected here.
import { sql } from "kysely";
import type { Db } from "../db/connect.ts";

export function selectOpen311Requests(db: Db) {
  return db
    .selectFrom("cases as c")
    .innerJoin("categories as k", "k.code", "c.category_code")
    .leftJoin("open311_requests as o", "o.case_id", "c.id")
    .leftJoin("cases as m", "m.id", "c.merged_into_id")
    .select([
      "c.id",
      "c.code",
      "c.status",
      "c.description",
      "c.source",
      "c.category_code as service_code",
      "k.name as service_name",
      "c.owner_unit_code",
      "c.centre_unit_code",
      "c.limit_days",
      "c.reported_at",
      "c.updated_at",
      "c.closed_at",
      "c.due_at",
      "c.address_area",
      "c.community_code",
      "c.township_code",
      "c.district_code",
      "c.lat",
      "c.lng",
      "c.result_note",
      "o.media_url",
      "m.code as merged_into_code",
      sql<string | null>`case when c.status = 'rejected' then (
        select e.note from case_events e where e.case_id = c.id and e.action = 'reject' order by e.seq desc limit 1
      ) end`.as("reject_reason"),
    ]);
}

export type Open311RequestRow = Awaited<
  ReturnType<ReturnType<typeof selectOpen311Requests>["executeTakeFirstOrThrow"]>
>;
