// One-vs-rest linear classifiers over TF-IDF vectors: for each label a binary classifier "this label
// or not", fitted by L-BFGS; the K margins are the scores (then the same temperature-scaled softmax
// as the multinomial model turns them into confidences). Like the trainers in linear-trainers.ts
// they end as a weight per (feature, label) and a bias per label, so prediction, explanations and
// storage are shared.
//  - linear SVM with the squared hinge loss (scikit-learn's LinearSVC default; C = 1 ⇔ λ = 1/N)
//  - NB-SVM / NB-LR (Wang & Manning 2012, "Baselines and Bigrams"): each label's features are first
//    scaled by the naive-Bayes log-count ratio r = ln((p/‖p‖₁)/(q/‖q‖₁)), p = α + Σ_{rows of the
//    label} 1{x > 0}, q = α + Σ_{other rows} 1{x > 0} (binarised counts and α = 1 as in the paper;
//    the scaled features are the TF-IDF values), a binary SVM (or logistic regression) is fitted on
//    the scaled rows, and its weights are interpolated towards their mean magnitude,
//    w' = (1 − β)·mean|w| + β·w (β = 0.25, the paper's value), and likewise the bias,
//    b' = (1 − β)·mean|w|·ln(n_c / n_rest) + β·b (the naive-Bayes log prior ratio; row weights
//    counted). Since score = b' + Σ_j w'_j r_j x_j, the stored weight of (j, c) is w'_jc·r_jc.

import type { SparseVector } from "./features.ts";
import { minimiseLbfgs } from "./lbfgs.ts";
import type { LinearWeights, TrainingMatrix } from "./linear-trainers.ts";

export type BinaryLoss = "squared-hinge" | "logistic";

export interface OvrOptions {
  loss: BinaryLoss;
  /** L2 penalty λ on the weights (not the bias); the loss is a weighted mean over rows */
  l2: number;
  maxIterations: number;
  rowWeights?: Float64Array;
  /** Wang & Manning's naive-Bayes feature scaling with this smoothing α (absent: plain one-vs-rest) */
  nbAlpha?: number;
  /** interpolation β towards the mean weight magnitude (only with nbAlpha; default 0.25) */
  nbBeta?: number;
  /** start from these binary solutions (`raw` of an earlier fit, e.g. on a sample) */
  init?: LinearWeights;
}

/** ln((p/‖p‖₁)/(q/‖q‖₁)) per (feature, label) from binarised counts, feature-major. */
export function nbLogCountRatios(m: TrainingMatrix, alpha: number): Float64Array {
  const K = m.labelCount;
  const D = m.featureCount;
  const perLabel = new Float64Array(D * K);
  const total = new Float64Array(D);
  for (let i = 0; i < m.rows.length; i++) {
    const row = m.rows[i] as SparseVector;
    const c = m.labels[i] as number;
    for (let t = 0; t < row.index.length; t++) {
      const j = row.index[t] as number;
      // binarised: the number of rows the feature occurs in, as in the paper
      perLabel[j * K + c] = (perLabel[j * K + c] as number) + 1;
      total[j] = (total[j] as number) + 1;
    }
  }
  const ratios = new Float64Array(D * K);
  for (let c = 0; c < K; c++) {
    let pSum = 0;
    let qSum = 0;
    for (let j = 0; j < D; j++) {
      const p = alpha + (perLabel[j * K + c] as number);
      pSum += p;
      qSum += alpha + (total[j] as number) - (perLabel[j * K + c] as number);
    }
    for (let j = 0; j < D; j++) {
      const p = alpha + (perLabel[j * K + c] as number);
      const q = alpha + (total[j] as number) - (perLabel[j * K + c] as number);
      ratios[j * K + c] = Math.log(p / pSum) - Math.log(q / qSum);
    }
  }
  return ratios;
}

/** Loss and d(loss)/d(score) of one row with target y ∈ {−1, +1} and score s. */
function rowLoss(loss: BinaryLoss, y: number, s: number): [number, number] {
  const margin = y * s;
  if (loss === "squared-hinge") {
    const gap = 1 - margin;
    return gap > 0 ? [gap * gap, -2 * y * gap] : [0, 0];
  }
  // ln(1 + e^(−m)) and its derivative −y·σ(−m), written to stay finite for large |m|
  if (margin > 0) {
    const e = Math.exp(-margin);
    return [Math.log1p(e), (-y * e) / (1 + e)];
  }
  const e = Math.exp(margin);
  return [-margin + Math.log1p(e), -y / (1 + e)];
}

/**
 * One binary problem: rows scaled feature-wise by `scale` (or not), targets +1 for label c.
 * Minimises Σ_i r_i·loss_i / Σ_i r_i + (λ/2)·‖w‖². Returns w (length D) and b.
 */
function fitBinary(
  m: TrainingMatrix,
  c: number,
  scale: Float64Array | null,
  opts: OvrOptions,
  r: Float64Array,
  rSum: number,
): { w: Float64Array; b: number } {
  const K = m.labelCount;
  const D = m.featureCount;
  const fg = (x: Float64Array, grad: Float64Array): number => {
    grad.fill(0);
    const b = x[D] as number;
    let total = 0;
    for (let i = 0; i < m.rows.length; i++) {
      const row = m.rows[i] as SparseVector;
      const { index, value } = row;
      let s = b;
      for (let t = 0; t < index.length; t++) {
        const j = index[t] as number;
        s += (value[t] as number) * (scale ? (scale[j * K + c] as number) : 1) * (x[j] as number);
      }
      const y = m.labels[i] === c ? 1 : -1;
      const [l, d] = rowLoss(opts.loss, y, s);
      if (d === 0 && l === 0) continue;
      const ri = (r[i] as number) / rSum;
      total += ri * l;
      const g = ri * d;
      grad[D] = (grad[D] as number) + g;
      for (let t = 0; t < index.length; t++) {
        const j = index[t] as number;
        grad[j] = (grad[j] as number) + g * (value[t] as number) * (scale ? (scale[j * K + c] as number) : 1);
      }
    }
    let penalty = 0;
    for (let j = 0; j < D; j++) {
      const wj = x[j] as number;
      penalty += wj * wj;
      grad[j] = (grad[j] as number) + opts.l2 * wj;
    }
    return total + 0.5 * opts.l2 * penalty;
  };
  const x0 = new Float64Array(D + 1);
  if (opts.init) {
    for (let j = 0; j < D; j++) x0[j] = opts.init.weights[j * K + c] as number;
    x0[D] = opts.init.bias[c] as number;
  }
  const result = minimiseLbfgs(fg, x0, { maxIterations: opts.maxIterations });
  return { w: result.x.subarray(0, D), b: result.x[D] as number };
}

/**
 * K binary classifiers (label vs the rest); see the file comment. `raw` holds the binary solutions
 * before naive-Bayes scaling and interpolation (the same as the weights without NB), to warm-start
 * a later fit.
 */
export function trainOneVsRest(m: TrainingMatrix, opts: OvrOptions): LinearWeights & { raw: LinearWeights } {
  const K = m.labelCount;
  const D = m.featureCount;
  const r = opts.rowWeights ?? new Float64Array(m.rows.length).fill(1);
  let rSum = 0;
  for (const v of r) rSum += v;
  const scale = opts.nbAlpha !== undefined ? nbLogCountRatios(m, opts.nbAlpha) : null;
  const beta = opts.nbBeta ?? 0.25;
  const weights = new Float64Array(D * K);
  const bias = new Float64Array(K);
  const raw: LinearWeights = { weights: new Float64Array(D * K), bias: new Float64Array(K) };
  for (let c = 0; c < K; c++) {
    const { w, b } = fitBinary(m, c, scale, opts, r, rSum);
    for (let j = 0; j < D; j++) raw.weights[j * K + c] = w[j] as number;
    raw.bias[c] = b;
    let meanAbs = 0;
    for (let j = 0; j < D; j++) meanAbs += Math.abs(w[j] as number);
    meanAbs = D > 0 ? meanAbs / D : 0;
    for (let j = 0; j < D; j++) {
      const wj = scale ? (1 - beta) * meanAbs + beta * (w[j] as number) : (w[j] as number);
      weights[j * K + c] = scale ? wj * (scale[j * K + c] as number) : wj;
    }
    if (scale) {
      // the naive-Bayes part's bias is the log prior ratio of the label (row weights included)
      let pos = 0;
      m.labels.forEach((y, i) => {
        if (y === c) pos += r[i] as number;
      });
      const prior = pos > 0 && pos < rSum ? Math.log(pos / (rSum - pos)) : 0;
      bias[c] = (1 - beta) * meanAbs * prior + beta * b;
    } else bias[c] = b;
  }
  return { weights, bias, raw };
}
