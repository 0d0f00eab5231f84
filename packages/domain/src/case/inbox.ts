// The inbox (待办): which cases wait on the caller. Each step bucket is the cases on which the caller
// may take the bucket's action now — derived from the transition table, so the inbox and the actions
// offered on a case can never disagree. The server turns a bucket's rule into SQL; this module keeps
// the rule itself pure and testable (see inbox.test.ts, checked against availableActions).
import type { CaseAction, CaseStatus, Role } from "@civicgrid/shared";
import { type ActorFacts, type Relation, relationHolds, TRANSITIONS } from "./machine.ts";

export const INBOX_BUCKETS = [
  "toRegister",
  "toDispatch",
  "toAccept",
  "toHandle",
  "toVerify",
  "toEvaluate",
  "overdue",
  "supervised",
] as const;
export type InboxBucket = (typeof INBOX_BUCKETS)[number];

/** Work still running against the time limit: the SLA stops at feedback (handled). */
export const SLA_OPEN_STATUSES: readonly CaseStatus[] = [
  "reported",
  "registered",
  "dispatched",
  "accepted",
  "returned",
];

/**
 * The step buckets: the action owed, and the states in which the case waits for it. A state may be
 * narrower than the action's legal states: a dispatched case may be redispatched, but it waits on
 * the owner's acceptance, not on the centre.
 */
export const STEP_BUCKETS = {
  toRegister: { action: "register", statuses: ["reported"] },
  toDispatch: { action: "dispatch", statuses: ["registered", "returned"] },
  toAccept: { action: "accept", statuses: ["dispatched"] },
  toHandle: { action: "feedback", statuses: ["accepted"] },
  toVerify: { action: "verify", statuses: ["handled"] },
  toEvaluate: { action: "evaluate", statuses: ["closed"] },
} as const satisfies Record<string, { action: CaseAction; statuses: readonly CaseStatus[] }>;

export type StepBucket = keyof typeof STEP_BUCKETS;

/**
 * What puts a case in a bucket for an actor holding `roles`: the case is in one of `statuses`, and
 * the actor holds at least one of `relations` to it. `overdue` and `supervised` add a condition on
 * the case's timers (see `watch`). An empty `relations` means the bucket is always empty for them.
 * Rules say nothing about visibility: the server applies them on top of the caller's case scope (the
 * three administrators, who see no cases, always have an empty inbox).
 */
export interface BucketRule {
  statuses: readonly CaseStatus[];
  relations: readonly Relation[];
  /** overdue: past its due time; supervised: at least one 督办 note */
  watch: "overdue" | "supervised" | null;
  /** only cases closed within this many days (the call-back window of toEvaluate) */
  withinDays: number | null;
}

/**
 * Call-backs (回访) happen within days of closing: a closed case nobody rated after this window is no
 * longer owed an evaluation in the inbox (it can still be evaluated from the case page).
 */
export const EVALUATION_WINDOW_DAYS = 15;

export function isStepBucket(bucket: InboxBucket): bucket is StepBucket {
  return bucket in STEP_BUCKETS;
}

export function bucketRule(bucket: InboxBucket, roles: readonly Role[]): BucketRule {
  if (isStepBucket(bucket)) {
    const { action, statuses } = STEP_BUCKETS[bucket];
    const withinDays = bucket === "toEvaluate" ? EVALUATION_WINDOW_DAYS : null;
    return { statuses, relations: grantedRelations(action, roles), watch: null, withinDays };
  }
  if (roles.length === 0) return { statuses: SLA_OPEN_STATUSES, relations: [], watch: bucket, withinDays: null };
  // overdue: the owner, the coordinating centres, and anyone on site whose area holds the case
  // (stations, grid workers; the area of a centre) keep an eye on it; supervision notes concern the
  // owner and the coordinating centres
  const relations: Relation[] = bucket === "overdue" ? ["owner", "coordinator", "territory"] : ["owner", "coordinator"];
  return { statuses: SLA_OPEN_STATUSES, relations, watch: bucket, withinDays: null };
}

/** The relations under which `roles` are granted `action` (deduplicated, in table order). */
export function grantedRelations(action: CaseAction, roles: readonly Role[]): Relation[] {
  const relations = TRANSITIONS[action].grants
    .filter((g) => g.roles === "any" || roles.some((r) => (g.roles as readonly Role[]).includes(r)))
    .map((g) => g.relation);
  return [...new Set(relations)];
}

export interface BucketCase {
  status: CaseStatus;
  dueAt: Date | null;
  supervisionCount: number;
  /** when it was closed; toEvaluate only holds cases closed within the call-back window */
  closedAt?: Date | null;
}

/** Whether one case is in the actor's bucket: the rule above, evaluated in memory. */
export function isInBucket(bucket: InboxBucket, c: BucketCase, facts: ActorFacts, now: Date): boolean {
  const rule = bucketRule(bucket, facts.roles);
  if (!rule.statuses.includes(c.status)) return false;
  if (rule.watch === "overdue" && (c.dueAt === null || c.dueAt > now)) return false;
  if (rule.watch === "supervised" && c.supervisionCount <= 0) return false;
  if (
    rule.withinDays !== null &&
    !(c.closedAt && now.getTime() - c.closedAt.getTime() <= rule.withinDays * 86_400_000)
  ) {
    return false;
  }
  return rule.relations.some((r) => relationHolds(r, facts));
}
