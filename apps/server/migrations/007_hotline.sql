-- The 12345 hotline desk: callers attached to an open case (附议, "me too"), tickets imported from
-- the hotline's own system, and the indexes the desk looks things up by while the caller talks.

-- A phone number as a lookup key: digits only, the last 11 (drops +86 / 0086, spaces and dashes),
-- so "138 1234 5678" and "+86 13812345678" find the same caller.
create function phone_key(phone text) returns text
  language sql immutable parallel safe
  as $$ select right(regexp_replace(phone, '[^0-9]', '', 'g'), 11) $$;

-- Caller history: earlier cases by the reporter's phone.
create index cases_reporter_phone_key on cases (phone_key(reporter_phone)) where reporter_phone is not null;

-- Similar open cases near a point: a box lookup on the open cases only (the terminal ones are most
-- of a year's 78k and never candidates).
create index cases_open_point on cases using gist (point(lng, lat))
  where status in ('reported', 'registered', 'dispatched', 'accepted', 'returned', 'handled');

-- The hotline system's own ticket number (工单编号) of an imported ticket: importing the same file
-- again never makes a second case.
alter table cases add column external_ticket_no text check (length(external_ticket_no) between 1 and 64);
create unique index cases_external_ticket_no on cases (external_ticket_no) where external_ticket_no is not null;

-- Each further caller about an open case, written in the transaction of its "me too" event.
create table case_callers (
  id bigint generated always as identity primary key,
  case_id uuid not null references cases(id),
  name text check (length(name) <= 50),
  phone text check (length(phone) <= 20),
  note text check (length(note) <= 2000),
  source text not null,
  at timestamptz not null,
  -- the agent who took the call
  user_id uuid references users(id),
  -- the case event ("me-too") this call wrote
  event_seq integer not null,
  foreign key (case_id, event_seq) references case_events (case_id, seq)
);
create index case_callers_case on case_callers (case_id, at desc);
create index case_callers_phone_key on case_callers (phone_key(phone)) where phone is not null;

-- A bulk import: the parsed file waits here (status uploaded) until committed with a column mapping;
-- then the cells are dropped and the row-by-row report kept.
create table hotline_imports (
  id uuid primary key default gen_random_uuid(),
  file_name text not null check (length(file_name) <= 255),
  file_sha256 text not null check (file_sha256 ~ '^[0-9a-f]{64}$'),
  format text not null check (format in ('csv', 'xlsx')),
  encoding text,
  headers jsonb not null,
  -- string cells of the data rows, header row excluded; emptied once committed
  cells jsonb not null,
  row_count integer not null check (row_count >= 0),
  status text not null check (status in ('uploaded', 'committing', 'committed')),
  mapping jsonb,
  created_count integer not null default 0,
  error_count integer not null default 0,
  duplicate_count integer not null default 0,
  report jsonb,
  uploaded_by uuid not null references users(id),
  unit_code text not null references units(code),
  uploaded_at timestamptz not null,
  committed_by uuid references users(id),
  committed_at timestamptz
);
create index hotline_imports_uploaded on hotline_imports (uploaded_at desc);
