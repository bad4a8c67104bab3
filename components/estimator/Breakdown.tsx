"use client";
/**
 * The cost breakdown (every line of every option: quantity, rate, source) and the warnings and price sources
 * under it. Below the fold on /: loaded after first paint (Estimator.tsx), so its code is not in the page's
 * first-load JS.
 */
import { splitWhy } from "@/lib/present/answer";
import { Fragment, memo } from "react";
import type { CostLine, EstimateOption, EstimateResult } from "@/lib/schemas/estimate";
import { formatPct, formatQuantity, formatRate } from "@/lib/format";
import { formatCents, type Cents } from "@/lib/money";
import { presentOption } from "@/lib/present/estimate";
import { convertPresentedOption, formatMinor } from "@/lib/present/currency";
import { useDisplayState } from "@/components/currency/display-currency";

/** The rest of the bill, as words next to a line (the engine tags each non-compute line with one of these). */
const CATEGORY_TEXT: Record<NonNullable<CostLine["category"]>, string> = {
  "load-balancer": "Load balancer",
  "nat-gateway": "NAT gateway",
  "public-ipv4": "Public IPv4",
  "vpc-endpoint": "VPC endpoint",
  "data-transfer": "Data transfer",
  logs: "CloudWatch Logs",
  "control-plane": "EKS control plane",
  discount: "Negotiated discount",
};

/** What a network/logs line is for (unless its label already says so) and whether every option pays it. */
function LineTag({ line }: { line: CostLine }) {
  if (!line.category) return null;
  const what = CATEGORY_TEXT[line.category];
  const parts = [(line.label ?? "").toLowerCase().includes(what.toLowerCase()) ? null : what, line.shared ? "same in every option" : null].filter((p) => p !== null);
  if (parts.length === 0) return null;
  return (
    <span className="line-tag" data-testid="line-category">
      {parts.join(" · ")}
    </span>
  );
}

function OptionBreakdown({ option }: { option: EstimateOption }) {
  const presented = presentOption(option);
  const { groups, totalCents } = presented;
  // Display currency (presentation only): converted so lines still add up to groups and groups to the total.
  const currency = useDisplayState()?.currency;
  const converted = currency ? convertPresentedOption(presented, currency) : null;
  const money = (usdCents: Cents | null, minor: number | null | undefined) =>
    converted && currency && minor !== undefined && minor !== null ? <span title={`${formatCents(usdCents)} USD`}>{formatMinor(minor, currency.code)}</span> : formatCents(usdCents);
  const notes = new Map<string, number>();
  for (const line of option.lines) if (line.derived && line.note && !notes.has(line.note)) notes.set(line.note, notes.size + 1);
  return (
    <div className="option-block" data-testid={`breakdown-${option.id}`}>
      <h3>{option.label}</h3>
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">Cost lines of {option.label}</caption>
          <thead>
            <tr>
              <th scope="col">Service / line</th>
              <th scope="col" className="r">Monthly</th>
              <th scope="col" className="r">Quantity</th>
              <th scope="col" className="r">Rate</th>
              <th scope="col">Usage type</th>
              <th scope="col">Price date</th>
            </tr>
          </thead>
          <tbody>
            {groups.map((g, gi) => {
              return (
                <Fragment key={g.service}>
                  <tr className="service-row">
                    <td>{g.service}</td>
                    <td className="r">{money(g.cents, converted?.groups[gi]?.cents)}</td>
                    <td colSpan={4}></td>
                  </tr>
                  {g.lines.map(({ line: l, cents }, i) => (
                    <tr key={i}>
                      <td>
                        {l.label ?? l.component}
                        {l.category ? <LineTag line={l} /> : null}
                      </td>
                      <td className="r">{money(cents, converted?.groups[gi]?.lines[i])}</td>
                      <td className="r">
                        {formatQuantity(l.quantity)} {l.unit}
                      </td>
                      <td className="r">
                        {l.category === "discount" ? `${formatQuantity(l.rateUSD * 100)}%` : formatRate(l.rateUSD)}
                        {l.derived ? (
                          <sup className="derived" title={l.note ?? "derived rate"}>
                            {" "}
                            †{l.note ? notes.get(l.note) : ""}
                          </sup>
                        ) : null}
                      </td>
                      <td className="usage-type">{l.usageType ?? "—"}</td>
                      <td className="num">{l.asOf}</td>
                    </tr>
                  ))}
                </Fragment>
              );
            })}
            <tr className="total">
              <td>Total per month</td>
              <td className="r" data-testid={`breakdown-total-${option.id}`}>
                {money(totalCents, converted?.total)}
              </td>
              <td colSpan={4}></td>
            </tr>
          </tbody>
        </table>
      </div>
      {notes.size > 0 ? (
        <ul className="sources small" style={{ listStyle: "none", paddingLeft: 0 }}>
          {[...notes.entries()].map(([note, n]) => (
            <li key={n}>
              <span className="derived">†{n}</span> Derived rate: {note}
            </li>
          ))}
        </ul>
      ) : null}
      {option.plan ? <Ec2Plan option={option} /> : null}
    </div>
  );
}

/** The plan's heading where it is not an EC2 fleet you run yourself. */
const PLAN_TITLES: Record<string, string> = {
  "ecs-managed-instances": "Managed Instances plan (AWS may launch other types)",
  "eks-auto-mode": "EKS Auto Mode plan (AWS chooses the node types; instance + management fee)",
};

function Ec2Plan({ option }: { option: EstimateOption }) {
  const plan = option.plan!;
  return (
    <div className="plan" data-testid={`plan-${option.id}`}>
      <h3 style={{ fontSize: "0.9rem" }}>{PLAN_TITLES[option.id] ?? "EC2 plan"}</h3>
      {plan.why ? <ShortWhy why={plan.why} /> : null}
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">Instances planned for {option.label}</caption>
          <thead>
            <tr>
              <th scope="col">Instance type</th>
              <th scope="col" className="r">Count</th>
              <th scope="col">Tasks per instance</th>
              <th scope="col" className="r">CPU used</th>
              <th scope="col" className="r">Memory used</th>
              <th scope="col">Bound by</th>
            </tr>
          </thead>
          <tbody>
            {plan.instances.map((inst, i) => (
              <tr key={i}>
                <td className="usage-type">{inst.type}</td>
                <td className="r">{formatQuantity(inst.count)}</td>
                <td>
                  {Object.entries(inst.tasksPerInstance)
                    .map(([svc, n]) => `${svc}: ${formatQuantity(n)}`)
                    .join(", ")}
                </td>
                <td className="r">{formatPct(inst.cpuUtilPct)}</td>
                <td className="r">{formatPct(inst.memUtilPct)}</td>
                <td>{inst.boundBy ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

/** A plan's why: its first sentence, the rest (types searched, next best, assumptions) behind "Details". */
function ShortWhy({ why }: { why: string }) {
  const { first, rest } = splitWhy(why);
  return (
    <div className="why" style={{ margin: "2px 0 6px" }}>
      <p style={{ margin: 0 }}>{first}</p>
      {rest ? (
        <details>
          <summary>Details</summary>
          <p style={{ margin: "4px 0 0" }}>{rest}</p>
        </details>
      ) : null}
    </div>
  );
}

export const Breakdown = memo(function Breakdown({ result }: { result: EstimateResult }) {
  const available = result.options.filter((o) => o.available);
  return (
    <section className="panel" aria-labelledby="breakdown-heading">
      <div className="panel-head">
        <h2 id="breakdown-heading">Breakdown</h2>
        <span className="small muted">Rates in USD; † = derived rate (how is explained below the table)</span>
      </div>
      {available.map((o) => (
        <OptionBreakdown key={o.id} option={o} />
      ))}
    </section>
  );
});

export const WarningsAndSources = memo(function WarningsAndSources({ result }: { result: EstimateResult }) {
  return (
    <section className="panel" aria-labelledby="notes-heading">
      <h2 id="notes-heading" style={{ marginBottom: 8 }}>
        Warnings and sources
      </h2>
      {result.warnings.length > 0 ? (
        <ul className="warnings" data-testid="warnings">
          {result.warnings.map((w, i) => (
            <li key={i}>{w}</li>
          ))}
        </ul>
      ) : (
        <p className="small muted">No warnings.</p>
      )}
      <div className="sources" style={{ marginTop: 10 }}>
        Price catalog <strong>{result.catalog.id}</strong>, region {result.catalog.region}, {result.catalog.currency}. A month is{" "}
        {result.hoursPerMonth} hours.
        <details data-testid="sources-list">
          <summary>The {result.catalog.sources.length} price sources and their dates</summary>
          <ul>
            {result.catalog.sources.map((s, i) => (
              <li key={i}>
                {s.name} (as of {s.asOf})
              </li>
            ))}
          </ul>
        </details>
      </div>
    </section>
  );
});
