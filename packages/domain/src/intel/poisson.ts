// Counting statistics for the analysis of common problems (共性问题) and trends (分析研判): the
// Poisson upper tail, the Benjamini–Hochberg adjustment for testing many places at once, and the
// mean and spread of a baseline. Formulas in docs/analysis.md.
//
// Hand-written on purpose: the one npm package with a precise incomplete gamma function
// (@stdlib/math-base-special-gammainc) brings 203 packages with it, for what is a 20-line series
// here. The tail is summed term by term in log space, so probabilities far below 1e-16 (a cluster
// of 10 reports where 0.2 were expected) keep their order of magnitude instead of rounding to 0.

/** ln(k!) for k! up to 255 from a table, beyond by Stirling's series (error < 1e-15 there). */
const LOG_FACTORIAL: number[] = [0];
for (let k = 1; k < 256; k++) LOG_FACTORIAL.push((LOG_FACTORIAL[k - 1] as number) + Math.log(k));

export function logFactorial(k: number): number {
  if (k < 0 || !Number.isInteger(k)) throw new RangeError(`logFactorial: ${k} is not a whole number ≥ 0`);
  if (k < 256) return LOG_FACTORIAL[k] as number;
  const k2 = k * k;
  return (
    k * Math.log(k) - k + 0.5 * Math.log(2 * Math.PI * k) + 1 / (12 * k) - 1 / (360 * k * k2) + 1 / (1260 * k2 * k2 * k)
  );
}

/** ln P(X = k) for X ~ Poisson(λ), λ > 0. */
function logPmf(k: number, lambda: number): number {
  return -lambda + k * Math.log(lambda) - logFactorial(k);
}

/**
 * P(X ≥ n) for X ~ Poisson(λ): the chance of seeing n or more where λ were expected. `n` is rounded
 * down (a fractional count from a dispersion-scaled test is treated conservatively).
 */
export function poissonUpperTail(n: number, lambda: number): number {
  const k0 = Math.floor(n);
  if (k0 <= 0) return 1;
  if (!(lambda > 0)) return 0;
  if (k0 > lambda) {
    // the terms fall from k0 on (ratio λ/(k+1) < 1): sum them until they no longer count
    let term = Math.exp(logPmf(k0, lambda));
    if (term === 0) return 0;
    let sum = 0;
    for (let k = k0; term > sum * 1e-17 && k < k0 + 100_000; k++) {
      sum += term;
      term *= lambda / (k + 1);
    }
    return Math.min(1, sum);
  }
  // n ≤ λ: the tail is large; 1 − P(X < n), the lower terms summed downwards from n − 1
  let sum = 0;
  for (let k = k0 - 1; k >= 0; k--) {
    const term = Math.exp(logPmf(k, lambda));
    sum += term;
    if (term < sum * 1e-17) break;
  }
  return Math.max(0, Math.min(1, 1 - sum));
}

/** −log10 p, capped so that p = 0 still sorts (the "surprise" of an observation). */
export function surprise(p: number): number {
  return p <= 1e-300 ? 300 : -Math.log10(p);
}

/**
 * Benjamini–Hochberg adjusted p-values (q-values), in the order given. `tests` is the number of
 * hypotheses tested, when more were tested than are listed (those left out had p = 1).
 * Rejecting every q ≤ α keeps the expected share of false alarms among the alarms at most α.
 */
export function benjaminiHochberg(pValues: readonly number[], tests: number = pValues.length): number[] {
  const m = Math.max(tests, pValues.length);
  const order = pValues.map((p, i) => ({ p, i })).sort((a, b) => a.p - b.p || a.i - b.i);
  const q = new Array<number>(pValues.length);
  let running = 1;
  for (let r = order.length - 1; r >= 0; r--) {
    const { p, i } = order[r] as { p: number; i: number };
    running = Math.min(running, (p * m) / (r + 1));
    q[i] = Math.min(1, running);
  }
  return q;
}

/** Mean and sample standard deviation (n − 1); sd 0 for fewer than two values. */
export function meanAndSd(values: readonly number[]): { mean: number; sd: number } {
  if (values.length === 0) return { mean: 0, sd: 0 };
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  if (values.length < 2) return { mean, sd: 0 };
  const ss = values.reduce((s, v) => s + (v - mean) ** 2, 0);
  return { mean, sd: Math.sqrt(ss / (values.length - 1)) };
}
