// The case lifecycle as data: which action may move a case from which state, who may take it, and
// what it changes. Pure: the server supplies facts about the actor and the case, applies the patch
// in one transaction and writes the event row.
import type { CaseAction, CaseStatus, ErrorCode, Rating, Role } from "@civicgrid/shared";
import { CENTRE_ROLES, TERMINAL_STATUSES } from "@civicgrid/shared";

/** How many times a case rated unsatisfied may be reopened. */
export const MAX_REOPENS = 1;

/** The actor's relation to this case, computed by the server from units and divisions. */
export interface ActorFacts {
  roles: readonly Role[];
  /** actor's unit is the case's coordinating centre, or a centre above it in the case's division chain */
  isCoordinator: boolean;
  /** actor's unit is the lead handling unit (主办) */
  isOwner: boolean;
  /** actor's unit's division contains the case location (stations and grid workers on site) */
  inTerritory: boolean;
  /** actor is the user who reported the case */
  isReporter: boolean;
}

export interface PendingExtension {
  until: string;
  reason: string;
  requestedBy: string;
  requestedAt: string;
}

export interface CaseSnapshot {
  id: string;
  status: CaseStatus;
  ownerUnitCode: string | null;
  dueAt: Date | null;
  rating: Rating | null;
  reopenCount: number;
  pendingExtension: PendingExtension | null;
}

/** Inputs after HTTP validation, with unit references resolved by the server. */
export type ActionInput =
  | { action: "register"; note?: string }
  | { action: "reject"; reason: string }
  | { action: "merge"; targetId: string; targetStatus: CaseStatus | null; note?: string }
  /** categoryCode: the dispatcher's (re)classification, checked by the server; the time limit stays */
  | { action: "dispatch"; unitCode: string; assistUnitCodes: string[]; note?: string; categoryCode?: string }
  | { action: "accept"; note?: string }
  | { action: "return"; reason: string; reasonCode?: string }
  /** targetCentreUnitCode: the centre one level above, resolved by the server; null when none */
  | { action: "escalate"; reason: string; targetCentreUnitCode: string | null }
  | { action: "assign"; unitCode: string; note?: string }
  | { action: "feedback"; note: string; photoIds: string[] }
  | { action: "verify"; pass: boolean; note: string }
  /** solved: the reporter's answer to "问题是否解决"; when not asked, anything but unsatisfied counts as solved */
  | { action: "evaluate"; rating: Rating; comment?: string; solved?: boolean }
  | { action: "reopen"; reason: string }
  | { action: "extend-request"; until: Date; reason: string; requestedBy: string; now: Date }
  | { action: "extend-approve"; approve: boolean; note?: string }
  | { action: "supervise"; note: string }
  | { action: "me-too"; note?: string }
  | { action: "resolve-direct"; answer: string };

/** What the transition changes. Undefined fields stay as they are. */
export interface CasePatch {
  status: CaseStatus;
  centreUnitCode?: string;
  ownerUnitCode?: string | null;
  assistUnitCodes?: string[];
  mergedIntoId?: string;
  rating?: Rating | null;
  /** the reporter's "was it solved" (解决率); null when the rating is withdrawn by a reopen */
  solved?: boolean | null;
  pendingExtension?: PendingExtension | null;
  dueAt?: Date;
  reworkDelta?: 1;
  returnDelta?: 1;
  reopenDelta?: 1;
  supervisionDelta?: 1;
  extensionDelta?: 1;
  meTooDelta?: 1;
  /** the case leaves the owner: clear acceptance and handling marks */
  resetHandling?: boolean;
}

export type Decision = { ok: true; patch: CasePatch } | { ok: false; code: ErrorCode };

/** The actor's relation to a case a grant needs (see ActorFacts; "jurisdiction": any case it may read). */
export type Relation = "coordinator" | "owner" | "territory" | "reporter" | "jurisdiction";

interface Rule {
  from: readonly CaseStatus[];
  /** a role and the relation it needs; any one grant suffices */
  grants: readonly { roles: readonly Role[] | "any"; relation: Relation }[];
}

const OPEN: readonly CaseStatus[] = ["reported", "registered", "dispatched", "accepted", "returned", "handled"];
const centres = { roles: CENTRE_ROLES, relation: "coordinator" } as const;
const owner = { roles: "any", relation: "owner" } as const;
const hotline = { roles: ["hotline_agent"], relation: "jurisdiction" } as const;

export const TRANSITIONS: Readonly<Record<CaseAction, Rule>> = {
  register: { from: ["reported"], grants: [centres, hotline] },
  reject: { from: ["reported"], grants: [centres, hotline] },
  // a case returned by its unit as a duplicate (RETURN_REASONS "duplicate") is merged from there
  merge: { from: ["reported", "registered", "returned"], grants: [centres, hotline] },
  dispatch: { from: ["registered", "returned", "dispatched"], grants: [centres] },
  accept: { from: ["dispatched"], grants: [owner] },
  return: { from: ["dispatched", "accepted"], grants: [owner] },
  escalate: { from: ["registered", "returned", "dispatched", "accepted"], grants: [centres, owner] },
  assign: {
    from: ["registered", "returned"],
    grants: [{ roles: ["city_centre", "district_centre"], relation: "coordinator" }],
  },
  feedback: { from: ["accepted"], grants: [owner] },
  verify: {
    from: ["handled"],
    grants: [centres, { roles: ["grid_worker", "community_station"], relation: "territory" }],
  },
  evaluate: { from: ["closed"], grants: [centres, hotline, { roles: "any", relation: "reporter" }] },
  reopen: { from: ["evaluated"], grants: [centres, hotline, { roles: "any", relation: "reporter" }] },
  "extend-request": { from: ["accepted"], grants: [owner] },
  "extend-approve": { from: ["dispatched", "accepted", "handled"], grants: [centres] },
  supervise: { from: OPEN, grants: [centres] },
  "me-too": { from: OPEN, grants: [centres, hotline] },
  "resolve-direct": { from: ["reported"], grants: [centres, hotline] },
};

/** Whether the actor stands in this relation to the case. */
export function relationHolds(relation: Relation, facts: ActorFacts): boolean {
  switch (relation) {
    case "coordinator":
      return facts.isCoordinator;
    case "owner":
      return facts.isOwner;
    case "territory":
      return facts.inTerritory;
    case "reporter":
      return facts.isReporter;
    case "jurisdiction":
      return true; // the server only shows a case to callers within their jurisdiction
  }
}

/** Roles that may ever take the action, whatever the case (for menus and 403 vs 409). */
export function roleMayEver(action: CaseAction, roles: readonly Role[]): boolean {
  return TRANSITIONS[action].grants.some(
    (g) => g.roles === "any" || roles.some((r) => (g.roles as readonly Role[]).includes(r)),
  );
}

function granted(action: CaseAction, facts: ActorFacts): boolean {
  return TRANSITIONS[action].grants.some(
    (g) =>
      (g.roles === "any" || facts.roles.some((r) => (g.roles as readonly Role[]).includes(r))) &&
      relationHolds(g.relation, facts),
  );
}

/** The actions this actor may take on the case now (ignores input guards). */
export function availableActions(snapshot: CaseSnapshot, facts: ActorFacts): CaseAction[] {
  return (Object.keys(TRANSITIONS) as CaseAction[]).filter(
    (a) => TRANSITIONS[a].from.includes(snapshot.status) && granted(a, facts) && stateGuard(snapshot, a) === null,
  );
}

/** Guards on the case itself beyond its status. */
function stateGuard(s: CaseSnapshot, action: CaseAction): ErrorCode | null {
  if (action === "reopen" && (s.rating !== "unsatisfied" || s.reopenCount >= MAX_REOPENS)) {
    return s.rating !== "unsatisfied" ? "ILLEGAL_TRANSITION" : "REOPEN_LIMIT_REACHED";
  }
  if (action === "extend-request" && s.pendingExtension) return "EXTENSION_PENDING";
  if (action === "extend-approve" && !s.pendingExtension) return "NO_EXTENSION_PENDING";
  return null;
}

const blank = (s: string | undefined) => !s || s.trim().length === 0;

/**
 * Decide a transition. Order of refusal: a role that may never take the action → 403; a state that
 * does not allow it → 409; a relation to the case that does not allow it → 403; bad input → 422.
 */
export function decide(s: CaseSnapshot, input: ActionInput, facts: ActorFacts): Decision {
  const refused = checkAllowed(s, input.action, facts);
  return refused ? { ok: false, code: refused } : apply(s, input);
}

/** The refusals that do not depend on the action's input; null when the actor may go ahead. */
export function checkAllowed(s: CaseSnapshot, action: CaseAction, facts: ActorFacts): ErrorCode | null {
  if (!roleMayEver(action, facts.roles)) return "ACTION_NOT_PERMITTED";
  if (!TRANSITIONS[action].from.includes(s.status)) return "ILLEGAL_TRANSITION";
  if (!granted(action, facts)) return "ACTION_NOT_PERMITTED";
  return stateGuard(s, action);
}

function apply(s: CaseSnapshot, input: ActionInput): Decision {
  const ok = (patch: CasePatch): Decision => ({ ok: true, patch });
  const fail = (code: ErrorCode): Decision => ({ ok: false, code });
  switch (input.action) {
    case "register":
      return ok({ status: "registered" });
    case "reject":
      return blank(input.reason) ? fail("REASON_REQUIRED") : ok({ status: "rejected" });
    case "merge":
      if (input.targetId === s.id || input.targetStatus === null || input.targetStatus === "merged") {
        return fail("INVALID_MERGE_TARGET");
      }
      if (TERMINAL_STATUSES.includes(input.targetStatus) || input.targetStatus === "rejected") {
        return fail("INVALID_MERGE_TARGET");
      }
      return ok({ status: "merged", mergedIntoId: input.targetId });
    case "dispatch":
      if (input.assistUnitCodes.includes(input.unitCode)) return fail("VALIDATION_FAILED");
      return ok({
        status: "dispatched",
        ownerUnitCode: input.unitCode,
        assistUnitCodes: input.assistUnitCodes,
        resetHandling: true,
      });
    case "accept":
      return ok({ status: "accepted" });
    case "return":
      return blank(input.reason)
        ? fail("REASON_REQUIRED")
        : ok({ status: "returned", ownerUnitCode: null, assistUnitCodes: [], returnDelta: 1, resetHandling: true });
    case "escalate":
      if (blank(input.reason)) return fail("REASON_REQUIRED");
      if (!input.targetCentreUnitCode) return fail("NO_LEVEL_ABOVE");
      return ok({
        status: "registered",
        centreUnitCode: input.targetCentreUnitCode,
        ownerUnitCode: null,
        assistUnitCodes: [],
        resetHandling: true,
      });
    case "assign":
      return ok({ status: "registered", centreUnitCode: input.unitCode });
    case "feedback":
      return blank(input.note) ? fail("NOTE_REQUIRED") : ok({ status: "handled" });
    case "verify":
      if (input.pass) return ok({ status: "closed" });
      return blank(input.note) ? fail("NOTE_REQUIRED") : ok({ status: "accepted", reworkDelta: 1 });
    case "evaluate":
      return ok({ status: "evaluated", rating: input.rating, solved: input.solved ?? input.rating !== "unsatisfied" });
    case "reopen":
      return blank(input.reason)
        ? fail("REASON_REQUIRED")
        : ok({
            status: "registered",
            reopenDelta: 1,
            ownerUnitCode: null,
            assistUnitCodes: [],
            resetHandling: true,
            solved: null,
          });
    case "extend-request":
      if (blank(input.reason)) return fail("REASON_REQUIRED");
      if (input.until <= (s.dueAt ?? input.now) || input.until <= input.now) return fail("INVALID_DEADLINE");
      return ok({
        status: s.status,
        pendingExtension: {
          until: input.until.toISOString(),
          reason: input.reason,
          requestedBy: input.requestedBy,
          requestedAt: input.now.toISOString(),
        },
      });
    case "extend-approve": {
      const pending = s.pendingExtension as PendingExtension;
      return input.approve
        ? ok({ status: s.status, pendingExtension: null, dueAt: new Date(pending.until), extensionDelta: 1 })
        : ok({ status: s.status, pendingExtension: null });
    }
    case "supervise":
      return blank(input.note) ? fail("NOTE_REQUIRED") : ok({ status: s.status, supervisionDelta: 1 });
    case "me-too":
      return ok({ status: s.status, meTooDelta: 1 });
    case "resolve-direct":
      return blank(input.answer) ? fail("NOTE_REQUIRED") : ok({ status: "closed" });
  }
}
