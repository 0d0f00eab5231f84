// A trained text classifier as plain, versioned JSON (stored in the database by the routing piece)
// and prediction from it: top-k labels with a confidence and the terms that pushed each label up.

import { type SparseVector, termBlock, weigh } from "./features.ts";
import { type LinearWeights, linearScores, softmaxInPlace } from "./linear-trainers.ts";
import { type TokenizeOptions, tokenize } from "./tokenize.ts";

export type TrainerKind = "softmax" | "complement-nb" | "svm" | "nb-svm" | "nb-lr";

export interface TextModel {
  /** stored form it came from or goes to (text-model-format.ts): 1 all JSON, 2 JSON + binary weights */
  version: 1 | 2;
  kind: "tfidf-linear";
  trainer: TrainerKind;
  labels: string[];
  /** how texts are cut into features; prediction must cut them the same way */
  features: {
    minNgram: number;
    maxNgram: number;
    segmenterWords: boolean;
    /** the first line's features again with a "t:" prefix (absent: false) */
    titleNamespace?: boolean;
    /** each block of features (see termBlock) normalised on its own (absent: false) */
    blockNormalise?: boolean;
  };
  terms: string[];
  idf: number[];
  /** feature-major: weights[j * labels.length + c]; a number array as trained, a Float64Array as read back */
  weights: number[] | Float64Array;
  bias: number[];
  /** confidences are softmax(score / temperature), the temperature fitted on held-out scores */
  temperature: number;
  /** the hyper-parameter used: λ for softmax, α for complement naive Bayes */
  hyperParameter: number;
  trainedOn: number;
  /** what the inner cross-validation measured for each candidate, when it ran */
  selection: { trainer: TrainerKind; hyperParameter: number; macroF1: number; accuracy: number }[];
}

export interface Prediction {
  label: string;
  /** 0…1; the confidences of all labels sum to 1, so a top-k list sums to ≤ 1 */
  confidence: number;
  /** features that raised this label's score most, relative to the other labels */
  terms: { term: string; weight: number }[];
}

interface Prepared {
  lookup: Map<string, number>;
  linear: LinearWeights;
  tokenizeOptions: TokenizeOptions;
  blockOf: Int8Array | undefined;
}

const prepared = new WeakMap<TextModel, Prepared>();

function prepare(model: TextModel): Prepared {
  let p = prepared.get(model);
  if (!p) {
    p = {
      lookup: new Map(model.terms.map((t, j) => [t, j])),
      // a model read back already holds a Float64Array (tens of MB for hundreds of labels): no copy
      linear: {
        weights: model.weights instanceof Float64Array ? model.weights : Float64Array.from(model.weights),
        bias: Float64Array.from(model.bias),
      },
      tokenizeOptions: { ...model.features },
      blockOf: model.features.blockNormalise ? Int8Array.from(model.terms, termBlock) : undefined,
    };
    prepared.set(model, p);
  }
  return p;
}

/**
 * The TF-IDF vector of a text under a model's vocabulary (same weighting as training: see
 * features.ts). Tokens are looked up once and counted by feature index, not by string.
 */
export function modelVector(model: TextModel, text: string): SparseVector {
  const p = prepare(model);
  const counts = new Map<number, number>();
  for (const token of tokenize(text, p.tokenizeOptions)) {
    const j = p.lookup.get(token);
    if (j !== undefined) counts.set(j, (counts.get(j) ?? 0) + 1);
  }
  return weigh([...counts.keys()], [...counts.values()], model.idf, p.blockOf);
}

type Term = { term: string; weight: number };

/**
 * For each label in `chosen`, the features of x that lift it most above the labels' average
 * weight (softmax ignores a shift common to all labels, so only the difference explains a choice).
 */
function drivingTerms(model: TextModel, p: Prepared, x: SparseVector, chosen: number[], limit: number): Term[][] {
  const K = model.labels.length;
  const w = p.linear.weights;
  // Keep the largest contributions per label in small sorted lists (texts have hundreds of
  // features); gather three times the limit, since characters inside longer terms are dropped below.
  const gather = limit * 3;
  const tops = chosen.map(() => [] as { feature: number; weight: number }[]);
  for (let t = 0; t < x.index.length; t++) {
    const base = (x.index[t] as number) * K;
    let sum = 0;
    for (let k = 0; k < K; k++) sum += w[base + k] as number;
    const mean = sum / K;
    chosen.forEach((c, ci) => {
      const top = tops[ci] as { feature: number; weight: number }[];
      const weight = (x.value[t] as number) * ((w[base + c] as number) - mean);
      if (weight <= 0 || (top.length === gather && weight <= (top[gather - 1] as { weight: number }).weight)) return;
      let at = top.length;
      while (at > 0 && (top[at - 1] as { weight: number }).weight < weight) at--;
      top.splice(at, 0, { feature: x.index[t] as number, weight });
      if (top.length > gather) top.pop();
    });
  }
  return tops.map((top) => {
    // A term found in the title counts twice (plain and "t:"): one entry with the summed weight.
    const byTerm = new Map<string, number>();
    for (const { feature, weight } of top) {
      const term = model.terms[feature] as string;
      const shown = term.startsWith("w:") || term.startsWith("t:") ? term.slice(2) : term;
      byTerm.set(shown, (byTerm.get(shown) ?? 0) + weight);
    }
    const terms = [...byTerm]
      .sort((a, b) => b[1] - a[1])
      .map(([term, weight]) => ({ term, weight: Number(weight.toPrecision(4)) }));
    // A character that is part of a listed longer term (工 in 工资) tells a person nothing more.
    const shown = terms.filter((t) => !terms.some((o) => o.term.length > t.term.length && o.term.includes(t.term)));
    return shown.slice(0, limit);
  });
}

/** The k most likely labels, most likely first, each with up to `termCount` driving terms. */
export function predictTopK(model: TextModel, text: string, k: number, termCount = 5): Prediction[] {
  const p = prepare(model);
  const x = modelVector(model, text);
  const K = model.labels.length;
  const probs = new Float64Array(K);
  linearScores(p.linear, K, x, probs);
  softmaxInPlace(probs, model.temperature);
  const order = [...probs.keys()].sort((a, b) => (probs[b] as number) - (probs[a] as number) || a - b);
  const chosen = order.slice(0, Math.max(0, k));
  const terms = termCount > 0 ? drivingTerms(model, p, x, chosen, termCount) : [];
  return chosen.map((c, i) => ({
    label: model.labels[c] as string,
    confidence: probs[c] as number,
    terms: terms[i] ?? [],
  }));
}

// The stored form (JSON + binary weights) and its reading: text-model-format.ts.
export { parseTextModel } from "./text-model-format.ts";
