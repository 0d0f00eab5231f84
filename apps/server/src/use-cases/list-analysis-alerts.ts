// Alerts of common problems (hotspots) and trends in the caller's area: live ones first, the most
// surprising first; filtered by kind, status, live or ended, and a division or grid inside the area.
import { sql } from "kysely";
import type { Actor } from "../access/actor.ts";
import { alertAreaOf, alertInArea, narrowArea } from "../analysis/alert-scope.ts";
import type { Services } from "../services.ts";

export const ALERT_STATUSES = ["open", "acknowledged", "tasked", "dismissed"] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];

export interface AlertFilter {
  kind?: "hotspot" | "trend";
  status?: AlertStatus[];
  /** true: only signals still present; false: only ended ones */
  active?: boolean;
  /** a division or grid code inside the caller's area */
  division?: string;
}

export interface ListAnalysisAlertsOptions {
  services: Services;
  actor: Actor;
  filter: AlertFilter;
  page: number;
  pageSize: number;
}

export async function listAnalysisAlerts({ services, actor, filter, page, pageSize }: ListAnalysisAlertsOptions) {
  const area = narrowArea(services.places, alertAreaOf(actor), filter.division);
  let base = services.db.selectFrom("analysis_alerts").where(alertInArea(area));
  if (filter.kind) base = base.where("kind", "=", filter.kind);
  if (filter.status?.length) base = base.where("status", "in", filter.status);
  if (filter.active !== undefined) base = base.where("active", "=", filter.active);
  const [rows, count] = await Promise.all([
    base
      .selectAll()
      .orderBy("active", "desc")
      .orderBy(sql`case when active then score else peak_score end`, "desc")
      .orderBy("last_seen_at", "desc")
      .orderBy("id")
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    base.select(sql<number>`count(*)::int`.as("n")).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: count.n, page, pageSize };
}
