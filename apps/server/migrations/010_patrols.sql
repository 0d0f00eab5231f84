-- The grid workers' phone app: the grids each worker looks after, patrols with their GPS tracks, and
-- idempotency keys for case actions sent from an offline queue.

-- 我的网格: which grids a grid worker patrols (usually one; a worker may cover neighbouring grids)
create table grid_worker_grids (
  user_id uuid not null references users(id),
  grid_code char(14) not null references grids(code),
  assigned_at timestamptz not null default now(),
  primary key (user_id, grid_code)
);
create index grid_worker_grids_grid on grid_worker_grids(grid_code);

-- 巡查: one walk through the grid; distance and point count are kept up to date as points arrive
create table patrols (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references users(id),
  started_at timestamptz not null,
  ended_at timestamptz,
  distance_m double precision not null default 0 check (distance_m >= 0),
  point_count integer not null default 0 check (point_count >= 0),
  -- the phone's key for the start request: a start retried by the offline queue is the same patrol
  idempotency_key text not null check (length(idempotency_key) between 8 and 128),
  created_at timestamptz not null default now(),
  check (ended_at is null or ended_at >= started_at)
);
create unique index patrols_idempotency on patrols(user_id, idempotency_key);
-- at most one patrol under way per worker
create unique index patrols_open on patrols(user_id) where ended_at is null;
create index patrols_user on patrols(user_id, started_at desc);

-- the track: one point per instant, so a batch sent twice is stored once
create table patrol_points (
  patrol_id uuid not null references patrols(id),
  at timestamptz not null,
  lat double precision not null check (lat between -90 and 90),
  lng double precision not null check (lng between -180 and 180),
  accuracy real check (accuracy is null or accuracy >= 0),
  primary key (patrol_id, at)
);

-- Case actions with an Idempotency-Key (the phone's queue retries a verification): written in the
-- action's transaction, so a retry finds the key and gets the case instead of a second transition.
create table case_action_keys (
  scope text not null,
  key text not null,
  case_id uuid not null references cases(id),
  action text not null,
  request_hash text not null,
  created_at timestamptz not null default now(),
  primary key (scope, key)
);

-- a grid worker's check on site may carry photos, like a report or a feedback
alter table attachments drop constraint attachments_stage_check;
alter table attachments add constraint attachments_stage_check check (stage in ('report', 'feedback', 'verify'));
