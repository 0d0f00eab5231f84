-- 024: a compact stored form of the classifier's models (docs/classification.md, "Storage").
--
-- Until now `model` held the whole TextModel as JSON (version 1): the category model of the demo is
-- 55 MB of jsonb — 486 labels × 11k terms of weights written as decimal text — which took seconds to
-- write, to turn back into text and to parse. From version 2 on, `model` keeps the readable part
-- (labels, tokeniser settings, terms, idf, bias, temperature, how the trainer was chosen, and a
-- descriptor of the weights with their CRC-32) and `model_weights` the weight matrix as a binary
-- block, one little-endian float32 per weight (packages/domain/src/intel/text-model-format.ts),
-- zlib-deflated by the server (routing/model-store.ts) — about a third of the raw block.
--
-- Rows stored as version 1 stay as they are and are still read (parseTextModel reads both forms):
-- converting them here would mean re-encoding the weights in SQL, and they age out anyway — only
-- the newest versions keep a model (routing/model-store.ts, pruneOldModels).
alter table classifier_models add column model_weights bytea;
-- already compressed: PostgreSQL need not try again
alter table classifier_models alter column model_weights set storage external;
-- the block is part of a model: never without its JSON (pruning drops both)
alter table classifier_models add constraint classifier_models_weights_with_model
  check (model_weights is null or model is not null);
