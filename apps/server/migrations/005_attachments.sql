-- Photos of a report or of a handling feedback. Uploaded first (unlinked, owned by the uploader), then
-- linked to a case by the report or feedback that names them, in that request's transaction. The
-- bytes live in the database, like the rest of the evidence: one backup, one access rule.
create table attachments (
  id uuid primary key default gen_random_uuid(),
  case_id uuid references cases(id),
  stage text check (stage in ('report', 'feedback')),
  uploaded_by uuid not null references users(id),
  content_type text not null check (content_type in ('image/jpeg', 'image/png', 'image/webp')),
  size integer not null check (size > 0 and size <= 10485760),
  sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  data bytea not null,
  created_at timestamptz not null default now(),
  linked_at timestamptz,
  -- linked once, with its stage; never half-linked
  check ((case_id is null) = (stage is null) and (case_id is null) = (linked_at is null))
);
create index attachments_case on attachments(case_id, created_at) where case_id is not null;
create index attachments_unlinked on attachments(uploaded_by, created_at) where case_id is null;
