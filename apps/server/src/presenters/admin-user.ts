// An account as the system admin sees it: no password hash, no session data.
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
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
