// The security admin's policies (today: TOTP required for the centre roles). Read and written by the
// security admin only; each change is audited with its before and after.
import type { Actor } from "../access/actor.ts";
import { requirePermissionAudited } from "../access/require-audited.ts";
import { recordAudit } from "../audit/record-audit.ts";
import type { Services } from "../services.ts";
import { loadPolicy } from "../users/identity.ts";
import type { SecurityPolicy } from "../users/mfa-policy.ts";

const present = (p: Awaited<ReturnType<typeof loadPolicy>>) => ({
  totpRequiredForCentres: p.totpRequiredForCentres,
  updatedAt: p.updatedAt.toISOString(),
  updatedBy: p.updatedBy,
});

export async function getSecurityPolicies({
  services,
  actor,
  ip,
}: {
  services: Services;
  actor: Actor;
  ip: string | null;
}) {
  await requirePermissionAudited(services, actor, "security:policies", { action: "security.policies.read", ip });
  return present(await loadPolicy(services.db));
}

export interface UpdateSecurityPoliciesOptions {
  services: Services;
  actor: Actor;
  ip: string | null;
  patch: Partial<SecurityPolicy>;
}

export async function updateSecurityPolicies({ services, actor, ip, patch }: UpdateSecurityPoliciesOptions) {
  await requirePermissionAudited(services, actor, "security:policies", { action: "security.policies.update", ip });
  const before = await loadPolicy(services.db);
  const next = { totpRequiredForCentres: patch.totpRequiredForCentres ?? before.totpRequiredForCentres };
  await services.db
    .updateTable("security_policies")
    .set({
      totp_required_for_centres: next.totpRequiredForCentres,
      updated_at: services.clock.now(),
      updated_by: actor.username,
    })
    .where("id", "=", 1)
    .execute();
  await recordAudit(services, {
    actor,
    action: "security.policies.update",
    objectType: "security_policy",
    outcome: "success",
    ip,
    detail: { from: { totpRequiredForCentres: before.totpRequiredForCentres }, to: next },
  });
  return present(await loadPolicy(services.db));
}
