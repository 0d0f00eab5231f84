// A citizen's photo, uploaded before the report that names it: only with a token this server issued,
// checked and re-encoded like every photo (type by content, no metadata, thumbnail).
import { type StoredImage, storeImage } from "../media/store-image.ts";
import { requirePublicToken } from "../public/public-token.ts";
import type { Services } from "../services.ts";

export interface UploadPublicPhotoOptions {
  services: Services;
  publicToken: string | undefined;
  /** reads the uploaded bytes; called only once the token checks out */
  readFile: () => Promise<Buffer>;
  idempotencyKey?: string;
}

export async function uploadPublicPhoto({
  services,
  publicToken,
  readFile,
  idempotencyKey,
}: UploadPublicPhotoOptions): Promise<StoredImage> {
  const token = await requirePublicToken(services, publicToken);
  const bytes = await readFile();
  return storeImage({ services, bytes, owner: { publicToken: token }, idempotencyKey });
}
