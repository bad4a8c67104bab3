/**
 * What the CLI table and the "Compare regions" panel show of a comparison, in displayed cents: a difference is
 * the difference of the two amounts as shown, so the columns agree with each other to the cent.
 */
import { absCents, formatCents, formatUSD, subCents, toCents } from "../money";
import type { RegionComparison, RegionRow } from "./compare";

/** "+$12.34 (+5%)", "-$3.10 (-1%)", "same", "current region", or "—" when there is nothing to compare. */
export function formatRegionDifference(row: RegionRow, comparison: Pick<RegionComparison, "regions">): string {
  if (row.current) return "current region";
  const current = comparison.regions.find((r) => r.current)?.cheapest;
  if (!row.cheapest || !current || row.differenceUSD === null) return "—";
  const cents = subCents(toCents(row.cheapest.monthlyUSD), toCents(current.monthlyUSD));
  if (cents === 0) return "same";
  const sign = cents > 0 ? "+" : "-";
  const pct = row.differencePct === null ? "" : ` (${sign}${Math.abs(row.differencePct) < 0.5 ? "<1" : Math.round(Math.abs(row.differencePct))}%)`;
  return `${sign}${formatCents(absCents(cents))}${pct}`;
}

/** Per 1M requests: cents from $1 up, 4 significant digits below (a high-traffic service costs fractions of a cent). */
export function formatCostPer1M(usd: number | null | undefined): string {
  if (usd === null || usd === undefined || !Number.isFinite(usd)) return "—";
  if (usd >= 1 || usd === 0) return formatUSD(usd);
  return `$${Number(usd.toPrecision(4))}`;
}

/** Labels of the options unavailable in a region (plus "listed EC2 types not sold" when some of ec2.instanceTypes are not sold there). */
export function unavailableSummary(row: RegionRow): string {
  return row.unavailable.map((u) => (u.what === "ec2.instanceTypes" ? "listed EC2 types not sold" : u.what)).join("; ");
}

const pad = (s: string, n: number) => (s.length >= n ? s : s + " ".repeat(n - s.length));
const padStart = (s: string, n: number) => (s.length >= n ? s : " ".repeat(n - s.length) + s);

/** The CLI's `--all-regions --format table`: one line per region, cheapest first, then why things are unavailable. */
export function renderRegionsTable(comparison: RegionComparison): string {
  const out: string[] = [];
  const perRequest = comparison.regions.some((r) => r.cheapest?.costPer1MRequests !== undefined);
  out.push(`ECS cost in every region - price catalog ${comparison.catalog}, current region ${comparison.currentRegion}, cheapest option per region, sorted`);
  out.push("");
  const cols = {
    region: Math.max(6, ...comparison.regions.map((r) => r.region.length + (r.current ? 2 : 0))) + 2,
    location: Math.max(8, ...comparison.regions.map((r) => r.location.length)) + 2,
    option: Math.max(15, ...comparison.regions.map((r) => r.cheapest?.label.length ?? 4)) + 2,
  };
  const header =
    pad("Region", cols.region) + pad("Location", cols.location) + pad("Cheapest option", cols.option) + padStart("Monthly", 14) + padStart("Difference", 22) +
    (perRequest ? padStart("Per 1M req", 13) : "") + "  Unavailable";
  out.push(header);
  out.push("-".repeat(header.length));
  for (const r of comparison.regions) {
    const region = r.current ? `${r.region} *` : r.region;
    const monthly = r.cheapest ? formatUSD(r.cheapest.monthlyUSD) : "unavailable";
    const line =
      pad(region, cols.region) + pad(r.location, cols.location) + pad(r.cheapest?.label ?? "none", cols.option) + padStart(monthly, 14) +
      padStart(formatRegionDifference(r, comparison), 22) + (perRequest ? padStart(formatCostPer1M(r.cheapest?.costPer1MRequests), 13) : "") +
      "  " + (unavailableSummary(r) || "-");
    out.push(line.trimEnd());
  }
  out.push("");
  out.push("* current region. Difference = the region's cheapest monthly total minus the current region's.");
  const why = comparison.regions.filter((r) => r.unavailable.length > 0);
  if (why.length > 0) {
    out.push("");
    out.push("Why unavailable:");
    for (const r of why) for (const u of r.unavailable) out.push(`  ${r.region}: ${u.what}: ${u.reason}`);
  }
  return out.join("\n") + "\n";
}
