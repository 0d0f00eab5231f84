// The audit log for the auditor, newest first. `action` matches exactly or as a dotted prefix
// (`admin` → admin.unit.*, admin.user.*); a date-only `to` includes that whole day (Beijing time).
import { sql } from "kysely";
import type { Actor } from "../access/actor.ts";
import { requirePermissionAudited } from "../access/require-audited.ts";
import { AppError } from "../errors.ts";
import type { Services } from "../services.ts";

export interface ListAuditRecordsOptions {
  services: Services;
  actor: Actor;
  ip: string | null;
  filter: {
    from?: string;
    to?: string;
    username?: string;
    action?: string;
    outcome?: "success" | "failure" | "denied";
  };
  page: number;
  pageSize: number;
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** A date is a day in Anshan (UTC+8); a date-time is taken as given. */
function instant(value: string, field: string, endOfDay: boolean): Date {
  const at = DATE_ONLY.test(value) ? new Date(`${value}T00:00:00+08:00`) : new Date(value);
  if (Number.isNaN(at.getTime())) throw new AppError("VALIDATION_FAILED", { field, problem: "not a date" });
  if (endOfDay && DATE_ONLY.test(value)) at.setTime(at.getTime() + 86_400_000);
  return at;
}

export async function listAuditRecords({ services, actor, ip, filter, page, pageSize }: ListAuditRecordsOptions) {
  await requirePermissionAudited(services, actor, "audit:read", { action: "audit.read", ip });
  let qb = services.db.selectFrom("audit_log");
  if (filter.from) qb = qb.where("at", ">=", instant(filter.from, "from", false));
  if (filter.to) qb = qb.where("at", "<", instant(filter.to, "to", true));
  const username = filter.username?.trim();
  // usernames are stored lower case; failed sign-ins keep what was typed
  if (username) qb = qb.where("username", "in", [...new Set([username, username.toLowerCase()])]);
  const action = filter.action?.trim();
  if (action) {
    const prefix = `${action.replace(/[%_\\]/g, (c) => `\\${c}`)}.%`;
    qb = qb.where((eb) => eb.or([eb("action", "=", action), eb("action", "like", prefix)]));
  }
  if (filter.outcome) qb = qb.where("outcome", "=", filter.outcome);
  const [rows, count] = await Promise.all([
    qb
      .selectAll()
      .orderBy("at", "desc")
      .orderBy("id", "desc")
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    qb.select(sql<number>`count(*)::int`.as("n")).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: count.n, page, pageSize };
}
