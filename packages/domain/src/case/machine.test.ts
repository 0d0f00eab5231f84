import type { CaseAction, CaseStatus, Role } from "@civicgrid/shared";
import { CASE_ACTIONS, CASE_STATUSES, ROLES } from "@civicgrid/shared";
import { describe, expect, it } from "vitest";
import { findInvalidStep } from "./history.ts";
import {
  type ActionInput,
  type ActorFacts,
  availableActions,
  type CaseSnapshot,
  decide,
  MAX_REOPENS,
  roleMayEver,
} from "./machine.ts";

// The expected table, written out independently of the implementation: action → states it is legal in.
const LEGAL_FROM: Record<CaseAction, CaseStatus[]> = {
  register: ["reported"],
  reject: ["reported"],
  merge: ["reported", "registered", "returned"],
  dispatch: ["registered", "returned", "dispatched"],
  accept: ["dispatched"],
  return: ["dispatched", "accepted"],
  escalate: ["registered", "returned", "dispatched", "accepted"],
  assign: ["registered", "returned"],
  feedback: ["accepted"],
  verify: ["handled"],
  evaluate: ["closed"],
  reopen: ["evaluated"],
  "extend-request": ["accepted"],
  "extend-approve": ["dispatched", "accepted", "handled"],
  supervise: ["reported", "registered", "dispatched", "accepted", "returned", "handled"],
  "me-too": ["reported", "registered", "dispatched", "accepted", "returned", "handled"],
  "resolve-direct": ["reported"],
};

const EXPECTED_TARGET: Partial<Record<CaseAction, CaseStatus>> = {
  register: "registered",
  reject: "rejected",
  merge: "merged",
  dispatch: "dispatched",
  accept: "accepted",
  return: "returned",
  escalate: "registered",
  assign: "registered",
  feedback: "handled",
  evaluate: "evaluated",
  reopen: "registered",
  "resolve-direct": "closed",
};

const now = new Date("2026-11-27T02:00:00Z");

function snapshot(status: CaseStatus, extra: Partial<CaseSnapshot> = {}): CaseSnapshot {
  return {
    id: "case-1",
    status,
    ownerUnitCode: "unit-owner",
    dueAt: new Date("2026-12-01T02:00:00Z"),
    rating: status === "evaluated" ? "unsatisfied" : null,
    reopenCount: 0,
    pendingExtension: {
      until: "2026-12-05T02:00:00.000Z",
      reason: "material",
      requestedBy: "u",
      requestedAt: now.toISOString(),
    },
    ...extra,
  };
}

/** A case on which the action's own guards hold (an extension is pending only where approval needs one). */
const snapFor = (action: CaseAction, status: CaseStatus) =>
  snapshot(status, action === "extend-approve" ? {} : { pendingExtension: null });

function validInput(action: CaseAction): ActionInput {
  switch (action) {
    case "register":
    case "accept":
      return { action };
    case "reject":
    case "reopen":
      return { action, reason: "reason" };
    case "merge":
      return { action, targetId: "case-2", targetStatus: "registered" };
    case "dispatch":
      return { action, unitCode: "unit-x", assistUnitCodes: ["unit-y"] };
    case "return":
      return { action, reason: "not in our list" };
    case "escalate":
      return { action, reason: "beyond our means", targetCentreUnitCode: "centre-up" };
    case "assign":
      return { action, unitCode: "centre-down" };
    case "feedback":
      return { action, note: "fixed", photoIds: [] };
    case "verify":
      return { action, pass: true, note: "ok" };
    case "evaluate":
      return { action, rating: "satisfied" };
    case "extend-request":
      return { action, until: new Date("2026-12-10T02:00:00Z"), reason: "parts", requestedBy: "u", now };
    case "extend-approve":
      return { action, approve: true };
    case "supervise":
      return { action, note: "hurry" };
    case "me-too":
      return { action };
    case "resolve-direct":
      return { action, answer: "the office opens at 9" };
  }
}

const allFacts = (roles: Role[]): ActorFacts => ({
  roles,
  isCoordinator: true,
  isOwner: true,
  inTerritory: true,
  isReporter: true,
});

describe("transition table", () => {
  // Every action × every state, with an actor that holds every role and every relation: the only
  // refusals left are the state ones.
  for (const action of CASE_ACTIONS) {
    for (const status of CASE_STATUSES) {
      const legal = LEGAL_FROM[action].includes(status);
      it(`${action} from ${status} is ${legal ? "allowed" : "refused with 409"}`, () => {
        const d = decide(snapFor(action, status), validInput(action), allFacts([...ROLES]));
        if (legal) {
          expect(d.ok).toBe(true);
          if (d.ok) expect(d.patch.status).toBe(EXPECTED_TARGET[action] ?? (action === "verify" ? "closed" : status));
        } else {
          expect(d).toEqual({ ok: false, code: "ILLEGAL_TRANSITION" });
        }
      });
    }
  }
});

// Who may take each action, by role and the relation the role needs.
const WHO: Record<CaseAction, { roles: Role[] | "any"; relation: keyof Omit<ActorFacts, "roles"> | null }[]> = {
  register: [
    { roles: ["city_centre", "district_centre", "township_centre"], relation: "isCoordinator" },
    { roles: ["hotline_agent"], relation: null },
  ],
  reject: [
    { roles: ["city_centre", "district_centre", "township_centre"], relation: "isCoordinator" },
    { roles: ["hotline_agent"], relation: null },
  ],
  merge: [
    { roles: ["city_centre", "district_centre", "township_centre"], relation: "isCoordinator" },
    { roles: ["hotline_agent"], relation: null },
  ],
  dispatch: [{ roles: ["city_centre", "district_centre", "township_centre"], relation: "isCoordinator" }],
  accept: [{ roles: "any", relation: "isOwner" }],
  return: [{ roles: "any", relation: "isOwner" }],
  escalate: [
    { roles: ["city_centre", "district_centre", "township_centre"], relation: "isCoordinator" },
    { roles: "any", relation: "isOwner" },
  ],
  assign: [{ roles: ["city_centre", "district_centre"], relation: "isCoordinator" }],
  feedback: [{ roles: "any", relation: "isOwner" }],
  verify: [
    { roles: ["city_centre", "district_centre", "township_centre"], relation: "isCoordinator" },
    { roles: ["grid_worker", "community_station"], relation: "inTerritory" },
  ],
  evaluate: [
    { roles: ["city_centre", "district_centre", "township_centre"], relation: "isCoordinator" },
    { roles: ["hotline_agent"], relation: null },
    { roles: "any", relation: "isReporter" },
  ],
  reopen: [
    { roles: ["city_centre", "district_centre", "township_centre"], relation: "isCoordinator" },
    { roles: ["hotline_agent"], relation: null },
    { roles: "any", relation: "isReporter" },
  ],
  "extend-request": [{ roles: "any", relation: "isOwner" }],
  "extend-approve": [{ roles: ["city_centre", "district_centre", "township_centre"], relation: "isCoordinator" }],
  supervise: [{ roles: ["city_centre", "district_centre", "township_centre"], relation: "isCoordinator" }],
  "me-too": [
    { roles: ["city_centre", "district_centre", "township_centre"], relation: "isCoordinator" },
    { roles: ["hotline_agent"], relation: null },
  ],
  "resolve-direct": [
    { roles: ["city_centre", "district_centre", "township_centre"], relation: "isCoordinator" },
    { roles: ["hotline_agent"], relation: null },
  ],
};

const RELATIONS = ["isCoordinator", "isOwner", "inTerritory", "isReporter"] as const;

describe("who may act", () => {
  // Every action × every single role × every combination of relations (16).
  for (const action of CASE_ACTIONS) {
    for (const role of ROLES) {
      it(`${action} by ${role}`, () => {
        const from = LEGAL_FROM[action][0] as CaseStatus;
        for (let mask = 0; mask < 16; mask++) {
          const facts: ActorFacts = {
            roles: [role],
            isCoordinator: (mask & 1) > 0,
            isOwner: (mask & 2) > 0,
            inTerritory: (mask & 4) > 0,
            isReporter: (mask & 8) > 0,
          };
          const expected = WHO[action].some(
            (g) => (g.roles === "any" || g.roles.includes(role)) && (g.relation === null || facts[g.relation]),
          );
          const d = decide(snapFor(action, from), validInput(action), facts);
          expect(d.ok, `${action} ${role} ${RELATIONS.filter((_, i) => mask & (1 << i)).join(",")}`).toBe(expected);
          if (!expected) expect(d).toEqual({ ok: false, code: "ACTION_NOT_PERMITTED" });
          expect(availableActions(snapFor(action, from), facts).includes(action)).toBe(expected);
        }
      });
    }
  }

  it("roleMayEver matches the grants", () => {
    expect(roleMayEver("dispatch", ["grid_worker"])).toBe(false);
    expect(roleMayEver("accept", ["department_handler"])).toBe(true);
    expect(roleMayEver("supervise", ["leader"])).toBe(false);
  });

  it("a role that may never act gets 403 before the state is considered", () => {
    const d = decide(snapshot("closed"), validInput("dispatch"), allFacts(["leader"]));
    expect(d).toEqual({ ok: false, code: "ACTION_NOT_PERMITTED" });
  });
});

describe("guards", () => {
  const any = allFacts(["city_centre"]);
  it("reasons and notes are required", () => {
    expect(decide(snapshot("reported"), { action: "reject", reason: "  " }, any)).toMatchObject({
      code: "REASON_REQUIRED",
    });
    expect(decide(snapshot("dispatched"), { action: "return", reason: "" }, any)).toMatchObject({
      code: "REASON_REQUIRED",
    });
    expect(
      decide(snapshot("accepted"), { action: "escalate", reason: "", targetCentreUnitCode: "x" }, any),
    ).toMatchObject({ code: "REASON_REQUIRED" });
    expect(decide(snapshot("accepted"), { action: "feedback", note: " ", photoIds: [] }, any)).toMatchObject({
      code: "NOTE_REQUIRED",
    });
    expect(decide(snapshot("handled"), { action: "verify", pass: false, note: "" }, any)).toMatchObject({
      code: "NOTE_REQUIRED",
    });
    expect(decide(snapshot("registered"), { action: "supervise", note: "" }, any)).toMatchObject({
      code: "NOTE_REQUIRED",
    });
    expect(decide(snapshot("evaluated"), { action: "reopen", reason: "" }, any)).toMatchObject({
      code: "REASON_REQUIRED",
    });
    expect(decide(snapshot("reported"), { action: "resolve-direct", answer: "  " }, any)).toMatchObject({
      code: "NOTE_REQUIRED",
    });
  });

  it("me too counts another caller and leaves the state alone", () => {
    const d = decide(snapshot("dispatched"), { action: "me-too" }, any);
    expect(d).toEqual({ ok: true, patch: { status: "dispatched", meTooDelta: 1 } });
  });

  it("verify fail returns to accepted and counts rework; pass closes", () => {
    const fail = decide(snapshot("handled"), { action: "verify", pass: false, note: "still broken" }, any);
    expect(fail).toEqual({ ok: true, patch: { status: "accepted", reworkDelta: 1 } });
    const pass = decide(snapshot("handled"), { action: "verify", pass: true, note: "" }, any);
    expect(pass).toEqual({ ok: true, patch: { status: "closed" } });
  });

  it("return clears the owner and counts the return", () => {
    const d = decide(snapshot("dispatched"), { action: "return", reason: "not ours" }, any);
    expect(d).toMatchObject({ ok: true, patch: { status: "returned", ownerUnitCode: null, returnDelta: 1 } });
  });

  it("dispatch sets lead and assisting units; the lead cannot also assist", () => {
    const d = decide(snapshot("registered"), { action: "dispatch", unitCode: "a", assistUnitCodes: ["b", "c"] }, any);
    expect(d).toMatchObject({ ok: true, patch: { ownerUnitCode: "a", assistUnitCodes: ["b", "c"] } });
    const bad = decide(snapshot("registered"), { action: "dispatch", unitCode: "a", assistUnitCodes: ["a"] }, any);
    expect(bad).toEqual({ ok: false, code: "VALIDATION_FAILED" });
  });

  it("escalation needs a level above and moves the case to that centre", () => {
    const top = decide(snapshot("registered"), { action: "escalate", reason: "r", targetCentreUnitCode: null }, any);
    expect(top).toEqual({ ok: false, code: "NO_LEVEL_ABOVE" });
    const up = decide(snapshot("accepted"), { action: "escalate", reason: "r", targetCentreUnitCode: "up" }, any);
    expect(up).toMatchObject({ ok: true, patch: { status: "registered", centreUnitCode: "up", ownerUnitCode: null } });
  });

  it("merge needs another open case", () => {
    const m = (targetId: string, targetStatus: CaseStatus | null) =>
      decide(snapshot("registered"), { action: "merge", targetId, targetStatus }, any);
    expect(m("case-1", "registered")).toMatchObject({ code: "INVALID_MERGE_TARGET" });
    expect(m("case-2", null)).toMatchObject({ code: "INVALID_MERGE_TARGET" });
    for (const t of ["merged", "rejected", "closed", "evaluated"] as const) {
      expect(m("case-2", t)).toMatchObject({ code: "INVALID_MERGE_TARGET" });
    }
    expect(m("case-2", "accepted")).toEqual({ ok: true, patch: { status: "merged", mergedIntoId: "case-2" } });
  });

  it("reopen only after an unsatisfied rating, at most MAX_REOPENS times", () => {
    const r = { action: "reopen", reason: "still broken" } as const;
    expect(decide(snapshot("evaluated", { rating: "satisfied" }), r, any)).toMatchObject({
      code: "ILLEGAL_TRANSITION",
    });
    expect(decide(snapshot("evaluated", { reopenCount: MAX_REOPENS }), r, any)).toMatchObject({
      code: "REOPEN_LIMIT_REACHED",
    });
    expect(decide(snapshot("evaluated"), r, any)).toMatchObject({
      ok: true,
      patch: { status: "registered", reopenDelta: 1, solved: null },
    });
    expect(availableActions(snapshot("evaluated", { rating: "basically" }), any)).not.toContain("reopen");
  });

  it("evaluation records whether the problem was solved: the answer, else anything but unsatisfied", () => {
    const e = (rating: "satisfied" | "basically" | "unsatisfied", solved?: boolean) =>
      decide(snapshot("closed"), { action: "evaluate", rating, ...(solved === undefined ? {} : { solved }) }, any);
    expect(e("satisfied")).toEqual({ ok: true, patch: { status: "evaluated", rating: "satisfied", solved: true } });
    expect(e("basically")).toMatchObject({ patch: { solved: true } });
    expect(e("unsatisfied")).toMatchObject({ patch: { solved: false } });
    // the reporter's own answer wins: solved but unhappy with the manner, or content yet unsolved
    expect(e("unsatisfied", true)).toMatchObject({ patch: { rating: "unsatisfied", solved: true } });
    expect(e("basically", false)).toMatchObject({ patch: { rating: "basically", solved: false } });
  });

  it("extension: request once, with a later date; approval moves the deadline", () => {
    const s = snapshot("accepted", { pendingExtension: null });
    const req = (until: string) =>
      decide(s, { action: "extend-request", until: new Date(until), reason: "parts", requestedBy: "u", now }, any);
    expect(req("2026-11-30T00:00:00Z")).toMatchObject({ code: "INVALID_DEADLINE" });
    const ok = req("2026-12-10T00:00:00Z");
    expect(ok).toMatchObject({ ok: true, patch: { status: "accepted" } });
    expect(decide(snapshot("accepted"), validInput("extend-request"), any)).toMatchObject({
      code: "EXTENSION_PENDING",
    });
    expect(decide(s, { action: "extend-approve", approve: true }, any)).toMatchObject({
      code: "NO_EXTENSION_PENDING",
    });
    const approved = decide(snapshot("accepted"), { action: "extend-approve", approve: true }, any);
    expect(approved).toMatchObject({
      ok: true,
      patch: { pendingExtension: null, dueAt: new Date("2026-12-05T02:00:00Z"), extensionDelta: 1 },
    });
    const refused = decide(snapshot("accepted"), { action: "extend-approve", approve: false }, any);
    expect(refused).toEqual({ ok: true, patch: { status: "accepted", pendingExtension: null } });
  });
});

describe("history replay", () => {
  const step = (action: string, fromStatus: CaseStatus | null, toStatus: CaseStatus) => ({
    action,
    fromStatus,
    toStatus,
  });
  it("accepts the full loop with a return and a rework", () => {
    const path = [
      step("report", null, "reported"),
      step("register", "reported", "registered"),
      step("dispatch", "registered", "dispatched"),
      step("return", "dispatched", "returned"),
      step("dispatch", "returned", "dispatched"),
      step("accept", "dispatched", "accepted"),
      step("warn", "accepted", "accepted"),
      step("feedback", "accepted", "handled"),
      step("verify", "handled", "accepted"),
      step("feedback", "accepted", "handled"),
      step("verify", "handled", "closed"),
      step("evaluate", "closed", "evaluated"),
    ];
    expect(findInvalidStep(path)).toBeNull();
  });
  it("finds a broken link, an illegal step and a wrong target", () => {
    expect(findInvalidStep([step("register", null, "registered")])).toMatch(/step 0/);
    expect(findInvalidStep([step("report", null, "reported"), step("accept", "reported", "accepted")])).toMatch(
      /not allowed/,
    );
    expect(findInvalidStep([step("report", null, "reported"), step("register", "registered", "registered")])).toMatch(
      /starts from/,
    );
    expect(findInvalidStep([step("report", null, "reported"), step("register", "reported", "closed")])).toMatch(
      /cannot lead/,
    );
    expect(findInvalidStep([step("report", null, "reported"), step("warn", "reported", "closed")])).toMatch(
      /must not change/,
    );
  });
});
