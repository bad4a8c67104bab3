import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { allocate, allocateWhole, cents, formatCents, formatRate, formatUSD, fromCents, roundParts, toCents } from "@/lib/money";

describe("toCents: HALF-UP to whole cents, once", () => {
  it("rounds halfway values away from zero and everything else to the nearest cent", () => {
    expect(toCents(29.5504)).toBe(2955); // 29.5504 -> 29.55
    expect(toCents(0.125)).toBe(13); // 0.125 is exact in binary: a true tie, away from zero
    expect(toCents(-0.125)).toBe(-13);
    expect(toCents(1234.565)).toBe(123457); // the double is 1234.56500000000005..., above the tie
    expect(toCents(1.005)).toBe(100); // the double is 1.00499999999999989..., below the tie (as Intl shows it)
    expect(toCents(-0.001)).toBe(0); // and never -0
    expect(Object.is(toCents(-0.001), -0)).toBe(false);
    expect(Number.isNaN(toCents(Number.NaN))).toBe(true);
  });

  it("agrees with Intl.NumberFormat's own rounding, so text and cents never disagree", () => {
    const intl = new Intl.NumberFormat("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2, useGrouping: false });
    fc.assert(
      fc.property(fc.double({ min: -1e7, max: 1e7, noNaN: true }), (usd) => {
        const text = intl.format(usd).replace("-0.00", "0.00");
        expect(fromCents(toCents(usd)).toFixed(2)).toBe(text);
      }),
      { numRuns: 2000 },
    );
  });

  it("its fast path (Math.round of x 100, away from half cents) gives toFixed's answer, on ties and near-ties too", () => {
    const reference = (usd: number) => {
      const c = Number(usd.toFixed(2).replace(".", ""));
      return c === 0 ? 0 : c;
    };
    // Amounts a few ulps either side of a half cent, at every magnitude the engine meets, and plain random ones.
    const nearHalf = fc.tuple(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: -4, max: 4 })).map(([c, ulps]) => {
      let x = (c + 0.5) / 100;
      for (let i = 0; i < Math.abs(ulps); i++) x = ulps > 0 ? x + Number.EPSILON * Math.max(1, Math.abs(x)) : x - Number.EPSILON * Math.max(1, Math.abs(x));
      return x;
    });
    fc.assert(
      fc.property(fc.oneof(nearHalf, fc.double({ min: -1e10, max: 1e10, noNaN: true }), fc.double({ min: -1, max: 1, noNaN: true })), (usd) => {
        expect(toCents(usd)).toBe(reference(usd));
      }),
      { numRuns: 20000 },
    );
    for (const usd of [0.005, -0.005, 0.015, 2.675, 1.005, 1234.565, 9_999_999.995, 10_000_000.005, 1e7 + 0.125]) expect(toCents(usd)).toBe(reference(usd));
  });
});

describe("formatUSD / formatCents", () => {
  it("formats cents with separators, an em dash for missing values and no negative zero", () => {
    expect(formatUSD(29.5504)).toBe("$29.55");
    expect(formatUSD(1234.565)).toBe("$1,234.57");
    expect(formatUSD(-0.004)).toBe("$0.00");
    expect(formatUSD(-12.5)).toBe("-$12.50");
    expect(formatUSD(null)).toBe("—");
    expect(formatUSD(Number.POSITIVE_INFINITY)).toBe("—");
    expect(formatCents(cents(123456))).toBe("$1,234.56");
    expect(formatCents(cents(-0))).toBe("$0.00");
  });
});

describe("allocate: parts that add up to the total to the cent", () => {
  it("splits by ratio with the largest remainders getting the leftover cents", () => {
    // 100 cents by 1:1:1 -> exact 33.33 each; floors 33+33+33 = 99; one cent left, ties -> the first part.
    expect(allocate(cents(100), [1, 1, 1])).toEqual([34, 33, 33]);
    // 1000 cents by 70:30 -> 700 + 300, nothing left over.
    expect(allocate(cents(1000), [70, 30])).toEqual([700, 300]);
    // 5 cents by 0.2:0.5:0.3 -> exact 1, 2.5, 1.5; floors 1+2+1 = 4; the cent goes to 2.5 (remainder .5, earlier than 1.5's).
    expect(allocate(cents(5), [0.2, 0.5, 0.3])).toEqual([1, 3, 1]);
    // Zero ratios get nothing unless every ratio is zero (then an even split).
    expect(allocate(cents(7), [0, 1, 0])).toEqual([0, 7, 0]);
    expect(allocate(cents(7), [0, 0])).toEqual([4, 3]);
    // Negative totals mirror positive ones.
    expect(allocate(cents(-100), [1, 1, 1])).toEqual([-34, -33, -33]);
    expect(allocate(cents(0), [])).toEqual([]);
  });

  it("refuses what it cannot split honestly", () => {
    // Cents are whole by construction (cents() refuses 10.5); the split checks again for unbranded minor units.
    expect(() => cents(10.5)).toThrow(RangeError);
    expect(() => allocateWhole(10.5, [1])).toThrow(RangeError);
    expect(() => allocate(cents(10), [])).toThrow(RangeError);
    expect(() => allocate(cents(10), [1, -1])).toThrow(RangeError);
    expect(() => allocate(cents(10), [Number.NaN])).toThrow(RangeError);
  });

  it("property: sums to the total and every part is the floor or ceiling of its exact share", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -10_000_000, max: 10_000_000 }),
        fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 40 }),
        (total, ratios) => {
          const parts = allocate(cents(total), ratios);
          expect(allocateWhole(total, ratios)).toEqual(parts); // the unbranded split is the same split
          expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
          const sum = ratios.reduce((a, b) => a + b, 0);
          parts.forEach((p, i) => {
            expect(Number.isInteger(p)).toBe(true);
            const exact = sum > 0 ? (total * (ratios[i] as number)) / sum : total / ratios.length;
            expect(Math.abs(p - exact)).toBeLessThan(1 + 1e-6);
          });
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe("roundParts: the presentation rule for a total and its parts", () => {
  it("rounds the exact sum once and allocates it, instead of rounding each part", () => {
    // Three lines of 0.334 each: rounded one by one they show 0.33 x 3 = 0.99 under a total of 1.00 (1.002).
    const { totalCents, partCents } = roundParts([0.334, 0.334, 0.334]);
    expect(totalCents).toBe(100);
    expect(partCents).toEqual([34, 33, 33]);
    // Lines 29.5504 + 6.4897 = 36.0401 -> 3604 cents; exact shares 2955.04 and 648.97 -> 2955 + 649 = 3604.
    expect(roundParts([29.5504, 6.4897])).toEqual({ totalCents: 3604, partCents: [2955, 649] });
  });
});

describe("formatCents and formatRate: the hand-written formats equal the reference ones (issue 23)", () => {
  const intl = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const rateRef = (v: number) => `$${v.toFixed(v >= 1 ? 6 : 10).replace(/(\.\d*?[1-9])0+$/, "$1").replace(/\.0+$/, "")}`;
  it("formatCents is Intl.NumberFormat en-US currency for every whole-cent amount", () => {
    const edges = [0, -0, 1, -1, 9, 10, 99, 100, 101, 99_999, 100_000, 123_456, -123_456, 99_999_999, 100_000_000, 1e13 - 1, -(1e14 - 1), 1e14, 1e15 + 7];
    for (const c of edges) expect(formatCents(cents(c))).toBe(intl.format(c === 0 ? 0 : c / 100));
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: -1e6, max: 1e6 }), fc.integer({ min: -(2 ** 50), max: 2 ** 50 })), (c) => {
        expect(formatCents(cents(c))).toBe(intl.format(c === 0 ? 0 : c / 100));
      }),
      { numRuns: 5000 },
    );
  });
  it("formatRate trims zeros like the regular expressions it replaced", () => {
    for (const v of [1, 10, 100, 0.5, 0.0404, 0.000111, 1.25, 123.456789, 1e-12, -0.5, -2, 0.1 + 0.2, 2 ** 40, 1e21, 1.5e22]) expect(formatRate(v)).toBe(rateRef(v));
    fc.assert(
      fc.property(fc.double({ min: -1e9, max: 1e9, noNaN: true }), (v) => {
        if (v === 0) return;
        expect(formatRate(v)).toBe(rateRef(v));
      }),
      { numRuns: 5000 },
    );
  });
});
