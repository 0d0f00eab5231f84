-- 020: smart search (智能搜索) over cases: one token column, GIN-indexed.
--
-- PostgreSQL's parsers and pg_trgm decide what a "word character" is by the cluster's locale; under
-- the embedded cluster's C locale pg_trgm drops every Chinese character (show_trgm('垃圾桶满了 3号楼')
-- is {"  3"," 3 "}), and its trigrams need three characters anyway. So the server cuts the texts
-- itself (packages/domain/src/search/search-text.ts: one lexeme per character — the bigram with the
-- next character of the same run, else the character; ASCII words whole — with positions and weights)
-- and stores the ready-made `tsvector`; a query is a phrase of the same lexemes, matched by the index.
--
-- What is indexed: title and case code (weight A), the coarse address (B), the description (C), and
-- the notes along the loop — results/feedback, return reasons, comments, evaluations (D). The exact
-- address stays sealed (013) and is not indexed.
--
-- Kept by the application: create-case writes it, every transition with a note appends that note
-- (cases/apply-patch.ts), the demo history is inserted with it (seed/seed-history.ts). Rows without
-- it (written before this migration, bulk loads) are filled in batches by jobs/index-case-texts.ts on
-- each sweep, newest first — this SQL cannot run the tokenizer; until then such a case is found by
-- its full code only. (The sweep does up to 20,000 a tick; 78k cases took 3 minutes in batches of
-- 2,000 on the busy 2-CPU test machine — each batch rewrites rows that carry 25 indexes.)
alter table cases add column search_tokens tsvector;
-- the choice between the GIN index (rare words) and walking the newest cases (common words) rests
-- on the lexeme statistics (search/lexeme-stats.ts, and the planner's): keep ten times the default
alter table cases alter column search_tokens set statistics 1000;
create index cases_search on cases using gin (search_tokens);
-- the rows still to be indexed, newest first
create index cases_search_pending on cases (reported_at desc) where search_tokens is null;
-- the channel filter (the search's and the case list's): with it the index passes read only the
-- channel's matches; without it, a 12345-only search fetched three times the rows it kept
create index cases_source on cases (source, reported_at desc);
