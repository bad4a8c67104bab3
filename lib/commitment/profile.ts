/**
 * The estimate's eligible usage hour by hour over a week, per usage kind, with each kind's Savings Plan discount
 * (docs/billing-rules.md#savings-plan-commitment). The usage itself is the engine's week
 * (lib/engine/usage-profile.ts `weeklyUsageProfile`, per quarter-hour, environments, schedules and the EC2 fleet's
 * scale-in rule applied); this module only adds the discounts and sums each hour's four quarter-hours.
 */
import { chargeById } from "../charges";
import { isUnavailable, type ComputeRates, type RegionCatalog, type Unavailable } from "../catalog/schema";
import { weeklyUsageProfile as engineUsageProfile, type UsageProfileSeries } from "../engine/usage-profile";
import { HOURS_PER_MONTH, OPTION, type EstimateInput } from "../schemas/estimate";
import { HOURS_PER_WEEK, SLOTS_PER_HOUR, WEEKS_PER_MONTH } from "../schedule/week";

export const COMMITMENT_OPTIONS = [OPTION.fargate, OPTION.ec2] as const;
export type CommitmentOptionId = (typeof COMMITMENT_OPTIONS)[number];
export const COMMITMENT_TERMS = ["1y", "3y"] as const;
export type CommitmentTerm = (typeof COMMITMENT_TERMS)[number];

/** One kind of eligible usage: an AWS usage type, its discount per term (null = none in the catalog, with why). */
export interface UsageKind {
  usageType: string;
  label: string;
  discount: Record<CommitmentTerm, number | null>;
  noDiscountReason: Record<CommitmentTerm, string | null>;
  /** The Savings Plan rate is derived in the catalog (e.g. another region's discount applied). */
  derived: boolean;
  /** On-demand dollars in each hour of the week (168; hour 0 = Monday 00:00-01:00 UTC). */
  hourlyOnDemandUSD: Float64Array;
}

export interface WeeklyUsageProfile {
  option: { id: CommitmentOptionId; label: string };
  kinds: UsageKind[];
  /** What the option also pays that no Compute Savings Plan covers, per month. */
  ineligible: Array<{ label: string; monthlyUSD: number; reason: string }>;
  assumptions: string[];
}

export type ProfileOutcome = { ok: true; profile: WeeklyUsageProfile } | { ok: false; reason: string };

export const COMMITMENT_OPTION_LABEL: Record<CommitmentOptionId, string> = {
  fargate: "Fargate (on-demand)",
  ec2: "ECS on EC2 (on-demand fleet)",
};

const TERM_KEY = { "1y": "compute-1y", "3y": "compute-3y" } as const;
const EC2_TERM_KEY = { "1y": "savings-plan-1y", "3y": "savings-plan-3y" } as const;

type Discounted = Omit<UsageKind, "hourlyOnDemandUSD">;

const hasUsageType = (rates: ComputeRates | Unavailable, usageType: string | null) =>
  !isUnavailable(rates) && usageType !== null && (rates.vcpuHour.usageType === usageType || rates.gbHour.usageType === usageType);

/** A Fargate vCPU or memory series' Savings Plan discount per term, or why there is none (Windows has no Savings Plan rate in the catalog). */
function fargateDiscount(series: UsageProfileSeries, catalog: RegionCatalog): Discounted | { ineligibleReason: string } {
  const fargate = catalog.fargate;
  const windows = hasUsageType(fargate.windowsX86, series.usageType);
  const arch = hasUsageType(fargate.linuxArm, series.usageType) ? "arm" : "x86";
  const discount = {} as Record<CommitmentTerm, number | null>;
  const why = {} as Record<CommitmentTerm, string | null>;
  let derived = false;
  for (const term of COMMITMENT_TERMS) {
    const rates = fargate.savingsPlans[TERM_KEY[term]][arch];
    const rate = isUnavailable(rates) ? undefined : [rates.vcpuHour, rates.gbHour].find((r) => r.usageType !== null && r.usageType === series.usageType);
    if (rate && series.onDemandRateUSD > 0 && !windows) {
      // Rounded to 10 decimals: 1 - 0.032384 / 0.04048 is 0.19999999999999996 in floating point, and equal
      // discounts must compare equal for the application order.
      discount[term] = Math.max(0, Math.round((1 - rate.usd / series.onDemandRateUSD) * 1e10) / 1e10);
      why[term] = null;
      derived ||= rate.derived;
    } else {
      discount[term] = null;
      why[term] = windows
        ? "the catalog has no Compute Savings Plan rate for Fargate Windows (priced on-demand, as the Savings Plan option does)"
        : isUnavailable(rates)
          ? rates.reason
          : `no Compute Savings Plan ${term} rate for ${series.usageType ?? series.label} in the catalog`;
    }
  }
  if (discount["1y"] === null && discount["3y"] === null) return { ineligibleReason: why["1y"] ?? "no Savings Plan rate" };
  // The kind's name: its charge's and the architecture ("Fargate vCPU (x86_64)"), whatever the line's label says.
  const charge = chargeById(series.component === "vcpu" ? "fargate-vcpu" : "fargate-memory");
  return { usageType: series.usageType as string, label: `${charge.name} (${arch === "arm" ? "arm64" : "x86_64"})`, discount, noDiscountReason: why, derived };
}

/** An EC2 instance series' discount per term: the catalog's EC2 Savings Plan entry, the same for every type. */
function ec2Discount(series: UsageProfileSeries, catalog: RegionCatalog): Discounted {
  const discount = {} as Record<CommitmentTerm, number | null>;
  const why = {} as Record<CommitmentTerm, string | null>;
  let derived = false;
  for (const term of COMMITMENT_TERMS) {
    const plan = catalog.ec2.savingsPlans[EC2_TERM_KEY[term]];
    if (isUnavailable(plan)) {
      discount[term] = null;
      why[term] = plan.reason;
    } else {
      discount[term] = plan.discount;
      why[term] = null;
      derived ||= plan.rate.derived;
    }
  }
  return { usageType: series.usageType ?? series.label, label: series.label, discount, noDiscountReason: why, derived };
}

/**
 * The week of eligible usage of one option, per usage kind and hour, with the discounts
 * (docs/billing-rules.md#savings-plan-commitment). Fails (with the option's reason) when the option cannot run
 * the workload.
 */
export function weeklyUsageProfile(input: EstimateInput, catalog: RegionCatalog, optionId: CommitmentOptionId): ProfileOutcome {
  const week = engineUsageProfile(input, catalog, optionId);
  if ("reason" in week) return { ok: false, reason: week.reason };

  const kinds = new Map<string, UsageKind>();
  const ineligible = new Map<string, { label: string; monthlyUSD: number; reason: string }>();
  const addIneligible = (label: string, monthlyUSD: number, reason: string) => {
    const entry = ineligible.get(label) ?? { label, monthlyUSD: 0, reason };
    entry.monthlyUSD += monthlyUSD;
    ineligible.set(label, entry);
  };
  for (const series of week.eligible) {
    const discounted = optionId === OPTION.fargate ? fargateDiscount(series, catalog) : ec2Discount(series, catalog);
    if ("ineligibleReason" in discounted) {
      addIneligible(series.label, series.onDemandUSDPerSlot.reduce((a, b) => a + b, 0) * WEEKS_PER_MONTH, discounted.ineligibleReason);
      continue;
    }
    let kind = kinds.get(discounted.usageType);
    if (!kind) {
      kind = { ...discounted, hourlyOnDemandUSD: new Float64Array(HOURS_PER_WEEK) };
      kinds.set(discounted.usageType, kind);
    }
    series.onDemandUSDPerSlot.forEach((usd, slot) => (kind.hourlyOnDemandUSD[Math.floor(slot / SLOTS_PER_HOUR)]! += usd));
  }
  for (const line of week.ineligible) addIneligible(line.label, line.monthlyUSD, line.reason);

  const assumptions = [
    input.environments
      ? "Each environment runs a copy of the services with tasks x its multiplier, in the quarter-hours its schedule and task profile set (UTC, time-zone offsets as of the catalog date); an hour's usage is the average of its four quarter-hours."
      : "No environments: every service's usage is spread evenly over the week (continuous: tasks x hoursPerMonth / 730 per hour; scheduled: billed task-hours / 730 per hour).",
    "Weeks are repeated to a 730-hour month (x 730 / 168).",
  ];
  if (input.environments && input.services.some((s) => s.usage.kind === "scheduled" || s.usage.hoursPerMonth !== HOURS_PER_MONTH)) {
    assumptions.push(
      "In an environment a continuous service runs whenever the environment is on (the schedule replaces its hoursPerMonth); a scheduled job keeps its runs on the schedule's on-days, spread over the on-time.",
    );
  }
  if (optionId === OPTION.ec2) {
    assumptions.push(
      "ECS on EC2: the estimate's fleet, planned On-Demand: one fleet for all environments, sized per quarter-hour with the 15-minute scale-in wait and launches 3 minutes early (docs/billing-rules.md#weekly-schedules).",
    );
  }
  assumptions.push("Network, load balancer, NAT, public IPv4 and log lines are not covered by a Compute Savings Plan and are left out.");
  return {
    ok: true,
    profile: {
      option: { id: optionId, label: COMMITMENT_OPTION_LABEL[optionId] },
      kinds: [...kinds.values()],
      ineligible: [...ineligible.values()],
      assumptions,
    },
  };
}
