// Links uploaded photos to a case inside the caller's transaction (report or feedback). A photo may
// be linked once, by its owner — the staff user who uploaded it, or the anonymous citizen holding the
// upload token — anything else is refused and rolls the step back.
import type { Db } from "../db/connect.ts";
import { AppError } from "../errors.ts";
import { hashPublicToken } from "../media/owner.ts";

/** The contract's cap on photos per report or feedback. */
export const MAX_PHOTOS = 9;

export interface LinkPhotosOptions {
  trx: Db;
  caseId: string;
  stage: "report" | "feedback" | "verify";
  photoIds: readonly string[];
  /** the signed-in user; null for anonymous intake */
  userId: string | null;
  /** anonymous intake (citizen portal): the token the photos were uploaded with; ignored when userId is set */
  publicToken?: string;
  now: Date;
}

export async function linkPhotos({
  trx,
  caseId,
  stage,
  photoIds,
  userId,
  publicToken,
  now,
}: LinkPhotosOptions): Promise<void> {
  const ids = [...new Set(photoIds)];
  if (ids.length === 0) return;
  if (ids.length > MAX_PHOTOS) throw new AppError("VALIDATION_FAILED", { field: "photoIds", max: MAX_PHOTOS });
  if (userId === null && !publicToken) throw new AppError("PHOTO_NOT_FOUND", { photoIds: ids });
  // the row lock taken by UPDATE makes a concurrent link of the same photo wait, then find it linked
  let update = trx
    .updateTable("attachments")
    .set({ case_id: caseId, stage, linked_at: now })
    .where("id", "in", ids)
    .where("case_id", "is", null);
  update =
    userId !== null
      ? update.where("uploaded_by", "=", userId)
      : update.where("public_owner", "=", hashPublicToken(publicToken as string));
  const linked = await update.returning("id").execute();
  if (linked.length !== ids.length) {
    const found = new Set(linked.map((r) => r.id));
    throw new AppError("PHOTO_NOT_FOUND", { photoIds: ids.filter((id) => !found.has(id)) });
  }
}
