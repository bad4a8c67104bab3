/**
 * The estimate's eligible usage hour by hour over a week, per usage kind, with each kind's Savings Plan discount
 * (docs/billing-rules.md#savings-plan-commitment). This is the one place that turns an EstimateInput into that
 * profile: when the engine prices environments and schedules itself, swap the body of weeklyUsageProfile for the
 * engine's profile and keep its return type.
 *
 * What it assumes (also returned in `assumptions`, so every caller shows it):
 * - Without environments every service runs the same in every hour: a continuous service's tasks x hoursPerMonth
 *   / 730 and a scheduled service's billed task-hours / 730 are spread evenly over the 168 hours.
 * - With environments, each environment is a copy of the services with tasks x multiplier, running in the
 *   quarter-hours its schedule (and task profile) switches on (lib/schedule/week.ts, UTC, time-zone offsets
 *   as of the catalog date); an hour's usage is the average of its four quarter-hours.
 * - Fargate: the on-demand option's vCPU and memory lines (Linux x86 and arm64) are eligible; ephemeral storage
 *   and Windows (no Savings Plan rate in the catalog) are not.
 * - ECS on EC2: the on-demand fleet the engine plans, re-planned for each distinct task level of each
 *   environment (one cluster per environment, scaling instantly); the instance-hours are eligible, the gp3
 *   volumes and burstable CPU credits are not.
 */
import { isUnavailable, type RegionCatalog } from "../catalog/schema";
import { ec2Option } from "../engine/ec2";
import { fargateOption, sizeServices } from "../engine/fargate";
import { HOURS_PER_MONTH, type CostLine, type Environment, type EstimateInput, type EstimateOption } from "../schemas/estimate";
import { HOURS_PER_WEEK, SLOTS_PER_HOUR, SLOTS_PER_WEEK, weeklyFactors, WEEKS_PER_MONTH } from "../schedule/week";

export const COMMITMENT_OPTIONS = ["fargate", "ec2"] as const;
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

/** The instant the schedules' time-zone offsets are read at: the catalog date (so the same input always gives the same week). */
export function referenceEpochMs(catalog: RegionCatalog): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(catalog.catalogId);
  return m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : 0;
}

const TERM_KEY = { "1y": "compute-1y", "3y": "compute-3y" } as const;
const EC2_TERM_KEY = { "1y": "savings-plan-1y", "3y": "savings-plan-3y" } as const;

interface Classified {
  kind?: Omit<UsageKind, "hourlyOnDemandUSD">;
  ineligibleReason?: string;
}

/** Is this cost line covered by a Compute Savings Plan, and at what discount (docs/billing-rules.md#savings-plan-commitment)? */
function classify(line: CostLine, catalog: RegionCatalog, optionId: CommitmentOptionId): Classified {
  if (optionId === "fargate") {
    if (line.component !== "vcpu" && line.component !== "memory") {
      return { ineligibleReason: line.component === "storage" ? "Savings Plans do not discount Fargate ephemeral storage" : "no Compute Savings Plan rate in the catalog for this usage" };
    }
    const discount = {} as Record<CommitmentTerm, number | null>;
    const why = {} as Record<CommitmentTerm, string | null>;
    let derived = false;
    const windows = line.label?.includes("windows") === true;
    const arch = line.label?.includes("arm64") === true ? "arm" : "x86";
    for (const term of COMMITMENT_TERMS) {
      const rates = catalog.fargate.savingsPlans[TERM_KEY[term]][arch];
      const rate = isUnavailable(rates) ? undefined : [rates.vcpuHour, rates.gbHour].find((r) => r.usageType !== null && r.usageType === line.usageType);
      if (rate && line.rateUSD > 0 && !windows) {
        // Rounded to 10 decimals: 1 - 0.032384 / 0.04048 is 0.19999999999999996 in floating point, and equal
        // discounts must compare equal for the application order.
        discount[term] = Math.max(0, Math.round((1 - rate.usd / line.rateUSD) * 1e10) / 1e10);
        why[term] = null;
        derived ||= rate.derived;
      } else {
        discount[term] = null;
        why[term] = windows
          ? "the catalog has no Compute Savings Plan rate for Fargate Windows (priced on-demand, as the Savings Plan option does)"
          : isUnavailable(rates)
            ? rates.reason
            : `no Compute Savings Plan ${term} rate for ${line.usageType ?? line.label} in the catalog`;
      }
    }
    if (discount["1y"] === null && discount["3y"] === null) return { ineligibleReason: why["1y"] ?? "no Savings Plan rate" };
    return { kind: { usageType: line.usageType as string, label: (line.label ?? line.component).replace("on-demand, ", ""), discount, noDiscountReason: why, derived } };
  }
  // ECS on EC2: instance-hours are eligible; volumes and CPU credits are not.
  if (line.component !== "instance") {
    return { ineligibleReason: line.component === "ebs" ? "Savings Plans do not cover EBS volumes" : "Savings Plans do not cover burstable CPU credits" };
  }
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
  return { kind: { usageType: line.usageType ?? line.label ?? "EC2 instance", label: line.label ?? "EC2 instance", discount, noDiscountReason: why, derived } };
}

/** The input priced as one option at on-demand rates, every service's tasks x scale, without environments. */
function pricedAt(input: EstimateInput, catalog: RegionCatalog, optionId: CommitmentOptionId, scale: number): EstimateOption {
  const scaled: EstimateInput = {
    ...input,
    environments: undefined,
    fargate: { savingsPlan: "none" },
    ec2: { ...input.ec2, purchase: "on-demand" },
    services: input.services.map((s) => ({ ...s, tasks: s.tasks * scale })),
  };
  const ignore = new Set<string>();
  return optionId === "fargate" ? fargateOption(catalog, sizeServices(scaled), "on-demand", ignore) : ec2Option(scaled, catalog, ignore);
}

const ALWAYS: Pick<Environment, "name" | "multiplier" | "schedule" | "taskProfile"> = { name: "(all)", multiplier: 1, schedule: { kind: "always" }, taskProfile: null };

/**
 * The week of eligible usage of one option (docs/billing-rules.md#savings-plan-commitment). Fails (with the
 * option's reason) when the option cannot run the workload.
 */
export function weeklyUsageProfile(input: EstimateInput, catalog: RegionCatalog, optionId: CommitmentOptionId): ProfileOutcome {
  const at = referenceEpochMs(catalog);
  const environments = input.environments ?? [ALWAYS];
  // Fargate lines are linear in tasks: price once and scale. EC2 fleets are not: re-plan per distinct level.
  const linear = optionId === "fargate";
  const byScale = new Map<number, EstimateOption>();
  const option = (scale: number): EstimateOption => {
    const key = linear ? 1 : scale;
    let priced = byScale.get(key);
    if (!priced) {
      priced = pricedAt(input, catalog, optionId, key);
      byScale.set(key, priced);
    }
    return priced;
  };
  const first = option(1);
  if (!first.available) return { ok: false, reason: first.reason ?? `${first.label} is not available` };

  const kinds = new Map<string, UsageKind>();
  const ineligible = new Map<string, { label: string; monthlyUSD: number; reason: string }>();
  const classified = new Map<CostLine, Classified>();
  const minInstances = optionId === "ec2" && input.ec2.minInstances > 0;
  for (const env of environments) {
    const factors = weeklyFactors(env, at);
    for (let slot = 0; slot < SLOTS_PER_WEEK; slot++) {
      const scale = (factors[slot] ?? 0) * env.multiplier;
      if (scale <= 0 && !minInstances) continue;
      const priced = option(scale);
      if (!priced.available) return { ok: false, reason: `${env.name === ALWAYS.name ? "" : `environment "${env.name}": `}${priced.reason ?? "not available"}` };
      const factor = linear ? scale : 1;
      const hour = Math.floor(slot / SLOTS_PER_HOUR);
      for (const line of priced.lines) {
        // A line's usd is per 730-hour month at the constant rate of this quarter-hour: its hourly amount x 1/4 h.
        const usdThisSlot = ((line.usd * factor) / HOURS_PER_MONTH) / SLOTS_PER_HOUR;
        if (usdThisSlot === 0) continue;
        let c = classified.get(line);
        if (!c) {
          c = classify(line, catalog, optionId);
          classified.set(line, c);
        }
        if (c.kind) {
          let kind = kinds.get(c.kind.usageType);
          if (!kind) {
            kind = { ...c.kind, hourlyOnDemandUSD: new Float64Array(HOURS_PER_WEEK) };
            kinds.set(c.kind.usageType, kind);
          }
          kind.hourlyOnDemandUSD[hour]! += usdThisSlot;
        } else {
          const label = line.label ?? line.component;
          const entry = ineligible.get(label) ?? { label, monthlyUSD: 0, reason: c.ineligibleReason ?? "not eligible" };
          entry.monthlyUSD += usdThisSlot * WEEKS_PER_MONTH;
          ineligible.set(label, entry);
        }
      }
    }
  }

  const assumptions = [
    input.environments
      ? "Each environment runs a copy of the services with tasks x its multiplier, in the quarter-hours its schedule and task profile set (UTC, time-zone offsets as of the catalog date); an hour's usage is the average of its four quarter-hours."
      : "No environments: every service's usage is spread evenly over the week (continuous: tasks x hoursPerMonth / 730 per hour; scheduled: billed task-hours / 730 per hour).",
    "Weeks are repeated to a 730-hour month (x 730 / 168).",
  ];
  if (input.environments && input.services.some((s) => s.usage.kind === "scheduled" || s.usage.hoursPerMonth !== HOURS_PER_MONTH)) {
    assumptions.push("Scheduled services and continuous services below 730 h/month run at their average rate whenever their environment is on.");
  }
  if (optionId === "ec2") {
    assumptions.push(
      "ECS on EC2: the on-demand fleet is planned for each distinct task level of each environment (one cluster per environment) and is assumed to follow it within the quarter-hour; instance launch and the 15-minute scale-in wait are not added here.",
    );
  }
  assumptions.push("Network, load balancer, NAT, public IPv4 and log lines are not covered by a Compute Savings Plan and are left out.");
  return {
    ok: true,
    profile: {
      option: { id: optionId, label: optionId === "fargate" ? "Fargate (on-demand)" : "ECS on EC2 (on-demand fleet)" },
      kinds: [...kinds.values()],
      ineligible: [...ineligible.values()],
      assumptions,
    },
  };
}
