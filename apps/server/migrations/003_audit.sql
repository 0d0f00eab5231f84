-- Audit log: who did what, from where, with what outcome. Append-only; issue #5 adds the hash chain
-- and the database-role restrictions.
create table audit_log (
  id bigint generated always as identity primary key,
  at timestamptz not null default now(),
  user_id uuid,
  username text,
  unit_code text,
  role text,
  action text not null,
  object_type text,
  object_id text,
  outcome text not null check (outcome in ('success', 'failure', 'denied')),
  ip text,
  detail jsonb not null default '{}'
);
create index audit_log_at on audit_log(at desc);
create index audit_log_user on audit_log(username, at desc);
create index audit_log_action on audit_log(action, at desc);

create function audit_log_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'audit_log is append-only';
end $$;
create trigger audit_log_no_update before update or delete on audit_log
  for each row execute function audit_log_append_only();
