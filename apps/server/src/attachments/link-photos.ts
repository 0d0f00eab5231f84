// Links uploaded photos to a case inside the caller's transaction (report or feedback). A photo may
// be linked once, by the user who uploaded it; anything else is refused and rolls the step back.
import type { Db } from "../db/connect.ts";
import { AppError } from "../errors.ts";

/** The contract's cap on photos per report or feedback. */
export const MAX_PHOTOS = 9;

export interface LinkPhotosOptions {
  trx: Db;
  caseId: string;
  stage: "report" | "feedback";
  photoIds: readonly string[];
  /** the signed-in user; null (anonymous intake) owns no photos */
  userId: string | null;
  now: Date;
}

export async function linkPhotos({ trx, caseId, stage, photoIds, userId, now }: LinkPhotosOptions): Promise<void> {
  const ids = [...new Set(photoIds)];
  if (ids.length === 0) return;
  if (userId === null) throw new AppError("PHOTO_NOT_FOUND", { photoIds: ids });
  // the row lock taken by UPDATE makes a concurrent link of the same photo wait, then find it linked
  const linked = await trx
    .updateTable("attachments")
    .set({ case_id: caseId, stage, linked_at: now })
    .where("id", "in", ids)
    .where("uploaded_by", "=", userId)
    .where("case_id", "is", null)
    .returning("id")
    .execute();
  if (linked.length !== ids.length) {
    const found = new Set(linked.map((r) => r.id));
    throw new AppError("PHOTO_NOT_FOUND", { photoIds: ids.filter((id) => !found.has(id)) });
  }
}
