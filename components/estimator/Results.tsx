"use client";
/**
 * The comparison: one card per option with its total, hourly rate, cost per 1M requests and difference to the
 * baseline. Everything shown comes from the EstimateResult; the only arithmetic here is display-level comparison
 * (difference to Fargate on-demand). The line-by-line breakdown, plan, warnings and sources: Breakdown.tsx.
 */
import { memo } from "react";
import dynamic from "next/dynamic";
import type { EstimateResult } from "@/lib/schemas/estimate";
import { formatPct } from "@/lib/format";
import { Money, RateMoney, WhyCurrency } from "@/components/currency/Money";
import { compareWithBaseline, presentEstimate, type PresentedOption } from "@/lib/present/estimate";
import { optionKeyFact, optionsInReadingOrder, splitWhy } from "@/lib/present/answer";
import type { GravitonComparison } from "@/lib/present/graviton";
import { formatCostPer1M } from "@/lib/regions/table";

const GravitonCardLine = dynamic(() => import("./GravitonNotes").then((m) => m.GravitonCardLine), { ssr: false });
const GravitonSummary = dynamic(() => import("./GravitonNotes").then((m) => m.GravitonSummary), { ssr: false });

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

export const SummaryCards = memo(function SummaryCards({ result, graviton = null }: { result: EstimateResult; graviton?: GravitonComparison | null }) {
  const presented = presentEstimate(result);
  const why = result.recommendation ? splitWhy(result.recommendation.why) : null;
  return (
    <>
    <div className="cards" data-testid="summary-cards">
      {optionsInReadingOrder(presented).map((p) => {
        const o = p.option;
        const isRec = o.id === presented.recommendedId && o.available;
        const fact = optionKeyFact(o);
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
                {fact ? (
                  <div className="key-fact" data-testid={`fact-${o.id}`}>
                    {fact}
                  </div>
                ) : null}
                <Delta option={p} baseline={presented.baseline} baselineName={result.input.orchestrator === "eks" ? "EKS on Fargate" : "Fargate on-demand"} />
                {graviton ? <GravitonCardLine graviton={graviton} optionId={o.id} /> : null}
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
    </div>
      {why ? (
        <div className="why" data-testid="recommendation-why">
          <p style={{ margin: "8px 0 0" }}>
            <strong>Why: </strong>
            <WhyCurrency />
            {why.first}
          </p>
          {why.rest ? (
            <details>
              <summary>Details</summary>
              <p style={{ margin: "4px 0 0" }}>{why.rest}</p>
            </details>
          ) : null}
        </div>
      ) : null}
      {graviton ? <GravitonSummary graviton={graviton} /> : null}
    </>
  );
});
