/**
 * The estimate's Savings-Plan-eligible compute usage over the week, per quarter-hour, at On-Demand rates: what a
 * commitment sizer needs (docs/billing-rules.md#weekly-schedules, "Usage over the week"). Pure.
 */
import type { RegionCatalog } from "../catalog/schema";
import { OPTION, type CostLine, type EstimateInput } from "../schemas/estimate";
import { SLOTS_PER_HOUR, SLOTS_PER_WEEK } from "../schedule/week";
import { estimateWithWeek } from "./estimate";
import { lineWeek } from "./environments";

/** The options a Compute or EC2 Savings Plan can cover. */
export type ProfileOptionId = typeof OPTION.fargate | typeof OPTION.ec2;

export interface UsageProfileSeries {
  /** The line's service ("api (dev)", "x86_64 fleet") and environment (absent: not one environment's). */
  service: string;
  environment?: string;
  component: CostLine["component"];
  label: string;
  usageType: string | null;
  /** On-demand rate per unit (EC2: the type's On-Demand hourly rate, whatever ec2.purchase is). */
  onDemandRateUSD: number;
  /** On-demand dollars in each quarter-hour of the week (672 values, UTC, index 0 = Monday 00:00-00:15). */
  onDemandUSDPerSlot: Float64Array;
}

/** A compute line of the option that no Compute Savings Plan covers, per month, and why. */
export interface IneligibleUsage {
  service: string;
  environment?: string;
  component: CostLine["component"];
  label: string;
  monthlyUSD: number;
  reason: string;
}

export interface WeeklyUsageProfile {
  optionId: ProfileOptionId;
  slotsPerHour: typeof SLOTS_PER_HOUR;
  /** Compute usage a Compute Savings Plan can cover (Fargate vCPU and memory, EC2 instance-hours). */
  eligible: UsageProfileSeries[];
  /** Sum of `eligible` per quarter-hour. */
  totalUSDPerSlot: Float64Array;
  /**
   * The option's other compute lines, which no Compute Savings Plan covers (Fargate ephemeral storage and Windows
   * OS licence, EBS volumes, CPU credits). The rest of the bill (network, load balancers, NAT, logs) is not listed.
   */
  ineligible: IneligibleUsage[];
}

/** Why a compute line is not eligible (docs/billing-rules.md#savings-plan-commitment), or null when it is. */
function notCoveredBecause(line: CostLine, optionId: ProfileOptionId): string | null {
  if (optionId === OPTION.fargate) {
    if (line.component === "vcpu" || line.component === "memory") return null;
    return line.component === "storage" ? "Savings Plans do not discount Fargate ephemeral storage" : "no Compute Savings Plan rate in the catalog for this usage";
  }
  if (line.component === "instance") return null;
  return line.component === "ebs" ? "Savings Plans do not cover EBS volumes" : "Savings Plans do not cover burstable CPU credits";
}

/**
 * `weeklyUsageProfile(input, catalog, optionId)`: the option's compute lines a Compute Savings Plan can
 * cover, each as On-Demand dollars per quarter-hour of one week (UTC; a month is 730 / 168 weeks, so
 * sum(slots) x WEEKS_PER_MONTH = the line's monthly On-Demand cost).
 * - OPTION.fargate: the Fargate (on-demand) option's vCPU and memory lines (Windows OS licence, storage excluded).
 * - OPTION.ec2: the instance lines of the fleet planned On-Demand, whatever ec2.purchase is (volumes excluded): a
 *   Savings Plan replaces the purchase option, so Spot prices or reserved hours must not choose the fleet.
 * With environments each line follows its environment's schedule and the fleet its instances per quarter-hour
 * (scale-in rule applied); without environments the week is flat. Returns `{ reason }` when the option is
 * unavailable.
 */
export function weeklyUsageProfile(input: EstimateInput, catalog: RegionCatalog, optionId: ProfileOptionId): WeeklyUsageProfile | { reason: string } {
  // The Fargate option is always the on-demand one; the Savings Plan option would only be priced in vain.
  const onDemand: EstimateInput = { ...input, fargate: { ...input.fargate, savingsPlan: "none" }, ec2: { ...input.ec2, purchase: "on-demand" } };
  const { result, week } = estimateWithWeek(onDemand, catalog);
  const option = result.options.find((o) => o.id === optionId);
  if (!option) return { reason: `the estimate has no ${optionId} option` };
  if (!option.available) return { reason: option.reason ?? `${option.label} is not available` };
  const eligible: UsageProfileSeries[] = [];
  const ineligible: IneligibleUsage[] = [];
  const total = new Float64Array(SLOTS_PER_WEEK);
  for (const line of option.lines) {
    // The rest of the bill (category set) is never compute.
    if (line.category !== undefined || line.usd <= 0) continue;
    const about = { service: line.service, ...(line.environment ? { environment: line.environment } : {}), component: line.component, label: line.label ?? line.component };
    const reason = notCoveredBecause(line, optionId);
    if (reason !== null) {
      ineligible.push({ ...about, monthlyUSD: line.usd, reason });
      continue;
    }
    const slots = lineWeek(line, optionId, week);
    for (let q = 0; q < SLOTS_PER_WEEK; q++) total[q]! += slots[q] as number;
    eligible.push({ ...about, usageType: line.usageType, onDemandRateUSD: line.rateUSD, onDemandUSDPerSlot: slots });
  }
  return { optionId, slotsPerHour: SLOTS_PER_HOUR, eligible, totalUSDPerSlot: total, ineligible };
}
