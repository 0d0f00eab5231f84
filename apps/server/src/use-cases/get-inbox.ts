// The inbox (待办): how many of the caller's cases wait in each bucket. One scan of the caller's
// cases with one filtered count per bucket, so the numbers are consistent with each other.
import { bucketRule, INBOX_BUCKETS, type InboxBucket } from "@civicgrid/domain";
import type { Actor } from "../access/actor.ts";
import { bucketCondition } from "../access/case-relations.ts";
import { scopeCases } from "../access/case-scope.ts";
import type { Services } from "../services.ts";

export interface GetInboxOptions {
  services: Services;
  actor: Actor;
}

export async function getInbox({ services, actor }: GetInboxOptions) {
  const now = services.clock.now();
  // finished cases (most of a year's history) wait on nobody: skip them by the status index
  const waiting = [...new Set(INBOX_BUCKETS.flatMap((b) => bucketRule(b, actor.roles).statuses))];
  const row = await scopeCases(services.db.selectFrom("cases"), actor)
    .where("status", "in", waiting)
    .select((eb) =>
      INBOX_BUCKETS.map((bucket) =>
        eb.fn
          .countAll<string>()
          .filterWhere(bucketCondition(actor, bucket, now))
          .as(bucket),
      ),
    )
    .executeTakeFirstOrThrow();
  const counts = row as Record<InboxBucket, string | number>;
  return { buckets: INBOX_BUCKETS.map((key) => ({ key, count: Number(counts[key]) })) };
}
