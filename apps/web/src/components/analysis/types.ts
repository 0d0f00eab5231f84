// Shapes of the analysis API (apps/server/src/routes/analysis-schemas.ts).
import type { CommonProblemsMonth } from "@civicgrid/shared";
export type AlertKind = "hotspot" | "trend";
export type AlertStatus = "open" | "acknowledged" | "tasked" | "dismissed";

export interface Alert {
  id: string;
  kind: AlertKind;
  level: string;
  code: string;
  placeName: string;
  communityCode: string | null;
  districtCode: string | null;
  location: { lat: number; lng: number } | null;
  category: { code: string; name: string; level: "category" | "class"; classCode: string | null };
  window: { days: number; from: string; to: string };
  observed: number;
  expected: number;
  ratio: number | null;
  pValue: number;
  qValue: number | null;
  score: number;
  peakScore: number;
  method: "poisson" | "seasonal" | "recent";
  status: AlertStatus;
  active: boolean;
  firstSeenAt: string;
  lastSeenAt: string;
  endedAt: string | null;
  statusChangedAt: string | null;
  statusNote: string | null;
  taskCaseId: string | null;
  version: number;
}

export interface AlertDetail extends Alert {
  explanation: {
    baselineWeeks: number[] | null;
    upper: number | null;
    z: number | null;
    baselineCount: number | null;
    baselineDays: number | null;
    expectedFromCity: number | null;
    expectedFromOwnPast: number | null;
  };
  series: { unit: "day" | "week"; points: { day: string; count: number }[] };
  caseCount: number;
  points: { id: string; code: string; lat: number; lng: number; status: string }[];
  task: {
    id: string;
    code: string;
    title: string;
    status: string;
    ownerUnit: { code: string; name: string } | null;
  } | null;
}

export interface TaskResult {
  alert: Alert;
  taskCase: { id: string; code: string; status: string };
  dispatched: boolean;
  dispatchError: string | null;
}

/** The monthly common-problem report with its generated text. */
export type Monthly = CommonProblemsMonth & { text: string };
