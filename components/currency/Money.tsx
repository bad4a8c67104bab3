"use client";
/** Amounts in the chosen display currency (presentation only); the USD amount stays in the tooltip. */
import { formatCents, type Cents } from "@/lib/money";
import { formatUSD } from "@/lib/format";
import { useDisplayState } from "./display-currency";

/** Displayed USD cents. */
export function Money({ cents }: { cents: Cents | null | undefined }) {
  const s = useDisplayState();
  return s ? <span title={`${formatCents(cents)} USD`}>{s.money(cents)}</span> : <>{formatCents(cents)}</>;
}

/** An unrounded USD amount (an hourly rate). */
export function RateMoney({ usd }: { usd: number | null }) {
  const s = useDisplayState();
  return s && usd !== null && Number.isFinite(usd) ? <span title={`${formatUSD(usd)} USD`}>{s.rate(usd)}</span> : <>{formatUSD(usd)}</>;
}

/** Before a sentence the engine wrote in USD: says so when the page shows another currency. */
export function WhyCurrency() {
  return useDisplayState() ? <span className="muted">(amounts in USD, as AWS bills) </span> : null;
}
