import type { CaseStatus, Role } from "@civicgrid/shared";
import { CASE_STATUSES, ROLES } from "@civicgrid/shared";
import { describe, expect, it } from "vitest";
import {
  bucketRule,
  EVALUATION_WINDOW_DAYS,
  isInBucket,
  SLA_OPEN_STATUSES,
  STEP_BUCKETS,
  type StepBucket,
} from "./inbox.ts";
import { type ActorFacts, availableActions, type CaseSnapshot, TRANSITIONS } from "./machine.ts";

const now = new Date("2026-11-27T02:00:00Z");
const past = new Date("2026-11-26T02:00:00Z");
const future = new Date("2026-11-30T02:00:00Z");

// every single role, every pair of roles (accounts may hold several business roles), and no role
const ROLE_SETS: Role[][] = [
  [],
  ...ROLES.map((r) => [r]),
  ...ROLES.flatMap((a, i) => ROLES.slice(i + 1).map((b) => [a, b])),
];

/** All 16 combinations of the actor's relations to a case. */
function* allFacts(roles: Role[]): Generator<ActorFacts> {
  for (let bits = 0; bits < 16; bits++) {
    yield {
      roles,
      isCoordinator: (bits & 1) !== 0,
      isOwner: (bits & 2) !== 0,
      inTerritory: (bits & 4) !== 0,
      isReporter: (bits & 8) !== 0,
    };
  }
}

function snapshot(status: CaseStatus): CaseSnapshot {
  return {
    id: "case-1",
    status,
    ownerUnitCode: "unit-owner",
    dueAt: past,
    rating: null,
    reopenCount: 0,
    pendingExtension: null,
  };
}

const describeFacts = (f: ActorFacts) =>
  `[${f.roles.join(",")}] coord=${f.isCoordinator} owner=${f.isOwner} terr=${f.inTerritory} rep=${f.isReporter}`;

describe("step buckets mirror availableActions", () => {
  it("each bucket waits in states where its action is legal", () => {
    for (const { action, statuses } of Object.values(STEP_BUCKETS)) {
      for (const s of statuses) expect(TRANSITIONS[action].from).toContain(s);
    }
  });

  // Exhaustive: every role set × every state × every combination of relations. A case is in the
  // bucket exactly when it is in one of the bucket's states and its action is available to the actor.
  for (const bucket of Object.keys(STEP_BUCKETS) as StepBucket[]) {
    it(`${bucket}: in the bucket ⇔ ${STEP_BUCKETS[bucket].action} is available (in a waiting state)`, () => {
      const { action, statuses } = STEP_BUCKETS[bucket];
      let checked = 0;
      for (const roles of ROLE_SETS) {
        for (const facts of allFacts(roles)) {
          for (const status of CASE_STATUSES) {
            const expected =
              (statuses as readonly CaseStatus[]).includes(status) &&
              availableActions(snapshot(status), facts).includes(action);
            const c = { status, dueAt: past, supervisionCount: 0, closedAt: now };
            expect(isInBucket(bucket, c, facts, now), `${status} ${describeFacts(facts)}`).toBe(expected);
            checked++;
          }
        }
      }
      expect(checked).toBe(ROLE_SETS.length * 16 * CASE_STATUSES.length);
    });
  }

  it("a dispatched case waits on the owner, not in the centre's toDispatch", () => {
    const centre: ActorFacts = {
      roles: ["township_centre"],
      isCoordinator: true,
      isOwner: false,
      inTerritory: true,
      isReporter: false,
    };
    expect(availableActions(snapshot("dispatched"), centre)).toContain("dispatch");
    expect(isInBucket("toDispatch", { status: "dispatched", dueAt: null, supervisionCount: 0 }, centre, now)).toBe(
      false,
    );
  });

  it("hotline agents register and evaluate every case they may read; the reporter evaluates their own", () => {
    expect(bucketRule("toRegister", ["hotline_agent"]).relations).toEqual(["jurisdiction"]);
    expect(bucketRule("toEvaluate", ["hotline_agent"]).relations).toEqual(["jurisdiction", "reporter"]);
    expect(bucketRule("toEvaluate", ["grid_worker"]).relations).toEqual(["reporter"]);
    expect(bucketRule("toDispatch", ["grid_worker"]).relations).toEqual([]);
    expect(bucketRule("toVerify", ["community_station"]).relations).toEqual(["territory"]);
  });
});

describe("call-back window", () => {
  it("a closed case is owed an evaluation only within EVALUATION_WINDOW_DAYS of closing", () => {
    const centre = {
      roles: ["township_centre"] as Role[],
      isCoordinator: true,
      isOwner: false,
      inTerritory: false,
      isReporter: false,
    };
    const day = 86_400_000;
    const closedAgo = (days: number) => ({
      status: "closed" as const,
      dueAt: null,
      supervisionCount: 0,
      closedAt: new Date(now.getTime() - days * day),
    });
    expect(isInBucket("toEvaluate", closedAgo(1), centre, now)).toBe(true);
    expect(isInBucket("toEvaluate", closedAgo(EVALUATION_WINDOW_DAYS), centre, now)).toBe(true);
    expect(isInBucket("toEvaluate", closedAgo(EVALUATION_WINDOW_DAYS + 1), centre, now)).toBe(false);
    expect(isInBucket("toEvaluate", { status: "closed", dueAt: null, supervisionCount: 0 }, centre, now)).toBe(false);
  });
});

describe("watch buckets", () => {
  const owner: ActorFacts = {
    roles: ["department_handler"],
    isCoordinator: false,
    isOwner: true,
    inTerritory: false,
    isReporter: false,
  };
  const stranger: ActorFacts = { ...owner, isOwner: false };
  const onSite: ActorFacts = {
    roles: ["grid_worker"],
    isCoordinator: false,
    isOwner: false,
    inTerritory: true,
    isReporter: false,
  };

  it("overdue: open against the time limit, past due, owned, coordinated or on site", () => {
    for (const status of CASE_STATUSES) {
      const open = SLA_OPEN_STATUSES.includes(status);
      expect(isInBucket("overdue", { status, dueAt: past, supervisionCount: 0 }, owner, now)).toBe(open);
      expect(isInBucket("overdue", { status, dueAt: future, supervisionCount: 0 }, owner, now)).toBe(false);
      expect(isInBucket("overdue", { status, dueAt: null, supervisionCount: 0 }, owner, now)).toBe(false);
      expect(isInBucket("overdue", { status, dueAt: past, supervisionCount: 0 }, stranger, now)).toBe(false);
      expect(isInBucket("overdue", { status, dueAt: past, supervisionCount: 0 }, onSite, now)).toBe(open);
    }
    // due exactly now counts as overdue, like the case list's overdue filter
    expect(isInBucket("overdue", { status: "accepted", dueAt: now, supervisionCount: 0 }, owner, now)).toBe(true);
  });

  it("supervised: open, with a supervision note, owned or coordinated (on site alone is not enough)", () => {
    for (const status of CASE_STATUSES) {
      const open = SLA_OPEN_STATUSES.includes(status);
      expect(isInBucket("supervised", { status, dueAt: future, supervisionCount: 2 }, owner, now)).toBe(open);
      expect(isInBucket("supervised", { status, dueAt: future, supervisionCount: 0 }, owner, now)).toBe(false);
      expect(isInBucket("supervised", { status, dueAt: future, supervisionCount: 1 }, onSite, now)).toBe(false);
    }
  });

  it("an account without roles watches nothing", () => {
    for (const bucket of ["overdue", "supervised"] as const) expect(bucketRule(bucket, []).relations).toEqual([]);
  });
});
