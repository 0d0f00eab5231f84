-- 023: the classifier's model store and auto-dispatch (docs/classification.md, "On the server").
--
-- classifier_models: one row per trained model. A training run trains both kinds from the same closed
-- cases and the same held-out split, so both rows of a run share its `version`, and a version is
-- activated as a pair: the auto-dispatch thresholds are measured with the category model's suggestion
-- and the unit model's confidence together. At most one active row per kind.
create table classifier_models (
  id bigint generated always as identity primary key,
  kind text not null check (kind in ('category', 'unit')),
  version integer not null check (version > 0),
  trained_at timestamptz not null,
  -- examples the stored model learnt from, and the newest close time among them
  trained_on integer not null check (trained_on >= 0),
  data_until timestamptz,
  -- held-out figures: accuracy, macro-F1, top-3, per label precision/recall/F1/support, and (unit
  -- rows) the auto-dispatch threshold chosen per suggested category; also how long training took
  metrics jsonb not null,
  -- TextModel JSON (packages/domain/src/intel); null once pruned (old inactive versions keep figures only)
  model jsonb,
  active boolean not null default false,
  activated_at timestamptz,
  activated_by uuid references users(id),
  -- why the run was (not) activated: first model, compared with the active one, by hand
  activation_note text check (length(activation_note) <= 500),
  unique (kind, version),
  check (not active or model is not null)
);
create unique index classifier_models_active on classifier_models (kind) where active;
create index classifier_models_version on classifier_models (version desc);

-- Per category (the suggested one): may the platform dispatch by itself, and from which confidence of
-- the unit suggestion. `threshold` is copied from the active version's held-out figures when a version
-- is activated: the lowest confidence at which precision stays ≥ 0.95, null when none does (then the
-- category never auto-dispatches, enabled or not).
create table auto_dispatch_settings (
  category_code text primary key references categories(code),
  enabled boolean not null default false,
  threshold double precision check (threshold is null or (threshold > 0 and threshold <= 1)),
  -- the held-out figures behind the threshold: precision above it, share of the category's cases above it, cases
  precision double precision,
  coverage double precision,
  support integer,
  model_version integer,
  updated_at timestamptz not null,
  updated_by uuid references users(id)
);

-- Cases the platform dispatched by itself, and to which unit: the screen's "share auto-dispatched" and
-- its precision (a later return or a different owner makes it wrong) are read from these.
alter table cases add column auto_dispatched_at timestamptz;
alter table cases add column auto_dispatch_unit_code text references units(code);
create index cases_auto_dispatched on cases (auto_dispatched_at) where auto_dispatched_at is not null;
-- training reads the newest closed cases; the daily job counts those closed since the last model
create index cases_closed_at on cases (closed_at) where closed_at is not null;
