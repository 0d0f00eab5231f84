// Text → features for the classifier. Chinese has no spaces, and a word segmenter's dictionary
// misses local names and new terms, so Han text is cut into overlapping character n-grams (a
// bigram such as 路灯 or 欠薪 is the unit that carries meaning; unigrams catch the rest). Latin
// text (English, pinyin, codes) is cut into words. Optionally Intl.Segmenter's dictionary words
// (ICU, built into Node) are added for Han runs; docs/classification.md reports what each adds.

export interface TokenizeOptions {
  /** longest Han character n-gram (default 2: unigrams and bigrams) */
  maxNgram?: number;
  /** shortest Han character n-gram (default 1) */
  minNgram?: number;
  /** also add ICU dictionary words (two or more characters) found in Han runs, prefixed "w:" (default false) */
  segmenterWords?: boolean;
  /** also emit the features of the first line (a case's title) again, prefixed "t:" (default false) */
  titleNamespace?: boolean;
}

const HAN = /\p{Script=Han}/u;
/** runs of Han characters, or runs of other letters/digits (Latin words, numbers, codes) */
const RUNS = /\p{Script=Han}+|(?:(?!\p{Script=Han})[\p{L}\p{N}])+/gu;
const DIGITS_ONLY = /^\p{N}+$/u;
/** rare Han characters outside the BMP take two UTF-16 units */
const SURROGATE = /[\uD800-\uDFFF]/;

let segmenter: Intl.Segmenter | null = null;

/** NFKC (full-width → half-width, compatibility forms) and lower case, so 'Ａ３区' and 'a3区' agree. */
export function normaliseText(text: string): string {
  return text.normalize("NFKC").toLowerCase();
}

/**
 * The features of a text, in order of appearance (repeats kept: the caller counts them).
 * Han runs give character n-grams; other runs give words of two or more characters; bare numbers
 * (dates, phone numbers, house numbers) are dropped because they name no kind of problem.
 */
export function tokenize(text: string, opts: TokenizeOptions = {}): string[] {
  if (opts.titleNamespace) {
    const end = text.indexOf("\n");
    const plain = { ...opts, titleNamespace: false };
    const all = tokenize(text, plain);
    if (end < 0) return all;
    for (const t of tokenize(text.slice(0, end), plain)) all.push(`t:${t}`);
    return all;
  }
  const maxN = Math.max(1, opts.maxNgram ?? 2);
  const minN = Math.min(maxN, Math.max(1, opts.minNgram ?? 1));
  const out: string[] = [];
  for (const match of normaliseText(text).matchAll(RUNS)) {
    const run = match[0];
    if (!HAN.test(run)) {
      if (run.length >= 2 && !DIGITS_ONLY.test(run)) out.push(run);
      continue;
    }
    if (!SURROGATE.test(run)) {
      // One UTF-16 unit per character (nearly all Han text): slice the string directly, which is
      // much faster to hash later than concatenated strings.
      for (let i = 0; i < run.length; i++) {
        for (let n = minN; n <= maxN && i + n <= run.length; n++) out.push(run.slice(i, i + n));
      }
    } else {
      const chars = [...run];
      for (let i = 0; i < chars.length; i++) {
        for (let n = minN; n <= maxN && i + n <= chars.length; n++) out.push(chars.slice(i, i + n).join(""));
      }
    }
    if (opts.segmenterWords) {
      segmenter ??= new Intl.Segmenter("zh", { granularity: "word" });
      for (const seg of segmenter.segment(run)) {
        if (seg.isWordLike && [...seg.segment].length >= 2) out.push(`w:${seg.segment}`);
      }
    }
  }
  return out;
}
