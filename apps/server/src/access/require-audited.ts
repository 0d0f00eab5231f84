// The three-admin separation (三员) wants attempts across it on record: a refused call to an
// administration, security or audit endpoint is written to the audit log as `denied` before the 403.
import { can, type Permission } from "@civicgrid/domain";
import { recordAudit } from "../audit/record-audit.ts";
import { AppError } from "../errors.ts";
import type { Services } from "../services.ts";
import type { Actor } from "./actor.ts";

export interface AuditedAttempt {
  /** the audit action the call would have recorded, e.g. `admin.user.create` or `audit.read` */
  action: string;
  ip: string | null;
  objectType?: string;
  objectId?: string;
}

export async function requirePermissionAudited(
  services: Services,
  actor: Actor,
  permission: Permission,
  attempt: AuditedAttempt,
): Promise<void> {
  if (can(actor.roles, permission)) return;
  await recordAudit(services, {
    actor,
    action: attempt.action,
    objectType: attempt.objectType,
    objectId: attempt.objectId,
    outcome: "denied",
    ip: attempt.ip,
    detail: { permission },
  });
  throw new AppError("FORBIDDEN", { permission });
}
