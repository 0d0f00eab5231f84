// Two linear text classifiers over TF-IDF vectors. Both end as the same thing — a weight per
// (feature, label) and a bias per label, score_c(x) = b_c + Σ_j W[j,c]·x_j — so prediction,
// explanation and storage are shared, and the inner cross-validation picks between them.
//  - softmax: multinomial logistic regression, L2-regularised, fitted by L-BFGS.
//  - complement naive Bayes (Rennie et al. 2003): closed form, one pass over the data.

import type { SparseVector } from "./features.ts";
import { minimiseLbfgs } from "./lbfgs.ts";

export interface LinearWeights {
  /** feature-major: W[j * labels + c] */
  weights: Float64Array;
  bias: Float64Array;
}

export interface TrainingMatrix {
  rows: readonly SparseVector[];
  /** label index of each row */
  labels: Int32Array;
  labelCount: number;
  featureCount: number;
}

/** Per-row weights that make every label weigh the same in total (n / (K · n_c)), for macro-F1. */
export function balancedRowWeights(m: TrainingMatrix): Float64Array {
  const perLabel = new Float64Array(m.labelCount);
  for (const c of m.labels) perLabel[c] = (perLabel[c] as number) + 1;
  const present = perLabel.filter((n) => n > 0).length;
  const w = new Float64Array(m.rows.length);
  m.labels.forEach((c, i) => {
    w[i] = m.rows.length / (present * (perLabel[c] as number));
  });
  return w;
}

/**
 * Raw scores of one vector: b_c + Σ_j W[j,c]·x_j, written into out. Labels are taken four, then
 * two, then one at a time with the sums in local variables: the same arithmetic, but about three
 * times faster in V8 than a loop over labels inside the loop over features (this loop and its twin
 * in addScaledRow are where training spends its time).
 */
export function linearScores(w: LinearWeights, labelCount: number, x: SparseVector, out: Float64Array): void {
  const W = w.weights;
  const { index, value } = x;
  const n = index.length;
  let c = 0;
  for (; c + 4 <= labelCount; c += 4) {
    let s0 = w.bias[c] as number;
    let s1 = w.bias[c + 1] as number;
    let s2 = w.bias[c + 2] as number;
    let s3 = w.bias[c + 3] as number;
    for (let t = 0; t < n; t++) {
      const base = (index[t] as number) * labelCount + c;
      const v = value[t] as number;
      s0 += v * (W[base] as number);
      s1 += v * (W[base + 1] as number);
      s2 += v * (W[base + 2] as number);
      s3 += v * (W[base + 3] as number);
    }
    out[c] = s0;
    out[c + 1] = s1;
    out[c + 2] = s2;
    out[c + 3] = s3;
  }
  for (; c + 2 <= labelCount; c += 2) {
    let s0 = w.bias[c] as number;
    let s1 = w.bias[c + 1] as number;
    for (let t = 0; t < n; t++) {
      const base = (index[t] as number) * labelCount + c;
      const v = value[t] as number;
      s0 += v * (W[base] as number);
      s1 += v * (W[base + 1] as number);
    }
    out[c] = s0;
    out[c + 1] = s1;
  }
  for (; c < labelCount; c++) {
    let s0 = w.bias[c] as number;
    for (let t = 0; t < n; t++) s0 += (value[t] as number) * (W[(index[t] as number) * labelCount + c] as number);
    out[c] = s0;
  }
}

/** grad[j,c] += x_j · d_c for every feature j of x (the gradient's sparse outer product). */
function addScaledRow(grad: Float64Array, labelCount: number, x: SparseVector, d: Float64Array): void {
  const { index, value } = x;
  const n = index.length;
  let c = 0;
  for (; c + 4 <= labelCount; c += 4) {
    const d0 = d[c] as number;
    const d1 = d[c + 1] as number;
    const d2 = d[c + 2] as number;
    const d3 = d[c + 3] as number;
    for (let t = 0; t < n; t++) {
      const base = (index[t] as number) * labelCount + c;
      const v = value[t] as number;
      grad[base] = (grad[base] as number) + v * d0;
      grad[base + 1] = (grad[base + 1] as number) + v * d1;
      grad[base + 2] = (grad[base + 2] as number) + v * d2;
      grad[base + 3] = (grad[base + 3] as number) + v * d3;
    }
  }
  for (; c < labelCount; c++) {
    const d0 = d[c] as number;
    for (let t = 0; t < n; t++) {
      const at = (index[t] as number) * labelCount + c;
      grad[at] = (grad[at] as number) + (value[t] as number) * d0;
    }
  }
}

/** In-place softmax of scores divided by a temperature; returns the probabilities. */
export function softmaxInPlace(scores: Float64Array, temperature = 1): Float64Array {
  let max = Number.NEGATIVE_INFINITY;
  for (const s of scores) max = Math.max(max, s);
  let sum = 0;
  for (let c = 0; c < scores.length; c++) {
    const e = Math.exp(((scores[c] as number) - max) / temperature);
    scores[c] = e;
    sum += e;
  }
  for (let c = 0; c < scores.length; c++) scores[c] = (scores[c] as number) / sum;
  return scores;
}

export interface SoftmaxOptions {
  /** L2 penalty λ on the weights (not the biases); the loss is a weighted mean over rows */
  l2: number;
  maxIterations: number;
  rowWeights?: Float64Array;
  /** start from these weights (a neighbouring λ's solution converges in fewer iterations) */
  init?: LinearWeights;
}

/**
 * Multinomial logistic regression: minimises
 *   Σ_i r_i · (−log softmax(score(x_i))_{y_i}) / Σ_i r_i + (λ/2)·‖W‖²
 * by L-BFGS. Cost per evaluation: O(non-zeros × labels).
 */
export function trainSoftmax(m: TrainingMatrix, opts: SoftmaxOptions): LinearWeights & { iterations: number } {
  const K = m.labelCount;
  const D = m.featureCount;
  const biasAt = D * K;
  const r = opts.rowWeights ?? new Float64Array(m.rows.length).fill(1);
  let rSum = 0;
  for (const v of r) rSum += v;
  const p = new Float64Array(K);
  const view = (x: Float64Array): LinearWeights => ({ weights: x.subarray(0, biasAt), bias: x.subarray(biasAt) });
  const fg = (x: Float64Array, grad: Float64Array): number => {
    grad.fill(0);
    const w = view(x);
    let loss = 0;
    for (let i = 0; i < m.rows.length; i++) {
      const row = m.rows[i] as SparseVector;
      const yi = m.labels[i] as number;
      const ri = (r[i] as number) / rSum;
      linearScores(w, K, row, p);
      let max = Number.NEGATIVE_INFINITY;
      for (let c = 0; c < K; c++) max = Math.max(max, p[c] as number);
      const target = p[yi] as number;
      let z = 0;
      for (let c = 0; c < K; c++) {
        const e = Math.exp((p[c] as number) - max);
        p[c] = e;
        z += e;
      }
      loss += ri * (Math.log(z) + max - target);
      // p becomes the loss gradient with respect to the scores: r_i·(softmax − one-hot).
      for (let c = 0; c < K; c++) p[c] = (ri * (p[c] as number)) / z;
      p[yi] = (p[yi] as number) - ri;
      for (let c = 0; c < K; c++) grad[biasAt + c] = (grad[biasAt + c] as number) + (p[c] as number);
      addScaledRow(grad, K, row, p);
    }
    let penalty = 0;
    for (let j = 0; j < biasAt; j++) {
      const wj = x[j] as number;
      penalty += wj * wj;
      grad[j] = (grad[j] as number) + opts.l2 * wj;
    }
    return loss + 0.5 * opts.l2 * penalty;
  };
  const x0 = new Float64Array((D + 1) * K);
  if (opts.init) {
    x0.set(opts.init.weights);
    x0.set(opts.init.bias, biasAt);
  }
  const result = minimiseLbfgs(fg, x0, { maxIterations: opts.maxIterations });
  return {
    weights: Float64Array.from(result.x.subarray(0, biasAt)),
    bias: Float64Array.from(result.x.subarray(biasAt)),
    iterations: result.iterations,
  };
}

/**
 * Complement naive Bayes (Rennie et al. 2003, §3.2) on TF-IDF vectors: for each label c,
 * θ_cj = (α + Σ_{rows not in c} x_j) / (α·D + Σ_{rows not in c} Σ_j x_j) and the score is
 * −Σ_j x_j·ln θ_cj (a text unlike the other labels' texts scores high). No weight normalisation
 * (the paper's §4.4 option; scikit-learn's default also leaves it off).
 */
export function trainComplementNb(m: TrainingMatrix, opts: { alpha: number }): LinearWeights {
  const K = m.labelCount;
  const D = m.featureCount;
  const perLabel = new Float64Array(D * K);
  const total = new Float64Array(D);
  for (let i = 0; i < m.rows.length; i++) {
    const row = m.rows[i] as SparseVector;
    const c = m.labels[i] as number;
    for (let t = 0; t < row.index.length; t++) {
      const j = row.index[t] as number;
      const v = row.value[t] as number;
      perLabel[j * K + c] = (perLabel[j * K + c] as number) + v;
      total[j] = (total[j] as number) + v;
    }
  }
  const weights = new Float64Array(D * K);
  for (let c = 0; c < K; c++) {
    let complementSum = 0;
    for (let j = 0; j < D; j++) complementSum += (total[j] as number) - (perLabel[j * K + c] as number);
    const logDenominator = Math.log(opts.alpha * D + complementSum);
    for (let j = 0; j < D; j++) {
      const complement = (total[j] as number) - (perLabel[j * K + c] as number);
      weights[j * K + c] = logDenominator - Math.log(opts.alpha + complement);
    }
  }
  return { weights, bias: new Float64Array(K) };
}
