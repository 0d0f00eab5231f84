// Writes one audit record. Never throws into the caller's flow: a failed audit write is logged loudly
// (issue #5 makes it fail closed for sensitive actions).
import type { Actor } from "../access/actor.ts";
import type { Services } from "../services.ts";

export interface AuditEntry {
  actor: Actor | null;
  /** when there is no actor yet (sign-in), the username tried */
  username?: string;
  action: string;
  objectType?: string;
  objectId?: string;
  outcome: "success" | "failure" | "denied";
  ip?: string | null;
  detail?: Record<string, unknown>;
}

export async function recordAudit(
  services: Pick<Services, "db" | "clock" | "logger">,
  entry: AuditEntry,
): Promise<void> {
  try {
    await services.db
      .insertInto("audit_log")
      .values({
        at: services.clock.now(),
        user_id: entry.actor?.userId ?? null,
        username: entry.actor?.username ?? entry.username ?? null,
        unit_code: entry.actor?.unit.code ?? null,
        role: entry.actor?.roles.join(",") ?? null,
        action: entry.action,
        object_type: entry.objectType ?? null,
        object_id: entry.objectId ?? null,
        outcome: entry.outcome,
        ip: entry.ip ?? null,
        detail: JSON.stringify(entry.detail ?? {}),
      })
      .execute();
  } catch (err) {
    services.logger.error({ err, action: entry.action }, "audit write failed");
  }
}
