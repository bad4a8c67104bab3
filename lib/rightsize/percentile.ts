/**
 * Percentiles of observed utilization, nearest-rank method:
 *   P(p) = the value at 1-based rank ceil(p/100 x n) of the samples sorted ascending (p in (0,100]),
 * so every reported percentile is a sample that was actually observed (no interpolation), P(100) = max.
 * Example: samples [10, 20, 30, 40] -> p50 = rank ceil(0.5 x 4) = 2 -> 20; p95 = rank ceil(3.8) = 4 -> 40.
 *
 * Cost: one copy into a Float64Array, then selection (quickselect, expected O(n)) of the four ranks in
 * ascending order, each search limited to the part above the previous rank - no full sort. 1,000,000
 * samples take a few tens of milliseconds (scripts/bench-rightsize.ts measures it).
 */

export const PERCENTILES = ["p50", "p90", "p95", "p99", "max"] as const;
export type PercentileKey = (typeof PERCENTILES)[number];

export const PERCENTILE_VALUE: Record<PercentileKey, number> = { p50: 50, p90: 90, p95: 95, p99: 99, max: 100 };

export interface SampleStats {
  count: number;
  min: number;
  mean: number;
  p50: number;
  p90: number;
  p95: number;
  p99: number;
  max: number;
}

export function isPercentileKey(v: unknown): v is PercentileKey {
  return typeof v === "string" && (PERCENTILES as readonly string[]).includes(v);
}

/** Nearest-rank percentile of an ascending-sorted array; p in (0, 100]. */
export function percentileOfSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) throw new RangeError("no samples");
  if (!(p > 0 && p <= 100)) throw new RangeError(`percentile must be in (0, 100], got ${p}`);
  return sorted[nearestRankIndex(n, p)]!;
}

/** Nearest-rank 0-based index of percentile p among n samples. */
export function nearestRankIndex(n: number, p: number): number {
  return Math.min(n, Math.max(1, Math.ceil((p / 100) * n))) - 1;
}

/**
 * Rearrange a[lo..hi] so that a[k] holds the value it would have if the range were sorted, everything
 * before it is <= and everything after it is >= (Hoare partition, median-of-three pivot).
 */
export function selectInPlace(a: Float64Array, k: number, lo = 0, hi = a.length - 1): number {
  while (hi > lo) {
    const mid = (lo + hi) >>> 1;
    // median of three as pivot
    let x = a[lo]!, y = a[mid]!, z = a[hi]!;
    if (x > y) [x, y] = [y, x];
    if (y > z) [y, z] = [z, y];
    if (x > y) [x, y] = [y, x];
    const pivot = y;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i] = a[j]!;
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return a[k]!;
  }
  return a[k]!;
}

/** Min, mean and nearest-rank percentiles of the first `count` values; the input is left untouched. null when empty. */
export function sampleStats(values: ArrayLike<number>, count = values.length): SampleStats | null {
  if (count === 0) return null;
  const a = new Float64Array(count);
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < count; i++) {
    const v = values[i]!;
    a[i] = v;
    sum += v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  // Ranks ascend, so each selection only searches above the previous one.
  const out: number[] = [];
  let lo = 0;
  for (const p of [50, 90, 95, 99]) {
    const k = nearestRankIndex(count, p);
    out.push(selectInPlace(a, k, lo, count - 1));
    lo = k;
  }
  return { count, min, mean: sum / count, p50: out[0]!, p90: out[1]!, p95: out[2]!, p99: out[3]!, max };
}

export interface SeriesPoint {
  /** Epoch ms of the bucket start, or the first sample index of the bucket when there are no timestamps. */
  x: number;
  /** Highest sample in the bucket (peaks matter for sizing, so the chart never hides them). */
  max: number;
  /** Mean of the bucket. */
  mean: number;
}

/**
 * Downsample to at most `buckets` points for a chart: by time when every sample has a timestamp
 * (rows may be unsorted, e.g. performance log events of many tasks), else by sample index. O(n).
 */
export function downsample(values: ArrayLike<number>, times: ArrayLike<number> | null, count: number, buckets = 400): SeriesPoint[] {
  if (count === 0) return [];
  let tMin = Infinity;
  let tMax = -Infinity;
  let useTime = times !== null;
  if (times) {
    for (let i = 0; i < count; i++) {
      const t = times[i]!;
      if (!Number.isFinite(t)) {
        useTime = false;
        break;
      }
      if (t < tMin) tMin = t;
      if (t > tMax) tMax = t;
    }
    if (tMax <= tMin) useTime = false;
  }
  const nb = Math.max(1, Math.min(buckets, count));
  const mx = new Float64Array(nb).fill(-Infinity);
  const sum = new Float64Array(nb);
  const n = new Uint32Array(nb);
  const span = useTime ? tMax - tMin : count;
  for (let i = 0; i < count; i++) {
    const pos = useTime ? times![i]! - tMin : i;
    const b = Math.min(nb - 1, Math.floor((pos / span) * nb));
    const v = values[i]!;
    if (v > mx[b]!) mx[b] = v;
    sum[b]! += v;
    n[b]!++;
  }
  const out: SeriesPoint[] = [];
  for (let b = 0; b < nb; b++) {
    if (n[b] === 0) continue; // a gap in the data stays a gap in the chart
    out.push({ x: useTime ? tMin + (b * span) / nb : Math.floor((b * count) / nb), max: mx[b]!, mean: sum[b]! / n[b]! });
  }
  return out;
}
