"use client";
/**
 * "Display currency": show totals and lines in another currency at a rate the user can edit (default: the dated ECB
 * reference rate bundled in data/currency, named with its source), with USD one click away. Presentation only
 * (lib/present/currency.ts): the estimate, share links and exports stay in USD; the JSON and CSV exports record the
 * rate shown. Loaded after first paint.
 */
import { memo, useMemo, useState } from "react";
import { SelectField, TextField } from "@/components/ui/fields";
import { checkRate, formatInCurrency, formatMinor, minorDigits, ratesPerUSD, USD, type BundledRates, type DisplayCurrency } from "@/lib/present/currency";
import bundled from "@/data/currency/ecb-reference-rates-2025-10-21.json";
import { setDisplayState, useDisplayState } from "./display-currency";

const RATES = ratesPerUSD(bundled as BundledRates);
const SOURCE = `${bundled.source}, ${bundled.asOf}`;

/** Show amounts in `c` (null state for USD): the formatting travels with the state. */
export function setDisplayCurrency(c: DisplayCurrency): void {
  if (c.code === "USD") return setDisplayState(null);
  setDisplayState({
    currency: c,
    money: (cents) => formatInCurrency(cents, c),
    // Two more digits than the currency's minor unit, as the USD hourly rate shows.
    rate: (usd) => formatMinor(Math.round(usd * c.perUSD * 10 ** (minorDigits(c.code) + 2)) / 100, c.code, 2),
  });
}

function rateText(perUSD: number): string {
  return String(Number(perUSD.toPrecision(6)));
}

export const CurrencyPanel = memo(function CurrencyPanel() {
  const current = useDisplayState()?.currency ?? USD;
  const [rateDraft, setRateDraft] = useState<{ code: string; text: string } | null>(null);
  const options = useMemo(() => [{ value: "USD", label: "USD (AWS bills in USD)" }, ...RATES.map((r) => ({ value: r.code, label: `${r.code} (${rateText(r.perUSD)} per USD)` }))], []);
  const text = rateDraft && rateDraft.code === current.code ? rateDraft.text : rateText(current.perUSD);
  const check = current.code === "USD" ? null : checkRate(text);
  const bundledRate = RATES.find((r) => r.code === current.code);

  const choose = (code: string) => {
    setRateDraft(null);
    if (code === "USD") return setDisplayCurrency(USD);
    const r = RATES.find((x) => x.code === code);
    if (r) setDisplayCurrency(r);
  };
  const typeRate = (value: string) => {
    setRateDraft({ code: current.code, text: value });
    const ok = checkRate(value);
    if (ok.ok) {
      const same = bundledRate && Math.abs(ok.value - Number(rateText(bundledRate.perUSD))) < 1e-12;
      const next: DisplayCurrency = same && bundledRate ? bundledRate : { code: current.code, perUSD: ok.value, source: "rate entered by you", asOf: null };
      setDisplayCurrency(next);
    }
  };

  return (
    <section className="panel" aria-labelledby="currency-heading" data-testid="currency-panel">
      <div className="panel-head">
        <h2 id="currency-heading">Display currency</h2>
        {current.code !== "USD" ? (
          <button type="button" className="btn" onClick={() => choose("USD")} data-testid="currency-usd">
            Show in USD
          </button>
        ) : null}
      </div>
      <div className="fields">
        <SelectField<string> id="currency-code" className="wide" label="Show amounts in" value={current.code} options={options} onChange={choose} testId="currency-code" />
        {current.code !== "USD" ? (
          <TextField
            id="currency-rate"
            label={`${current.code} per 1 USD`}
            value={text}
            inputMode="decimal"
            onChange={typeRate}
            error={check && !check.ok ? check.message : undefined}
            testId="currency-rate"
            hint={current.asOf ? `${current.source}` : `Entered by you (bundled: ${bundledRate ? rateText(bundledRate.perUSD) : "none"}, ${SOURCE})`}
          />
        ) : null}
      </div>
      <p className="small muted" data-testid="currency-note">
        {current.code === "USD"
          ? `AWS bills in USD. Another currency converts the displayed totals and lines at one rate (default: ${SOURCE}); the estimate, share links and exports stay in USD.`
          : `Amounts are converted from USD at ${rateText(current.perUSD)} ${current.code} per USD (${current.asOf ? current.source : "your rate"}); AWS bills in USD, and exports stay in USD with this rate recorded. Hover an amount for its USD value.`}
      </p>
    </section>
  );
});
