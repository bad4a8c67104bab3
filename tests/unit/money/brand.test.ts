/**
 * Cents is a branded number (lib/money.ts): the compiler refuses dollars, counts and bare numbers where cents are
 * expected. The `@ts-expect-error` lines are the test: `tsc --noEmit -p .` (npm test's type-check stage, which
 * includes tests/) fails if any of them stops being an error, i.e. if the brand is removed or weakened. The
 * runtime parts check the constructors and the arithmetic that replace `+`, `-` and `Math.abs` on cents.
 */
import { describe, expect, it } from "vitest";
import { absCents, addCents, allocate, cents, formatCents, fromCents, negCents, subCents, sumCents, toCents, type Cents } from "@/lib/money";
import { formatInCurrency, USD } from "@/lib/present/currency";

/** A cents parameter, as every presenter takes one. */
const show = (c: Cents): string => formatCents(c);

describe("Cents cannot be mixed up with dollars or counts (type-checked by tsc)", () => {
  it("refuses plain numbers, dollars and counts where cents are expected", () => {
    const dollars = 12.34; // a monthlyUSD-like amount
    const tasks = 3; // a count
    const price = toCents(dollars); // 1234 cents

    // @ts-expect-error a bare number is not cents
    const literal: Cents = 5;
    // @ts-expect-error dollars are not cents: round them with toCents
    const fromDollars: Cents = dollars;
    // @ts-expect-error dollars passed to a cents parameter
    show(dollars);
    // @ts-expect-error dollars passed to the display-currency formatter
    formatInCurrency(dollars, USD);
    // @ts-expect-error dollars as the total to split (at run time allocate refuses them too)
    expect(() => allocate(dollars, [1, 1])).toThrow(RangeError);
    // @ts-expect-error cents plus a count is a number, not cents
    const plusCount: Cents = price + tasks;
    // @ts-expect-error cents times a count is not cents either (scale dollars, then round)
    const timesCount: Cents = price * tasks;
    // @ts-expect-error even cents + cents is a plain number: addCents keeps the unit
    const plusCents: Cents = price + price;
    // @ts-expect-error cents back to dollars are dollars, not cents
    const roundTrip: Cents = fromCents(price);
    // @ts-expect-error a count is not cents
    subCents(price, tasks);

    // What the compiler accepts: cents only from lib/money.ts, and cents read as numbers anywhere.
    const sum: Cents = addCents(price, cents(66)); // 1234 + 66 = 1300
    const dollarsAgain: number = fromCents(sum) * tasks; // 13.00 x 3 = 39
    expect(sum).toBe(1300);
    expect(dollarsAgain).toBe(39);
    expect(show(sum)).toBe("$13.00");
    expect(sum > price).toBe(true);
    // The refused lines still ran (a brand is type-only): the numbers are what plain arithmetic gives.
    expect([literal, fromDollars, plusCount, timesCount, plusCents, roundTrip]).toEqual([5, 12.34, 1237, 3702, 2468, 12.34]);
  });
});

describe("Cents constructors and arithmetic", () => {
  it("cents() takes whole numbers only", () => {
    expect(cents(1234)).toBe(1234);
    expect(cents(-5)).toBe(-5);
    expect(() => cents(12.34)).toThrow(RangeError);
    expect(() => cents(Number.NaN)).toThrow(RangeError);
    expect(() => cents(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });

  it("adds, subtracts, negates and sums exactly as number arithmetic does", () => {
    const a = toCents(29.5504); // 2955
    const b = toCents(6.4897); // 649
    expect(addCents(a, b)).toBe(3604); // 2955 + 649
    expect(subCents(b, a)).toBe(-2306); // 649 - 2955
    expect(negCents(a)).toBe(-2955);
    expect(absCents(subCents(b, a))).toBe(2306);
    expect(sumCents([a, b, cents(1)])).toBe(3605); // 2955 + 649 + 1
    expect(sumCents([])).toBe(0);
    // negCents is exactly unary minus: -0 for 0, which the formatter shows as 0 (as before the brand).
    expect(Object.is(negCents(cents(0)), -0)).toBe(true);
    expect(formatCents(negCents(cents(0)))).toBe("$0.00");
  });
});
