-- Identity (issue 5): lockout counters, TOTP second factor, recovery codes, sign-in challenges,
-- enrolment-only sessions, the security admin's policies, and the one-time first-start setup code.

alter table users
  add column failed_logins integer not null default 0,
  add column locked_until timestamptz,
  -- AES-256-GCM (key in DATA_DIR/keys/totp.key): the confirmed secret and one being enrolled
  add column totp_secret_enc text,
  add column totp_pending_enc text,
  add column totp_enabled_at timestamptz,
  -- the last 30-second step a code was accepted for: a code cannot be used twice
  add column totp_last_step bigint;

create table user_recovery_codes (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references users(id),
  code_hash bytea not null,
  created_at timestamptz not null default now(),
  used_at timestamptz
);
create index user_recovery_codes_user on user_recovery_codes(user_id);

-- step 2 of a sign-in with TOTP: the password was right, the code is still due
create table login_challenges (
  id uuid primary key default gen_random_uuid(),
  token_hash bytea not null unique,
  user_id uuid not null references users(id),
  created_at timestamptz not null,
  expires_at timestamptz not null,
  used_at timestamptz,
  ip text
);
create index login_challenges_user on login_challenges(user_id);

-- a session that may only enrol TOTP (the account must have it and has none yet)
alter table sessions add column mfa_enrolment_only boolean not null default false;

-- one row: the security admin's policies
create table security_policies (
  id integer primary key default 1 check (id = 1),
  totp_required_for_centres boolean not null default false,
  updated_at timestamptz not null default now(),
  updated_by text
);
insert into security_policies (id) values (1) on conflict do nothing;

-- first start of a non-demo install: the hash of the one-time setup code (one row at most)
create table setup_codes (
  id integer primary key default 1 check (id = 1),
  code_hash bytea not null,
  created_at timestamptz not null default now()
);
