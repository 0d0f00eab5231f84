// The one tokenizer of case search (智能搜索). PostgreSQL's own parsers and pg_trgm classify characters
// by the cluster's locale, and under the embedded cluster's C locale they drop Chinese entirely, so the
// server computes the tokens here and stores them ready-made in a `tsvector` (GIN-indexed):
//
// - a text is cut into units: each Han character is a unit, each run of ASCII letters/digits (after
//   NFKC folding and lower case) is a unit (a "word"); everything else separates units;
// - unit i gets exactly one lexeme at position i: the bigram of it and the next Han character when
//   both stand in the same run, else the unit itself (a run's last character, or a word);
// - a query term is cut the same way and becomes a phrase (`<->`) of its lexemes, its last Han
//   character and its last word matched as prefixes (`:*`). A bigram query thus matches exactly
//   where the characters stand next to each other — substring matching for Chinese of any length ≥ 1
//   — and a word matches a whole word, or its beginning when it ends the term.
//
// Positions make phrases exact, so no false positives need filtering afterwards; highlight.ts finds
// the same matches in the stored texts with the same rule.

/** One unit of a text: a Han character or an ASCII word, with where it stands in the original text. */
export interface SearchUnit {
  kind: "han" | "word";
  /** normalised text (NFKC, ASCII lower case); a word is cut to MAX_WORD characters */
  text: string;
  /** UTF-16 offsets in the original string: [start, end) */
  start: number;
  end: number;
  /** whether the next unit is a Han character of the same run (nothing between them) */
  joined: boolean;
}

/** Weights of the fields in the index, strongest first (ts_rank: A 1.0, B 0.4, C 0.2, D 0.1). */
export type SearchWeight = "A" | "B" | "C" | "D";

export interface SearchField {
  text: string | null | undefined;
  weight: SearchWeight;
}

/** Longer ASCII runs (hashes, URLs) are cut: a lexeme must stay well under PostgreSQL's 2 KB limit. */
export const MAX_WORD = 40;
/** PostgreSQL keeps positions up to 16383 (later ones are clamped) and 256 positions per lexeme. */
const MAX_POSITION = 16_383;
const MAX_POSITIONS_PER_LEXEME = 256;
/** A query with more lexemes than this is refused: each one is a posting list to intersect. */
export const MAX_QUERY_LEXEMES = 48;

const HAN = /\p{Script=Han}/u;
const ASCII_ALNUM = /[a-z0-9]/;

/** NFKC per code point (so offsets map back), then ASCII-only lower case (PostgreSQL's C locale does the same). */
function fold(cp: string): string {
  const n = cp.normalize("NFKC");
  return n.replace(/[A-Z]/g, (c) => c.toLowerCase());
}

/** The units of a text, in order. */
export function searchUnits(text: string): SearchUnit[] {
  const units: SearchUnit[] = [];
  let word: SearchUnit | null = null;
  let prevHan: SearchUnit | null = null;
  let offset = 0;
  for (const cp of text) {
    const start = offset;
    offset += cp.length;
    for (const ch of fold(cp)) {
      if (ASCII_ALNUM.test(ch)) {
        prevHan = null;
        if (word) {
          if (word.text.length < MAX_WORD) word.text += ch;
          word.end = offset;
        } else {
          word = { kind: "word", text: ch, start, end: offset, joined: false };
          units.push(word);
        }
      } else if (HAN.test(ch)) {
        word = null;
        const unit: SearchUnit = { kind: "han", text: ch, start, end: offset, joined: false };
        if (prevHan) prevHan.joined = true;
        units.push(unit);
        prevHan = unit;
      } else {
        word = null;
        prevHan = null;
      }
    }
  }
  return units;
}

/** The lexeme at each unit: a bigram inside a Han run, else the unit itself. */
export function unitLexemes(units: readonly SearchUnit[]): string[] {
  return units.map((u, i) => (u.joined ? u.text + units[i + 1]!.text : u.text));
}

/**
 * The `tsvector` literal of a document made of fields, in order, each weighted. Positions run on
 * across fields with a gap of one, so that a phrase never spans two fields (PostgreSQL's `||` on two
 * of these vectors gives the same result as one vector of both fields).
 */
export function documentVector(fields: readonly SearchField[]): string {
  const positions = new Map<string, string[]>();
  let offset = 0;
  for (const field of fields) {
    if (!field.text) continue;
    const lexemes = unitLexemes(searchUnits(field.text));
    if (lexemes.length === 0) continue;
    lexemes.forEach((lexeme, i) => {
      const pos = Math.min(offset + 2 + i, MAX_POSITION);
      const list = positions.get(lexeme) ?? [];
      if (list.length === 0) positions.set(lexeme, list);
      if (list.length < MAX_POSITIONS_PER_LEXEME) list.push(`${pos}${field.weight}`);
    });
    offset = Math.min(offset + 1 + lexemes.length, MAX_POSITION);
  }
  return [...positions].map(([lexeme, list]) => `'${lexeme}':${list.join(",")}`).join(" ");
}

/** One term of a query: its units and the lexemes to find in a row, the last Han character and word as prefixes. */
export interface QueryTerm {
  /** the term as typed */
  raw: string;
  /** what to find, each at its unit offset `at` from the term's first unit */
  lexemes: QueryLexeme[];
  /** how many units of a text the term covers */
  span: number;
}

export interface QueryLexeme {
  text: string;
  prefix: boolean;
  at: number;
}

export interface ParsedQuery {
  terms: QueryTerm[];
  /** the `tsquery` text: AND of one phrase per term; empty when the query has nothing searchable */
  tsquery: string;
  /** a full case code (`AS-20261127-000123`), upper-cased, when the query is one */
  caseCode: string | null;
}

const CASE_CODE = /^[A-Za-z]{2}-\d{8}-\d{6}$/;

/** A query cut into terms at white space (ASCII or ideographic); each term must occur in the case. */
export function parseSearchQuery(q: string): ParsedQuery {
  const seen = new Set<string>();
  const terms: QueryTerm[] = [];
  for (const raw of q.normalize("NFKC").split(/\s+/)) {
    const units = searchUnits(raw);
    if (units.length === 0) continue;
    const texts = unitLexemes(units);
    const lexemes: QueryLexeme[] = [];
    units.forEach((unit, i) => {
      // the last character of a run of two or more says nothing new: where the bigram before it
      // stands, the text's next lexeme starts with it (a bigram on its own needs no position check)
      if (unit.kind === "han" && !unit.joined && units[i - 1]?.joined) return;
      // a lone Han character may go on in the text (its bigram there starts with it); a word that
      // ends the term may be the beginning of a longer one
      const prefix = unit.kind === "han" ? !unit.joined : i === units.length - 1;
      lexemes.push({ text: texts[i]!, prefix, at: i });
    });
    const key = lexemes.map((l) => `${l.at}:${l.text}${l.prefix ? "*" : ""}`).join(" ");
    if (seen.has(key)) continue;
    seen.add(key);
    terms.push({ raw, lexemes, span: units.length });
  }
  const trimmed = q.trim();
  return {
    terms,
    tsquery: terms.map(phraseOf).join(" & "),
    caseCode: CASE_CODE.test(trimmed) ? trimmed.toUpperCase() : null,
  };
}

const lexemeQuery = (l: QueryLexeme) => `'${l.text}'${l.prefix ? ":*" : ""}`;

/** The term's lexemes at their distances: `'a' <-> 'b'`, `'a' <2> 'b'` when a unit between them is implied. */
function phraseOf(term: QueryTerm): string {
  const parts = term.lexemes.map((l, j) => {
    if (j === 0) return lexemeQuery(l);
    const d = l.at - term.lexemes[j - 1]!.at;
    return `${d === 1 ? "<->" : `<${d}>`} ${lexemeQuery(l)}`;
  });
  return parts.length === 1 ? parts[0]! : `(${parts.join(" ")})`;
}

/** The number of lexemes a parsed query intersects. */
export function queryLexemeCount(parsed: ParsedQuery): number {
  return parsed.terms.reduce((n, t) => n + t.lexemes.length, 0);
}
