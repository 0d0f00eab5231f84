-- The one problem database and its append-only event log.
create table case_code_counters (
  day date primary key,
  n integer not null
);

create table cases (
  id uuid primary key default gen_random_uuid(),
  code text not null unique,
  title text not null,
  description text not null,
  source text not null,
  category_code text references categories(code),
  status text not null check (status in ('reported','registered','rejected','merged','dispatched','accepted','returned','handled','closed','evaluated')),
  lat double precision not null check (lat between -90 and 90),
  lng double precision not null check (lng between -180 and 180),
  address text,
  grid_code char(14) not null references grids(code),
  community_code char(12) not null,
  township_code char(12) not null,
  district_code char(12) not null,
  city_code char(12) not null,
  reporter_name text,
  reporter_phone text,
  reported_by uuid references users(id),
  centre_unit_code text not null references units(code),
  owner_unit_code text references units(code),
  assist_unit_codes text[] not null default '{}',
  -- every unit that has held or helped with the case: departments see these
  involved_unit_codes text[] not null default '{}',
  dispatcher_unit_code text references units(code),
  suggested_unit_code text references units(code),
  routing_rule text,
  routing_reason jsonb,
  limit_days numeric(5,2),
  reported_at timestamptz not null,
  registered_at timestamptz,
  dispatched_at timestamptz,
  accept_due_at timestamptz,
  accepted_at timestamptz,
  handled_at timestamptz,
  closed_at timestamptz,
  evaluated_at timestamptz,
  due_at timestamptz,
  warn_at timestamptz,
  warned_at timestamptz,
  overdue_at timestamptz,
  escalation_level integer not null default 0,
  next_escalation_at timestamptz,
  rework_count integer not null default 0,
  return_count integer not null default 0,
  reopen_count integer not null default 0,
  supervision_count integer not null default 0,
  extension_count integer not null default 0,
  me_too_count integer not null default 0,
  merged_into_id uuid references cases(id),
  rating text check (rating in ('satisfied', 'basically', 'unsatisfied')),
  rating_comment text,
  pending_extension jsonb,
  result_note text,
  last_return_reason text,
  version integer not null default 0,
  updated_at timestamptz not null default now()
);
create index cases_status on cases(status, reported_at desc);
create index cases_district on cases(district_code, reported_at desc);
create index cases_township on cases(township_code, reported_at desc);
create index cases_community on cases(community_code, reported_at desc);
create index cases_grid on cases(grid_code);
create index cases_centre on cases(centre_unit_code, status);
create index cases_owner on cases(owner_unit_code, status);
create index cases_involved on cases using gin(involved_unit_codes);
create index cases_category on cases(category_code);
create index cases_reported_at on cases(reported_at desc);
create index cases_merged_into on cases(merged_into_id) where merged_into_id is not null;
-- the SLA sweep's three timers
create index cases_warn_due on cases(warn_at) where warned_at is null and warn_at is not null;
create index cases_overdue_due on cases(due_at) where overdue_at is null and due_at is not null;
create index cases_escalation_due on cases(next_escalation_at) where next_escalation_at is not null;

create table case_events (
  id bigint generated always as identity primary key,
  case_id uuid not null references cases(id),
  seq integer not null,
  action text not null,
  from_status text,
  to_status text not null,
  actor_user_id uuid references users(id),
  actor_role text,
  actor_unit_code text,
  at timestamptz not null,
  note text,
  data jsonb not null default '{}',
  unique (case_id, seq)
);

-- Append-only: the timeline is evidence.
create function case_events_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'case_events is append-only';
end $$;
create trigger case_events_no_update before update or delete on case_events
  for each row execute function case_events_append_only();

create table idempotency_keys (
  scope text not null,
  key text not null,
  request_hash text not null,
  case_id uuid not null references cases(id),
  created_at timestamptz not null default now(),
  primary key (scope, key)
);
