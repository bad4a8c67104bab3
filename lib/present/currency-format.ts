/**
 * Display currency, the part the page's first load needs (summary cards): the type, USD, and converting and
 * formatting displayed USD cents. Presentation only (lib/present/currency.ts has the rest). No zod, no data.
 */
import type { Cents } from "../money";

export interface DisplayCurrency {
  /** ISO 4217 code. */
  code: string;
  /** Units of the currency per 1 USD. */
  perUSD: number;
  /** Where the rate comes from ("European Central Bank reference rate 2025-10-21", "entered by you"). */
  source: string;
  /** Date of the rate, YYYY-MM-DD, or null for a rate the user typed. */
  asOf: string | null;
}

export const USD: DisplayCurrency = { code: "USD", perUSD: 1, source: "AWS bills in USD", asOf: null };

const digitsCache = new Map<string, number>();
/** Minor-unit digits of a currency (JPY 0, EUR 2), from the runtime's currency data. */
export function minorDigits(code: string): number {
  let d = digitsCache.get(code);
  if (d === undefined) {
    try {
      d = new Intl.NumberFormat("en-US", { style: "currency", currency: code }).resolvedOptions().maximumFractionDigits ?? 2;
    } catch {
      d = 2;
    }
    digitsCache.set(code, d);
  }
  return d;
}

/** USD cents -> the currency's minor units, rounded half away from zero once. */
export function convertCents(usdCents: Cents, c: DisplayCurrency): number {
  if (c.code === "USD") return usdCents;
  const minor = (usdCents / 100) * c.perUSD * 10 ** minorDigits(c.code);
  return Math.sign(minor) * Math.round(Math.abs(minor) + 1e-9);
}

/** Minor units of `code` as money text ("€1,234.56", "¥12,345"); `extra` more digits for rates. */
export function formatMinor(minor: number, code: string, extra = 0): string {
  const digits = minorDigits(code) + extra;
  return new Intl.NumberFormat("en-US", { style: "currency", currency: code, minimumFractionDigits: digits, maximumFractionDigits: digits }).format((minor === 0 ? 0 : minor) / 10 ** minorDigits(code));
}

/** Displayed USD cents in the chosen currency. */
export function formatInCurrency(usdCents: Cents | null | undefined, c: DisplayCurrency): string {
  if (usdCents === null || usdCents === undefined || !Number.isFinite(usdCents)) return "—";
  return formatMinor(convertCents(usdCents, c), c.code);
}

