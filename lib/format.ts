/**
 * Display formatting only. Money keeps full precision everywhere else; dollar amounts are rounded once, at
 * presentation, by lib/money.ts (the rounding rule and the USD format live there).
 */
export { formatUSD } from "./money";

const usd0 = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", maximumFractionDigits: 0 });
const plain = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 });
const pct = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });

/** "$1,235" / "$12.5k": chart-axis ticks only, where cents are noise (amounts use formatUSD). */
export function formatUSDShort(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  if (Math.abs(value) >= 10_000) return `$${plain.format(Math.round(value / 100) / 10)}k`;
  return usd0.format(value);
}

/**
 * A unit rate such as 0.0404800 per vCPU-hour: shown with enough significant digits that the
 * catalog's figure is recognisable (rates go down to 0.000111 per GB-hour), trailing zeros trimmed.
 */
export function formatRate(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  if (value === 0) return "$0";
  // Catalog rates carry at most 8-10 decimals (Spot 0.01288561, storage 0.000111); toFixed(10)
  // drops float noise without hiding a catalog digit.
  const digits = value >= 1 ? 6 : 10;
  const fixed = value.toFixed(digits).replace(/(\.\d*?[1-9])0+$/, "$1").replace(/\.0+$/, "");
  return `$${fixed}`;
}

/** Quantities such as 2920 vCPU-hours -> "2,920"; 0.5 -> "0.5". */
export function formatQuantity(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  return plain.format(value);
}

export function formatPct(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  return `${pct.format(value)}%`;
}

/** UTC calendar date "YYYY-MM-DD" of the given instant (callers pass the date in; lib/ never reads the clock). */
export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}
