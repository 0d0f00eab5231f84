// A photo upload: the type is decided by the bytes, JPEG metadata (EXIF with GPS, XMP, IPTC) is
// removed, and the image is stored unlinked, owned by the uploader, until a report or a feedback
// names it.
import { createHash } from "node:crypto";
import type { Actor } from "../access/actor.ts";
import { requirePermission } from "../access/require.ts";
import { sniffImage } from "../attachments/sniff-image.ts";
import { InvalidJpegError, stripJpegMetadata } from "../attachments/strip-jpeg-metadata.ts";
import { AppError } from "../errors.ts";
import type { Services } from "../services.ts";

export const ACCEPTED_IMAGE_TYPES = ["image/jpeg", "image/png", "image/webp"] as const;

export interface UploadAttachmentOptions {
  services: Services;
  actor: Actor;
  /** reads the uploaded bytes; called only once the caller may upload */
  readFile: () => Promise<Buffer>;
}

export async function uploadAttachment({ services, actor, readFile }: UploadAttachmentOptions) {
  requirePermission(actor, "attachment:upload");
  const received = await readFile();
  const contentType = sniffImage(received);
  if (!contentType) throw new AppError("UNSUPPORTED_MEDIA_TYPE", { accepted: ACCEPTED_IMAGE_TYPES });
  const data = contentType === "image/jpeg" ? withoutJpegMetadata(received) : received;
  return services.db
    .insertInto("attachments")
    .values({
      uploaded_by: actor.userId,
      content_type: contentType,
      size: data.length,
      sha256: createHash("sha256").update(data).digest("hex"),
      data,
      created_at: services.clock.now(),
    })
    .returning(["id", "content_type", "size", "created_at"])
    .executeTakeFirstOrThrow();
}

function withoutJpegMetadata(bytes: Buffer): Buffer {
  try {
    return stripJpegMetadata(bytes);
  } catch (err) {
    // starts like a JPEG but its segments do not hold together: not an image we can clean, so refuse it
    if (err instanceof InvalidJpegError) {
      throw new AppError("UNSUPPORTED_MEDIA_TYPE", { accepted: ACCEPTED_IMAGE_TYPES, problem: err.message });
    }
    throw err;
  }
}
