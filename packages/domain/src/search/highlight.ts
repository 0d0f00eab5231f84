// Where a query matched in a stored text, by the same rule as the index (search-text.ts): a term
// matches where its lexemes stand at consecutive unit positions of the text, the prefixes as
// prefixes. The ranges are UTF-16 offsets into the original text, for the UI to mark.
import { type ParsedQuery, searchUnits, unitLexemes } from "./search-text.ts";

/** [start, end) in UTF-16 code units of the original text. */
export type TextRange = [number, number];

export interface Snippet {
  text: string;
  ranges: TextRange[];
  /** text was cut before / after the snippet (the UI shows an ellipsis) */
  cutStart: boolean;
  cutEnd: boolean;
}

/** The ranges of every occurrence of every term of the query in the text, sorted and merged. */
export function highlightRanges(text: string | null | undefined, query: ParsedQuery): TextRange[] {
  if (!text || query.terms.length === 0) return [];
  const units = searchUnits(text);
  const lexemes = unitLexemes(units);
  const found: TextRange[] = [];
  for (const term of query.terms) {
    const span = term.span;
    const final = term.lexemes[term.lexemes.length - 1]!;
    for (let p = 0; p + span <= lexemes.length; p++) {
      const ok = term.lexemes.every((want) => {
        const have = lexemes[p + want.at]!;
        return want.prefix ? have.startsWith(want.text) : have === want.text;
      });
      if (!ok) continue;
      const last = units[p + span - 1]!;
      // a word matched by its beginning: mark only that part when the text was plain ASCII there
      const plain = last.kind === "word" && last.end - last.start === last.text.length;
      const byPrefix = final.prefix && final.at === span - 1;
      const end = byPrefix && plain ? last.start + final.text.length : last.end;
      found.push([units[p]!.start, end]);
    }
  }
  return mergeRanges(found);
}

export function mergeRanges(ranges: TextRange[]): TextRange[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: TextRange[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else out.push([r[0], r[1]]);
  }
  return out;
}

/**
 * At most `max` characters of the text around its first match (from `context` characters before
 * it), with the ranges inside moved to the snippet's offsets. A text without matches gives its start.
 */
export function snippetOf(text: string, ranges: readonly TextRange[], max = 120, context = 24): Snippet {
  if (text.length <= max) return { text, ranges: ranges.map((r) => [r[0], r[1]]), cutStart: false, cutEnd: false };
  const first = ranges[0];
  let start = first ? Math.max(0, Math.min(first[0] - context, text.length - max)) : 0;
  let end = Math.min(text.length, start + max);
  // never split a surrogate pair
  if (start > 0 && isLowSurrogate(text.charCodeAt(start))) start--;
  if (end < text.length && isLowSurrogate(text.charCodeAt(end))) end--;
  const inside: TextRange[] = [];
  for (const [a, b] of ranges) {
    if (b <= start || a >= end) continue;
    inside.push([Math.max(a, start) - start, Math.min(b, end) - start]);
  }
  return { text: text.slice(start, end), ranges: inside, cutStart: start > 0, cutEnd: end < text.length };
}

const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;
