// Training: tokenise, build the TF-IDF vocabulary, fit a linear classifier, and fit a temperature
// on held-out scores from the training data only, so confidences mean "how often right".
// Default: the title's features also in a block of their own ("t:"), each block of TF-IDF features
// normalised separately, and NB-SVM: one-vs-rest linear SVMs (squared hinge) on features scaled by
// naive-Bayes log-count ratios, λ = 1/N (scikit-learn's default C = 1), α = 1, β = 0.25 (the
// paper's values), fixed in advance. Softmax regression, a plain SVM, NB-LR and complement naive
// Bayes are options; an inner cross-validation can pick among candidates (see docs/classification.md for the
// variants measured, and why selection is not the default on a few hundred examples).

import { fitTemperature } from "./calibration.ts";
import {
  buildVocabulary,
  countTermIds,
  type TermCounts,
  TermTable,
  termBlock,
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
import { trainOneVsRest } from "./ovr-trainers.ts";
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

/**
 * The trainer used when no candidate is given: NB-SVM (Wang & Manning 2012) one-vs-rest, squared
 * hinge, λ = 1/N (C = 1), α = 1, β = 0.25 as in the paper. docs/classification.md has the variants
 * measured and why.
 */
export const DEFAULT_TRAINER: TrainerKind = "nb-svm";
/** Feature settings used when not given: the title's features also in their own block, each block unit length. */
export const DEFAULT_FEATURES = { titleNamespace: true, blockNormalise: true } as const;

export interface TrainOptions {
  /** the classifier to fit (default DEFAULT_TRAINER, λ = 1/N) */
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
  /** L-BFGS iteration cap for softmax and the one-vs-rest trainers (default 100) */
  maxIterations?: number;
  /** from this many rows on, L-BFGS trainers start from a fit on a stratified half-size sample (default 10,000) */
  largeFrom?: number;
  /** full-size L-BFGS steps after that warm start (default 20) */
  refineIterations?: number;
  /** weigh every label equally in the softmax loss (default true; the target is macro-F1) */
  balanced?: boolean;
  /** NB-SVM/NB-LR interpolation β (default 0.25, Wang & Manning 2012) */
  nbBeta?: number;
  /** also emit the first line's (the title's) features again with a "t:" prefix (default true) */
  titleNamespace?: boolean;
  /** normalise character n-grams, ICU words and title features each to unit length (default true) */
  blockNormalise?: boolean;
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
  if (opts.blockNormalise) vocabulary.blockOf = Int8Array.from(vocabulary.terms, termBlock);
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
  return candidate.trainer === "complement-nb" ? 0.1 : 1 / Math.max(1, n);
}

/**
 * Fits one candidate. `raw`: for the one-vs-rest trainers, the binary solutions before NB scaling
 * (what a warm start continues from); otherwise the weights themselves.
 */
function fitCandidate(
  m: Matrix,
  candidate: Candidate,
  opts: TrainOptions,
  init?: LinearWeights,
): LinearWeights & { raw?: LinearWeights } {
  const h = resolved(candidate, m.matrix.rows.length);
  if (candidate.trainer === "complement-nb") return trainComplementNb(m.matrix, { alpha: h });
  if (candidate.trainer !== "softmax") {
    const nb = candidate.trainer === "nb-svm" || candidate.trainer === "nb-lr";
    return trainOneVsRest(m.matrix, {
      loss: candidate.trainer === "nb-lr" ? "logistic" : "squared-hinge",
      l2: h,
      maxIterations: opts.maxIterations ?? 100,
      ...(m.rowWeights ? { rowWeights: m.rowWeights } : {}),
      ...(nb ? { nbAlpha: 1, nbBeta: opts.nbBeta ?? 0.25 } : {}),
      ...(init ? { init } : {}),
    });
  }
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
 * Softmax or a one-vs-rest trainer on many rows: first fit a stratified sample of largeFrom/2 rows (same λ), then refine on all
 * rows starting from it for at most `refineIterations` L-BFGS steps. A large training set is
 * mostly redundant, so the sample's optimum is close and the costly full-size passes are few.
 */
function fitLarge(data: Prepared, m: Matrix, rows: readonly number[], chosen: Candidate, opts: TrainOptions) {
  const largeFrom = opts.largeFrom ?? 10_000;
  // closed-form naive Bayes needs no warm start
  if (chosen.trainer === "complement-nb" || rows.length < largeFrom) return fitCandidate(m, chosen, opts);
  const labels = rows.map((i) => data.labels[data.labelIndex[i] as number] as string);
  const sampleSize = Math.ceil(largeFrom / 2);
  const sampleRows = stratifiedSample(labels, sampleSize, (opts.seed ?? 1) + 2).map((s) => rows[s] as number);
  const small = buildMatrix(data, sampleRows, opts);
  const fixed: Candidate = { trainer: chosen.trainer, hyperParameter: resolved(chosen, rows.length) };
  const fitted = fitCandidate(small, fixed, opts);
  const start = fitted.raw ?? fitted;
  const K = data.labels.length;
  const init: LinearWeights = { weights: new Float64Array(m.vocabulary.terms.length * K), bias: start.bias };
  small.vocabulary.idOf.forEach((id, j) => {
    const to = m.vocabulary.featureOf[id] as number;
    if (to >= 0) init.weights.set(start.weights.subarray(j * K, (j + 1) * K), to * K);
  });
  return fitCandidate(m, fixed, { ...opts, maxIterations: opts.refineIterations ?? 20 }, init);
}

/** Trains a classifier from labelled texts (see the file comment for the procedure). */
export function trainTextModel(examples: readonly TrainingExample[], given: TrainOptions = {}): TextModel {
  if (examples.length === 0) throw new Error("no training examples");
  const opts: TrainOptions = {
    ...given,
    titleNamespace: given.titleNamespace ?? DEFAULT_FEATURES.titleNamespace,
    blockNormalise: given.blockNormalise ?? DEFAULT_FEATURES.blockNormalise,
  };
  const features = {
    minNgram: opts.minNgram ?? 1,
    maxNgram: opts.maxNgram ?? 2,
    segmenterWords: opts.segmenterWords ?? false,
    ...(opts.titleNamespace ? { titleNamespace: true } : {}),
    ...(opts.blockNormalise ? { blockNormalise: true } : {}),
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
  const candidate = opts.candidate ?? { trainer: DEFAULT_TRAINER };
  let chosen: Candidate = { trainer: candidate.trainer, hyperParameter: resolved(candidate, examples.length) };
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
