// The public shape of photos: where to fetch them, never the bytes inline.

const urlOf = (id: string) => `/api/v1/attachments/${id}`;

export function presentAttachment(row: { id: string; content_type: string; size: number }) {
  return { id: row.id, contentType: row.content_type, size: row.size, url: urlOf(row.id) };
}

export function presentPhoto(row: { id: string; stage: string | null; created_at: Date }) {
  return { id: row.id, url: urlOf(row.id), stage: row.stage, uploadedAt: row.created_at.toISOString() };
}
