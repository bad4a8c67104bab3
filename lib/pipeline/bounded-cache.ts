/**
 * A least-recently-used map bounded both by entry count and by total weight (for strings: their length), so a
 * long-running server can memoize pure results without growing: every insert evicts the least recently used
 * entries until both bounds hold, and an entry heavier than the whole budget is not stored. Pure (no clock).
 */
export class BoundedCache<V> {
  private readonly entries = new Map<string, { value: V; weight: number }>();
  private weight = 0;

  constructor(
    readonly maxEntries: number,
    readonly maxWeight: number,
    private readonly weigh: (key: string, value: V) => number,
  ) {
    if (!(Number.isInteger(maxEntries) && maxEntries > 0)) throw new RangeError(`maxEntries must be a positive integer, got ${maxEntries}`);
    if (!(maxWeight > 0)) throw new RangeError(`maxWeight must be positive, got ${maxWeight}`);
  }

  get size(): number {
    return this.entries.size;
  }

  get totalWeight(): number {
    return this.weight;
  }

  /** The value, now the most recently used; undefined when absent. */
  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  /** Stores the value as the most recently used; false (and nothing stored) when it alone exceeds maxWeight. */
  set(key: string, value: V): boolean {
    const weight = this.weigh(key, value);
    const old = this.entries.get(key);
    if (old) {
      this.entries.delete(key);
      this.weight -= old.weight;
    }
    if (weight > this.maxWeight) return false;
    this.entries.set(key, { value, weight });
    this.weight += weight;
    // Map iteration order is insertion order: the first key is the least recently used.
    while (this.entries.size > this.maxEntries || this.weight > this.maxWeight) {
      const oldest = this.entries.keys().next().value as string;
      this.weight -= this.entries.get(oldest)!.weight;
      this.entries.delete(oldest);
    }
    return true;
  }

  clear(): void {
    this.entries.clear();
    this.weight = 0;
  }
}
