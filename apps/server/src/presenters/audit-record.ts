import type { Selectable } from "kysely";
import type { AuditLogTable } from "../db/schema.ts";

export function presentAuditRecord(row: Selectable<AuditLogTable>) {
  return {
    id: String(row.id),
    at: row.at.toISOString(),
    username: row.username,
    unitCode: row.unit_code,
    role: row.role,
    action: row.action,
    objectType: row.object_type,
    objectId: row.object_id,
    outcome: row.outcome,
    ip: row.ip,
    detail: row.detail,
  };
}
