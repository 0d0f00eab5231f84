// The role × permission matrix for the security admin, computed from the domain's own tables (the
// PERMISSIONS map and the case transition table), so it cannot drift from what the server enforces.
import { PERMISSIONS, type Permission, TRANSITIONS } from "@civicgrid/domain";
import { ADMIN_ROLES, type CaseAction, ROLES, type Role } from "@civicgrid/shared";
import { sql } from "kysely";
import type { Actor } from "../access/actor.ts";
import { requirePermissionAudited } from "../access/require-audited.ts";
import type { Services } from "../services.ts";

export interface RoleMatrixRow {
  role: Role;
  /** active accounts holding the role */
  users: number;
  permissions: Permission[];
  caseActions: CaseAction[];
  /** for each case action, the relations to the case under which the role may take it */
  caseActionGrants: { action: CaseAction; relations: string[] }[];
}

function grantsOf(role: Role): RoleMatrixRow["caseActionGrants"] {
  // the three admins see no case at all (jurisdiction.ts), so no grant can ever apply to them
  if (ADMIN_ROLES.includes(role)) return [];
  return (Object.keys(TRANSITIONS) as CaseAction[]).flatMap((action) => {
    const relations = TRANSITIONS[action].grants
      .filter((g) => g.roles === "any" || (g.roles as readonly Role[]).includes(role))
      .map((g) => g.relation);
    return relations.length ? [{ action, relations: [...new Set(relations)] }] : [];
  });
}

export async function getRoleMatrix({
  services,
  actor,
  ip,
}: {
  services: Services;
  actor: Actor;
  ip: string | null;
}): Promise<RoleMatrixRow[]> {
  await requirePermissionAudited(services, actor, "security:roles", { action: "security.roles.read", ip });
  const counts = await services.db
    .selectFrom(sql<{ role: string }>`(select unnest(roles) as role from users where active)`.as("r"))
    .select(["r.role", sql<number>`count(*)::int`.as("n")])
    .groupBy("r.role")
    .execute();
  const byRole = new Map(counts.map((c) => [c.role, c.n]));
  return ROLES.map((role) => {
    const grants = grantsOf(role);
    return {
      role,
      users: byRole.get(role) ?? 0,
      permissions: (Object.keys(PERMISSIONS) as Permission[]).filter((p) =>
        (PERMISSIONS[p] as readonly Role[]).includes(role),
      ),
      caseActions: grants.map((g) => g.action),
      caseActionGrants: grants,
    };
  });
}
