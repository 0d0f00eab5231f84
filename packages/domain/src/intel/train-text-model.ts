// Training: tokenise, build the TF-IDF vocabulary, fit a linear classifier, and fit a temperature
// on held-out scores from the training data only, so confidences mean "how often right".
// Default classifier: softmax regression with λ = 1/N (scikit-learn's default C = 1), fixed in
// advance. Optionally an inner cross-validation picks among candidates (see docs/classification.md
// for why that is not the default on a few hundred examples).

import { fitTemperature } from "./calibration.ts";
import {
  buildVocabulary,
  countTermIds,
  type TermCounts,
  TermTable,
  type Vocabulary,
  vectoriseIds,
} from "./features.ts";
import { stratifiedFolds, stratifiedSample } from "./folds.ts";
import {
  balancedRowWeights,
  type LinearWeights,
  linearScores,
  type TrainingMatrix,
  trainComplementNb,
  trainSoftmax,
} from "./linear-trainers.ts";
import { classificationMetrics } from "./metrics.ts";
import type { TextModel, TrainerKind } from "./text-model.ts";
import { tokenize } from "./tokenize.ts";

export interface TrainingExample {
  text: string;
  label: string;
}

export interface Candidate {
  trainer: TrainerKind;
  /** λ (L2 penalty) for softmax, default 1/N of the rows it is fitted on; α (smoothing) for naive Bayes, default 0.1 */
  hyperParameter?: number;
}

/** A decade-spaced grid for the optional inner selection (fixed a priori, not fitted to any data). */
export const SELECTION_GRID: readonly Candidate[] = [
  { trainer: "softmax", hyperParameter: 1e-2 },
  { trainer: "softmax", hyperParameter: 3e-3 },
  { trainer: "softmax", hyperParameter: 1e-3 },
  { trainer: "softmax", hyperParameter: 3e-4 },
  { trainer: "softmax", hyperParameter: 1e-4 },
  { trainer: "complement-nb", hyperParameter: 1 },
  { trainer: "complement-nb", hyperParameter: 0.1 },
  { trainer: "complement-nb", hyperParameter: 0.01 },
];

export interface TrainOptions {
  /** the classifier to fit (default softmax, λ = 1/N) */
  candidate?: Candidate;
  /** if given, an inner cross-validation picks the candidate with the best held-out macro-F1 */
  candidates?: readonly Candidate[];
  /** inner folds for calibration/selection (default 3) */
  innerFolds?: number;
  /** inner cross-validation runs on a stratified sample of at most this many examples (default 3000) */
  tuneSampleSize?: number;
  /** from this many examples on, calibrate on a 10% held-out split (≤ 5000) instead of inner folds (default 5000) */
  holdoutFrom?: number;
  seed?: number;
  /** shortest/longest Han character n-gram (default 1/2) */
  minNgram?: number;
  maxNgram?: number;
  segmenterWords?: boolean;
  /** minimum document frequency (default 1 below 100 examples, else 2) */
  minDf?: number;
  maxFeatures?: number;
  /** L-BFGS iteration cap for softmax (default 100) */
  maxIterations?: number;
  /** from this many rows on, softmax starts from a fit on a stratified half-size sample (default 10,000) */
  largeFrom?: number;
  /** full-size L-BFGS steps after that warm start (default 20) */
  refineIterations?: number;
  /** weigh every label equally in the softmax loss (default true; the target is macro-F1) */
  balanced?: boolean;
}

interface Prepared {
  docs: TermCounts[];
  table: TermTable;
  labelIndex: Int32Array;
  labels: string[];
}

interface Matrix {
  vocabulary: Vocabulary;
  matrix: TrainingMatrix;
  rowWeights: Float64Array | undefined;
}

/** Vocabulary and TF-IDF rows of the given examples (built once, shared by every candidate). */
function buildMatrix(data: Prepared, rows: readonly number[], opts: TrainOptions): Matrix {
  const docs = rows.map((i) => data.docs[i] as TermCounts);
  const minDf = opts.minDf ?? (docs.length < 100 ? 1 : 2);
  const vocabulary = buildVocabulary(docs, data.table, { minDf, maxFeatures: opts.maxFeatures ?? 200_000 });
  const matrix: TrainingMatrix = {
    rows: docs.map((d) => vectoriseIds(d, vocabulary)),
    labels: Int32Array.from(rows, (i) => data.labelIndex[i] as number),
    labelCount: data.labels.length,
    featureCount: vocabulary.terms.length,
  };
  return { vocabulary, matrix, rowWeights: (opts.balanced ?? true) ? balancedRowWeights(matrix) : undefined };
}

/** The hyper-parameter a candidate uses on n rows. */
function resolved(candidate: Candidate, n: number): number {
  if (candidate.hyperParameter !== undefined) return candidate.hyperParameter;
  return candidate.trainer === "softmax" ? 1 / Math.max(1, n) : 0.1;
}

function fitCandidate(m: Matrix, candidate: Candidate, opts: TrainOptions, init?: LinearWeights): LinearWeights {
  const h = resolved(candidate, m.matrix.rows.length);
  if (candidate.trainer === "complement-nb") return trainComplementNb(m.matrix, { alpha: h });
  return trainSoftmax(m.matrix, {
    l2: h,
    maxIterations: opts.maxIterations ?? 100,
    ...(m.rowWeights ? { rowWeights: m.rowWeights } : {}),
    ...(init ? { init } : {}),
  });
}

/** Raw scores of rows `test` under a model fitted on `m`. */
function scoreRows(data: Prepared, m: Matrix, w: LinearWeights, test: readonly number[]): Float64Array[] {
  const K = data.labels.length;
  return test.map((i) => {
    const s = new Float64Array(K);
    linearScores(w, K, vectoriseIds(data.docs[i] as TermCounts, m.vocabulary), s);
    return s;
  });
}

/** Inner stratified cross-validation: every candidate's out-of-fold scores on a sample. */
function outOfFoldScores(data: Prepared, candidates: readonly Candidate[], opts: TrainOptions) {
  const seed = opts.seed ?? 1;
  const allLabels = Array.from(data.labelIndex, (c) => data.labels[c] as string);
  const sample = stratifiedSample(allLabels, opts.tuneSampleSize ?? 3000, seed);
  const folds = Math.min(opts.innerFolds ?? 3, sample.length);
  const fold = stratifiedFolds(
    sample.map((i) => allLabels[i] as string),
    folds,
    seed + 1,
  );
  const scores = candidates.map(() => [] as Float64Array[]);
  const truth: number[] = [];
  for (let f = 0; f < folds; f++) {
    const train = sample.filter((_, s) => fold[s] !== f);
    const test = sample.filter((_, s) => fold[s] === f);
    if (train.length === 0 || test.length === 0) continue;
    for (const i of test) truth.push(data.labelIndex[i] as number);
    const m = buildMatrix(data, train, opts);
    // Softmax candidates go from strong to weak penalty: each starts from the previous solution
    // (warm start), which saves L-BFGS iterations; the problem is convex, so the optimum is the same.
    let previous: LinearWeights | undefined;
    candidates.forEach((candidate, ci) => {
      const w = fitCandidate(m, candidate, opts, candidate.trainer === "softmax" ? previous : undefined);
      if (candidate.trainer === "softmax") previous = w;
      (scores[ci] as Float64Array[]).push(...scoreRows(data, m, w, test));
    });
  }
  return { scores, truth };
}

const round = (v: number) => Number(v.toFixed(4));

/** Picks the candidate with the best inner held-out macro-F1 (then accuracy; ties → listed first). */
function selectCandidate(data: Prepared, candidates: readonly Candidate[], opts: TrainOptions) {
  const { scores, truth } = outOfFoldScores(data, candidates, opts);
  const argmax = (s: Float64Array) => s.indexOf(Math.max(...s));
  const selection = candidates.map((candidate, ci) => {
    const m = classificationMetrics(
      (scores[ci] as Float64Array[]).map((s, r) => ({
        actual: data.labels[truth[r] as number] as string,
        ranked: [data.labels[argmax(s)] as string],
      })),
      data.labels,
    );
    const hyperParameter = resolved(candidate, Math.round((data.docs.length * 2) / 3));
    return { trainer: candidate.trainer, hyperParameter, macroF1: round(m.macroF1), accuracy: round(m.accuracy) };
  });
  let best = 0;
  selection.forEach((s, i) => {
    const b = selection[best] as (typeof selection)[number];
    if (s.macroF1 > b.macroF1 || (s.macroF1 === b.macroF1 && s.accuracy > b.accuracy)) best = i;
  });
  const temperature = fitTemperature(scores[best] as Float64Array[], truth);
  return { chosen: candidates[best] as Candidate, temperature, selection };
}

/**
 * Softmax on many rows: first fit a stratified sample of largeFrom/2 rows (same λ), then refine on all
 * rows starting from it for at most `refineIterations` L-BFGS steps. A large training set is
 * mostly redundant, so the sample's optimum is close and the costly full-size passes are few.
 */
function fitLarge(data: Prepared, m: Matrix, rows: readonly number[], chosen: Candidate, opts: TrainOptions) {
  const largeFrom = opts.largeFrom ?? 10_000;
  if (chosen.trainer !== "softmax" || rows.length < largeFrom) return fitCandidate(m, chosen, opts);
  const labels = rows.map((i) => data.labels[data.labelIndex[i] as number] as string);
  const sampleSize = Math.ceil(largeFrom / 2);
  const sampleRows = stratifiedSample(labels, sampleSize, (opts.seed ?? 1) + 2).map((s) => rows[s] as number);
  const small = buildMatrix(data, sampleRows, opts);
  const fixed: Candidate = { trainer: "softmax", hyperParameter: resolved(chosen, rows.length) };
  const start = fitCandidate(small, fixed, opts);
  const K = data.labels.length;
  const init: LinearWeights = { weights: new Float64Array(m.vocabulary.terms.length * K), bias: start.bias };
  small.vocabulary.idOf.forEach((id, j) => {
    const to = m.vocabulary.featureOf[id] as number;
    if (to >= 0) init.weights.set(start.weights.subarray(j * K, (j + 1) * K), to * K);
  });
  return fitCandidate(m, fixed, { ...opts, maxIterations: opts.refineIterations ?? 20 }, init);
}

/** Trains a classifier from labelled texts (see the file comment for the procedure). */
export function trainTextModel(examples: readonly TrainingExample[], opts: TrainOptions = {}): TextModel {
  if (examples.length === 0) throw new Error("no training examples");
  const features = {
    minNgram: opts.minNgram ?? 1,
    maxNgram: opts.maxNgram ?? 2,
    segmenterWords: opts.segmenterWords ?? false,
  };
  const labels = [...new Set(examples.map((e) => e.label))].sort();
  const at = new Map(labels.map((l, i) => [l, i]));
  const table = new TermTable();
  const data: Prepared = {
    docs: examples.map((e) => countTermIds(tokenize(e.text, features), table)),
    table,
    labelIndex: Int32Array.from(examples, (e) => at.get(e.label) as number),
    labels,
  };
  const all = examples.map((_, i) => i);
  // The hyper-parameter is resolved on the whole training set, and the inner calibration folds use
  // the same value: a model penalised more than the final one would yield a temperature too sharp.
  const given = opts.candidate ?? { trainer: "softmax" };
  let chosen: Candidate = { trainer: given.trainer, hyperParameter: resolved(given, examples.length) };
  let temperature = 1;
  let selection: TextModel["selection"] = [];
  let fitRows = all;
  const canHoldOut = labels.length > 1 && examples.length >= 6;
  if (canHoldOut && opts.candidates && opts.candidates.length > 0) {
    ({ chosen, temperature, selection } = selectCandidate(data, opts.candidates, opts));
  } else if (canHoldOut && examples.length >= (opts.holdoutFrom ?? 5000)) {
    // Plenty of data: calibrate on a held-out stratified 10% (at most 5000) and keep that fit,
    // rather than training several times.
    const allLabels = examples.map((e) => e.label);
    const held = stratifiedSample(allLabels, Math.min(5000, Math.round(examples.length / 10)), opts.seed ?? 1);
    const heldSet = new Set(held);
    fitRows = all.filter((i) => !heldSet.has(i));
    const m = buildMatrix(data, fitRows, opts);
    const linear = fitLarge(data, m, fitRows, chosen, opts);
    const truth = held.map((i) => data.labelIndex[i] as number);
    temperature = fitTemperature(scoreRows(data, m, linear, held), truth);
    return toModel(chosen, { ...m, linear }, labels, features, temperature, examples.length, fitRows.length);
  } else if (canHoldOut) {
    const { scores, truth } = outOfFoldScores(data, [chosen], opts);
    temperature = fitTemperature(scores[0] as Float64Array[], truth);
  }
  const m = buildMatrix(data, fitRows, opts);
  const linear = fitCandidate(m, chosen, opts);
  const model = toModel(chosen, { ...m, linear }, labels, features, temperature, examples.length, fitRows.length);
  model.selection = selection;
  return model;
}

function toModel(
  chosen: Candidate,
  fitted: Matrix & { linear: LinearWeights },
  labels: string[],
  features: TextModel["features"],
  temperature: number,
  trainedOn: number,
  fittedOn: number,
): TextModel {
  // Six significant digits keep the JSON small; prediction always uses the stored (rounded) values.
  const compact = (a: ArrayLike<number>) => Array.from(a, (v) => Number(v.toPrecision(6)));
  return {
    version: 1,
    kind: "tfidf-linear",
    trainer: chosen.trainer,
    labels,
    features,
    terms: fitted.vocabulary.terms,
    idf: compact(fitted.vocabulary.idf),
    weights: compact(fitted.linear.weights),
    bias: compact(fitted.linear.bias),
    temperature,
    hyperParameter: Number(resolved(chosen, fittedOn).toPrecision(6)),
    trainedOn,
    selection: [],
  };
}
