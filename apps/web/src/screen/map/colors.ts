// Colours of the case states on the dark map, shared by the points, the legend and the ticker.
import type { CaseStatus } from "@civicgrid/shared";

export const OVERDUE_COLOR = "#ff4d4f";

const STATUS_COLORS: Record<CaseStatus, string> = {
  reported: "#9fb3d1",
  registered: "#40a9ff",
  dispatched: "#2f7bff",
  accepted: "#faad14",
  returned: "#d46bff",
  handled: "#13c2c2",
  closed: "#52c41a",
  evaluated: "#52c41a",
  rejected: "#5c6b80",
  merged: "#5c6b80",
};

/** An open case past its deadline is red whatever its state: that is what a leader looks for. */
export function caseColor(status: CaseStatus, overdue: boolean): string {
  const open = !["closed", "evaluated", "rejected", "merged"].includes(status);
  return open && overdue ? OVERDUE_COLOR : STATUS_COLORS[status];
}

/** The legend's groups, in the order a case moves. */
export const LEGEND: {
  key: "reported" | "registered" | "dispatched" | "accepted" | "handled" | "closed";
  color: string;
}[] = [
  { key: "reported", color: STATUS_COLORS.reported },
  { key: "registered", color: STATUS_COLORS.registered },
  { key: "dispatched", color: STATUS_COLORS.dispatched },
  { key: "accepted", color: STATUS_COLORS.accepted },
  { key: "handled", color: STATUS_COLORS.handled },
  { key: "closed", color: STATUS_COLORS.closed },
];
