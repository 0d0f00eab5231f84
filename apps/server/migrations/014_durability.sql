-- 014: durability. A case action's Idempotency-Key remembers the event it wrote, so that a retried
-- action whose response names that event's own rows (a "me too" caller) answers as the first time.
alter table case_action_keys add column event_seq integer;
