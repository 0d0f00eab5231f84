// The big screen's reads and the emergency mode's commands, over the shared API client (session
// cookie, CSRF header on changes, errors as ApiError with both languages).
import type { FeatureCollection, MultiPolygon } from "geojson";
import { get, post, qs } from "../lib/api.ts";
import type {
  Charts,
  HeatCell,
  IncidentDetail,
  IncidentSummary,
  IncidentType,
  Page,
  Points,
  ScreenAlert,
  Summary,
  Worker,
} from "./types.ts";

/** The points endpoint's cap: the map is built for this many live cases. */
export const POINTS_LIMIT = 10_000;
export const CHART_DAYS = 30;

const scoped = (division: string | null, extra: Record<string, unknown> = {}) =>
  qs({ division: division ?? undefined, ...extra });

export const screenApi = {
  summary: (division: string | null) => get<Summary>(`/screen/summary${scoped(division)}`),
  charts: (division: string | null) => get<Charts>(`/screen/charts${scoped(division, { days: CHART_DAYS })}`),
  points: (division: string | null) => get<Points>(`/screen/points${scoped(division, { limit: POINTS_LIMIT })}`),
  heat: (division: string | null) =>
    get<{ cells: HeatCell[] }>(`/screen/heat${scoped(division, { days: CHART_DAYS })}`),
  workers: (division: string | null) => get<{ items: Worker[] }>(`/screen/workers${scoped(division)}`),
  /** live alerts of the analysis (共性问题 / 趋势异常) not dismissed, strongest first */
  alerts: (division: string | null) =>
    get<Page<ScreenAlert>>(
      `/analysis/alerts${scoped(division, { active: true, status: ["open", "acknowledged", "tasked"], pageSize: 30 })}`,
    ),
};

export function streamUrl(division: string | null): string {
  return `/api/v1/screen/stream${scoped(division)}`;
}

export type IncidentArea = { polygon: [number, number][] } | { gridCodes: string[] };

export interface DeclareIncident {
  type: IncidentType;
  level: number;
  title: string;
  description?: string;
  area: IncidentArea;
  taskText: string;
}

export const incidentApi = {
  active: () => get<Page<IncidentSummary>>(`/incidents${qs({ status: "active", pageSize: 50 })}`),
  detail: (id: string) => get<IncidentDetail>(`/incidents/${id}`),
  /** the key makes a repeated click or a retry after a lost answer declare the incident once */
  declare: (body: DeclareIncident, key: string) => post<IncidentDetail>("/incidents", body, { "idempotency-key": key }),
  grids: (id: string) => get<FeatureCollection<MultiPolygon, { code: string; name: string }>>(`/incidents/${id}/grids`),
  log: (id: string, text: string) => post(`/incidents/${id}/log`, { text }),
  rebroadcast: (id: string, text: string) => post(`/incidents/${id}/tasks`, { text }),
  close: (id: string, summary: string) => post(`/incidents/${id}/close`, { summary }),
};
