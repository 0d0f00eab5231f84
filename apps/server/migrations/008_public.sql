-- The citizens' portal (/p/): anonymous browser tokens, phone one-time codes, receipts that let a
-- citizen follow their report, and the ban list of phones. Secrets (tokens, codes, receipts) are
-- stored only as hashes: a leaked table lets nobody act as a citizen.

-- A browser's anonymous token (random 32 bytes, issued by POST /public/session), as sha256 hex like
-- attachments.public_owner. Only issued tokens may upload photos.
create table public_sessions (
  token_hash text primary key check (token_hash ~ '^[0-9a-f]{64}$'),
  created_at timestamptz not null,
  last_seen_at timestamptz not null
);
create index public_sessions_seen on public_sessions(last_seen_at);

-- One-time codes sent to a phone. A new code supersedes the phone's earlier ones; a code dies after
-- its expiry, after its attempts run out, or once used.
create table otp_codes (
  id uuid primary key default gen_random_uuid(),
  phone text not null check (phone ~ '^1[3-9][0-9]{9}$'),
  -- hmac-sha256(salt, phone:code): six digits are few, the salt keeps a table dump from being a lookup
  salt bytea not null check (length(salt) = 16),
  code_hash bytea not null check (length(code_hash) = 32),
  created_at timestamptz not null,
  expires_at timestamptz not null,
  attempts integer not null default 0 check (attempts >= 0),
  max_attempts integer not null check (max_attempts > 0),
  used_at timestamptz,
  superseded_at timestamptz
);
create index otp_codes_live on otp_codes(phone, created_at desc) where used_at is null and superseded_at is null;

-- The receipt code a citizen gets for a report (12 characters of an unambiguous alphabet), hashed.
create table public_receipts (
  receipt_hash text primary key check (receipt_hash ~ '^[0-9a-f]{64}$'),
  case_id uuid not null unique references cases(id),
  created_at timestamptz not null
);

-- Phones barred from the portal (abuse), kept by the system admin.
create table banned_phones (
  phone text primary key check (phone ~ '^1[3-9][0-9]{9}$'),
  reason text not null check (length(reason) between 1 and 200),
  banned_by uuid not null references users(id),
  banned_at timestamptz not null
);

-- The results wall (结果公开): closed cases with a result, newest first.
create index cases_public_results on cases(closed_at desc)
  where status in ('closed', 'evaluated') and result_note is not null;
