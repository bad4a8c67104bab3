"use client";
/** An amount of displayed USD cents in the chosen display currency; the USD amount stays in the tooltip. */
import { formatCents, type Cents } from "@/lib/money";
import { formatUSD } from "@/lib/format";
import { formatInCurrency, minorDigits } from "@/lib/present/currency-format";
import { useDisplayCurrency } from "./display-currency";

export function Money({ cents }: { cents: Cents | null | undefined }) {
  const c = useDisplayCurrency();
  if (c.code === "USD") return <>{formatCents(cents)}</>;
  return (
    <span title={`${formatCents(cents)} (USD, as AWS bills) at ${c.perUSD} ${c.code} per USD`} data-currency={c.code}>
      {formatInCurrency(cents, c)}
    </span>
  );
}

/** An unrounded USD amount (an hourly rate) in the display currency, with two more digits than the currency's cents. */
export function RateMoney({ usd }: { usd: number | null }) {
  const c = useDisplayCurrency();
  if (c.code === "USD" || usd === null || !Number.isFinite(usd)) return <>{formatUSD(usd)}</>;
  const digits = minorDigits(c.code) + 2;
  const text = new Intl.NumberFormat("en-US", { style: "currency", currency: c.code, minimumFractionDigits: digits, maximumFractionDigits: digits }).format(usd * c.perUSD);
  return <span title={`${formatUSD(usd)} (USD)`}>{text}</span>;
}

/** Before a sentence the engine wrote in USD: says so when the page shows another currency. */
export function WhyCurrency() {
  const c = useDisplayCurrency();
  return c.code === "USD" ? null : <span className="muted">(amounts in USD, as AWS bills) </span>;
}
