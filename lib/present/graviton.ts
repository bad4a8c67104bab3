/**
 * Graviton side by side (issue 21): what every option would cost with every eligible service moved to arm64,
 * next to what it costs now. Eligible = an x86_64 Linux service (Fargate and EC2 run Windows only on x86_64).
 * The same engine prices both inputs, so each difference is the rules' own (docs/billing-rules.md); this module
 * only builds the arm64 variant of the input and compares the displayed (rounded) totals.
 */
import { estimate } from "../engine/estimate";
import { subCents, toCents, type Cents } from "../money";
import type { RegionCatalog } from "../catalog/schema";
import type { EstimateInput, EstimateResult } from "../schemas/estimate";

export interface GravitonOption {
  id: string;
  label: string;
  nowCents: Cents;
  armCents: Cents;
  /** nowCents - armCents: positive = moving to arm64 saves this much a month. */
  savedCents: Cents;
}

export interface GravitonComparison {
  /** The services that would move (x86_64 Linux). */
  eligible: string[];
  options: GravitonOption[];
  /** The option with the largest saving, when any option saves. */
  best: GravitonOption | null;
}

/** The input with every x86_64 Linux service on arm64; null when no service is eligible. */
export function gravitonVariant(input: EstimateInput): { input: EstimateInput; eligible: string[] } | null {
  const eligible = input.services.filter((s) => s.architecture === "x86_64" && s.os === "linux").map((s) => s.name);
  if (eligible.length === 0) return null;
  return {
    eligible,
    input: { ...input, services: input.services.map((s) => (s.architecture === "x86_64" && s.os === "linux" ? { ...s, architecture: "arm64" as const } : s)) },
  };
}

/** Both estimates side by side, per option available in both. `now` is the current result (not recomputed). */
export function gravitonComparison(input: EstimateInput, now: EstimateResult, catalog: RegionCatalog): GravitonComparison | null {
  const variant = gravitonVariant(input);
  if (!variant) return null;
  let arm: EstimateResult;
  try {
    arm = estimate(variant.input, catalog);
  } catch {
    return null;
  }
  const options: GravitonOption[] = [];
  for (const o of now.options) {
    const a = arm.options.find((x) => x.id === o.id);
    if (!o.available || o.monthlyUSD === null || !a || !a.available || a.monthlyUSD === null) continue;
    const nowCents = toCents(o.monthlyUSD);
    const armCents = toCents(a.monthlyUSD);
    options.push({ id: o.id, label: o.label, nowCents, armCents, savedCents: subCents(nowCents, armCents) });
  }
  const best = options.reduce<GravitonOption | null>((b, o) => (o.savedCents > 0 && (!b || o.savedCents > b.savedCents) ? o : b), null);
  return { eligible: variant.eligible, options, best };
}
