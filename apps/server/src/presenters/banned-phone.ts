// A ban-list entry as the system admin sees it: the number masked, why, by whom, when.
export function presentBannedPhone(row: {
  id: string;
  phone_masked: string;
  reason: string;
  banned_at: Date;
  username: string | null;
  display_name: string | null;
}) {
  return {
    /** unbanning names the entry by this id: the number itself is only kept masked, hashed and sealed */
    id: row.id,
    phone: row.phone_masked,
    reason: row.reason,
    bannedAt: row.banned_at.toISOString(),
    bannedBy: row.username ? { username: row.username, displayName: row.display_name ?? row.username } : null,
  };
}
