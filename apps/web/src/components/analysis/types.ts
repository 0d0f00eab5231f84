// Shapes of the analysis API (apps/server/src/routes/analysis-schemas.ts).
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

export interface Monthly {
  month: string;
  from: string;
  to: string;
  division: { level: string; code: string; name: string };
  analysedAt: string | null;
  total: number;
  previousTotal: number;
  categories: { code: string; name: string; count: number; previous: number }[];
  rising: { code: string; name: string; count: number; expected: number; ratio: number; pValue: number }[];
  hotspots: {
    level: string;
    code: string;
    place: string;
    categoryCode: string;
    categoryName: string;
    observed: number;
    expected: number;
    ratio: number;
  }[];
  alerts: {
    total: number;
    byKind: Record<string, number>;
    byStatus: Record<string, number>;
    top: {
      id: string;
      kind: string;
      place: string;
      categoryName: string;
      observed: number;
      expected: number;
      status: string;
      taskCode: string | null;
      taskStatus: string | null;
    }[];
  };
  text: string;
}
