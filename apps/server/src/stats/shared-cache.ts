// A small time-bounded cache for screen figures that many screens ask for at once and that move
// slowly (the heat layer): concurrent identical requests share one query, and a result is reused for
// `ttlMs`. Bounded in entries; the oldest goes first.
export class SharedCache<T> {
  readonly #entries = new Map<string, { at: number; value: Promise<T> }>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 500,
  ) {}

  get(key: string, now: number, load: () => Promise<T>): Promise<T> {
    const hit = this.#entries.get(key);
    if (hit && now - hit.at < this.ttlMs && now >= hit.at) return hit.value;
    const value = load();
    this.#entries.delete(key);
    this.#entries.set(key, { at: now, value });
    // a failed load is not remembered
    value.catch(() => {
      if (this.#entries.get(key)?.value === value) this.#entries.delete(key);
    });
    while (this.#entries.size > this.maxEntries) {
      const oldest = this.#entries.keys().next().value as string;
      this.#entries.delete(oldest);
    }
    return value;
  }
}
