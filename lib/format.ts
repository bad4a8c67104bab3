/**
 * Display formatting only. Money keeps full precision everywhere else; dollar amounts are rounded once, at
 * presentation, by lib/money.ts (the rounding rule and the USD format live there).
 */
export { formatRate, formatUSD } from "./money";

const usd0 = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", maximumFractionDigits: 0 });
const plain = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 });
const pct = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });

/** "$1,235" / "$12.5k": chart-axis ticks only, where cents are noise (amounts use formatUSD). */
export function formatUSDShort(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  if (Math.abs(value) >= 10_000) return `$${plain.format(Math.round(value / 100) / 10)}k`;
  return usd0.format(value);
}

/** "0.25", "1", "2.5", "0.333": compact number text for sizes and explanations (at most `digits` decimals). */
export function num(n: number, digits = 3): string {
  const scale = 10 ** digits;
  return String(Math.round(n * scale) / scale);
}

/** File sizes: "0.42 MB", "48.3 MB" (MB of 1024 x 1024 bytes, as file pickers show them). */
export function formatMegabytes(bytes: number): string {
  const mib = bytes / (1024 * 1024);
  return `${mib.toFixed(mib < 1 ? 2 : 1)} MB`;
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
