/**
 * Savings Plan commitment sizing (docs/billing-rules.md#savings-plan-commitment): from the estimate's week of
 * eligible usage, the Compute Savings Plan commitment ($/hour, No Upfront, 1 and 3 years) with the largest net
 * saving, what it covers, spills and wastes, its break-even, and the net-saving curve. Pure.
 */
import type { RegionCatalog } from "../catalog/schema";
import { OPTION, type CostLine, type EstimateInput } from "../schemas/estimate";
import { discountPercentOf, hasDiscount } from "../engine/discounts";
import { HOURS_PER_WEEK, WEEKS_PER_MONTH } from "../schedule/week";
import { formatRate, formatUSD } from "../money";
import { num } from "../format";
import { bestCommitment, COMMITMENT_MIN_USD, COMMITMENT_STEP_USD, evaluateCommitment, netSavingCurve, type KindSeries, type WeeklyOutcome } from "./optimize";
import { COMMITMENT_OPTION_LABEL, COMMITMENT_OPTIONS, COMMITMENT_TERMS, weeklyUsageProfile, type CommitmentOptionId, type CommitmentTerm, type WeeklyUsageProfile } from "./profile";

export { COMMITMENT_OPTIONS, COMMITMENT_TERMS, COMMITMENT_STEP_USD, COMMITMENT_MIN_USD, weeklyUsageProfile, type CommitmentOptionId, type CommitmentTerm, type WeeklyUsageProfile };
export { bestCommitment, commitmentBreakpoints, evaluateCommitment, peakCommitment, type KindSeries, type WeeklyOutcome } from "./optimize";

/** One commitment level, per 730-hour month. */
export interface CommitmentOutcome {
  commitmentUSDPerHour: number;
  /** Share of the eligible usage's on-demand value the plan covers, 0-100. */
  coveredPct: number;
  /** Share of the commitment that meets usage, 0-100. */
  utilizationPct: number;
  monthlyOnDemandUSD: number;
  monthlyCommitmentUSD: number;
  monthlySpillOverUSD: number;
  monthlyUnusedUSD: number;
  /** Commitment + spill-over. */
  monthlyCostUSD: number;
  /** On-demand - cost; negative when the commitment costs more than it saves. */
  monthlyNetSavingUSD: number;
}

export interface CommitmentPlan {
  term: CommitmentTerm;
  label: string;
  available: boolean;
  reason: string | null;
  /** Usage kinds this plan covers with their discount, in the order the plan applies to them. */
  kinds: Array<{ usageType: string; label: string; discountPct: number; derived: boolean }>;
  /** The best commitment AWS accepts (five decimals, at least $0.001, or none). */
  recommended: CommitmentOutcome | null;
  /** A commitment equal to the busiest hour's usage at plan rates (what "cover the peak" would buy). */
  atPeak: CommitmentOutcome | null;
  /**
   * When the recommended commitment pays for itself: its utilization must reach breakEvenUtilizationPct, i.e.
   * each committed dollar must be fully used at least breakEvenHoursPerWeek of the 168 hours of a week.
   */
  breakEven: { utilizationPct: number; hoursPerWeek: number } | null;
  /** Net saving against commitment, from 0 to the peak (straight lines between the points). */
  curve: Array<{ commitmentUSDPerHour: number; monthlyNetSavingUSD: number }>;
  why: string;
}

export interface CommitmentResult {
  version: 1;
  input: EstimateInput;
  catalog: { id: string; region: string };
  option: { id: CommitmentOptionId; label: string };
  available: boolean;
  reason: string | null;
  usage: {
    /** Eligible on-demand dollars in each hour of the week (168; hour 0 = Monday 00:00-01:00 UTC). */
    hourlyOnDemandUSD: number[];
    monthlyOnDemandUSD: number;
    peakHourlyOnDemandUSD: number;
    kinds: Array<{ usageType: string; label: string; monthlyOnDemandUSD: number }>;
    ineligible: Array<{ label: string; monthlyUSD: number; reason: string }>;
    assumptions: string[];
  };
  plans: CommitmentPlan[];
  /**
   * With a price book (docs/billing-rules.md#private-pricing-discounts): the percentage the eligible compute is
   * discounted by. The commitment ($/hour) is as AWS sells it, before the discount; every monthly dollar figure
   * (on-demand, commitment, spill-over, unused, cost, net saving, the curve) is after it.
   */
  discount?: { percent: number; note: string };
}

const TERM_LABEL: Record<CommitmentTerm, string> = {
  "1y": "Compute Savings Plan, 1 year, No Upfront",
  "3y": "Compute Savings Plan, 3 years, No Upfront",
};

const perMonth = (weekly: number) => weekly * WEEKS_PER_MONTH;

function monthly(o: WeeklyOutcome): CommitmentOutcome {
  return {
    commitmentUSDPerHour: o.commitmentUSDPerHour,
    coveredPct: o.onDemandUSD > 0 ? (o.coveredOnDemandUSD / o.onDemandUSD) * 100 : 0,
    utilizationPct: o.commitmentUSD > 0 ? (o.usedUSD / o.commitmentUSD) * 100 : 0,
    monthlyOnDemandUSD: perMonth(o.onDemandUSD),
    monthlyCommitmentUSD: perMonth(o.commitmentUSD),
    monthlySpillOverUSD: perMonth(o.spillOverUSD),
    monthlyUnusedUSD: perMonth(o.unusedUSD),
    monthlyCostUSD: perMonth(o.costUSD),
    monthlyNetSavingUSD: perMonth(o.netSavingUSD),
  };
}

/** A commitment as AWS takes it: up to five decimals ($0.07899/h). */
export const commitmentText = (usd: number) => `$${Number(usd.toFixed(5))}/h`;
const rateText = commitmentText;

/**
 * Break-even of a commitment: it pays when the on-demand value it covers equals what it costs. A committed dollar
 * covers 1 / (1 - d) on-demand dollars in an hour it is used, so with the covered mix's effective discount d the
 * utilization must reach 1 - d, i.e. (1 - d) x 168 fully used hours a week. With nothing covered (C = 0), the
 * first dollar would go to the highest discount.
 */
function breakEven(o: WeeklyOutcome, topDiscount: number): { utilizationPct: number; hoursPerWeek: number } {
  const share = o.coveredOnDemandUSD > 0 ? o.usedUSD / o.coveredOnDemandUSD : 1 - topDiscount;
  return { utilizationPct: share * 100, hoursPerWeek: share * HOURS_PER_WEEK };
}

function planFor(profile: WeeklyUsageProfile, term: CommitmentTerm, factor = 1): CommitmentPlan {
  const label = TERM_LABEL[term];
  const eligible = profile.kinds.filter((k) => k.discount[term] !== null);
  const series: KindSeries[] = eligible.map((k) => ({ id: k.usageType, discount: k.discount[term] as number, hourlyOnDemandUSD: k.hourlyOnDemandUSD }));
  const none = (reason: string): CommitmentPlan => ({ term, label, available: false, reason, kinds: [], recommended: null, atPeak: null, breakEven: null, curve: [], why: reason });
  if (series.length === 0) {
    const reasons = [...new Set(profile.kinds.map((k) => k.noDiscountReason[term]).filter((r): r is string => r !== null))];
    return none(profile.kinds.length === 0 ? "the option has no usage a Compute Savings Plan covers" : `no Savings Plan rate for this usage: ${reasons.join("; ")}`);
  }
  const order = [...series].sort((a, b) => b.discount - a.discount || (a.id < b.id ? -1 : 1));
  const kinds = order.map((s) => {
    const k = eligible.find((e) => e.usageType === s.id)!;
    return { usageType: k.usageType, label: k.label, discountPct: s.discount * 100, derived: k.derived };
  });
  const { exact, purchasable, peak, breakpoints } = bestCommitment(series);
  if (purchasable.onDemandUSD <= 0) return none("the eligible usage is zero in every hour of the week");
  const atPeak = evaluateCommitment(series, peak);
  const topDiscount = order[0]!.discount;
  const be = breakEven(purchasable, topDiscount);
  const curve = netSavingCurve(series, breakpoints, [purchasable.commitmentUSDPerHour]).map((o) => ({
    commitmentUSDPerHour: o.commitmentUSDPerHour,
    monthlyNetSavingUSD: perMonth(o.netSavingUSD) * factor,
  }));
  const rec = scaleOutcome(monthly(purchasable), factor);
  const peakOut = scaleOutcome(monthly(atPeak), factor);
  // How many hours of the week the usage (at plan rates) reaches the best level, and how many exceed it.
  const best = exact.commitmentUSDPerHour;
  let hoursAtLeast = 0;
  let hoursAbove = 0;
  for (let h = 0; h < HOURS_PER_WEEK; h++) {
    let total = 0;
    for (const s of series) total += (s.hourlyOnDemandUSD[h] ?? 0) * (1 - s.discount);
    if (total >= best - 1e-12) hoursAtLeast++;
    if (total > best + 1e-12) hoursAbove++;
  }
  const c = purchasable.commitmentUSDPerHour;
  const pays = `a committed dollar pays only if it is used at least ${num(be.hoursPerWeek, 1)} h of the 168 h of a week (${num(be.utilizationPct, 1)}% utilization)`;
  const peakText = (o: CommitmentOutcome) => (o.monthlyNetSavingUSD >= 0 ? `save ${formatUSD(o.monthlyNetSavingUSD)}/month` : `lose ${formatUSD(-o.monthlyNetSavingUSD)}/month`);
  let why: string;
  if (c <= 0) {
    why = `No commitment: ${pays}, and no level of this usage is reached that often.`;
  } else if (peak - c > COMMITMENT_STEP_USD) {
    why =
      `Commit ${rateText(c)}: the usage at Savings Plan rates is at least ${formatRate(best)}/h in ${hoursAtLeast} of the 168 hours of a week but above it in only ${hoursAbove}; ${pays}, so commitment above that loses money. ` +
      `Covering the peak (${rateText(peak)}) would ${peakText(peakOut)} instead of ${peakText(rec).replace("save ", "saving ")}.`;
  } else {
    why = `Commit ${rateText(c)}, the whole peak: the usage at Savings Plan rates reaches it in ${hoursAtLeast} of the 168 hours of a week, and ${pays}.`;
  }
  return { term, label, available: true, reason: null, kinds, recommended: rec, atPeak: peakOut, breakEven: be, curve, why };
}

/**
 * Size a Compute Savings Plan commitment for one option of the estimate (default: Fargate on-demand). The input must
 * have passed the schema and match the catalog (the pipeline checks both). Never throws for such input.
 */
export function sizeCommitment(input: EstimateInput, catalog: RegionCatalog, optionId: CommitmentOptionId = OPTION.fargate): CommitmentResult {
  const base = {
    version: 1 as const,
    input: input.catalog === catalog.catalogId ? input : { ...input, catalog: catalog.catalogId },
    catalog: { id: catalog.catalogId, region: catalog.region },
  };
  const outcome = weeklyUsageProfile(input, catalog, optionId);
  if (!outcome.ok) {
    return {
      ...base,
      option: { id: optionId, label: COMMITMENT_OPTION_LABEL[optionId] },
      available: false,
      reason: outcome.reason,
      usage: { hourlyOnDemandUSD: [], monthlyOnDemandUSD: 0, peakHourlyOnDemandUSD: 0, kinds: [], ineligible: [], assumptions: [] },
      plans: COMMITMENT_TERMS.map((term) => ({ term, label: TERM_LABEL[term], available: false, reason: outcome.reason, kinds: [], recommended: null, atPeak: null, breakEven: null, curve: [], why: outcome.reason })),
    };
  }
  const profile = outcome.profile;
  const hourly = Array.from({ length: HOURS_PER_WEEK }, (_, h) => profile.kinds.reduce((sum, k) => sum + (k.hourlyOnDemandUSD[h] ?? 0), 0));
  const weeklyOf = (k: { hourlyOnDemandUSD: Float64Array }) => k.hourlyOnDemandUSD.reduce((a, b) => a + b, 0);
  // A price book: every charge of the plan (commitment fee, spill-over at On-Demand) is discounted by the same
  // compute percentage, so the best commitment stays where it is and each dollar figure scales by (1 - p).
  const percent = computeDiscountPercent(input, optionId);
  const factor = 1 - percent / 100;
  const plans = COMMITMENT_TERMS.map((term) => planFor(profile, term, factor));
  const available = plans.some((p) => p.available);
  const scale = (usd: number) => usd * factor;
  return {
    ...(percent > 0 ? { discount: { percent, note: `Monthly dollars are after the price book's ${Number(percent.toFixed(6))}% discount on ${optionId === OPTION.ec2 ? "EC2 instance" : "Fargate"} compute; the commitment is in Savings Plan $/hour before it, as AWS sells it.` } } : {}),
    ...base,
    option: profile.option,
    available,
    reason: available ? null : (plans[0]?.reason ?? null),
    usage: {
      hourlyOnDemandUSD: percent > 0 ? hourly.map(scale) : hourly,
      monthlyOnDemandUSD: scale(perMonth(hourly.reduce((a, b) => a + b, 0))),
      peakHourlyOnDemandUSD: scale(Math.max(0, ...hourly)),
      kinds: profile.kinds.map((k) => ({ usageType: k.usageType, label: k.label, monthlyOnDemandUSD: scale(perMonth(weeklyOf(k))) })),
      ineligible: profile.ineligible,
      assumptions: profile.assumptions,
    },
    plans,
  };
}

/** The price book's percentage on the compute a commitment covers (0 without one). */
function computeDiscountPercent(input: EstimateInput, optionId: CommitmentOptionId): number {
  if (!hasDiscount(input.discounts)) return 0;
  const probe: CostLine =
    optionId === OPTION.ec2
      ? { service: "", charge: "ec2-instance", component: "instance", label: "EC2 instance (on-demand)", quantity: 0, unit: "instance-hours", rateUSD: 0, usd: 0, usageType: "BoxUsage", asOf: "", derived: false }
      : { service: "", charge: "fargate-vcpu", component: "vcpu", label: "Fargate vCPU (on-demand)", quantity: 0, unit: "vCPU-hours", rateUSD: 0, usd: 0, usageType: null, asOf: "", derived: false };
  return discountPercentOf(probe, input.discounts, input.orchestrator);
}

function scaleOutcome(o: CommitmentOutcome, f: number): CommitmentOutcome {
  return {
    ...o,
    monthlyOnDemandUSD: o.monthlyOnDemandUSD * f,
    monthlyCommitmentUSD: o.monthlyCommitmentUSD * f,
    monthlySpillOverUSD: o.monthlySpillOverUSD * f,
    monthlyUnusedUSD: o.monthlyUnusedUSD * f,
    monthlyCostUSD: o.monthlyCostUSD * f,
    monthlyNetSavingUSD: o.monthlyNetSavingUSD * f,
  };
}

/** `?option=` / `--savings-plan-option` text -> option id, or the message naming what is allowed. */
export function parseCommitmentOption(value: string | null | undefined): { ok: true; option: CommitmentOptionId } | { ok: false; message: string } {
  if (value === null || value === undefined || value === "") return { ok: true, option: OPTION.fargate };
  if ((COMMITMENT_OPTIONS as ReadonlyArray<string>).includes(value)) return { ok: true, option: value as CommitmentOptionId };
  return { ok: false, message: `must be one of ${COMMITMENT_OPTIONS.join(", ")} (got ${JSON.stringify(value.slice(0, 40))})` };
}
