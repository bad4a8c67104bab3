/**
 * The answer first (issue 21): what the estimator's pinned summary, the option cards' order and key facts and
 * the collapsed panels' one-line summaries say. Display only: every figure is read from the EstimateResult
 * (cents as lib/present/estimate.ts rounds them); no billing rule lives here.
 */
import { absCents, formatCents, subCents, toCents, type Cents } from "../money";
import type { EstimateOption } from "../schemas/estimate";
import type { PresentedEstimate, PresentedOption } from "./estimate";

/** Cards in reading order: the recommended option first, then the other available ones cheapest first, then the unavailable. */
export function optionsInReadingOrder(presented: PresentedEstimate): PresentedOption[] {
  const rank = (p: PresentedOption) => (p.option.id === presented.recommendedId && p.totalCents !== null ? 0 : p.totalCents !== null ? 1 : 2);
  return presented.options
    .map((p, i) => ({ p, i }))
    .sort((a, b) => rank(a.p) - rank(b.p) || (a.p.totalCents ?? 0) - (b.p.totalCents ?? 0) || a.i - b.i)
    .map((x) => x.p);
}

export interface AnswerSummary {
  recommended: { id: string; label: string; cents: Cents } | null;
  /** The other available options: how much more (+) or less (-) each costs than the recommended one. */
  others: { id: string; label: string; diffCents: Cents }[];
}

/** The pinned answer: the recommended option, its monthly total and the others' difference to it. */
export function answerSummary(presented: PresentedEstimate): AnswerSummary {
  const rec = presented.options.find((p) => p.option.id === presented.recommendedId && p.totalCents !== null);
  if (!rec || rec.totalCents === null) return { recommended: null, others: [] };
  const recCents = rec.totalCents;
  const others = optionsInReadingOrder(presented)
    .filter((p) => p !== rec && p.totalCents !== null)
    .map((p) => ({ id: p.option.id, label: p.option.label, diffCents: subCents(p.totalCents!, recCents) }));
  return { recommended: { id: rec.option.id, label: rec.option.label, cents: recCents }, others };
}

/** "+$8.67" / "−$24.57" / "same": a difference as the summary and cards print it. */
export function formatDiff(diffCents: Cents): string {
  if (diffCents === 0) return "same";
  return `${diffCents > 0 ? "+" : "−"}${formatCents(absCents(diffCents))}`;
}

const BOUND_WORDS: Readonly<Record<string, string>> = {
  cpu: "limited by CPU",
  memory: "limited by memory",
  eni: "limited by network interfaces",
  "max-pods": "limited by pods per node",
  minInstances: "held up by the minimum instance count",
  tasks: "limited by tasks per instance",
};

/** The cluster fee lines of an EKS option (docs/billing-rules.md#eks). */
function controlPlaneUSD(option: EstimateOption): number {
  return option.lines.filter((l) => l.category === "control-plane").reduce((s, l) => s + l.usd, 0);
}

/**
 * One line that says what decides an option: EC2 fleets their plan and binding limit ("2 × m6g.large, limited
 * by network interfaces"), EKS options the cluster fee they include ("incl. $73.00 cluster fee").
 */
export function optionKeyFact(option: EstimateOption): string | null {
  if (!option.available) return null;
  const parts: string[] = [];
  const instances = option.plan?.instances ?? [];
  if (instances.length > 0) {
    const fleet = instances.map((i) => `${i.count} × ${i.type}`).join(" + ");
    const bounds = [...new Set(instances.map((i) => i.boundBy).filter((b): b is string => typeof b === "string"))];
    const bound = bounds.length === 1 ? BOUND_WORDS[bounds[0] as string] ?? `limited by ${bounds[0]}` : null;
    parts.push(bound ? `${fleet}, ${bound}` : fleet);
  }
  const fee = controlPlaneUSD(option);
  if (fee > 0) parts.push(`incl. ${formatCents(toCents(fee))} cluster fee`);
  return parts.length > 0 ? parts.join("; ") : null;
}

/** The first sentence of a "why" text (shown), and the rest (behind "Details"). */
export function splitWhy(why: string): { first: string; rest: string } {
  // The first ". " ends the first sentence (the "." inside "$36.04" is not followed by a space; "e.g. " is skipped).
  // Clauses after ";" stay: they say what would change the answer (e.g. Spot once services are interruptible).
  const re = /\.\s+(?=\S)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(why)) !== null) {
    const head = why.slice(0, m.index);
    if (/\b(e\.g|i\.e|vs)$/.test(head)) continue;
    return { first: `${head}.`, rest: why.slice(m.index + m[0].length) };
  }
  return { first: why, rest: "" };
}
