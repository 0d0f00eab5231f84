// An Open311 client as the system admin sees it: never the key or its hash, only the key's prefix.
export interface Open311ClientRow {
  id: string;
  name: string;
  key_prefix: string;
  active: boolean;
  created_at: Date;
  created_by_username: string | null;
  last_used_at: Date | null;
  request_count: number;
}

export function presentOpen311Client(row: Open311ClientRow) {
  return {
    id: row.id,
    name: row.name,
    keyPrefix: row.key_prefix,
    active: row.active,
    createdAt: row.created_at.toISOString(),
    createdBy: row.created_by_username,
    lastUsedAt: row.last_used_at ? row.last_used_at.toISOString() : null,
    requestCount: row.request_count,
  };
}
