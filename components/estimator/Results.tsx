"use client";
/**
 * The comparison: one card per option with its total, hourly rate, cost per 1M requests and difference to the
 * baseline. Everything shown comes from the EstimateResult; the only arithmetic here is display-level comparison
 * (difference to Fargate on-demand). The line-by-line breakdown, plan, warnings and sources: Breakdown.tsx.
 */
import { Fragment, memo } from "react";
import type { EstimateResult } from "@/lib/schemas/estimate";
import { formatPct } from "@/lib/format";
import { Money, RateMoney, WhyCurrency } from "@/components/currency/Money";
import { compareWithBaseline, presentEstimate, type PresentedOption } from "@/lib/present/estimate";
import { formatCostPer1M } from "@/lib/regions/table";

/** How an option compares with Fargate on-demand, from the displayed totals (lib/present). */
function Delta({ option, baseline, baselineName }: { option: PresentedOption; baseline: PresentedOption | undefined; baselineName: string }) {
  const c = compareWithBaseline(option, baseline);
  switch (c.kind) {
    case "baseline":
      return <span className="delta muted">Baseline for savings</span>;
    case "none":
      return null;
    case "same":
      return <span className="delta muted">Same as {baselineName}</span>;
    case "cheaper":
      return (
        <span className="delta good">
          Saves <Money cents={c.cents} />/mo{c.pct !== null ? ` (${formatPct(c.pct)})` : ""} vs {baselineName}
        </span>
      );
    case "dearer":
      return (
        <span className="delta bad">
          <Money cents={c.cents} />
          /mo more than {baselineName}
        </span>
      );
  }
}

export const SummaryCards = memo(function SummaryCards({ result }: { result: EstimateResult }) {
  const presented = presentEstimate(result);
  return (
    <div className="cards" data-testid="summary-cards">
      {presented.options.map((p) => {
        const o = p.option;
        const isRec = o.id === presented.recommendedId && o.available;
        return (
          <article key={o.id} className={`card${o.available ? "" : " unavailable"}${isRec ? " recommended" : ""}`} data-testid={`card-${o.id}`} aria-label={`${o.label}${isRec ? " (recommended)" : ""}`}>
            {isRec ? <span className="badge">Recommended</span> : null}
            <h3>{o.label}</h3>
            {p.totalCents !== null ? (
              <>
                <div className="amount num" data-testid={`total-${o.id}`} data-usd={String(o.monthlyUSD)}>
                  <Money cents={p.totalCents} />
                  <span className="per"> /month</span>
                </div>
                <div className="per num" data-testid={`hourly-${o.id}`}>
                  <RateMoney usd={o.hourlyUSD ?? null} /> per hour
                </div>
                {o.costPer1MRequests !== undefined ? (
                  <div className="per num" data-testid={`per1m-${o.id}`}>
                    {formatCostPer1M(o.costPer1MRequests)} per 1M requests
                  </div>
                ) : null}
                <Delta option={p} baseline={presented.baseline} baselineName={result.input.orchestrator === "eks" ? "EKS on Fargate" : "Fargate on-demand"} />
              </>
            ) : (
              <>
                <div className="amount" data-testid={`total-${o.id}`} data-usd="">
                  Not available
                </div>
                <p className="why" style={{ margin: 0 }}>
                  {o.reason ?? "This option cannot run the workload."}
                </p>
              </>
            )}
          </article>
        );
      })}
      {result.recommendation ? (
        <p className="why" style={{ gridColumn: "1 / -1", margin: 0 }} data-testid="recommendation-why">
          <strong>Why: </strong>
          <WhyCurrency />
          {result.recommendation.why}
        </p>
      ) : null}
    </div>
  );
});
