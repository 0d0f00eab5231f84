// The search tokens (020) of the generated cases, made by the server's own tokenizer: one vector per
// field of each text variant and per place, in two lookup tables that the batch INSERT joins
// (case-batch-sql.ts) and concatenates in the order create-case writes them — title, code, address,
// description, then the result note once the case has one. Only when the search bench runs: the
// screen's ten million cases go in without tokens (null: "not indexed yet").
import { documentVector, type SearchWeight } from "@civicgrid/domain";
import { sql } from "kysely";
import type { Db } from "../src/db/connect.ts";
import type { LookupTables } from "./generator-tables.ts";

const field = (text: string | null, weight: SearchWeight) => documentVector([{ text, weight }]);

export async function createSearchTokenTables(db: Db, t: LookupTables): Promise<void> {
  const texts = t.texts;
  await sql`create unlogged table bench.text_tokens as
    select key, title_v::tsvector, description_v::tsvector, result_v::tsvector
    from unnest(${texts.map((_, i) => i)}::int[], ${texts.map((x) => field(x.title, "A"))}::text[],
      ${texts.map((x) => field(x.description, "C"))}::text[], ${texts.map((x) => field(x.resultNote, "D"))}::text[])
      as x(key, title_v, description_v, result_v)`.execute(db);
  const areas = t.spots.map((s) => field(s.area, "B"));
  await sql`create unlogged table bench.spot_tokens as
    select i, area_v::tsvector
    from unnest(${areas.map((_, i) => i)}::int[], ${areas}::text[]) as x(i, area_v)`.execute(db);
  await sql.raw("alter table bench.text_tokens add primary key (key); analyze bench.text_tokens").execute(db);
  await sql.raw("alter table bench.spot_tokens add primary key (i); analyze bench.spot_tokens").execute(db);
}
