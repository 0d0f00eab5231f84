// What a receipt holder may see of their report: the case, its events (the presenter keeps only the
// public steps) and its photos (their own report photos and the handling result's).
import type { CaseEventRow, CaseRow } from "../db/schema.ts";
import { caseOfReceipt } from "../public/find-by-receipt.ts";
import type { Services } from "../services.ts";

export interface TrackPublicReportOptions {
  services: Services;
  receipt: string;
}

export interface TrackedReport {
  row: CaseRow;
  events: CaseEventRow[];
  photos: { id: string; stage: "report" | "feedback" }[];
  categoryName: string | null;
  /** a merged report: the case it was handled under (the end of the merge chain) */
  survivor: CaseRow | null;
}

/** Merge chains are short (a merged case takes no more merges); the cap guards against a bad row. */
const MAX_CHAIN = 10;

export async function trackPublicReport({ services, receipt }: TrackPublicReportOptions): Promise<TrackedReport> {
  const { db } = services;
  const row = await caseOfReceipt(db, receipt);
  const [events, photos, category] = await Promise.all([
    db.selectFrom("case_events").selectAll().where("case_id", "=", row.id).orderBy("seq").execute(),
    db
      .selectFrom("attachments")
      .select(["id", "stage"])
      .where("case_id", "=", row.id)
      .where("stage", "in", ["report", "feedback"])
      .orderBy("created_at")
      .orderBy("id")
      .execute(),
    row.category_code
      ? db.selectFrom("categories").select("name").where("code", "=", row.category_code).executeTakeFirst()
      : undefined,
  ]);
  let survivor: CaseRow | null = null;
  for (let next = row.merged_into_id, i = 0; next && i < MAX_CHAIN; i++) {
    survivor = (await db.selectFrom("cases").selectAll().where("id", "=", next).executeTakeFirst()) ?? null;
    next = survivor?.status === "merged" ? survivor.merged_into_id : null;
  }
  return {
    row,
    events,
    photos: photos.map((p) => ({ id: p.id, stage: p.stage as "report" | "feedback" })),
    categoryName: category?.name ?? null,
    survivor,
  };
}
