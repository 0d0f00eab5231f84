-- Places, organisation, categories and the responsibility list.
create table divisions (
  code char(12) primary key,
  name text not null,
  parent_code char(12) references divisions(code),
  level text not null check (level in ('city', 'district', 'township', 'community'))
);
create index divisions_parent on divisions(parent_code);

create table grids (
  code char(14) primary key,
  community_code char(12) not null references divisions(code),
  name text not null,
  -- GeoJSON MultiPolygon coordinates, [lng, lat]; the server keeps an in-memory index of them
  geometry jsonb not null,
  constraint grid_code_in_community check (left(code, 12) = community_code)
);
create index grids_community on grids(community_code);

create table units (
  code text primary key,
  name text not null,
  name_en text,
  type text not null check (type in ('city_centre','district_centre','township_centre','community_station','department','hotline','admin')),
  level text not null check (level in ('city', 'district', 'township', 'community')),
  division_code char(12) not null references divisions(code),
  department_kind text,
  active boolean not null default true,
  created_at timestamptz not null default now(),
  check ((type = 'department') = (department_kind is not null))
);
create index units_division on units(division_code);
create unique index units_one_department_per_seat on units(division_code, department_kind) where type = 'department';

create table users (
  id uuid primary key default gen_random_uuid(),
  username text not null unique check (username ~ '^[a-z0-9_.-]{3,64}$'),
  display_name text not null,
  password_hash text not null,
  unit_code text not null references units(code),
  roles text[] not null,
  active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index users_unit on users(unit_code);

create table sessions (
  id uuid primary key default gen_random_uuid(),
  token_hash bytea not null unique,
  user_id uuid not null references users(id),
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  expires_at timestamptz not null,
  revoked_at timestamptz,
  ip text
);
create index sessions_user on sessions(user_id);

create table categories (
  code text primary key,
  name text not null,
  kind text not null,
  parent_code text references categories(code),
  active boolean not null default true
);
create index categories_parent on categories(parent_code);

-- 权责清单: editable data, one row per leaf category.
create table responsibility_entries (
  category_code text primary key references categories(code),
  handler_kind text not null,
  level text not null check (level in ('city', 'district', 'township', 'community')),
  limit_days numeric(5,2) not null check (limit_days > 0 and limit_days <= 365),
  territorial boolean not null,
  updated_at timestamptz not null default now(),
  check (territorial = (handler_kind = 'territorial'))
);

-- Public holidays and adjusted working days (调休), per year, editable.
create table calendar_days (
  day date primary key,
  kind text not null check (kind in ('holiday', 'workday')),
  note text
);
