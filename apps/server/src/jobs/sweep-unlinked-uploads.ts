// Removes uploads that no report or feedback linked within a day (abandoned forms, failed offline
// sends): the row and its stored objects. Batched with SKIP LOCKED; each batch deletes its objects
// while holding the rows' locks and only then the rows, so a row never points at a deleted object and
// a concurrent link of the same photo waits, then finds it gone. Idempotent: a missing object is fine.
import type { Services } from "../services.ts";

/** How long an upload may stay unlinked. */
export const UNLINKED_UPLOAD_TTL_MS = 24 * 60 * 60 * 1000;

export interface SweepUnlinkedUploadsOptions {
  services: Services;
  batchSize?: number;
}

export async function sweepUnlinkedUploads({
  services,
  batchSize = 100,
}: SweepUnlinkedUploadsOptions): Promise<{ deleted: number }> {
  const { db, storage, clock } = services;
  const cutoff = new Date(clock.now().getTime() - UNLINKED_UPLOAD_TTL_MS);
  let deleted = 0;
  for (;;) {
    const n = await db.transaction().execute(async (trx) => {
      const rows = await trx
        .selectFrom("attachments")
        .select(["id", "storage_key", "thumb_key"])
        .where("case_id", "is", null)
        .where("created_at", "<", cutoff)
        .orderBy("created_at")
        .limit(batchSize)
        .forUpdate()
        .skipLocked()
        .execute();
      if (rows.length === 0) return 0;
      const keys = rows.flatMap((r) => [r.storage_key, r.thumb_key]).filter((k): k is string => k !== null);
      // a failed delete throws: the transaction rolls back and the next sweep tries again
      for (let i = 0; i < keys.length; i += 10) {
        await Promise.all(keys.slice(i, i + 10).map((key) => storage.delete(key)));
      }
      await trx
        .deleteFrom("attachments")
        .where(
          "id",
          "in",
          rows.map((r) => r.id),
        )
        .execute();
      return rows.length;
    });
    deleted += n;
    if (n < batchSize) break;
  }
  return { deleted };
}
