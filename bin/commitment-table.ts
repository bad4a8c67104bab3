/**
 * `npm run -s estimate -- FILE --savings-plan --format table`: the Savings Plan commitment sizing as text.
 * Amounts are rounded to cents here only (docs/billing-rules.md#money-rounding).
 */
import { commitmentText, type CommitmentOutcome, type CommitmentResult } from "../lib/commitment";
import { formatUSD } from "../lib/money";
import { num } from "../lib/format";

const pad = (s: string, n: number) => (s.length >= n ? s : s + " ".repeat(n - s.length));
const padStart = (s: string, n: number) => (s.length >= n ? s : " ".repeat(n - s.length) + s);
const signed = (usd: number) => (usd < 0 ? `-${formatUSD(-usd)}` : formatUSD(usd));

export function renderCommitmentTable(result: CommitmentResult): string {
  const out: string[] = [];
  out.push(`Savings Plan commitment - ${result.option.label}, ${result.catalog.region}, price catalog ${result.catalog.id}`);
  out.push("");
  if (!result.available) {
    out.push(`Not available: ${result.reason ?? "no eligible usage"}`);
  }
  const u = result.usage;
  if (u.kinds.length > 0) {
    out.push(`Eligible usage: ${formatUSD(u.monthlyOnDemandUSD)}/month on-demand, busiest hour $${num(u.peakHourlyOnDemandUSD, 5)}/h`);
    for (const k of u.kinds) out.push(`  ${k.label} (${k.usageType}): ${formatUSD(k.monthlyOnDemandUSD)}/month`);
  }
  for (const x of u.ineligible) out.push(`  not covered: ${x.label}, ${formatUSD(x.monthlyUSD)}/month (${x.reason})`);
  const available = result.plans.filter((p) => p.available && p.recommended);
  if (available.length > 0) {
    out.push("");
    const width = 34;
    const cols = available.map((p) => p.term);
    out.push(pad("", width) + cols.map((t) => padStart(`${t} recommended`, 18) + padStart(`${t} at peak`, 16)).join(""));
    const row = (label: string, f: (o: CommitmentOutcome) => string) =>
      out.push(pad(label, width) + available.map((p) => padStart(f(p.recommended!), 18) + padStart(f(p.atPeak!), 16)).join(""));
    row("Commitment", (o) => commitmentText(o.commitmentUSDPerHour));
    row("Eligible usage covered", (o) => `${num(o.coveredPct, 1)}%`);
    row("Commitment utilization", (o) => `${num(o.utilizationPct, 1)}%`);
    row("Commitment per month", (o) => formatUSD(o.monthlyCommitmentUSD));
    row("On-demand spill-over per month", (o) => formatUSD(o.monthlySpillOverUSD));
    row("Unused commitment per month", (o) => formatUSD(o.monthlyUnusedUSD));
    row("Net saving per month", (o) => signed(o.monthlyNetSavingUSD));
  }
  for (const p of result.plans) {
    out.push("");
    out.push(`${p.label}:`);
    if (!p.available) {
      out.push(`  not available: ${p.reason}`);
      continue;
    }
    out.push(`  applies to: ${p.kinds.map((k) => `${k.label} ${num(k.discountPct, 2)}% off${k.derived ? " (derived rate)" : ""}`).join(", then ")}`);
    if (p.breakEven) out.push(`  break-even: ${num(p.breakEven.utilizationPct, 1)}% utilization = ${num(p.breakEven.hoursPerWeek, 1)} fully used hours of the 168 in a week`);
    out.push(`  why: ${p.why}`);
  }
  if (u.assumptions.length > 0) {
    out.push("");
    out.push("Assumptions:");
    for (const a of u.assumptions) out.push(`  - ${a}`);
  }
  return out.join("\n") + "\n";
}
