// Stores one uploaded photo: type decided by its bytes, re-encoded without metadata, thumbnail made,
// both objects written to media storage, then one unlinked `attachments` row owned by the uploader (a
// staff user or an anonymous citizen's token) until a report or a feedback links it. The same
// Idempotency-Key from the same owner returns the same attachment, so an offline queue may retry.
import { createHash, randomUUID } from "node:crypto";
import { sql } from "kysely";
import { sniffImage } from "../attachments/sniff-image.ts";
import { AppError } from "../errors.ts";
import type { Services } from "../services.ts";
import { type MediaOwner, ownerColumns } from "./owner.ts";
import { processImage } from "./process-image.ts";

export const ACCEPTED_IMAGE_TYPES = ["image/jpeg", "image/png", "image/webp"] as const;

const EXTENSION: Record<string, string> = { "image/jpeg": "jpg", "image/png": "png", "image/webp": "webp" };
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{8,128}$/;

export interface StoreImageOptions {
  services: Services;
  bytes: Buffer;
  owner: MediaOwner;
  idempotencyKey?: string;
}

export interface StoredImage {
  id: string;
  contentType: string;
  size: number;
  width: number;
  height: number;
  createdAt: Date;
}

export async function storeImage({ services, bytes, owner, idempotencyKey }: StoreImageOptions): Promise<StoredImage> {
  const { db, storage, clock, logger } = services;
  if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY.test(idempotencyKey)) {
    throw new AppError("VALIDATION_FAILED", { field: "Idempotency-Key", problem: "8–128 printable ASCII characters" });
  }
  const owners = ownerColumns(owner);
  const sourceSha256 = sha256(bytes);
  if (idempotencyKey) {
    const replay = await findReplay(services, owners, idempotencyKey, sourceSha256);
    if (replay) return replay;
  }

  const type = sniffImage(bytes);
  if (!type) throw new AppError("UNSUPPORTED_MEDIA_TYPE", { accepted: ACCEPTED_IMAGE_TYPES });
  const { original, thumb } = await processImage(bytes, type);

  const id = randomUUID();
  const now = clock.now();
  const folder = `photos/${now.getUTCFullYear()}/${String(now.getUTCMonth() + 1).padStart(2, "0")}`;
  const storageKey = `${folder}/${id}.${EXTENSION[type]}`;
  const thumbKey = `${folder}/${id}.thumb.webp`;
  // objects first, row second: a row never points at bytes that are not there. If the row cannot be
  // written the objects are removed again.
  await storage.put(storageKey, original.bytes, original.contentType);
  try {
    await storage.put(thumbKey, thumb.bytes, thumb.contentType);
    const row = await db
      .insertInto("attachments")
      .values({
        id,
        ...owners,
        content_type: original.contentType,
        size: original.bytes.length,
        sha256: sha256(original.bytes),
        data: null,
        storage_key: storageKey,
        thumb_key: thumbKey,
        thumb_size: thumb.bytes.length,
        width: original.width,
        height: original.height,
        source_sha256: sourceSha256,
        idempotency_key: idempotencyKey ?? null,
        created_at: now,
      })
      .returning(["id", "content_type", "size", "width", "height", "created_at"])
      .executeTakeFirstOrThrow();
    return toStored(row);
  } catch (err) {
    await Promise.all([storage.delete(storageKey), storage.delete(thumbKey)]).catch((cleanupErr) =>
      logger.warn({ err: cleanupErr, storageKey }, "could not remove the objects of a failed upload"),
    );
    // a concurrent retry with the same key won the insert: answer with its attachment
    if (idempotencyKey && (err as { code?: string }).code === "23505") {
      const replay = await findReplay(services, owners, idempotencyKey, sourceSha256);
      if (replay) return replay;
    }
    throw err;
  }
}

async function findReplay(
  { db }: Services,
  owners: { uploaded_by: string | null; public_owner: string | null },
  key: string,
  sourceSha256: string,
): Promise<StoredImage | null> {
  const row = await db
    .selectFrom("attachments")
    .select(["id", "content_type", "size", "width", "height", "created_at", "source_sha256"])
    // the expression of the unique index attachments_idempotency
    .where(sql<string>`coalesce(uploaded_by::text, public_owner)`, "=", owners.uploaded_by ?? owners.public_owner)
    .where("idempotency_key", "=", key)
    .executeTakeFirst();
  if (!row) return null;
  // the same key with another file is a client bug, not a retry
  if (row.source_sha256 !== sourceSha256) throw new AppError("IDEMPOTENCY_KEY_REUSED");
  return toStored(row);
}

function toStored(row: {
  id: string;
  content_type: string;
  size: number;
  width: number | null;
  height: number | null;
  created_at: Date;
}): StoredImage {
  return {
    id: row.id,
    contentType: row.content_type,
    size: row.size,
    width: row.width ?? 0,
    height: row.height ?? 0,
    createdAt: row.created_at,
  };
}

function sha256(bytes: Buffer): string {
  return createHash("sha256").update(bytes).digest("hex");
}
