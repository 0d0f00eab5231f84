// Limited-memory BFGS (Nocedal & Wright, Numerical Optimization, alg. 7.4/7.5) with a backtracking
// Armijo line search. The softmax loss is smooth and strictly convex with L2, so this simple
// version converges reliably; it is deterministic (no random mini-batches), which keeps models
// reproducible from the same data.

export interface LbfgsOptions {
  maxIterations: number;
  /** number of correction pairs kept (default 10) */
  memory?: number;
  /** stop when the largest gradient component is below this (default 1e-5) */
  gradientTolerance?: number;
  /** stop when the loss improves by less than this fraction in one step (default 1e-7) */
  relativeTolerance?: number;
}

export interface LbfgsResult {
  x: Float64Array;
  value: number;
  iterations: number;
  converged: boolean;
}

/** Loss at x; writes the gradient into grad. */
export type LossAndGradient = (x: Float64Array, grad: Float64Array) => number;

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] as number) * (b[i] as number);
  return s;
}

function maxAbs(a: Float64Array): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] as number));
  return m;
}

export function minimiseLbfgs(fg: LossAndGradient, x0: Float64Array, opts: LbfgsOptions): LbfgsResult {
  const m = opts.memory ?? 10;
  const gTol = opts.gradientTolerance ?? 1e-5;
  const relTol = opts.relativeTolerance ?? 1e-7;
  const n = x0.length;
  const x = Float64Array.from(x0);
  const g = new Float64Array(n);
  let f = fg(x, g);
  const sList: Float64Array[] = [];
  const yList: Float64Array[] = [];
  const rho: number[] = [];
  const dir = new Float64Array(n);
  const xNew = new Float64Array(n);
  const gNew = new Float64Array(n);
  const alpha = new Array<number>(m).fill(0);
  let iterations = 0;
  while (iterations < opts.maxIterations) {
    if (maxAbs(g) < gTol) return { x, value: f, iterations, converged: true };
    // Two-loop recursion: dir = -H·g with the stored curvature pairs.
    for (let i = 0; i < n; i++) dir[i] = -(g[i] as number);
    for (let k = sList.length - 1; k >= 0; k--) {
      const a = (rho[k] as number) * dot(sList[k] as Float64Array, dir);
      alpha[k] = a;
      const y = yList[k] as Float64Array;
      for (let i = 0; i < n; i++) dir[i] = (dir[i] as number) - a * (y[i] as number);
    }
    if (sList.length > 0) {
      const last = sList.length - 1;
      const y = yList[last] as Float64Array;
      const gamma = dot(sList[last] as Float64Array, y) / dot(y, y);
      for (let i = 0; i < n; i++) dir[i] = (dir[i] as number) * gamma;
    }
    for (let k = 0; k < sList.length; k++) {
      const b = (rho[k] as number) * dot(yList[k] as Float64Array, dir);
      const s = sList[k] as Float64Array;
      const a = alpha[k] as number;
      for (let i = 0; i < n; i++) dir[i] = (dir[i] as number) + (a - b) * (s[i] as number);
    }
    let slope = dot(g, dir);
    if (slope >= 0) {
      // Not a descent direction (numerical trouble): restart from steepest descent.
      sList.length = 0;
      yList.length = 0;
      rho.length = 0;
      for (let i = 0; i < n; i++) dir[i] = -(g[i] as number);
      slope = dot(g, dir);
    }
    let step = sList.length === 0 ? Math.min(1, 1 / Math.sqrt(-slope)) : 1;
    let fNew = Number.POSITIVE_INFINITY;
    for (let tries = 0; tries < 40; tries++) {
      for (let i = 0; i < n; i++) xNew[i] = (x[i] as number) + step * (dir[i] as number);
      fNew = fg(xNew, gNew);
      if (fNew <= f + 1e-4 * step * slope) break;
      step *= 0.5;
    }
    if (!(fNew < f)) return { x, value: f, iterations, converged: true };
    iterations++;
    const s = new Float64Array(n);
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      s[i] = (xNew[i] as number) - (x[i] as number);
      y[i] = (gNew[i] as number) - (g[i] as number);
    }
    const sy = dot(s, y);
    if (sy > 1e-12) {
      if (sList.length === m) {
        sList.shift();
        yList.shift();
        rho.shift();
      }
      sList.push(s);
      yList.push(y);
      rho.push(1 / sy);
    }
    const improvement = (f - fNew) / Math.max(1, Math.abs(f));
    x.set(xNew);
    g.set(gNew);
    f = fNew;
    if (improvement < relTol) return { x, value: f, iterations, converged: true };
  }
  return { x, value: f, iterations, converged: false };
}
