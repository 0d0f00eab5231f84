// Make a stored version the active pair by hand (e.g. back to an earlier one); its auto-dispatch
// thresholds replace the current ones, the per-category switches stay. Permission models:manage.
import type { Actor } from "../access/actor.ts";
import { requirePermissionAudited } from "../access/require-audited.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { activateVersion, warmActiveModels } from "../routing/model-store.ts";
import type { Services } from "../services.ts";

export interface ActivateModelVersionOptions {
  services: Services;
  actor: Actor;
  ip: string | null;
  version: number;
}

export async function activateModelVersion({ services, actor, ip, version }: ActivateModelVersionOptions) {
  const audit = { action: "models.activate", objectType: "model_version", objectId: String(version), ip };
  await requirePermissionAudited(services, actor, "models:manage", audit);
  await activateVersion(services.db, {
    version,
    by: actor.userId,
    note: `activated by ${actor.username}`,
    now: services.clock.now(),
  });
  await recordAudit(services, { actor, ...audit, outcome: "success" });
  warmActiveModels(services);
  return { version };
}
