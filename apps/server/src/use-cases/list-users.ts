// Accounts for the system admin: searchable by username or display name, filtered by unit, role and
// state, paged, each with the grids it looks after. Password hashes never leave this query.
import type { Role } from "@civicgrid/shared";
import { sql } from "kysely";
import type { Actor } from "../access/actor.ts";
import { requirePermissionAudited } from "../access/require-audited.ts";
import type { AdminUserRow } from "../presenters/admin-user.ts";
import type { Services } from "../services.ts";
import { gridsOfUsers } from "../users/grid-assignments.ts";

export interface ListUsersOptions {
  services: Services;
  actor: Actor;
  ip: string | null;
  filter: { q?: string; unitCode?: string; role?: Role; active?: boolean };
  page: number;
  pageSize: number;
}

export const USER_COLUMNS = [
  "users.id",
  "users.username",
  "users.display_name",
  "users.roles",
  "users.unit_code",
  "users.active",
  "users.created_at",
  "users.updated_at",
  "units.name as unit_name",
] as const;

export async function listUsers({ services, actor, ip, filter, page, pageSize }: ListUsersOptions) {
  await requirePermissionAudited(services, actor, "admin:users", { action: "admin.user.list", ip });
  let qb = services.db.selectFrom("users").innerJoin("units", "units.code", "users.unit_code");
  const q = filter.q?.trim();
  if (q) {
    const like = `%${q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    qb = qb.where((eb) => eb.or([eb("users.username", "ilike", like), eb("users.display_name", "ilike", like)]));
  }
  if (filter.unitCode) qb = qb.where("users.unit_code", "=", filter.unitCode);
  if (filter.role) qb = qb.where(sql<boolean>`users.roles @> array[${filter.role}]::text[]`);
  if (filter.active !== undefined) qb = qb.where("users.active", "=", filter.active);
  const [rows, count] = await Promise.all([
    qb
      .select(USER_COLUMNS)
      .orderBy("users.username")
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    qb.select(sql<number>`count(*)::int`.as("n")).executeTakeFirstOrThrow(),
  ]);
  const grids = await gridsOfUsers(
    services.db,
    rows.map((r) => r.id),
  );
  const withGrids: AdminUserRow[] = rows.map((r) => ({ ...r, grids: grids.get(r.id) ?? [] }));
  return { rows: withGrids, total: count.n, page, pageSize };
}
