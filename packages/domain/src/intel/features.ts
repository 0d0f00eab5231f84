// TF-IDF features: a document becomes a sparse vector over the training vocabulary, with
// sublinear term frequency (1 + ln tf, so a word said ten times is not ten times the evidence),
// smoothed inverse document frequency (rare terms weigh more, terms in every message weigh least)
// and unit length (long letters and one-line titles land on the same scale).
// Training documents are kept as integer term ids, not string maps: 100,000 reports of a few
// hundred characters would otherwise need gigabytes.

export interface SparseVector {
  /** feature indices (each once, in no particular order) */
  index: Int32Array;
  value: Float64Array;
}

/** Interns term strings as small integers while a training set is read. */
export class TermTable {
  readonly terms: string[] = [];
  private readonly ids = new Map<string, number>();

  id(term: string): number {
    let id = this.ids.get(term);
    if (id === undefined) {
      id = this.terms.length;
      this.ids.set(term, id);
      this.terms.push(term);
    }
    return id;
  }
}

/** A document's distinct term ids (ascending) and how often each occurs. */
export interface TermCounts {
  ids: Int32Array;
  counts: Float64Array;
}

export function countTermIds(tokens: readonly string[], table: TermTable): TermCounts {
  const counts = new Map<number, number>();
  for (const t of tokens) {
    const id = table.id(t);
    counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  const ids = Int32Array.from(counts.keys()).sort();
  return { ids, counts: Float64Array.from(ids, (id) => counts.get(id) as number) };
}

export interface VocabularyOptions {
  /** drop terms seen in fewer documents than this (noise, names, typos) */
  minDf: number;
  /** keep at most this many terms, the most widespread first */
  maxFeatures: number;
}

export interface Vocabulary {
  terms: string[];
  /** idf_j = ln((1 + N) / (1 + df_j)) + 1 */
  idf: number[];
  /** term id → feature index, −1 when the term is not in the vocabulary */
  featureOf: Int32Array;
  /** feature index → term id */
  idOf: Int32Array;
  /** feature index → block (see termBlock), when each block is normalised on its own */
  blockOf?: Int8Array;
}

/**
 * The vocabulary of a training set, ordered by document frequency and then by term, so the same
 * data always gives the same model.
 */
export function buildVocabulary(docs: readonly TermCounts[], table: TermTable, opts: VocabularyOptions): Vocabulary {
  const df = new Int32Array(table.terms.length);
  for (const doc of docs) for (const id of doc.ids) df[id] = (df[id] as number) + 1;
  const kept: number[] = [];
  df.forEach((n, id) => {
    if (n >= opts.minDf) kept.push(id);
  });
  const term = (id: number) => table.terms[id] as string;
  kept.sort((a, b) => (df[b] as number) - (df[a] as number) || (term(a) < term(b) ? -1 : term(a) > term(b) ? 1 : 0));
  const top = kept.slice(0, opts.maxFeatures);
  const featureOf = new Int32Array(table.terms.length).fill(-1);
  top.forEach((id, j) => {
    featureOf[id] = j;
  });
  const n = docs.length;
  return {
    terms: top.map(term),
    idf: top.map((id) => Math.log((1 + n) / (1 + (df[id] as number))) + 1),
    featureOf,
    idOf: Int32Array.from(top),
  };
}

/**
 * The block of a term for block-wise normalisation: its namespace prefix ("w:" ICU words,
 * "t:" title features) or 0 for plain character n-grams and Latin words.
 */
export function termBlock(term: string): number {
  return term.startsWith("t:") ? 2 : term.startsWith("w:") ? 1 : 0;
}

/**
 * (1 + ln tf)·idf for the given features and counts, L2-normalised (order as given). With
 * `blockOf` (feature → block), each block is scaled to unit length on its own, so one kind of
 * feature cannot drown another (a concatenation of separately normalised TF-IDF vectors).
 */
export function weigh(
  features: readonly number[],
  tfs: readonly number[],
  idf: ArrayLike<number>,
  blockOf?: ArrayLike<number>,
): SparseVector {
  const index = Int32Array.from(features);
  const value = new Float64Array(features.length);
  const norms = [0, 0, 0];
  const block = (i: number) => (blockOf ? (blockOf[index[i] as number] as number) : 0);
  for (let i = 0; i < index.length; i++) {
    const v = (1 + Math.log(tfs[i] as number)) * (idf[index[i] as number] as number);
    value[i] = v;
    norms[block(i)] = (norms[block(i)] as number) + v * v;
  }
  const scales = norms.map((n) => (n > 0 ? 1 / Math.sqrt(n) : 0));
  for (let i = 0; i < value.length; i++) value[i] = (value[i] as number) * (scales[block(i)] as number);
  return { index, value };
}

/** TF-IDF vector of a training document (terms outside the vocabulary are ignored). */
export function vectoriseIds(doc: TermCounts, vocabulary: Vocabulary): SparseVector {
  const features: number[] = [];
  const tfs: number[] = [];
  for (let t = 0; t < doc.ids.length; t++) {
    const j = vocabulary.featureOf[doc.ids[t] as number] as number;
    if (j >= 0) {
      features.push(j);
      tfs.push(doc.counts[t] as number);
    }
  }
  return weigh(features, tfs, vocabulary.idf, vocabulary.blockOf);
}
