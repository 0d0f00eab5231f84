// Checks that a case's event list is a path through the transition table: used by tests and by the
// crash/consistency checks, which replay every case's history after restarts.
import type { CaseStatus } from "@civicgrid/shared";
import { CASE_ACTIONS } from "@civicgrid/shared";
import { TRANSITIONS } from "./machine.ts";

export interface HistoryStep {
  action: string;
  fromStatus: CaseStatus | null;
  toStatus: CaseStatus;
}

/** Events that never change the state (system timers; the outcome told on a merged case). */
const SYSTEM_SELF = new Set(["warn", "overdue", "auto-escalate", "outcome"]);

/** Returns null when valid, else a description of the first invalid step. */
export function findInvalidStep(steps: readonly HistoryStep[]): string | null {
  let current: CaseStatus = "reported";
  for (const [i, step] of steps.entries()) {
    if (i === 0) {
      if (step.action !== "report" || step.fromStatus !== null || step.toStatus !== "reported") {
        return `step 0 must be report → reported, got ${step.action} → ${step.toStatus}`;
      }
      continue;
    }
    if (step.fromStatus !== current) return `step ${i} starts from ${step.fromStatus}, case was ${current}`;
    if (SYSTEM_SELF.has(step.action)) {
      if (step.toStatus !== current) return `step ${i}: ${step.action} must not change the state`;
      continue;
    }
    if (!(CASE_ACTIONS as readonly string[]).includes(step.action)) return `step ${i}: unknown action ${step.action}`;
    const rule = TRANSITIONS[step.action as keyof typeof TRANSITIONS];
    if (!rule.from.includes(current)) return `step ${i}: ${step.action} not allowed from ${current}`;
    if (!possibleTargets(step.action, current).includes(step.toStatus)) {
      return `step ${i}: ${step.action} cannot lead to ${step.toStatus}`;
    }
    current = step.toStatus;
  }
  return null;
}

/** The states an action can lead to from a given state. */
export function possibleTargets(action: string, from: CaseStatus): CaseStatus[] {
  switch (action) {
    case "register":
    case "escalate":
    case "assign":
    case "reopen":
      return ["registered"];
    case "reject":
      return ["rejected"];
    case "merge":
      return ["merged"];
    case "dispatch":
      return ["dispatched"];
    case "accept":
      return ["accepted"];
    case "return":
      return ["returned"];
    case "feedback":
      return ["handled"];
    case "verify":
      return ["closed", "accepted"];
    case "evaluate":
      return ["evaluated"];
    default:
      return [from]; // extend-request, extend-approve, supervise
  }
}
