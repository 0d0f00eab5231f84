// The case points of GET /cases/map (docs/api-workbench.md).
import type { CaseStatus } from "@civicgrid/shared";

export interface MapCase {
  id: string;
  code: string;
  title: string;
  status: CaseStatus;
  lat: number;
  lng: number;
  overdue: boolean;
  reportedAt: string;
}

export interface MapCases {
  items: MapCase[];
  truncated: boolean;
}

export const DISPATCH_BUCKETS = ["toRegister", "toDispatch"] as const;
export type DispatchBucket = (typeof DISPATCH_BUCKETS)[number];

/** The statuses each bucket can hold, offered as the status filter. */
export const BUCKET_STATUSES: Record<DispatchBucket, CaseStatus[]> = {
  toRegister: ["reported"],
  toDispatch: ["registered", "returned"],
};

// marker colours by status (close to the status tags), red whatever the status once overdue
export const STATUS_COLOR: Partial<Record<CaseStatus, string>> = {
  reported: "#1677ff",
  registered: "#08979c",
  returned: "#d46b08",
  dispatched: "#2f54eb",
  accepted: "#fa8c16",
  handled: "#722ed1",
};
export const OVERDUE_COLOR = "#cf1322";
export const colorOf = (c: Pick<MapCase, "status" | "overdue">): string =>
  c.overdue ? OVERDUE_COLOR : (STATUS_COLOR[c.status] ?? "#595959");
