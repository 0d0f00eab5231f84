// GET /open311/v2/requests: requests by id list, or by service, status and a requested_datetime
// range (default the last 90 days, never more than 90), newest first, at most 1000 per page.
import { sql } from "kysely";
import { AppError } from "../errors.ts";
import { CLOSED_STATUSES, MAX_RANGE_DAYS } from "../open311/constants.ts";
import { type Open311RequestRow, selectOpen311Requests } from "../open311/request-query.ts";
import type { Services } from "../services.ts";

export interface Open311RequestFilter {
  /** service_request_id list: overrides every other filter */
  ids?: string[];
  serviceCodes?: string[];
  statuses?: ("open" | "closed")[];
  startDate?: Date;
  endDate?: Date;
}

export interface ListOpen311RequestsOptions {
  services: Services;
  filter: Open311RequestFilter;
  page: number;
  pageSize: number;
}

const DAY_MS = 86_400_000;

export async function listOpen311Requests({ services, filter, page, pageSize }: ListOpen311RequestsOptions) {
  let qb = selectOpen311Requests(services.db);
  let range: { start: Date; end: Date } | null = null;
  if (filter.ids) {
    qb = qb.where("c.code", "in", filter.ids);
  } else {
    range = dateRange(services.clock.now(), filter.startDate, filter.endDate);
    qb = qb.where("c.reported_at", ">=", range.start).where("c.reported_at", "<=", range.end);
    if (filter.serviceCodes) qb = qb.where("c.category_code", "in", filter.serviceCodes);
    const statuses = new Set(filter.statuses ?? []);
    if (statuses.size === 1) {
      qb = statuses.has("closed")
        ? qb.where("c.status", "in", CLOSED_STATUSES)
        : qb.where("c.status", "not in", CLOSED_STATUSES);
    }
  }
  const [rows, count] = await Promise.all([
    qb
      .orderBy("c.reported_at", "desc")
      .orderBy("c.code", "desc")
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    qb.clearSelect().select(sql<number>`count(*)::int`.as("n")).executeTakeFirstOrThrow(),
  ]);
  return { rows: rows as Open311RequestRow[], total: count.n, page, pageSize, range };
}

/** The spec's window: both ends given, one end plus up to 90 days, or the most recent 90 days. */
export function dateRange(now: Date, start?: Date, end?: Date): { start: Date; end: Date } {
  const span = MAX_RANGE_DAYS * DAY_MS;
  const e = end ?? (start ? new Date(Math.min(start.getTime() + span, Math.max(now.getTime(), start.getTime()))) : now);
  const s = start ?? new Date(e.getTime() - span);
  if (s.getTime() > e.getTime() || e.getTime() - s.getTime() > span) {
    throw new AppError("OPEN311_DATE_RANGE_INVALID", { param: "start_date", value: s.toISOString() });
  }
  return { start: s, end: e };
}
