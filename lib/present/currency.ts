/**
 * Display currency (presentation only: the engine, the result and every export stay in USD, AWS's billing
 * currency). Amounts are converted from the displayed USD cents with one rate: each total is converted and rounded
 * once to the currency's minor unit, and its parts are allocated from it (lib/money.ts `allocateWhole`), so a converted
 * column still adds up to its converted total. Pure; no zod (it is used by the page's summary cards).
 */
import { allocateWhole, type Cents } from "../money";
import { convertCents, type DisplayCurrency } from "./currency-format";

export { convertCents, formatInCurrency, formatMinor, minorDigits, USD, type DisplayCurrency } from "./currency-format";

export interface BundledRates {
  source: string;
  asOf: string;
  base: "EUR";
  perEUR: Record<string, number>;
}

/** Every currency of a bundled rate file, per USD: (currency per EUR) / (USD per EUR); EUR itself is 1 / (USD per EUR). */
export function ratesPerUSD(rates: BundledRates): DisplayCurrency[] {
  const usdPerEur = rates.perEUR.USD;
  if (!usdPerEur || !(usdPerEur > 0)) return [];
  const label = `${rates.source}, ${rates.asOf}`;
  const out: DisplayCurrency[] = [{ code: "EUR", perUSD: 1 / usdPerEur, source: label, asOf: rates.asOf }];
  for (const [code, perEur] of Object.entries(rates.perEUR)) {
    if (code === "USD" || !(perEur > 0)) continue;
    out.push({ code, perUSD: perEur / usdPerEur, source: label, asOf: rates.asOf });
  }
  return out.sort((a, b) => (a.code < b.code ? -1 : 1));
}

/** A converted total and its parts allocated from it, so the parts add up to the converted total. */
export function convertParts(totalUsdCents: Cents, partsUsdCents: ReadonlyArray<Cents>, c: DisplayCurrency): { total: number; parts: number[] } {
  const total = convertCents(totalUsdCents, c);
  if (c.code === "USD") return { total, parts: [...partsUsdCents] };
  const allPositive = partsUsdCents.every((p) => p >= 0);
  if (!allPositive || partsUsdCents.length === 0) return { total, parts: partsUsdCents.map((p) => convertCents(p, c)) };
  return { total, parts: allocateWhole(total, partsUsdCents) };
}

/** Is this a rate a user may type? (positive, finite, not absurd) */
export function checkRate(text: string): { ok: true; value: number } | { ok: false; message: string } {
  const t = text.trim();
  if (!/^(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/.test(t)) return { ok: false, message: `must be a positive number (got "${t.slice(0, 20)}")` };
  const v = Number(t);
  if (!Number.isFinite(v) || v <= 0) return { ok: false, message: "must be greater than 0" };
  if (v > 1_000_000) return { ok: false, message: "must be at most 1000000 units per USD" };
  return { ok: true, value: v };
}

/** A presented option (lib/present/estimate.ts) in the display currency: same shape, minor units, adding up. */
export interface ConvertedOption {
  total: number | null;
  groups: { cents: number; lines: number[] }[];
}

/**
 * Convert a presented option's total, groups and lines so that, as in USD, lines add up to their group and groups
 * to the total: the charges are allocated from the converted charges total, and a price book's discount group is
 * the converted total minus the converted charges.
 */
export function convertPresentedOption(
  p: { totalCents: Cents | null; grossCents?: Cents; groups: ReadonlyArray<{ cents: Cents; lines: ReadonlyArray<{ cents: Cents }> }> },
  c: DisplayCurrency,
): ConvertedOption {
  if (p.totalCents === null) return { total: null, groups: [] };
  const total = convertCents(p.totalCents, c);
  const gross = p.grossCents !== undefined ? convertCents(p.grossCents, c) : total;
  const charges = p.groups.filter((g) => g.cents >= 0 && g.lines.every((l) => l.cents >= 0));
  const chargeTotals = charges.length > 0 ? allocateWhole(gross, charges.map((g) => g.cents)) : [];
  let k = 0;
  return {
    total,
    groups: p.groups.map((g) => {
      if (charges.includes(g)) {
        const cents = chargeTotals[k++] as number;
        return { cents, lines: g.lines.length > 0 ? allocateWhole(cents, g.lines.map((l) => l.cents)) : [] };
      }
      // The discount group (negative): what makes the charges add up to the total.
      const off = gross - total;
      const lines = g.lines.length > 0 ? allocateWhole(off, g.lines.map((l) => -l.cents)).map((x) => -x) : [];
      return { cents: -off, lines };
    }),
  };
}
