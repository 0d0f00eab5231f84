// The citizen as the case's reporter, for the domain's transition table: no staff role, no unit, only
// the reporter relation (proved by holding the receipt code).
import type { ActorFacts } from "@civicgrid/domain";
import type { CaseStatus } from "@civicgrid/shared";

/** actor_role written on the events a citizen causes */
export const CITIZEN_ROLE = "citizen";

export const CITIZEN_FACTS: ActorFacts = {
  roles: [],
  isCoordinator: false,
  isOwner: false,
  inTerritory: false,
  isReporter: true,
};

/** The status a citizen sees, in their words (the portal translates the key). */
export type PublicStatus =
  | "received"
  | "registered"
  | "handling"
  | "verifying"
  | "closed"
  | "evaluated"
  | "rejected"
  | "merged";

export const PUBLIC_STATUS: Record<CaseStatus, PublicStatus> = {
  reported: "received",
  registered: "registered",
  returned: "registered",
  dispatched: "handling",
  accepted: "handling",
  handled: "verifying",
  closed: "closed",
  evaluated: "evaluated",
  rejected: "rejected",
  merged: "merged",
};
