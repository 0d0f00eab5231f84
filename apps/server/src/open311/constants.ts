// Fixed facts of our GeoReport v2 endpoint (docs/open311.md).
import type { CaseStatus } from "@civicgrid/shared";

/** The city's jurisdiction_id (its website root, as the spec suggests); the only one served here. */
export const JURISDICTION_ID = "anshan.gov.cn";

export const SPECIFICATION = "http://wiki.open311.org/GeoReport_v2";

/** Mounted at the root, not under /api/v1: Open311 clients expect their own base URL. */
export const OPEN311_PREFIX = "/open311/v2";

/** Statuses reported as Open311 `closed`; every other status is `open`. */
export const CLOSED_STATUSES: readonly CaseStatus[] = ["closed", "evaluated", "rejected", "merged"];

/** The spec's response volume: at most 1000 requests and 90 days per query. */
export const MAX_PAGE_SIZE = 1000;
export const MAX_RANGE_DAYS = 90;
/** service_request_id=a,b,c: at most this many ids in one query */
export const MAX_REQUEST_IDS = 200;

/** The spec limits descriptions to 4,000 characters. */
export const MAX_DESCRIPTION = 4000;

/** POSTs per API key and minute (when @fastify/rate-limit is registered). */
export const POSTS_PER_MINUTE = 120;

export const FORMATS = ["json", "xml"] as const;
export type Open311Format = (typeof FORMATS)[number];
