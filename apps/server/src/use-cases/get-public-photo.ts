// A photo for the public: a feedback photo of a case on the results wall, or a photo of the receipt
// holder's own report (their upload or the handling result). Anything else answers NOT_FOUND, the
// same as a photo that does not exist.
import { sql } from "kysely";
import { AppError } from "../errors.ts";
import { type ImageContent, type ImageSize, readImage } from "../media/read-image.ts";
import { caseIdOfReceipt } from "../public/find-by-receipt.ts";
import { onTheWall } from "../public/results-wall.ts";
import type { Services } from "../services.ts";

export type PublicPhotoScope = { wallCaseId: string } | { receipt: string };

export interface GetPublicPhotoOptions {
  services: Services;
  scope: PublicPhotoScope;
  attachmentId: string;
  size: ImageSize;
}

export async function getPublicPhoto({
  services,
  scope,
  attachmentId,
  size,
}: GetPublicPhotoOptions): Promise<ImageContent> {
  const { db } = services;
  let q = db
    .selectFrom("attachments")
    .innerJoin("cases", "cases.id", "attachments.case_id")
    .select(sql<number>`1`.as("ok"))
    .where("attachments.id", "=", attachmentId);
  if ("wallCaseId" in scope) {
    q = q.where("cases.id", "=", scope.wallCaseId).where("attachments.stage", "=", "feedback").where(onTheWall);
  } else {
    const caseId = await caseIdOfReceipt(db, scope.receipt);
    q = q.where("cases.id", "=", caseId).where("attachments.stage", "in", ["report", "feedback"]);
  }
  if (!(await q.executeTakeFirst())) throw new AppError("NOT_FOUND");
  return readImage(services, attachmentId, size);
}
