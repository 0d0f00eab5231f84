// The worker's task lists: cases waiting for a check on site (核查, the inbox's toVerify bucket,
// oldest feedback first) and the worker's own reports that are still open (newest first). Both are
// within the caller's case scope, like every case query.
import { CASE_STATUSES, TERMINAL_STATUSES } from "@civicgrid/shared";
import { sql } from "kysely";
import type { Actor } from "../access/actor.ts";
import { bucketCondition } from "../access/case-relations.ts";
import { scopeCases } from "../access/case-scope.ts";
import { requirePermission } from "../access/require.ts";
import type { Services } from "../services.ts";

export const MOBILE_TASK_KINDS = ["verify", "mine"] as const;
export type MobileTaskKind = (typeof MOBILE_TASK_KINDS)[number];

export interface ListMobileTasksOptions {
  services: Services;
  actor: Actor;
  kind: MobileTaskKind;
  page: number;
  pageSize: number;
}

const OPEN_STATUSES = CASE_STATUSES.filter((s) => !TERMINAL_STATUSES.includes(s));

export async function listMobileTasks({ services, actor, kind, page, pageSize }: ListMobileTasksOptions) {
  requirePermission(actor, "mobile:use");
  const now = services.clock.now();
  const base = scopeCases(services.db.selectFrom("cases"), actor);
  const filtered =
    kind === "verify"
      ? base.where(bucketCondition(actor, "toVerify", now))
      : base.where("reported_by", "=", actor.userId).where("status", "in", OPEN_STATUSES);
  const ordered =
    kind === "verify"
      ? filtered.selectAll().orderBy("handled_at", (ob) => ob.asc().nullsLast())
      : filtered.selectAll().orderBy("reported_at", "desc");
  const [rows, count] = await Promise.all([
    ordered
      .orderBy("id")
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    filtered.select(sql<number>`count(*)::int`.as("n")).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: count.n, page, pageSize };
}
