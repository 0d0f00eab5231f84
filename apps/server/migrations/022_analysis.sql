-- 022: common problems (共性问题) and trend anomalies (分析研判). docs/analysis.md.
--
-- analysis_counts: problems per place, day (CST report day) and leaf category, at the four levels the
-- analysis reads (city, district, community, grid). Kept by the analysis sweep (jobs/sweep-analysis.ts),
-- not by a trigger: the 017 rollups key only the category class and count duplicates (并案) and
-- refused reports, while a hotspot is about one category of real problems. The sweep recounts the
-- last weeks every run and everything once a day, from `cases` (index cases_reported_at), so a
-- reclassified case moves within a day; nothing on the transition path pays for it.
create table analysis_counts (
  level text not null check (level in ('city', 'district', 'community', 'grid')),
  code text not null,
  day date not null,
  category_code text not null,
  reported integer not null check (reported > 0),
  primary key (level, day, code, category_code)
);

-- One row: when the counts were last recounted in full, and from which day they start.
create table analysis_state (
  id boolean primary key default true check (id),
  counts_full_at timestamptz,
  counts_from date,
  swept_at timestamptz
);
insert into analysis_state default values;

-- An alert: a hotspot (one category recurring in one community or grid) or a trend (a category or
-- class rising above its usual level in the city or a district). One live row per `key` while the
-- signal lasts (`active`); the sweep updates its figures, and ends it when the signal is gone. People
-- acknowledge it, dismiss it, or open a governance task (治理任务: a case aimed at the root cause).
create table analysis_alerts (
  id uuid primary key default gen_random_uuid(),
  -- 'hotspot:<community>:<category>' or 'trend:<division>:<category or class>'
  key text not null,
  kind text not null check (kind in ('hotspot', 'trend')),
  -- where the signal is strongest: a grid or community (hotspots), the city or a district (trends)
  level text not null check (level in ('city', 'district', 'township', 'community', 'grid')),
  code text not null,
  category_code text not null,
  category_level text not null check (category_level in ('category', 'class')),
  -- jurisdiction: the place's division chain (null below its level), found like a case's
  city_code char(12) not null,
  district_code char(12),
  township_code char(12),
  community_code char(12),
  grid_code char(14),
  window_days integer not null check (window_days between 1 and 366),
  window_from date not null,
  window_to date not null,
  observed integer not null,
  expected double precision not null,
  ratio double precision,
  p_value double precision not null,
  q_value double precision,
  -- −log10 p: the ranking key ("how surprising"); the highest seen while it lasted
  score double precision not null,
  peak_score double precision not null,
  -- hotspots: 'poisson'; trends: 'seasonal' | 'recent'
  method text not null,
  -- the figures behind the test (baseline weeks, upper limit, the two expectations …)
  detail jsonb not null default '{}',
  status text not null default 'open' check (status in ('open', 'acknowledged', 'tasked', 'dismissed')),
  active boolean not null default true,
  first_seen_at timestamptz not null,
  last_seen_at timestamptz not null,
  ended_at timestamptz,
  status_changed_at timestamptz,
  status_changed_by uuid references users(id),
  status_note text check (length(status_note) <= 2000),
  task_case_id uuid references cases(id),
  version integer not null default 0,
  check (active = (ended_at is null)),
  check ((status = 'tasked') = (task_case_id is not null))
);
create unique index analysis_alerts_live on analysis_alerts(key) where active;
create index analysis_alerts_key on analysis_alerts(key, last_seen_at desc);
create index analysis_alerts_seen on analysis_alerts(last_seen_at desc);
create index analysis_alerts_district on analysis_alerts(district_code, last_seen_at desc);
create index analysis_alerts_township on analysis_alerts(township_code, last_seen_at desc);
create index analysis_alerts_community on analysis_alerts(community_code, last_seen_at desc);
create unique index analysis_alerts_task on analysis_alerts(task_case_id) where task_case_id is not null;

-- The cases behind an alert when a governance task was opened for it (what the task was about).
create table analysis_alert_cases (
  alert_id uuid not null references analysis_alerts(id),
  case_id uuid not null references cases(id),
  primary key (alert_id, case_id)
);
