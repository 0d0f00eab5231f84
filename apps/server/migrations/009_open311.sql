-- Open311 GeoReport v2 (docs/open311.md): the client applications allowed to POST requests, and the
-- Open311 side of each case they created. Keys are stored as SHA-256 hashes only: a key is shown
-- once, when it is made.
create table open311_clients (
  id uuid primary key default gen_random_uuid(),
  name text not null check (length(btrim(name)) between 1 and 100),
  key_hash text not null unique check (key_hash ~ '^[0-9a-f]{64}$'),
  -- the first characters of the key, so an admin can tell keys apart without seeing them
  key_prefix text not null check (length(key_prefix) between 1 and 12),
  active boolean not null default true,
  created_at timestamptz not null default now(),
  -- null for the demo client seeded at first start
  created_by uuid references users(id),
  last_used_at timestamptz,
  updated_at timestamptz not null default now()
);
create index open311_clients_created on open311_clients(created_at desc);

-- One row per case created through POST /open311/v2/requests. The reporter's name and phone go to
-- the case (masked by the presenters); what the case has no column for stays here and is never
-- published: only media_url appears in GET requests.
create table open311_requests (
  case_id uuid primary key references cases(id),
  client_id uuid not null references open311_clients(id),
  -- resolvable with GET /tokens/{token}; requests are created synchronously, the token is a courtesy
  token text not null unique check (token ~ '^[A-Za-z0-9_-]{16,64}$'),
  media_url text check (length(media_url) <= 2000),
  email text check (length(email) <= 254),
  device_id text check (length(device_id) <= 200),
  account_id text check (length(account_id) <= 200),
  attributes jsonb not null default '{}'::jsonb,
  created_at timestamptz not null default now()
);
create index open311_requests_client on open311_requests(client_id, created_at desc);
