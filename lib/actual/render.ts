/** The variance report as text for terminals (the CLI's --format table). Amounts are rounded to cents here only. */
import { formatQuantity } from "../format";
import { formatUSD } from "../money";
import type { VarianceReport } from "./variance";

const pad = (s: string, n: number) => (s.length >= n ? s : s + " ".repeat(n - s.length));
const padStart = (s: string, n: number) => (s.length >= n ? s : " ".repeat(n - s.length) + s);
const signed = (usd: number) => (usd >= 0.005 ? `+${formatUSD(usd)}` : usd <= -0.005 ? `-${formatUSD(-usd)}` : "$0.00");

export function renderVarianceTable(r: VarianceReport, calibration?: { changes: string[]; monthlyUSD: number | null; catalogNote: string | null; optionLabel: string }): string {
  const out: string[] = [];
  out.push(`Estimate vs bill - ${r.region}, ${r.period ?? "unknown period"}${r.periodHours ? ` (${formatQuantity(r.periodHours)} h)` : ""}, ${r.format}; option: ${r.option.label}, price catalog ${r.catalog}`);
  out.push(`Service tag: ${r.tag.service.join(" or ")} (cluster: ${r.tag.cluster.join(" or ")})`);
  out.push("");
  const pct = r.totals.gapPct === null ? "" : ` (${r.totals.gapPct >= 0 ? "+" : ""}${formatQuantity(Math.round(r.totals.gapPct * 10) / 10)}%)`;
  out.push(`Estimated ${formatUSD(r.totals.estimatedUSD)}   actual ${formatUSD(r.totals.actualUSD)} (billed ${formatUSD(r.totals.billedUSD)})   gap ${signed(r.totals.gapUSD)}${pct}`);
  if (r.topGap) out.push(`Largest gap: ${r.topGap.sentence}`);
  out.push("");
  out.push(`${pad("Service / charge", 44)}${padStart("Estimated", 13)}${padStart("Actual", 13)}${padStart("Gap", 13)}`);
  for (const s of r.services) {
    out.push(`${pad(s.name, 44)}${padStart(formatUSD(s.estimatedUSD), 13)}${padStart(formatUSD(s.actualUSD), 13)}${padStart(signed(s.gapUSD), 13)}`);
    for (const l of s.lines) out.push(`  ${pad(l.label, 42)}${padStart(formatUSD(l.estimatedUSD), 13)}${padStart(formatUSD(l.actualUSD), 13)}${padStart(signed(l.gapUSD), 13)}`);
  }
  out.push("");
  out.push("By charge, largest gap first:");
  for (const l of r.charges) out.push(`  - ${l.sentence}`);
  if (r.unmapped.length > 0) {
    out.push("");
    out.push("Not mapped to a service:");
    for (const u of r.unmapped) out.push(`  - ${u.sentence}`);
  }
  if (r.missing.length > 0) {
    out.push("");
    out.push("In the bill, not in the estimate:");
    for (const m of r.missing) out.push(`  - ${m.sentence}`);
  }
  if (r.totals.otherRegionsUSD !== 0) out.push(`  - Other regions and rows without a region: ${formatUSD(r.totals.otherRegionsUSD)} (not compared).`);
  out.push("");
  out.push(`Rows: ${formatQuantity(r.rows.read)} read, ${formatQuantity(r.rows.inRegion)} in ${r.region}, ${formatQuantity(r.rows.recognised)} recognised as modelled charges.`);
  if (r.problems.count > 0) {
    out.push(`Skipped ${formatQuantity(r.problems.count)} unreadable row(s):`);
    for (const p of r.problems.examples) out.push(`  - row ${p.row}: ${p.message}`);
  }
  for (const n of r.notes) out.push(`Note: ${n}`);
  if (calibration) {
    out.push("");
    out.push(`Calibrated estimate (${calibration.optionLabel}): ${calibration.monthlyUSD === null ? "unavailable" : `${formatUSD(calibration.monthlyUSD)}/month`}`);
    for (const c of calibration.changes) out.push(`  - ${c}`);
    if (calibration.catalogNote) out.push(`  Note: ${calibration.catalogNote}`);
  }
  return out.join("\n") + "\n";
}
