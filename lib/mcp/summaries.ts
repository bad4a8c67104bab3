/**
 * Compact answers a model can read: the options and totals (in displayed cents, as the page shows them), the
 * recommendation, the binding limit of each instance plan and the warnings by code, always with the catalog
 * snapshot and its dates. The full results go in structured content (bounded, see ./limits.ts).
 */
import { formatCents, toCents, type Cents } from "../money";
import { presentEstimate } from "../present/estimate";
import type { RegionComparison } from "../regions/compare";
import type { EstimateResult } from "../schemas/estimate";
import { encodeShareToken, MAX_SHARE_TOKEN_CHARS, SHARE_PARAM } from "../share/codec";
import type { EstimateInput, EstimateInputRaw } from "../schemas/estimate";
import { MAX_STRUCTURED_RESULT_CHARS, MAX_SUMMARY_CHARS } from "./limits";
import { warningsByCode, type CodedWarnings } from "./warnings";

/** The snapshot an answer was priced with, and the dates of the sources behind it. */
export interface CatalogNote {
  id: string;
  region: string;
  currency: "USD";
  sourcesAsOf: { oldest: string | null; newest: string | null };
  sources: Array<{ name: string; asOf: string }>;
}

export function catalogNote(result: Pick<EstimateResult, "catalog">): CatalogNote {
  const dates = result.catalog.sources.map((s) => s.asOf).sort();
  return {
    id: result.catalog.id,
    region: result.catalog.region,
    currency: "USD",
    sourcesAsOf: { oldest: dates[0] ?? null, newest: dates[dates.length - 1] ?? null },
    sources: result.catalog.sources.map((s) => ({ name: s.name, asOf: s.asOf })),
  };
}

export function catalogSentence(note: CatalogNote): string {
  const dates = note.sourcesAsOf.oldest === note.sourcesAsOf.newest ? `${note.sourcesAsOf.newest}` : `${note.sourcesAsOf.oldest} to ${note.sourcesAsOf.newest}`;
  return `Price catalog ${note.id} for ${note.region} (USD; ${note.sources.length} dated sources, ${dates}).`;
}

/** A page link that opens the same estimate (null when the input is too large for a link). */
export function shareLink(baseUrl: string, input: EstimateInput | EstimateInputRaw): string | null {
  const token = encodeShareToken(input);
  if (token.length > MAX_SHARE_TOKEN_CHARS) return null;
  return `${baseUrl}/?${SHARE_PARAM}=${encodeURIComponent(token)}`;
}

export interface PlanSummary {
  instances: Array<{ type: string; count: number; boundBy: string | null; cpuUtilPct: number; memUtilPct: number }>;
  why: string | null;
}

export interface OptionSummary {
  id: string;
  label: string;
  available: boolean;
  monthlyUSD: number | null;
  /** The total as the page shows it: whole cents, rounded once (docs/billing-rules.md#money-rounding). */
  monthlyCents: Cents | null;
  reason: string | null;
  recommended: boolean;
  /** EC2-backed options: the instances and what binds each (cpu, memory, eni, max-pods, minInstances). */
  plan: PlanSummary | null;
}

export interface EstimateSummary {
  orchestrator: "ecs" | "eks";
  region: string;
  services: number;
  hoursPerMonth: number;
  options: OptionSummary[];
  recommendation: { optionId: string; monthlyUSD: number; monthlyCents: Cents; savingsUSD: number; why: string } | null;
  warnings: CodedWarnings[];
}

export function summarizeEstimate(result: EstimateResult): EstimateSummary {
  const presented = presentEstimate(result);
  return {
    orchestrator: result.input.orchestrator ?? "ecs",
    region: result.catalog.region,
    services: result.input.services.length,
    hoursPerMonth: result.hoursPerMonth,
    options: presented.options.map((p) => ({
      id: p.option.id,
      label: p.option.label,
      available: p.option.available,
      monthlyUSD: p.option.monthlyUSD,
      monthlyCents: p.totalCents,
      reason: p.option.reason,
      recommended: p.option.id === presented.recommendedId,
      plan: p.option.plan
        ? {
            instances: p.option.plan.instances.map((i) => ({ type: i.type, count: i.count, boundBy: i.boundBy ?? null, cpuUtilPct: i.cpuUtilPct, memUtilPct: i.memUtilPct })),
            why: p.option.plan.why ?? null,
          }
        : null,
    })),
    recommendation: result.recommendation ? { ...result.recommendation, monthlyCents: toCents(result.recommendation.monthlyUSD) } : null,
    warnings: warningsByCode(result.warnings, result.warningCodes),
  };
}

/** Cut a text to `max` characters at a line end, saying how much was left out. */
export function bounded(text: string, max: number = MAX_SUMMARY_CHARS): string {
  if (text.length <= max) return text;
  const cut = text.lastIndexOf("\n", max - 120);
  return `${text.slice(0, cut > 0 ? cut : max - 120)}\n… (${text.length - (cut > 0 ? cut : max - 120)} more characters: see the structured content or the share link)`;
}

const pct = (n: number) => `${Math.round(n)}%`;

export function planText(plan: PlanSummary): string {
  return plan.instances.map((i) => `${i.count} x ${i.type} (bound by ${i.boundBy ?? "n/a"}; CPU ${pct(i.cpuUtilPct)}, memory ${pct(i.memUtilPct)})`).join(" + ");
}

export function estimateText(summary: EstimateSummary, note: CatalogNote, link: string | null): string {
  const out: string[] = [];
  out.push(`${summary.orchestrator === "eks" ? "EKS" : "ECS"} estimate for ${summary.services} service${summary.services === 1 ? "" : "s"} in ${summary.region}, ${summary.hoursPerMonth} h/month. ${catalogSentence(note)}`);
  out.push("");
  out.push("Options (USD per month):");
  for (const o of summary.options) {
    const total = o.available ? formatCents(o.monthlyCents) : `unavailable (${o.reason ?? "no reason given"})`;
    out.push(`- ${o.id}: ${o.label}: ${total}${o.recommended ? "  <- recommended" : ""}`);
    if (o.plan && o.available) out.push(`  plan: ${planText(o.plan)}`);
  }
  out.push("");
  out.push(summary.recommendation ? `Recommendation: ${summary.recommendation.why}` : "Recommendation: none (no option can run this workload; see the reasons).");
  if (summary.warnings.length > 0) {
    out.push("");
    out.push("Warnings by code (rule in docs/billing-rules.md#<anchor>):");
    for (const w of summary.warnings) for (const m of w.messages) out.push(`- [${w.code}, #${w.anchor}] ${m}`);
  }
  out.push("");
  out.push(link ? `Open it on the page: ${link}` : "This input is too large for a share link; the full input and result are in the structured content.");
  out.push("Each line's rule, formula and dated AWS price: the explain tool with this input, an option id and a line.");
  return bounded(out.join("\n"));
}

/** The full result when it fits, else the result without lines, hourly arrays and environments (totals stay). */
export function boundedResult(result: EstimateResult): { result: EstimateResult; complete: boolean; fullChars: number } {
  const fullChars = JSON.stringify(result).length;
  if (fullChars <= MAX_STRUCTURED_RESULT_CHARS) return { result, complete: true, fullChars };
  const slim: EstimateResult = {
    ...result,
    options: result.options.map((o) => ({ ...o, lines: [] })),
    environments: result.environments?.map((e) => ({ ...e, tasksPerHour: [], subtotals: e.subtotals.map((s) => ({ ...s, costPerHourUSD: null })) })),
  };
  return { result: slim, complete: false, fullChars };
}

export function regionsText(comparison: RegionComparison, link: string | null, maxRows = 40): string {
  const out: string[] = [];
  const ranked = comparison.regions.filter((r) => r.cheapest !== null);
  out.push(`The workload priced in ${comparison.regions.length} regions of price catalog ${comparison.catalog} (USD per month, each region's cheapest option; current region ${comparison.currentRegion}):`);
  comparison.regions.slice(0, maxRows).forEach((r, i) => {
    if (!r.cheapest) {
      out.push(`-. ${r.region} (${r.location}): nothing can run here (${r.unavailable.map((u) => u.reason).join("; ").slice(0, 200)})`);
      return;
    }
    const diff = r.differencePct === null || r.current ? "" : ` (${r.differencePct >= 0 ? "+" : ""}${r.differencePct.toFixed(1)}% vs ${comparison.currentRegion})`;
    out.push(`${i + 1}. ${r.region} (${r.location}): ${formatCents(toCents(r.cheapest.monthlyUSD))} on ${r.cheapest.label}${r.current ? "  <- current region" : diff}`);
  });
  if (comparison.regions.length > maxRows) out.push(`… ${comparison.regions.length - maxRows} more regions in the structured content.`);
  out.push("");
  out.push(`${ranked.length} of ${comparison.regions.length} regions can run it. Rule: docs/billing-rules.md#region-comparison.`);
  if (link) out.push(`Open the estimate on the page: ${link}`);
  return bounded(out.join("\n"));
}
