// Edits an account: display name, unit, roles, active. The role rules are checked on the result;
// disabling revokes every session at once. An administrator cannot disable or re-seat their own
// account, so the last system admin cannot lock everyone out by mistake. A grid worker's grids
// (我的网格) are replaced in the same transaction; losing the grid_worker role clears them.
import type { Role } from "@civicgrid/shared";
import type { Actor } from "../access/actor.ts";
import { requirePermissionAudited } from "../access/require-audited.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { AppError } from "../errors.ts";
import type { AdminUserRow } from "../presenters/admin-user.ts";
import type { Services } from "../services.ts";
import { checkSeat, mustChangeGivenPassword, refuse, revokeSessions } from "../users/account-rules.ts";
import { checkGrids, gridsOfUsers, replaceGrids } from "../users/grid-assignments.ts";

export interface UpdateUserOptions {
  services: Services;
  actor: Actor;
  ip: string | null;
  userId: string;
  /** gridCodes replaces the whole set of the account's grids */
  patch: { displayName?: string; unitCode?: string; roles?: Role[]; active?: boolean; gridCodes?: string[] };
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));

export async function updateUser({ services, actor, ip, userId, patch }: UpdateUserOptions): Promise<AdminUserRow> {
  await requirePermissionAudited(services, actor, "admin:users", {
    action: "admin.user.update",
    ip,
    objectType: "user",
    objectId: userId,
  });
  const now = services.clock.now();
  const outcome = await services.db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom("users").selectAll().where("id", "=", userId).forUpdate().executeTakeFirst();
    if (!before) throw new AppError("USER_NOT_FOUND", { id: userId });
    const roles = patch.roles ? [...new Set(patch.roles)] : (before.roles as Role[]);
    const unitCode = patch.unitCode ?? before.unit_code;
    const active = patch.active ?? before.active;
    const displayName = patch.displayName?.trim() ?? before.display_name;
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    if (displayName !== before.display_name) changes.displayName = { from: before.display_name, to: displayName };
    if (unitCode !== before.unit_code) changes.unitCode = { from: before.unit_code, to: unitCode };
    if (!sameSet(roles, before.roles)) changes.roles = { from: before.roles, to: roles };
    if (active !== before.active) changes.active = { from: before.active, to: active };
    if (userId === actor.userId && (changes.active || changes.roles || changes.unitCode)) {
      throw refuse("id", "administrators cannot disable, re-role or move their own account");
    }
    // 三员: the system admin keeps its hands off the accounts that watch it
    const guarded = (before.roles as Role[]).some((r) => r === "security_admin" || r === "auditor");
    if (guarded && (changes.active || changes.roles || changes.unitCode)) return { denied: true as const };
    // check the seat whenever it changes or the account comes back; a new or re-entered seat must be
    // in an active unit, an unchanged one may stay in a unit deactivated meanwhile
    const enabling = Boolean(changes.active) && active;
    const unit =
      changes.roles || changes.unitCode || enabling
        ? await checkSeat(trx, roles, unitCode, Boolean(changes.unitCode) || enabling)
        : await trx.selectFrom("units").select(["code", "name"]).where("code", "=", unitCode).executeTakeFirstOrThrow();
    // grids: the set asked for, else the current one (none once the account is no grid worker); a
    // set that is new or meets a new unit or new roles is checked against the unit's area
    const current = (await gridsOfUsers(trx, [userId])).get(userId) ?? [];
    const currentCodes = current.map((g) => g.code);
    const wanted = patch.gridCodes ?? (roles.includes("grid_worker") ? currentCodes : []);
    const grids =
      patch.gridCodes || ((changes.unitCode || changes.roles) && wanted.length)
        ? await checkGrids(trx, services.places, roles, unitCode, wanted)
        : current.filter((g) => wanted.includes(g.code));
    const gridCodes = grids.map((g) => g.code);
    if (!sameSet(gridCodes, currentCodes)) {
      changes.gridCodes = { from: currentCodes, to: gridCodes };
      await replaceGrids(trx, userId, grids);
    }
    let sessionsRevoked = 0;
    if (Object.keys(changes).length) {
      await trx
        .updateTable("users")
        .set({
          display_name: displayName,
          unit_code: unitCode,
          roles,
          active,
          updated_at: now,
          // a business account turned admin has a password its creator knew: it must be replaced (016)
          ...(mustChangeGivenPassword(roles) && !mustChangeGivenPassword(before.roles as Role[])
            ? { must_change_password: true }
            : {}),
        })
        .where("id", "=", userId)
        .execute();
      if (changes.active && !active) sessionsRevoked = await revokeSessions(trx, userId, now);
    }
    const row: AdminUserRow = {
      id: before.id,
      username: before.username,
      display_name: displayName,
      roles,
      unit_code: unitCode,
      unit_name: unit.name,
      active,
      created_at: before.created_at,
      updated_at: Object.keys(changes).length ? now : before.updated_at,
      grids,
    };
    return { row, changes, sessionsRevoked };
  });
  if ("denied" in outcome) {
    await recordAudit(services, {
      actor,
      action: "admin.user.update",
      objectType: "user",
      objectId: userId,
      outcome: "denied",
      ip,
      detail: { reason: "security admin and auditor accounts are not the system admin's to change" },
    });
    throw new AppError("FORBIDDEN", { reason: "three-admin separation" });
  }
  const { row, changes, sessionsRevoked } = outcome;
  await recordAudit(services, {
    actor,
    action: "admin.user.update",
    objectType: "user",
    objectId: userId,
    outcome: "success",
    ip,
    detail: { username: row.username, changes, sessionsRevoked },
  });
  return row;
}
