// A ban-list entry as the system admin sees it: the full number (they manage it), why, by whom, when.
export function presentBannedPhone(row: {
  phone: string;
  reason: string;
  banned_at: Date;
  username: string | null;
  display_name: string | null;
}) {
  return {
    phone: row.phone,
    reason: row.reason,
    bannedAt: row.banned_at.toISOString(),
    bannedBy: row.username ? { username: row.username, displayName: row.display_name ?? row.username } : null,
  };
}
