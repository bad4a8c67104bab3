"use client";
/**
 * "Savings Plan commitment" on /: the Compute Savings Plan commitment (1 and 3 years, No Upfront) that saves the
 * most for this estimate's week of usage, what it covers, spills and wastes, its break-even, and the net-saving
 * curve as a chart with a table alternative. Loaded after first paint (it runs the engine); every number comes
 * from lib/commitment (docs/billing-rules.md#savings-plan-commitment).
 */
import { useMemo, useState } from "react";
import dynamic from "next/dynamic";
import { ChartPlaceholder } from "@/components/charts/TableAlternative";
import type { RegionCatalog } from "@/lib/catalog/schema";
import type { EstimateInput } from "@/lib/schemas/estimate";
import { commitmentText, COMMITMENT_OPTIONS, sizeCommitment, type CommitmentOptionId, type CommitmentOutcome, type CommitmentPlan } from "@/lib/commitment";
import { formatRate, formatUSD, num } from "@/lib/format";
import type { CommitmentSeries } from "@/components/charts/CommitmentChart";

const CommitmentChart = dynamic(() => import("@/components/charts/CommitmentChart"), { ssr: false, loading: ChartPlaceholder });

const OPTION_LABEL: Record<CommitmentOptionId, string> = { fargate: "Fargate (on-demand)", ec2: "ECS on EC2 (on-demand fleet)" };
const TERM_COLOR: Record<string, string> = { "1y": "#0a58ca", "3y": "#8250df" };

/** Row labels wrap so that at 375 px the numbers get the width. */
const ROW_HEADER = { whiteSpace: "normal", minWidth: "5.5em" } as const;

const signed = (usd: number) => (usd < 0 ? `-${formatUSD(-usd)}` : formatUSD(usd));
const pct = (n: number) => `${num(n, 1)}%`;

const ROWS: ReadonlyArray<{ label: string; value: (o: CommitmentOutcome) => string }> = [
  { label: "Commitment", value: (o) => commitmentText(o.commitmentUSDPerHour) },
  { label: "Usage covered", value: (o) => pct(o.coveredPct) },
  { label: "Commitment used", value: (o) => (o.commitmentUSDPerHour > 0 ? pct(o.utilizationPct) : "—") },
  { label: "Commitment per month", value: (o) => formatUSD(o.monthlyCommitmentUSD) },
  { label: "Spill-over (on-demand) per month", value: (o) => formatUSD(o.monthlySpillOverUSD) },
  { label: "Unused per month", value: (o) => formatUSD(o.monthlyUnusedUSD) },
  { label: "Net saving per month", value: (o) => signed(o.monthlyNetSavingUSD) },
];

function environmentsText(input: EstimateInput): string | null {
  if (!input.environments) return null;
  return input.environments
    .map((e) => {
      const s = e.schedule;
      const when =
        s.kind === "always"
          ? "always on"
          : s.kind === "business-hours"
            ? `${s.days.join(", ")} ${num(s.startHour)}:00-${num(s.endHour)}:00 ${s.timeZone}`
            : `weekly hours, ${s.timeZone}`;
      return `${e.name} (x${num(e.multiplier)}, ${when}${e.taskProfile ? ", with a task profile" : ""})`;
    })
    .join("; ");
}

export default function CommitmentPanel({ input, catalog }: { input: EstimateInput; catalog: RegionCatalog | null }) {
  const [option, setOption] = useState<CommitmentOptionId>("fargate");
  const usable = catalog !== null && catalog.region === input.region && (input.catalog === undefined || input.catalog === catalog.catalogId);
  const result = useMemo(() => (catalog && usable ? sizeCommitment(input, catalog, option) : null), [usable, input, catalog, option]);
  const plans = result?.plans.filter((p): p is CommitmentPlan & { recommended: CommitmentOutcome; atPeak: CommitmentOutcome } => p.available && p.recommended !== null && p.atPeak !== null) ?? [];
  const series: CommitmentSeries[] = plans.map((p) => ({
    key: p.term,
    label: p.term === "1y" ? "1 year" : "3 years",
    color: TERM_COLOR[p.term] ?? "#57606a",
    points: p.curve.map((c) => ({ commitment: c.commitmentUSDPerHour, saving: c.monthlyNetSavingUSD })),
    best: { commitment: p.recommended.commitmentUSDPerHour, saving: p.recommended.monthlyNetSavingUSD },
    // The 1-year dot sits below the 3-year line near the origin: its label goes under it.
    bestLabelPosition: p.term === "1y" ? "bottom" : "top",
  }));
  const environments = environmentsText(input);

  return (
    <section className="panel" aria-labelledby="commitment-title" data-testid="commitment-panel">
      <figure>
        <h2 id="commitment-title">Savings Plan commitment</h2>
        <figcaption>
          A Compute Savings Plan is bought as dollars per hour for 1 or 3 years (No Upfront), paid every hour whether used or not. Sized here from a
          week of this estimate&apos;s usage, hour by hour: the commitment with the largest net saving.
        </figcaption>
        <div className="field" style={{ maxWidth: 300, margin: "8px 0" }}>
          <label htmlFor="commitment-option">Usage to cover</label>
          <select id="commitment-option" value={option} onChange={(e) => setOption(e.target.value as CommitmentOptionId)}>
            {COMMITMENT_OPTIONS.map((o) => (
              <option key={o} value={o}>
                {OPTION_LABEL[o]}
              </option>
            ))}
          </select>
        </div>
        <p className="muted" data-testid="commitment-week">
          {environments ? `Week from the environments: ${environments}.` : "No environments or schedules: the usage is the same every hour of the week."}
        </p>
        {!result ? (
          <p className="muted">Loading prices…</p>
        ) : !result.available ? (
          <p role="status" data-testid="commitment-unavailable">
            No commitment can be sized for {result.option.label}: {result.reason}
          </p>
        ) : null}
        {plans.length > 0 && result ? (
          <>
            <p data-testid="commitment-summary">
              Eligible usage: {formatUSD(result.usage.monthlyOnDemandUSD)}/month on-demand; the busiest hour costs {commitmentText(result.usage.peakHourlyOnDemandUSD)} on-demand.
            </p>
            {/* Focusable so a keyboard can scroll it at 375 px (axe scrollable-region-focusable). */}
            <div className="table-wrap" role="region" aria-labelledby="commitment-table-caption" tabIndex={0}>
              <table data-testid="table-commitment" style={{ fontSize: "0.8rem" }}>
                <caption id="commitment-table-caption" className="visually-hidden">
                  Recommended Savings Plan commitment per term, and the net saving of covering the busiest hour instead
                </caption>
                <thead>
                  <tr>
                    <th scope="col" style={ROW_HEADER}>
                      Recommended
                    </th>
                    {plans.map((p) => (
                      <th key={`${p.term}-rec`} scope="col" className="r" style={{ whiteSpace: "normal" }}>
                        {p.term === "1y" ? "1 year" : "3 years"}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {ROWS.map((row) => (
                    <tr key={row.label}>
                      <th scope="row" style={ROW_HEADER}>
                        {row.label}
                      </th>
                      {plans.map((p) => (
                        <td key={`${p.term}-rec`} className="r">
                          {row.value(p.recommended)}
                        </td>
                      ))}
                    </tr>
                  ))}
                  <tr>
                    <th scope="row" style={ROW_HEADER}>
                      Break-even
                    </th>
                    {plans.map((p) => (
                      <td key={`${p.term}-be`} className="r">
                        {p.breakEven ? (
                          <>
                            {pct(p.breakEven.utilizationPct)} used,
                            <br />
                            {num(p.breakEven.hoursPerWeek, 1)} h/week
                          </>
                        ) : (
                          "—"
                        )}
                      </td>
                    ))}
                  </tr>
                  <tr>
                    <th scope="row" style={ROW_HEADER}>
                      Covering the busiest hour instead
                    </th>
                    {plans.map((p) => (
                      <td key={`${p.term}-peak`} className="r">
                        {commitmentText(p.atPeak.commitmentUSDPerHour)}:
                        <br />
                        {signed(p.atPeak.monthlyNetSavingUSD)}
                      </td>
                    ))}
                  </tr>
                </tbody>
              </table>
            </div>
            <ul className="warnings" data-testid="commitment-why">
              {plans.map((p) => (
                <li key={p.term}>
                  <strong>{p.label}</strong> ({p.kinds.map((k) => `${k.label} ${num(k.discountPct, 2)}% off${k.derived ? ", derived rate" : ""}`).join(", then ")}): {p.why}
                </li>
              ))}
              {result.plans
                .filter((p) => !p.available)
                .map((p) => (
                  <li key={p.term}>
                    <strong>{p.label}</strong>: not available ({p.reason})
                  </li>
                ))}
            </ul>
            <h3 style={{ fontSize: "0.95rem", margin: "12px 0 4px" }}>Net saving against commitment</h3>
            <p className="muted" style={{ margin: "0 0 4px" }}>
              Monthly net saving (vs all on-demand) for each hourly commitment from none to the busiest hour; the dots mark the recommendations.
            </p>
            <CommitmentChart series={series} />
            <details>
              <summary>Show as a table</summary>
              <div className="table-wrap" role="region" aria-labelledby="commitment-curve-caption" tabIndex={0}>
                <table data-testid="table-commitment-curve">
                  <caption id="commitment-curve-caption" className="visually-hidden">
                    Monthly net saving by hourly commitment, USD
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">Term</th>
                      <th scope="col" className="r">
                        Commitment
                      </th>
                      <th scope="col" className="r">
                        Net saving per month
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {plans.flatMap((p) =>
                      p.curve.map((c, i) => (
                        <tr key={`${p.term}-${i}`}>
                          <th scope="row">{p.term}</th>
                          <td className="r">
                            {formatRate(c.commitmentUSDPerHour)}/h
                            {c.commitmentUSDPerHour === p.recommended.commitmentUSDPerHour ? " (recommended)" : ""}
                          </td>
                          <td className="r">{signed(c.monthlyNetSavingUSD)}</td>
                        </tr>
                      )),
                    )}
                  </tbody>
                </table>
              </div>
            </details>
          </>
        ) : null}
        {result?.discount ? (
          <p className="small muted" data-testid="commitment-discount">
            Price book: {result.discount.note}
          </p>
        ) : null}
        {result && (result.usage.ineligible.length > 0 || result.usage.assumptions.length > 0) ? (
          <details>
            <summary>What is covered and what is assumed</summary>
            <ul className="warnings">
              {result.usage.ineligible.map((x) => (
                <li key={x.label}>
                  Not covered: {x.label}, {formatUSD(x.monthlyUSD)}/month ({x.reason}).
                </li>
              ))}
              {result.usage.assumptions.map((a) => (
                <li key={a}>{a}</li>
              ))}
            </ul>
          </details>
        ) : null}
      </figure>
    </section>
  );
}
