/**
 * The commitment arithmetic (docs/billing-rules.md#savings-plan-commitment) on small hand-made weeks, and its
 * properties on random ones.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { bestCommitment, commitmentBreakpoints, evaluateCommitment, type KindSeries } from "@/lib/commitment/optimize";

const week = (f: (hour: number) => number) => Float64Array.from({ length: 168 }, (_, h) => f(h));

describe("evaluateCommitment", () => {
  it("applies the commitment to the highest discount first", () => {
    // One hour of each: $1 on-demand at 50% off (costs $0.50 at plan rates), $1 at 20% off ($0.80).
    // C = $0.60: the 50% kind first: $0.50 covers its $1; the $0.10 left covers 0.10 / 0.8 = $0.125 of the 20% kind.
    const kinds: KindSeries[] = [
      { id: "low", discount: 0.2, hourlyOnDemandUSD: week(() => 1) },
      { id: "high", discount: 0.5, hourlyOnDemandUSD: week(() => 1) },
    ];
    const o = evaluateCommitment(kinds, 0.6);
    expect(o.onDemandUSD).toBeCloseTo(336, 9);
    expect(o.coveredOnDemandUSD).toBeCloseTo(168 * 1.125, 9);
    expect(o.spillOverUSD).toBeCloseTo(168 * 0.875, 9);
    expect(o.unusedUSD).toBeCloseTo(0, 9);
    // Net per hour = 1.125 - 0.6 = 0.525.
    expect(o.netSavingUSD).toBeCloseTo(168 * 0.525, 9);
  });

  it("loses unused commitment", () => {
    // Usage only on Monday 09:00-10:00: $1 on-demand at 20% off. C = $0.80: 167 hours wasted.
    const kinds: KindSeries[] = [{ id: "a", discount: 0.2, hourlyOnDemandUSD: week((h) => (h === 9 ? 1 : 0)) }];
    const o = evaluateCommitment(kinds, 0.8);
    expect(o.unusedUSD).toBeCloseTo(167 * 0.8, 9);
    expect(o.netSavingUSD).toBeCloseTo(1 - 168 * 0.8, 9);
    expect(bestCommitment(kinds).purchasable.commitmentUSDPerHour).toBe(0);
  });

  it("breakpoints are 0 and each hour's running totals at plan rates", () => {
    const kinds: KindSeries[] = [
      { id: "a", discount: 0.5, hourlyOnDemandUSD: week((h) => (h < 84 ? 2 : 0)) },
      { id: "b", discount: 0.25, hourlyOnDemandUSD: week(() => 4) },
    ];
    // Hours < 84: a first (2 x 0.5 = 1), then b (4 x 0.75 = 3): 1, 4. Other hours: 3.
    expect(commitmentBreakpoints(kinds)).toEqual([0, 1, 3, 4]);
  });
});

const seriesArb = fc
  .array(
    fc.record({
      discount: fc.double({ min: 0, max: 0.72, noNaN: true }),
      level: fc.double({ min: 0, max: 5, noNaN: true }),
      busy: fc.double({ min: 0, max: 20, noNaN: true }),
      from: fc.integer({ min: 0, max: 23 }),
      to: fc.integer({ min: 0, max: 24 }),
      weekdaysOnly: fc.boolean(),
    }),
    { minLength: 1, maxLength: 4 },
  )
  .map((list) =>
    list.map((k, i): KindSeries => ({
      id: `k${i}`,
      discount: k.discount,
      hourlyOnDemandUSD: week((h) => {
        const hourOfDay = h % 24;
        const busy = hourOfDay >= k.from && hourOfDay < k.to && (!k.weekdaysOnly || h < 120);
        return k.level + (busy ? k.busy : 0);
      }),
    })),
  );

describe("properties", () => {
  it("the optimum saves at least as much as no plan, the peak and every point of a fine grid, and never exceeds the peak", () => {
    fc.assert(
      fc.property(seriesArb, (kinds) => {
        const { exact, purchasable, peak } = bestCommitment(kinds);
        const tol = 1e-9 * Math.max(1, exact.onDemandUSD);
        expect(exact.commitmentUSDPerHour).toBeLessThanOrEqual(peak + 1e-12);
        expect(purchasable.commitmentUSDPerHour).toBeLessThanOrEqual(peak + 1e-12);
        expect(exact.netSavingUSD).toBeGreaterThanOrEqual(evaluateCommitment(kinds, 0).netSavingUSD - tol);
        expect(exact.netSavingUSD).toBeGreaterThanOrEqual(evaluateCommitment(kinds, peak).netSavingUSD - tol);
        expect(purchasable.netSavingUSD).toBeGreaterThanOrEqual(-tol);
        for (let i = 0; i <= 50; i++) {
          expect(exact.netSavingUSD).toBeGreaterThanOrEqual(evaluateCommitment(kinds, (peak * 1.2 * i) / 50).netSavingUSD - tol);
        }
        // The purchasable commitment is at most $0.001 (the minimum) away from the optimum, where the curve's slope is
        // at most 168 x max(1, d / (1 - d)) a week, and AWS takes it (0, or >= 0.001 with five decimals).
        const d = Math.max(...kinds.map((k) => k.discount));
        expect(exact.netSavingUSD - purchasable.netSavingUSD).toBeLessThanOrEqual(168 * 0.001 * Math.max(1, d / (1 - d)) + 1e-6);
        const c = purchasable.commitmentUSDPerHour;
        expect(c === 0 || c >= 0.001).toBe(true);
        expect(Math.abs(c * 1e5 - Math.round(c * 1e5))).toBeLessThan(1e-6);
      }),
      { numRuns: 200 },
    );
  });

  it("cost = commitment + spill-over, and covered + spill-over = on-demand", () => {
    fc.assert(
      fc.property(seriesArb, fc.double({ min: 0, max: 30, noNaN: true }), (kinds, c) => {
        const o = evaluateCommitment(kinds, c);
        const tol = 1e-9 * Math.max(1, o.onDemandUSD + o.commitmentUSD);
        expect(o.costUSD).toBeCloseTo(o.commitmentUSD + o.spillOverUSD, 6);
        expect(o.coveredOnDemandUSD + o.spillOverUSD).toBeCloseTo(o.onDemandUSD, 6);
        expect(o.usedUSD + o.unusedUSD).toBeCloseTo(o.commitmentUSD, 6);
        expect(o.usedUSD).toBeLessThanOrEqual(o.coveredOnDemandUSD + tol);
      }),
      { numRuns: 200 },
    );
  });
});
