// A staff photo upload: stored by storeImage (type by content, re-encoded without metadata,
// thumbnail) unlinked, owned by the uploader, until a report or a feedback names it.
import type { Actor } from "../access/actor.ts";
import { requirePermission } from "../access/require.ts";
import { type StoredImage, storeImage } from "../media/store-image.ts";
import type { Services } from "../services.ts";

export interface UploadAttachmentOptions {
  services: Services;
  actor: Actor;
  /** reads the uploaded bytes; called only once the caller may upload */
  readFile: () => Promise<Buffer>;
  /** the same key from the same user returns the same attachment (offline queues retry) */
  idempotencyKey?: string;
}

export async function uploadAttachment({
  services,
  actor,
  readFile,
  idempotencyKey,
}: UploadAttachmentOptions): Promise<StoredImage> {
  requirePermission(actor, "attachment:upload");
  const bytes = await readFile();
  return storeImage({ services, bytes, owner: { userId: actor.userId }, idempotencyKey });
}
