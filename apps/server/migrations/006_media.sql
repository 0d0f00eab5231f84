-- Photo bytes move out of the database into media storage (a folder under DATA_DIR, or an
-- S3-compatible bucket): a row keeps the object keys of the cleaned original and of its thumbnail.
-- Rows written before keep their `data` and are served from it (storage_key is null).
alter table attachments
  alter column data drop not null,
  add column storage_key text,
  add column thumb_key text,
  add column thumb_size integer check (thumb_size > 0),
  add column width integer check (width > 0),
  add column height integer check (height > 0),
  -- sha256 of the bytes as received: a retry with the same Idempotency-Key must send the same file
  add column source_sha256 text check (source_sha256 ~ '^[0-9a-f]{64}$'),
  add column idempotency_key text check (length(idempotency_key) between 1 and 200),
  -- uploads by an anonymous citizen: the hash of a token held by their browser, never the token itself
  add column public_owner text check (public_owner ~ '^[0-9a-f]{64}$'),
  alter column uploaded_by drop not null;

alter table attachments
  -- bytes somewhere: inline (old rows) or in storage, with a thumbnail and dimensions
  add constraint attachments_bytes check (
    (storage_key is null and data is not null and thumb_key is null)
    or (storage_key is not null and data is null and thumb_key is not null and thumb_size is not null
        and width is not null and height is not null)
  ),
  -- exactly one owner: a staff user or an anonymous citizen's token
  add constraint attachments_one_owner check ((uploaded_by is null) <> (public_owner is null));

-- a re-encoded PNG may come out a little larger than the uploaded file; the upload limit (10 MB)
-- still applies to what is received
alter table attachments drop constraint attachments_size_check;
alter table attachments add constraint attachments_size_check check (size > 0 and size <= 67108864);

create unique index attachments_storage_key on attachments(storage_key) where storage_key is not null;

-- the same Idempotency-Key from the same uploader is the same attachment (offline queues retry)
create unique index attachments_idempotency on attachments((coalesce(uploaded_by::text, public_owner)), idempotency_key)
  where idempotency_key is not null;

create index attachments_unlinked_public on attachments(public_owner, created_at)
  where case_id is null and public_owner is not null;

-- the clean-up job's scan: unlinked uploads by age
create index attachments_unlinked_age on attachments(created_at) where case_id is null;
