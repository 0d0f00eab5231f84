-- Personal data at rest (issue 5): the reporter's and callers' name, phone, ID number and exact
-- address are stored sealed by the application (AES-256-GCM, keys outside the database, envelope
-- `v1.<keyId>.<alg>.<base64url>`), with a masked copy for display and, for phones, a keyed hash
-- (HMAC-SHA256) for search. A migration cannot encrypt: the boot step (pii/convert-clear.ts) seals
-- rows written before this migration and nulls their clear columns; the checks below are NOT VALID
-- until it has run, then validated, so no clear value can be written again.

alter table cases
  add column reporter_name_enc text,
  add column reporter_name_masked text check (length(reporter_name_masked) <= 60),
  add column reporter_phone_enc text,
  add column reporter_phone_masked text check (length(reporter_phone_masked) <= 24),
  add column reporter_phone_hash text check (reporter_phone_hash ~ '^[0-9a-f]{64}$'),
  add column reporter_id_number_enc text,
  add column reporter_id_number_masked text check (length(reporter_id_number_masked) <= 24),
  add column address_enc text,
  -- the coarse, non-identifying part of the address (no house number) for lists, search and maps
  add column address_area text check (length(address_area) <= 200),
  -- set by the retention job when the reporter's personal data was removed
  add column anonymised_at timestamptz;
alter table cases add constraint cases_no_clear_pii
  check (reporter_name is null and reporter_phone is null and address is null) not valid;
drop index if exists cases_reporter_phone_key;
create index cases_reporter_phone_hash on cases (reporter_phone_hash) where reporter_phone_hash is not null;
-- the retention job's candidates: closed, not yet anonymised
create index cases_retention on cases (closed_at) where anonymised_at is null and closed_at is not null;

alter table case_callers
  add column name_enc text,
  add column name_masked text check (length(name_masked) <= 50),
  add column phone_enc text,
  add column phone_masked text check (length(phone_masked) <= 24),
  add column phone_hash text check (phone_hash ~ '^[0-9a-f]{64}$');
alter table case_callers add constraint case_callers_no_clear_pii check (name is null and phone is null) not valid;
drop index if exists case_callers_phone_key;
create index case_callers_phone_hash on case_callers (phone_hash) where phone_hash is not null;

-- The ban list is looked up by the keyed hash; the admin sees the masked number, an id names the entry.
alter table banned_phones drop constraint banned_phones_pkey;
alter table banned_phones alter column phone drop not null;
alter table banned_phones
  add column id uuid not null default gen_random_uuid() primary key,
  add column phone_hash text unique check (phone_hash ~ '^[0-9a-f]{64}$'),
  add column phone_masked text check (length(phone_masked) <= 24),
  add column phone_enc text;
alter table banned_phones add constraint banned_phones_no_clear_pii check (phone is null) not valid;

-- One-time codes are found by the phone's keyed hash.
alter table otp_codes alter column phone drop not null;
alter table otp_codes add column phone_hash text check (phone_hash ~ '^[0-9a-f]{64}$');
alter table otp_codes add constraint otp_codes_no_clear_pii check (phone is null) not valid;
drop index if exists otp_codes_live;
create index otp_codes_live on otp_codes (phone_hash, created_at desc) where used_at is null and superseded_at is null;

alter table open311_requests add column email_enc text;
alter table open311_requests add constraint open311_requests_no_clear_pii check (email is null) not valid;
