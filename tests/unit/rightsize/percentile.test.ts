import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { downsample, nearestRankIndex, percentileOfSorted, sampleStats, selectInPlace } from "@/lib/rightsize/percentile";

describe("nearest-rank percentiles", () => {
  it("matches hand-computed ranks on 10 samples", () => {
    // sorted: 1 2 3 4 5 6 7 8 9 10 (given shuffled)
    // p50: rank ceil(0.50 x 10) = 5 -> 5;  p90: ceil(9.0) = 9 -> 9;  p95: ceil(9.5) = 10 -> 10
    // p99: ceil(9.9) = 10 -> 10;  max 10;  mean 55 / 10 = 5.5
    const s = sampleStats([7, 3, 10, 1, 9, 2, 8, 5, 4, 6])!;
    expect(s).toEqual({ count: 10, min: 1, mean: 5.5, p50: 5, p90: 9, p95: 10, p99: 10, max: 10 });
  });

  it("matches hand-computed ranks on 20 samples and all-equal samples", () => {
    // values 10, 20, ..., 200 (20 samples), given in descending order
    const xs = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110, 120, 130, 140, 150, 160, 170, 180, 190, 200];
    // p50: ceil(0.5 x 20) = 10 -> 100;  p90: ceil(18) = 18 -> 180;  p95: ceil(19) = 19 -> 190
    // p99: ceil(19.8) = 20 -> 200;  mean = 10 x (1+...+20) / 20 = 10 x 210 / 20 = 105
    expect(sampleStats(xs.slice().reverse())).toEqual({ count: 20, min: 10, mean: 105, p50: 100, p90: 180, p95: 190, p99: 200, max: 200 });
    // all equal: every percentile is that value
    expect(sampleStats([3, 3, 3])).toMatchObject({ p50: 3, p99: 3, max: 3, min: 3 });
  });

  it("one sample and none", () => {
    expect(sampleStats([42])).toMatchObject({ p50: 42, p90: 42, p95: 42, p99: 42, max: 42 });
    expect(sampleStats([])).toBeNull();
    expect(nearestRankIndex(1, 50)).toBe(0);
    expect(() => percentileOfSorted([], 50)).toThrow(RangeError);
  });

  it("leaves the input untouched", () => {
    const xs = new Float64Array([5, 1, 4]);
    sampleStats(xs);
    expect(Array.from(xs)).toEqual([5, 1, 4]);
  });

  it("selection equals sorting (property, 2,000 random arrays)", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 300 }), (xs) => {
        const sorted = Float64Array.from(xs).sort();
        const s = sampleStats(xs)!;
        expect(s.p50).toBe(percentileOfSorted(sorted, 50));
        expect(s.p90).toBe(percentileOfSorted(sorted, 90));
        expect(s.p95).toBe(percentileOfSorted(sorted, 95));
        expect(s.p99).toBe(percentileOfSorted(sorted, 99));
        expect(s.max).toBe(sorted[sorted.length - 1]);
        expect(s.min).toBe(sorted[0]);
        const k = Math.floor(xs.length / 3);
        expect(selectInPlace(Float64Array.from(xs), k)).toBe(sorted[k]);
      }),
      { numRuns: 2000 },
    );
  });

  // Correctness only: how fast this runs depends on the machine's load, so its time target lives in
  // `npm run bench` ("rightsize: percentiles of 1,000,000 samples").
  it("gives exact nearest-rank percentiles of 1,000,000 samples", () => {
    const n = 1_000_000;
    const xs = new Float64Array(n);
    for (let i = 0; i < n; i++) xs[i] = (i * 7919) % n; // a permutation of 0..n-1
    const s = sampleStats(xs)!;
    // p95: rank ceil(0.95 x 1e6) = 950000 -> value 949999 (values are 0..999999)
    expect(s.p95).toBe(949_999);
    // p50: rank 500000 -> 499999; p90: rank 900000 -> 899999; p99: rank 990000 -> 989999
    expect(s.p50).toBe(499_999);
    expect(s.p90).toBe(899_999);
    expect(s.p99).toBe(989_999);
    expect(s.min).toBe(0);
    expect(s.max).toBe(999_999);
    // mean of 0..999999 = 999999 / 2
    expect(s.mean).toBeCloseTo(499_999.5, 6);
  });
});

describe("downsample", () => {
  it("keeps bucket peaks by time, unsorted input, gaps stay gaps", () => {
    // times 0..9 min, values 0..9; 5 buckets of 2 minutes (span 9 min -> bucket = floor(t/9 x 5))
    const times = [9, 8, 7, 6, 5, 4, 3, 2, 1, 0].map((m) => m * 60_000);
    const values = [9, 8, 7, 6, 5, 4, 3, 2, 1, 0];
    const pts = downsample(values, times, 10, 5);
    expect(pts.map((p) => p.max)).toEqual([1, 3, 5, 7, 9]);
    expect(pts[0]!.x).toBe(0);
    const gap = downsample([1, 2], [0, 10 * 60_000], 2, 5);
    expect(gap.length).toBe(2); // middle buckets are empty and left out
  });
  it("falls back to sample order without timestamps", () => {
    const pts = downsample([1, 5, 2, 8], null, 4, 2);
    expect(pts).toEqual([
      { x: 0, max: 5, mean: 3 },
      { x: 2, max: 8, mean: 5 },
    ]);
  });
});
