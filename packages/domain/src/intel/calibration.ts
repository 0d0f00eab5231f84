// Temperature scaling (Guo et al., "On Calibration of Modern Neural Networks", 2017): one number T
// so that softmax(score / T) matches how often held-out predictions are right. An L2-penalised
// model trained on a few hundred texts is under-confident (T < 1 sharpens it); naive Bayes is
// over-confident (T > 1 softens it). T never changes which label ranks first.

/** Negative log-likelihood of the true labels under softmax(score / T). */
function nll(scores: readonly Float64Array[], truth: readonly number[], t: number): number {
  let sum = 0;
  scores.forEach((s, i) => {
    let max = Number.NEGATIVE_INFINITY;
    for (const v of s) max = Math.max(max, v / t);
    let z = 0;
    for (const v of s) z += Math.exp(v / t - max);
    sum += Math.log(z) + max - (s[truth[i] as number] as number) / t;
  });
  return sum;
}

/** The T in [0.001, 1000] minimising held-out NLL (golden-section search on ln T; NLL is unimodal in it). */
export function fitTemperature(scores: readonly Float64Array[], truth: readonly number[]): number {
  if (scores.length === 0) return 1;
  let lo = Math.log(1e-3);
  let hi = Math.log(1e3);
  const phi = (Math.sqrt(5) - 1) / 2;
  for (let i = 0; i < 60; i++) {
    const a = hi - phi * (hi - lo);
    const b = lo + phi * (hi - lo);
    if (nll(scores, truth, Math.exp(a)) <= nll(scores, truth, Math.exp(b))) hi = b;
    else lo = a;
  }
  return Number(Math.exp((lo + hi) / 2).toPrecision(6));
}
