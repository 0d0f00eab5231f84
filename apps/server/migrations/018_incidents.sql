-- 018: emergency mode (应急指挥). A centre declares an incident over grids of its own area (drawn as a
-- polygon or chosen), broadcasts a task to every grid worker of those grids, and keeps a log. The log
-- is evidence, append-only like case_events; the tasks carry each worker's 收到 / 已完成.

-- YJ20261127001: one counter row per China day, locked by its upsert until the declaring transaction ends
create table incident_code_counters (
  day date primary key,
  n integer not null
);

create table incidents (
  id uuid primary key default gen_random_uuid(),
  code text not null unique,
  type text not null check (type in ('flood', 'fire', 'snow_ice', 'gas_leak', 'public_health',
    'production_safety', 'geological', 'other')),
  -- 1 Ⅰ特别重大 … 4 Ⅳ一般
  level smallint not null check (level between 1 and 4),
  title text not null check (length(title) between 1 and 200),
  description text check (length(description) <= 5000),
  status text not null default 'active' check (status in ('active', 'closed')),
  -- the polygon drawn on the map, [[lng, lat], …] without the closing point; null when grids were chosen
  area jsonb,
  grid_codes text[] not null check (cardinality(grid_codes) between 1 and 2000),
  -- jurisdiction: the smallest division holding every grid (the finer columns are null when the grids
  -- span several divisions of that level), so an incident is found by the same codes as a case
  city_code char(12) not null,
  district_code char(12),
  township_code char(12),
  community_code char(12),
  scope_level text not null check (scope_level in ('city', 'district', 'township', 'community')),
  scope_code char(12) not null,
  -- bounding box of the grids' outlines, for fitting a map
  min_lng double precision not null,
  min_lat double precision not null,
  max_lng double precision not null,
  max_lat double precision not null,
  declared_by uuid not null references users(id),
  declared_unit_code text not null references units(code),
  declared_at timestamptz not null,
  closed_at timestamptz,
  closed_by uuid references users(id),
  summary text check (length(summary) <= 5000),
  -- Idempotency-Key of the declaring request (a retry returns this incident) and its body's hash
  idempotency_key text check (length(idempotency_key) between 8 and 128),
  request_hash text,
  version integer not null default 0,
  check ((status = 'closed') = (closed_at is not null)),
  check ((idempotency_key is null) = (request_hash is null))
);
create unique index incidents_idempotency on incidents(declared_by, idempotency_key) where idempotency_key is not null;
create index incidents_declared on incidents(declared_at desc);
create index incidents_active on incidents(declared_at desc) where status = 'active';
create index incidents_district on incidents(district_code, declared_at desc);
create index incidents_township on incidents(township_code, declared_at desc);
create index incidents_community on incidents(community_code, declared_at desc);
create index incidents_grids on incidents using gin(grid_codes);

-- one broadcast of a task text to the grid workers of the incident's grids (declaring sends the first)
create table incident_broadcasts (
  id uuid primary key default gen_random_uuid(),
  incident_id uuid not null references incidents(id),
  -- 1 for the declaration's, then 2, 3 … (taken under the incident's row lock): orders broadcasts sent
  -- within the same instant
  seq integer not null check (seq >= 1),
  text text not null check (length(text) between 1 and 2000),
  sent_at timestamptz not null,
  sent_by uuid not null references users(id),
  unique (incident_id, seq)
);

-- one row per grid worker per broadcast; the worker acknowledges (收到) and reports it done (已完成)
create table incident_tasks (
  id uuid primary key default gen_random_uuid(),
  incident_id uuid not null references incidents(id),
  broadcast_id uuid not null references incident_broadcasts(id),
  user_id uuid not null references users(id),
  -- the worker's (first) grid inside the incident
  grid_code char(14) not null references grids(code),
  status text not null default 'sent' check (status in ('sent', 'acknowledged', 'done')),
  sent_at timestamptz not null,
  acked_at timestamptz,
  done_at timestamptz,
  note text check (length(note) <= 2000),
  unique (broadcast_id, user_id),
  check (status = 'sent' or acked_at is not null),
  check ((status = 'done') = (done_at is not null))
);
create index incident_tasks_user on incident_tasks(user_id, sent_at desc);
create index incident_tasks_incident on incident_tasks(incident_id, user_id);

create table incident_log (
  id bigint generated always as identity primary key,
  incident_id uuid not null references incidents(id),
  at timestamptz not null,
  kind text not null check (kind in ('declared', 'task', 'log', 'ack', 'done', 'closed')),
  text text check (length(text) <= 5000),
  actor_user_id uuid references users(id),
  actor_unit_code text,
  task_id uuid references incident_tasks(id),
  data jsonb not null default '{}'
);
create index incident_log_incident on incident_log(incident_id, id);

-- Append-only: the log is the record of what was ordered and done.
create function incident_log_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'incident_log is append-only';
end $$;
create trigger incident_log_no_update before update or delete on incident_log
  for each row execute function incident_log_append_only();
