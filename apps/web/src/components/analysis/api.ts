// The analysis API over the shared client (session cookie, CSRF header on changes, ApiError).
import { get, post, qs } from "../../lib/api.ts";
import type { CaseSummary, Page } from "../../lib/types.ts";
import type { Alert, AlertDetail, AlertKind, AlertStatus, Monthly, TaskResult } from "./types.ts";

export interface AlertQuery {
  kind?: AlertKind;
  status?: AlertStatus[];
  active?: boolean;
  division?: string;
  page?: number;
  pageSize?: number;
}

export type CaseWithPoint = CaseSummary & { lat: number; lng: number };

const ifMatch = (version?: number) => (version === undefined ? undefined : { "if-match": `"${version}"` });

export const analysisApi = {
  alerts: (q: AlertQuery) => get<Page<Alert>>(`/analysis/alerts${qs({ ...q })}`),
  alert: (id: string) => get<AlertDetail>(`/analysis/alerts/${id}`),
  cases: (id: string, page: number, pageSize: number) =>
    get<Page<CaseWithPoint>>(`/analysis/alerts/${id}/cases${qs({ page, pageSize })}`),
  review: (id: string, action: "acknowledge" | "dismiss" | "reopen", note?: string, version?: number) =>
    post<Alert>(`/analysis/alerts/${id}/${action}`, note ? { note } : {}, ifMatch(version)),
  task: (id: string, note?: string) => post<TaskResult>(`/analysis/alerts/${id}/task`, note ? { note } : {}),
  monthly: (month: string, division?: string) => get<Monthly>(`/analysis/monthly${qs({ month, division })}`),
};
