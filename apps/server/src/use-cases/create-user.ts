// A new account: the role rules (三员, role fits unit), an active unit, a password of at least 12
// characters hashed with scrypt; a grid worker may be given its grids at once (inside its unit's area).
// The password is never written to the audit log.
import type { Role } from "@civicgrid/shared";
import type { Actor } from "../access/actor.ts";
import { requirePermissionAudited } from "../access/require-audited.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { AppError } from "../errors.ts";
import { hashPassword } from "../lib/password.ts";
import type { AdminUserRow } from "../presenters/admin-user.ts";
import type { Services } from "../services.ts";
import { checkPassword, checkSeat, mustChangeGivenPassword } from "../users/account-rules.ts";
import { checkGrids, replaceGrids } from "../users/grid-assignments.ts";

export interface CreateUserInput {
  username: string;
  displayName: string;
  unitCode: string;
  roles: Role[];
  password: string;
  /** 我的网格, for a grid worker only */
  gridCodes?: string[];
}

export interface CreateUserOptions {
  services: Services;
  actor: Actor;
  ip: string | null;
  input: CreateUserInput;
}

export async function createUser({ services, actor, ip, input }: CreateUserOptions): Promise<AdminUserRow> {
  await requirePermissionAudited(services, actor, "admin:users", { action: "admin.user.create", ip });
  const username = input.username.trim().toLowerCase();
  const roles = [...new Set(input.roles)];
  checkPassword(input.password, username);
  // hash before the transaction: scrypt takes tens of milliseconds and must not hold row locks
  const passwordHash = await hashPassword(input.password);
  const now = services.clock.now();
  let row: AdminUserRow;
  try {
    row = await services.db.transaction().execute(async (trx) => {
      const unit = await checkSeat(trx, roles, input.unitCode, true);
      const taken = await trx.selectFrom("users").select("id").where("username", "=", username).executeTakeFirst();
      if (taken) throw new AppError("USERNAME_TAKEN", { username });
      const created = await trx
        .insertInto("users")
        .values({
          username,
          display_name: input.displayName.trim(),
          password_hash: passwordHash,
          unit_code: unit.code,
          roles,
          // an admin role's first password is the creator's: the holder must replace it (016)
          must_change_password: mustChangeGivenPassword(roles),
          created_at: now,
          updated_at: now,
        })
        .returning(["id", "username", "display_name", "roles", "unit_code", "active", "created_at", "updated_at"])
        .executeTakeFirstOrThrow();
      const grids = await checkGrids(trx, services.places, roles, unit.code, input.gridCodes ?? []);
      await replaceGrids(trx, created.id, grids);
      return { ...created, unit_name: unit.name, grids };
    });
  } catch (err) {
    // two creates of one username at once: the unique index refuses the second
    if ((err as { code?: string }).code === "23505") throw new AppError("USERNAME_TAKEN", { username });
    throw err;
  }
  await recordAudit(services, {
    actor,
    action: "admin.user.create",
    objectType: "user",
    objectId: row.id,
    outcome: "success",
    ip,
    detail: {
      username,
      unitCode: row.unit_code,
      roles,
      ...(row.grids.length ? { gridCodes: row.grids.map((g) => g.code) } : {}),
    },
  });
  return row;
}
