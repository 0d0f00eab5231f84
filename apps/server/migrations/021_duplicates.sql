-- 021: duplicates (并案). When a case that others were merged into is closed, everyone who reported
-- the same problem is told the outcome: the reporters of the merged cases (through the chain, when a
-- merged case had itself taken in others) and the "me too" callers of all of them. The close writes
-- one notice per person in its own transaction (an outbox: a close never commits without them); a
-- sweep delivers them afterwards — a text message where a sender is configured, otherwise the
-- hotline's call-back list; a portal report's receipt page and a staff reporter's case show the
-- outcome themselves.
create table case_notices (
  id bigint generated always as identity primary key,
  -- the case that was closed, and its close event: a reopened and closed again case tells again
  survivor_id uuid not null references cases(id),
  close_seq integer not null,
  -- the case whose reporter (caller_id null) or "me too" caller is told
  case_id uuid not null references cases(id),
  caller_id bigint references case_callers(id),
  channel text not null check (channel in ('sms', 'portal', 'staff')),
  -- pending → sent (a message went out) | shown (portal, staff: the page shows it) | callback (no
  -- sender: the hotline calls back) | failed (the sender refused it MAX_ATTEMPTS times)
  status text not null default 'pending' check (status in ('pending', 'sent', 'shown', 'callback', 'failed')),
  attempts integer not null default 0,
  last_error text check (length(last_error) <= 500),
  created_at timestamptz not null,
  delivered_at timestamptz
);
create unique index case_notices_once on case_notices (survivor_id, close_seq, case_id, coalesce(caller_id, 0));
create index case_notices_pending on case_notices (id) where status = 'pending';
create index case_notices_survivor on case_notices (survivor_id, id);
create index case_notices_case on case_notices (case_id);
