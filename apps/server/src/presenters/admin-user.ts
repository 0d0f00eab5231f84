// An account as the system admin sees it: no password hash, no session data.
import type { AssignedGrid } from "../users/grid-assignments.ts";

export interface AdminUserRow {
  id: string;
  username: string;
  display_name: string;
  roles: string[];
  unit_code: string;
  unit_name: string;
  active: boolean;
  created_at: Date;
  updated_at: Date;
  /** 我的网格 of a grid worker, ordered by code; empty for everyone else */
  grids: AssignedGrid[];
}

export function presentAdminUser(row: AdminUserRow) {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    roles: row.roles,
    unitCode: row.unit_code,
    unitName: row.unit_name,
    active: row.active,
    gridCodes: row.grids.map((g) => g.code),
    grids: row.grids.map((g) => ({ code: g.code, name: g.name })),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
