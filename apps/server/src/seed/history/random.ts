// Seeded randomness for the demo history: the same seed gives the same year, so screenshots, tests
// and bug reports can be reproduced. mulberry32 is tiny, fast and good enough for sampling.

export class Rng {
  #state: number;

  constructor(seed: number) {
    this.#state = seed >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.#state = (this.#state + 0x6d2b79f5) >>> 0;
    let t = this.#state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  }

  /** Integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** Uniform in [a, b). */
  range(a: number, b: number): number {
    return a + (b - a) * this.next();
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error("Rng.pick: empty list");
    return items[this.int(items.length)] as T;
  }

  /** Log-normal with the given median and spread (sigma of the underlying normal). */
  logNormal(median: number, sigma: number): number {
    return median * Math.exp(sigma * this.normal());
  }

  /** Standard normal (Box–Muller). */
  normal(): number {
    const u = 1 - this.next();
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** A fresh generator derived from this one: independent streams keep re-runs stable. */
  fork(): Rng {
    return new Rng(Math.floor(this.next() * 4_294_967_296));
  }

  /** A version-4 UUID drawn from this generator (deterministic ids for tests). */
  uuid(): string {
    const hex = (n: number) =>
      Math.floor(this.next() * 16 ** n)
        .toString(16)
        .padStart(n, "0");
    const variant = (8 + this.int(4)).toString(16);
    return `${hex(8)}-${hex(4)}-4${hex(3)}-${variant}${hex(3)}-${hex(12)}`;
  }
}

/** Draws indices in proportion to non-negative weights (cumulative sums + binary search). */
export class WeightedSampler<T> {
  readonly #items: T[];
  readonly #cumulative: Float64Array;
  readonly total: number;

  constructor(items: readonly T[], weights: readonly number[]) {
    this.#items = [...items];
    this.#cumulative = new Float64Array(items.length);
    let sum = 0;
    for (let i = 0; i < items.length; i++) {
      const w = weights[i] ?? 0;
      sum += Number.isFinite(w) && w > 0 ? w : 0;
      this.#cumulative[i] = sum;
    }
    this.total = sum;
  }

  get size(): number {
    return this.#items.length;
  }

  draw(rng: Rng): T {
    if (this.total <= 0) throw new Error("WeightedSampler: no positive weight");
    const x = rng.next() * this.total;
    let lo = 0;
    let hi = this.#cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.#cumulative[mid] as number) > x) hi = mid;
      else lo = mid + 1;
    }
    return this.#items[lo] as T;
  }
}

/** Picks a key of a small probability table, e.g. { grid: 0.55, hotline: 0.28 }. */
export function pickWeighted<K extends string>(rng: Rng, table: Readonly<Record<K, number>>): K {
  const entries = Object.entries(table) as [K, number][];
  let total = 0;
  for (const [, w] of entries) total += w;
  let x = rng.next() * total;
  for (const [k, w] of entries) {
    x -= w;
    if (x < 0) return k;
  }
  return (entries[entries.length - 1] as [K, number])[0];
}
