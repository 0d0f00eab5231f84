// A stored photo's bytes, original or thumbnail, ready to send. No access check here: callers decide
// first (the staff route by uploader or case scope, the public results wall by the case being public).
// Rows stored before media storage (006) have their bytes inline and no thumbnail: the original
// stands in for it.
import type { Readable } from "node:stream";
import { AppError } from "../errors.ts";
import type { Services } from "../services.ts";
import { THUMB_CONTENT_TYPE } from "./process-image.ts";

export type ImageSize = "original" | "thumb";

export interface ImageContent {
  id: string;
  contentType: string;
  /** bytes in `body` (for Content-Length) */
  size: number;
  /** a strong validator: the content's sha256 (plus the variant) */
  etag: string;
  body: Readable | Buffer;
  /** the case the photo is linked to, null while unlinked */
  caseId: string | null;
}

/** Reads attachment `attachmentId`; NOT_FOUND when there is no such photo or its object is gone. */
export async function readImage(services: Services, attachmentId: string, size: ImageSize): Promise<ImageContent> {
  const row = await services.db
    .selectFrom("attachments")
    .select(["id", "case_id", "content_type", "size", "sha256", "data", "storage_key", "thumb_key", "thumb_size"])
    .where("id", "=", attachmentId)
    .executeTakeFirst();
  if (!row) throw new AppError("NOT_FOUND");
  const base = { id: row.id, caseId: row.case_id };
  if (row.storage_key === null || row.thumb_key === null) {
    if (!row.data) throw new AppError("NOT_FOUND");
    return { ...base, contentType: row.content_type, size: row.data.length, etag: `"${row.sha256}"`, body: row.data };
  }
  const thumb = size === "thumb";
  const key = thumb ? row.thumb_key : row.storage_key;
  const body = await services.storage.stream(key);
  if (!body) {
    services.logger.error({ attachmentId, key }, "photo object missing from media storage");
    throw new AppError("NOT_FOUND");
  }
  return {
    ...base,
    contentType: thumb ? THUMB_CONTENT_TYPE : row.content_type,
    size: thumb ? (row.thumb_size ?? 0) : row.size,
    etag: thumb ? `"${row.sha256}-thumb"` : `"${row.sha256}"`,
    body,
  };
}
