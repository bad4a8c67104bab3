/**
 * How an hourly Savings Plan commitment meets a week of usage, and which commitment saves the most
 * (docs/billing-rules.md#savings-plan-commitment). Pure arithmetic on 168 hourly amounts per usage kind.
 *
 * Each hour the commitment C (dollars per hour at Savings Plan rates) is applied to the eligible usage with the
 * highest discount first, then the next. Usage of kind k costs OD x (1 - d_k) at plan rates, so a plan dollar
 * spent on it covers 1 / (1 - d_k) on-demand dollars. What the commitment does not reach is billed on-demand
 * (spill-over); what the usage does not use is lost (unused). Net saving = on-demand cost of the eligible usage
 * - (commitment + spill-over).
 */
import { HOURS_PER_WEEK } from "../schedule/week";

export interface KindSeries {
  /** Stable key of the usage kind (its AWS usage type). */
  id: string;
  /** Savings Plan discount on this kind's on-demand rate, 0 <= discount < 1. */
  discount: number;
  /** On-demand dollars of this kind in each hour of the week (168 values, hour 0 = Monday 00:00 UTC). */
  hourlyOnDemandUSD: ArrayLike<number>;
}

/** A commitment held against one week of usage: weekly dollars. */
export interface WeeklyOutcome {
  commitmentUSDPerHour: number;
  /** On-demand cost of the eligible usage without a plan. */
  onDemandUSD: number;
  /** The commitment paid over the week: 168 x C. */
  commitmentUSD: number;
  /** Commitment dollars that met usage (at plan rates). */
  usedUSD: number;
  /** Commitment dollars with no usage to meet (lost). */
  unusedUSD: number;
  /** On-demand value of the usage the plan covered. */
  coveredOnDemandUSD: number;
  /** Eligible usage the commitment did not reach, billed on-demand. */
  spillOverUSD: number;
  /** commitment + spill-over. */
  costUSD: number;
  /** onDemand - cost (negative: the commitment costs more than it saves). */
  netSavingUSD: number;
}

/** Kinds in the order a plan applies to them: highest discount first (ties by id, so results are stable). */
export function applicationOrder(kinds: ReadonlyArray<KindSeries>): KindSeries[] {
  return [...kinds].sort((a, b) => b.discount - a.discount || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Every kind's series must have 168 finite, non-negative values and a discount in [0, 1). */
function check(kinds: ReadonlyArray<KindSeries>): void {
  for (const k of kinds) {
    if (!(k.discount >= 0 && k.discount < 1)) throw new RangeError(`${k.id}: discount ${k.discount} is not in [0, 1)`);
    if (k.hourlyOnDemandUSD.length !== HOURS_PER_WEEK) throw new RangeError(`${k.id}: ${k.hourlyOnDemandUSD.length} hours, expected ${HOURS_PER_WEEK}`);
  }
}

/** The week under commitment C (plan dollars per hour). */
export function evaluateCommitment(kinds: ReadonlyArray<KindSeries>, commitmentUSDPerHour: number): WeeklyOutcome {
  check(kinds);
  const ordered = applicationOrder(kinds);
  const c = Math.max(0, commitmentUSDPerHour);
  let onDemandUSD = 0;
  let usedUSD = 0;
  let coveredOnDemandUSD = 0;
  for (let h = 0; h < HOURS_PER_WEEK; h++) {
    let left = c;
    for (const k of ordered) {
      const od = k.hourlyOnDemandUSD[h] ?? 0;
      onDemandUSD += od;
      if (left <= 0 || od <= 0) continue;
      const atPlanRates = od * (1 - k.discount);
      const used = Math.min(left, atPlanRates);
      left -= used;
      usedUSD += used;
      // A fully covered kind counts its exact on-demand amount (no division round-off).
      coveredOnDemandUSD += used === atPlanRates ? od : used / (1 - k.discount);
    }
  }
  const commitmentUSD = c * HOURS_PER_WEEK;
  const spillOverUSD = Math.max(0, onDemandUSD - coveredOnDemandUSD);
  const costUSD = commitmentUSD + spillOverUSD;
  return {
    commitmentUSDPerHour: c,
    onDemandUSD,
    commitmentUSD,
    usedUSD,
    unusedUSD: Math.max(0, commitmentUSD - usedUSD),
    coveredOnDemandUSD,
    spillOverUSD,
    costUSD,
    netSavingUSD: onDemandUSD - costUSD,
  };
}

/**
 * The commitments where the net-saving curve bends: 0 and, for each hour, the running totals of its usage at plan
 * rates in application order. Net saving is piecewise linear and concave in C between them, so the best
 * commitment is one of these. Sorted ascending, without duplicates.
 */
export function commitmentBreakpoints(kinds: ReadonlyArray<KindSeries>): number[] {
  check(kinds);
  const ordered = applicationOrder(kinds);
  const points = new Set<number>([0]);
  for (let h = 0; h < HOURS_PER_WEEK; h++) {
    let total = 0;
    for (const k of ordered) {
      const od = k.hourlyOnDemandUSD[h] ?? 0;
      if (od <= 0) continue;
      total += od * (1 - k.discount);
      points.add(total);
    }
  }
  return [...points].sort((a, b) => a - b);
}

/** The largest hourly usage at plan rates: no commitment above it can ever be used in full. */
export function peakCommitment(kinds: ReadonlyArray<KindSeries>): number {
  const points = commitmentBreakpoints(kinds);
  return points[points.length - 1] ?? 0;
}

/**
 * What AWS accepts as an hourly commitment: "a value between 0.001 and 1 million. You cannot specify more than five
 * digits after the decimal point" (Savings Plans API, CreateSavingsPlan commitment).
 */
export const COMMITMENT_STEP_USD = 0.00001;
export const COMMITMENT_MIN_USD = 0.001;

const better = (a: WeeklyOutcome, b: WeeklyOutcome) => {
  const tolerance = 1e-9 * Math.max(1, Math.abs(a.onDemandUSD));
  if (a.netSavingUSD > b.netSavingUSD + tolerance) return true;
  if (b.netSavingUSD > a.netSavingUSD + tolerance) return false;
  return a.commitmentUSDPerHour < b.commitmentUSDPerHour; // equal saving: less at risk
};

/**
 * The commitment with the largest net saving (the smaller one when two save the same), searched exactly over
 * the breakpoints, then moved to the better of the two purchasable commitments around it (five decimals, at least
 * $0.001 or none; never above the peak). `exact` is the unrounded optimum.
 */
export function bestCommitment(kinds: ReadonlyArray<KindSeries>): { exact: WeeklyOutcome; purchasable: WeeklyOutcome; peak: number; breakpoints: number[] } {
  const breakpoints = commitmentBreakpoints(kinds);
  let exact = evaluateCommitment(kinds, 0);
  for (const c of breakpoints) {
    const outcome = evaluateCommitment(kinds, c);
    if (better(outcome, exact)) exact = outcome;
  }
  const peak = breakpoints[breakpoints.length - 1] ?? 0;
  const steps = exact.commitmentUSDPerHour / COMMITMENT_STEP_USD;
  const purchasableOf = (usd: number) => {
    const c = roundStep(usd);
    if (c > 0 && c < COMMITMENT_MIN_USD) return usd < COMMITMENT_MIN_USD / 2 ? 0 : COMMITMENT_MIN_USD;
    return c;
  };
  const candidates = [purchasableOf(Math.floor(steps + 1e-9) * COMMITMENT_STEP_USD), purchasableOf(Math.ceil(steps - 1e-9) * COMMITMENT_STEP_USD), 0]
    .filter((c) => c <= peak + 1e-12);
  let purchasable = evaluateCommitment(kinds, 0);
  for (const c of new Set(candidates)) {
    const outcome = evaluateCommitment(kinds, c);
    if (better(outcome, purchasable)) purchasable = outcome;
  }
  return { exact, purchasable, peak, breakpoints };
}

/** A multiple of the step without float noise (0.07899 rather than 0.07899000000000001). */
function roundStep(usd: number): number {
  return Math.round(usd / COMMITMENT_STEP_USD) / Math.round(1 / COMMITMENT_STEP_USD);
}

/**
 * Points of the net-saving curve from 0 to the peak: every breakpoint (the curve is straight between them), thinned
 * evenly to at most `maxPoints`, plus the commitments in `keep` (the recommendation).
 */
export function netSavingCurve(kinds: ReadonlyArray<KindSeries>, breakpoints: ReadonlyArray<number>, keep: ReadonlyArray<number>, maxPoints = 120): WeeklyOutcome[] {
  let xs = [...breakpoints];
  if (xs.length > maxPoints) {
    const step = (xs.length - 1) / (maxPoints - 1);
    xs = Array.from({ length: maxPoints }, (_, i) => xs[Math.round(i * step)] as number);
  }
  const all = [...new Set([...xs, ...keep])].sort((a, b) => a - b);
  return all.map((c) => evaluateCommitment(kinds, c));
}
