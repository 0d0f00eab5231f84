// Shapes of the public API (/api/v1/public) as the portal reads them.

export interface PhotoRef {
  id: string;
  url: string;
  thumbnailUrl: string;
}

export interface PlaceNames {
  district: string | null;
  township: string | null;
  community: string | null;
}

export type PublicStatus =
  | "received"
  | "registered"
  | "handling"
  | "verifying"
  | "closed"
  | "evaluated"
  | "rejected"
  | "merged";

export type Rating = "satisfied" | "basically" | "unsatisfied";

export interface ReceiptAnswer {
  receipt: string;
  code: string;
  status: PublicStatus;
  placedBy: { code: string; name: string; level: string } | null;
}

export interface TrackedReport {
  receipt: string;
  code: string;
  status: PublicStatus;
  category: string | null;
  description: string;
  address: string | null;
  place: PlaceNames;
  reportedAt: string;
  photos: PhotoRef[];
  timeline: { step: string; at: string; unit: string | null }[];
  result: { note: string; closedAt: string | null; photos: PhotoRef[] } | null;
  evaluation: { rating: Rating; comment: string | null; at: string | null } | null;
  /** a merged report: the case it is handled under, and its result once closed (older servers: absent) */
  mergedInto?: {
    code: string;
    status: PublicStatus;
    result: { note: string | null; closedAt: string | null } | null;
  } | null;
  reopened: boolean;
  canEvaluate: boolean;
  canReopen: boolean;
}

export interface PublicResult {
  id: string;
  category: string | null;
  place: PlaceNames;
  result: string;
  closedAt: string | null;
  rating: Rating | null;
  photos: PhotoRef[];
}

export interface PublicCategory {
  code: string;
  name: string;
  group: string | null;
}

export interface UploadedPhoto {
  id: string;
  contentType: string;
  size: number;
  width: number;
  height: number;
}
