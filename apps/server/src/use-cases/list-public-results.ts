// The results wall: recently closed cases, newest first, paged — only the columns the wall shows
// (category, divisions, result, rating, feedback photos), never the reporter or the point.
import { sql } from "kysely";
import { onTheWall } from "../public/results-wall.ts";
import type { Services } from "../services.ts";

export const MAX_WALL_PAGE_SIZE = 50;

export interface ListPublicResultsOptions {
  services: Services;
  page: number;
  pageSize: number;
}

export interface WallRow {
  id: string;
  category_name: string | null;
  district_code: string;
  township_code: string;
  community_code: string;
  result_note: string;
  closed_at: Date | null;
  rating: string | null;
  photoIds: string[];
}

export async function listPublicResults({ services, page, pageSize }: ListPublicResultsOptions) {
  const { db } = services;
  const size = Math.min(pageSize, MAX_WALL_PAGE_SIZE);
  const base = db.selectFrom("cases").where(onTheWall);
  const [rows, count] = await Promise.all([
    base
      .leftJoin("categories", "categories.code", "cases.category_code")
      .select([
        "cases.id",
        "categories.name as category_name",
        "cases.district_code",
        "cases.township_code",
        "cases.community_code",
        "cases.result_note",
        "cases.closed_at",
        "cases.rating",
      ])
      .orderBy("cases.closed_at", "desc")
      .orderBy("cases.id")
      .limit(size)
      .offset((page - 1) * size)
      .execute(),
    base.select(sql<number>`count(*)::int`.as("n")).executeTakeFirstOrThrow(),
  ]);
  const ids = rows.map((r) => r.id);
  const photos =
    ids.length === 0
      ? []
      : await db
          .selectFrom("attachments")
          .select(["id", "case_id"])
          .where("case_id", "in", ids)
          .where("stage", "=", "feedback")
          .orderBy("created_at")
          .orderBy("id")
          .execute();
  const items: WallRow[] = rows.map((r) => ({
    ...r,
    result_note: r.result_note ?? "",
    photoIds: photos.filter((p) => p.case_id === r.id).map((p) => p.id),
  }));
  return { items, total: count.n, page, pageSize: size };
}
