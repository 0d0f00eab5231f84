-- 016: an uploaded hotline import waits for its column mapping with the whole spreadsheet — callers'
-- names, phones, addresses — so its cells are stored sealed like the reporter's fields (013): the
-- JSON of the data rows in `cells_enc` (field `hotline_imports.cells`), and `cells` stays '[]'.
-- Imports uploaded before this migration are sealed by the boot step (pii/convert-clear.ts), which
-- then validates the check; committed imports already hold '[]'.
alter table hotline_imports add column cells_enc text;
alter table hotline_imports alter column cells set default '[]'::jsonb;
alter table hotline_imports add constraint hotline_imports_no_clear_cells check (cells = '[]'::jsonb) not valid;
