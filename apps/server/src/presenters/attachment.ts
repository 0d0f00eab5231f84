// The public shape of photos: where to fetch them (original and thumbnail), never the bytes inline.
import type { StoredImage } from "../media/store-image.ts";

const urlOf = (id: string) => `/api/v1/attachments/${id}`;
const thumbnailUrlOf = (id: string) => `/api/v1/attachments/${id}?size=thumb`;

export function presentAttachment(image: StoredImage) {
  return {
    id: image.id,
    contentType: image.contentType,
    size: image.size,
    width: image.width,
    height: image.height,
    url: urlOf(image.id),
    thumbnailUrl: thumbnailUrlOf(image.id),
  };
}

export function presentPhoto(row: { id: string; stage: string | null; created_at: Date }) {
  return {
    id: row.id,
    url: urlOf(row.id),
    thumbnailUrl: thumbnailUrlOf(row.id),
    stage: row.stage,
    uploadedAt: row.created_at.toISOString(),
  };
}
