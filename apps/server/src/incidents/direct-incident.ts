// The frame of every directed change of an incident (a log entry, a broadcast, closing): lock the
// incident as the caller's area sees it (404 outside), insist that the caller directs it (403) and
// that it is still active (409), check If-Match, raise the version, write, audit — one transaction —
// then tell the live screens after commit.
import type { Actor } from "../access/actor.ts";
import { requirePermission } from "../access/require.ts";
import { recordAudit } from "../audit/record-audit.ts";
import type { Db } from "../db/connect.ts";
import type { IncidentRow } from "../db/schema.ts";
import { AppError } from "../errors.ts";
import type { Services } from "../services.ts";
import { bumpVersion, emitIncident, type IncidentAction, visibleIncident } from "./incident-records.ts";
import { areaOf, directs } from "./incident-scope.ts";

/** What every directing use case (log, broadcast, close) is given besides its own text. */
export interface DirectingOptions {
  services: Services;
  actor: Actor;
  incidentId: string;
  /** the version the caller saw (If-Match) */
  expectedVersion?: number;
  ip?: string | null;
}

export interface DirectIncidentOptions<T> extends DirectingOptions {
  action: Extract<IncidentAction, "log" | "task" | "closed">;
  write: (trx: Db, row: IncidentRow, now: Date) => Promise<{ result: T; detail: Record<string, unknown> }>;
}

const AUDIT_ACTION = { log: "incident.log", task: "incident.task", closed: "incident.close" } as const;

export async function directIncident<T>(options: DirectIncidentOptions<T>): Promise<{ row: IncidentRow; result: T }> {
  const { services, actor, incidentId, action, expectedVersion, ip, write } = options;
  requirePermission(actor, "incident:declare");
  const area = areaOf(actor);
  const now = services.clock.now();
  const done = await services.db.transaction().execute(async (trx) => {
    const row = await visibleIncident(trx, area, incidentId, true);
    if (!directs(actor, area, row))
      throw new AppError("FORBIDDEN", { reason: "the incident reaches beyond your area" });
    if (row.status !== "active") throw new AppError("INCIDENT_CLOSED");
    await bumpVersion(trx, row, expectedVersion);
    const { result, detail } = await write(trx, row, now);
    await recordAudit(
      services,
      {
        actor,
        action: AUDIT_ACTION[action],
        objectType: "incident",
        objectId: row.id,
        outcome: "success",
        ip: ip ?? null,
        detail: { code: row.code, ...detail },
      },
      trx,
    );
    const fresh = await trx.selectFrom("incidents").selectAll().where("id", "=", row.id).executeTakeFirstOrThrow();
    return { row: fresh, result };
  });
  emitIncident(services, done.row, action, now);
  return done;
}
