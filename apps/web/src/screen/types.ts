// Shapes of the screen and incident APIs (apps/server/src/routes/screen.routes.ts and the incident
// routes), as the big screen reads them.
import type { CaseStatus, IncidentLogKind, IncidentTaskStatus, IncidentType } from "@civicgrid/shared";

export type ScopeLevel = "city" | "district" | "township" | "community" | "grid";

export interface ScopeRef {
  level: ScopeLevel;
  code: string;
  name: string;
}

export interface Summary {
  scope: ScopeRef & { breadcrumb: ScopeRef[]; children: ScopeRef[] };
  kpis: {
    reportedToday: number;
    open: number;
    overdue: number;
    closedToday: number;
    found: number;
    resolved: number;
    resolvedRate: number | null;
    onTimeClosureRate: number | null;
    satisfactionRate: number | null;
    patrollingNow: number;
  };
  /** 智能分派, the last 30 days: share of dispatches made by the platform, and their precision */
  autoDispatch?: {
    days: number;
    dispatched: number;
    auto: number;
    share: number | null;
    right: number;
    wrong: number;
    pending: number;
    precision: number | null;
  };
  asOf: string;
}

export interface RankingRow extends ScopeRef {
  reported: number;
  closed: number;
  overdue: number;
  resolvedRate: number | null;
  onTimeClosureRate: number | null;
  satisfactionRate: number | null;
}

export interface Charts {
  daily: { day: string; reported: number; closed: number }[];
  trend: { changePct: number | null };
  categories: { code: string; name: string; count: number }[];
  sources: { source: string; count: number }[];
  ranking: RankingRow[];
  overdueByUnit: { unitCode: string; unitName: string; count: number }[];
}

export interface CasePoint {
  id: string;
  code: string;
  lat: number;
  lng: number;
  status: CaseStatus;
  overdue: boolean;
  categoryName: string | null;
  reportedAt: string;
}

export interface Points {
  items: CasePoint[];
  total: number;
  truncated: boolean;
}

export interface HeatCell {
  lat: number;
  lng: number;
  weight: number;
}

export interface Worker {
  userId: string;
  name: string;
  gridCode: string;
  lat: number;
  lng: number;
  lastSeenAt: string | null;
}

/** A grid worker of an incident's grids: the position is their last patrol point, if any. */
export interface IncidentWorker {
  userId: string;
  name: string | null;
  gridCode: string;
  gridName: string | null;
  lat: number | null;
  lng: number | null;
  lastSeenAt: string | null;
  taskStatus: IncidentTaskStatus | null;
}

/** `event: case` of the live stream */
export interface CaseEvent {
  id: string;
  code: string;
  lat: number;
  lng: number;
  status: CaseStatus;
  fromStatus: CaseStatus | null;
  action: string;
  at: string;
  gridCode: string;
  communityCode: string;
  townshipCode: string;
  districtCode: string;
  categoryName: string | null;
  overdue: boolean;
}

/** `event: incident` of the live stream */
export interface IncidentEvent {
  id?: string;
  incidentId?: string;
  action: string;
}

export type { IncidentType };

export interface IncidentSummary {
  id: string;
  code: string;
  type: IncidentType;
  level: number;
  title: string;
  status: "active" | "closed";
  declaredAt: string;
  closedAt?: string | null;
}

export interface IncidentCase {
  id: string;
  code: string;
  lat: number;
  lng: number;
  status: CaseStatus;
  overdue?: boolean;
  categoryName?: string | null;
  title?: string | null;
  gridCode?: string;
}

export interface IncidentDetail extends IncidentSummary {
  description: string | null;
  declaredBy: { name: string | null; unitName: string | null } | null;
  scope?: { level: string; code: string; name: string };
  area: { polygon: [number, number][] | null; gridCodes: string[] };
  bounds: unknown;
  /** may this viewer add to the log, broadcast again and close it */
  canDirect?: boolean;
  cases: IncidentCase[];
  caseTotal?: number;
  workers: IncidentWorker[];
  workerTotal?: number;
  tasks: { sent: number; acknowledged: number; done: number; total?: number };
  log: {
    id?: string;
    at: string;
    kind: IncidentLogKind | string;
    text: string;
    actorName: string | null;
    unitName?: string | null;
  }[];
  summary?: string | null;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** An alert of the analysis (GET /analysis/alerts), as the screen shows it. */
export interface ScreenAlert {
  id: string;
  kind: "hotspot" | "trend";
  level: string;
  code: string;
  placeName: string;
  location: { lat: number; lng: number } | null;
  category: { code: string; name: string };
  observed: number;
  expected: number;
  status: string;
  score: number;
}

/** `event: alert` of the stream: a new hotspot or trend alert in the scope. */
export interface AlertEvent {
  id: string;
  kind: "hotspot" | "trend";
  level: string;
  code: string;
  categoryCode: string;
  observed: number;
  expected: number;
}
