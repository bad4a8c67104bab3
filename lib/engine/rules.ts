/**
 * Billing and capacity rules of the estimate engine. Each rule lives here once, citing the section of
 * docs/billing-rules.md that explains it and gives its AWS source.
 */
import type { OperatingSystem, Service } from "../schemas/estimate";
import { CPU_UNITS_PER_VCPU, FARGATE_INCLUDED_STORAGE_GIB, HOURS_PER_MONTH } from "../units";

// Stated once in lib/units.ts (the contract needs them too); re-exported so the engine's rules read in one place.
export { CPU_UNITS_PER_VCPU, FARGATE_INCLUDED_STORAGE_GIB, HOURS_PER_MONTH };

/**
 * Fargate Linux minimum charge per task run: one minute ("A minimum charge of one minute applies", ECS pricing
 * page; aws/containers-roadmap#189). docs/billing-rules.md#fargate-billing-duration
 */
export const LINUX_MIN_BILLED_SECONDS = 60;

/**
 * Fargate Windows minimum charge per task run: 5 minutes ("For Windows containers, billing is calculated per
 * second with a 5-minute minimum", Fargate pricing page). docs/billing-rules.md#windows-on-fargate
 * The warning text below predates that reading and still calls the figure unconfirmed (older sources repeat
 * the 2021 launch figure of 15 minutes); a golden test pins it, so rewording it is a separate change.
 */
export const WINDOWS_MIN_BILLED_SECONDS = 300;
export const WINDOWS_MIN_BILLED_SECONDS_STATUS =
  "UNCONFIRMED: 300 s per a 2026 Price List note; some sources say 900 s (15 minutes)";

export function minBilledSeconds(os: OperatingSystem): number {
  return os === "windows" ? WINDOWS_MIN_BILLED_SECONDS : LINUX_MIN_BILLED_SECONDS;
}

/**
 * Billed Fargate task-hours per month for one service (docs/billing-rules.md#fargate-billing-duration): continuous = tasks x hours;
 * scheduled = tasks x runsPerDay x daysPerMonth x max(ceil(secondsPerRun), platform minimum) / 3600
 * (the billing window is "rounded up to the nearest second", with the per-run minimum).
 */
export function fargateTaskHours(tasks: number, usage: Service["usage"], os: OperatingSystem): number {
  if (usage.kind === "continuous") return tasks * usage.hoursPerMonth;
  if (usage.runsPerDay === 0 || usage.daysPerMonth === 0) return 0;
  const billedSeconds = Math.max(Math.ceil(usage.secondsPerRun), minBilledSeconds(os));
  return (tasks * usage.runsPerDay * usage.daysPerMonth * billedSeconds) / 3600;
}

/**
 * ECS capacity provider strategy across FARGATE and FARGATE_SPOT: the base is placed on FARGATE first,
 * the remaining tasks are split by weight (docs/billing-rules.md#capacity-provider-mix, AWS
 * CapacityProviderStrategyItem). Tasks are averages, so the split may be fractional.
 */
export function splitCapacityProviders(
  tasks: number,
  strategy: { base: number; fargateWeight: number; spotWeight: number },
): { onDemand: number; spot: number } {
  const base = Math.min(tasks, strategy.base);
  const rest = tasks - base;
  const totalWeight = strategy.fargateWeight + strategy.spotWeight;
  const spot = totalWeight > 0 ? (rest * strategy.spotWeight) / totalWeight : 0;
  return { onDemand: tasks - spot, spot };
}

// ---------------------------------------------------------------- ECS on EC2 (docs/billing-rules.md#ec2-registered-capacity ff.)

/**
 * Registered memory / advertised memory (docs/billing-rules.md#ec2-registered-capacity). AWS's only worked example (memory-management page):
 * an m4.large advertised at 8192 MiB registers 7985 MiB with the ECS agent (-2.5%). AWS publishes no
 * per-type table, so we apply the same ratio to every type.
 */
export const REGISTERED_MEMORY_RATIO = 7985 / 8192;

export function registeredMemoryMiB(nominalMiB: number): number {
  return Math.floor(nominalMiB * REGISTERED_MEMORY_RATIO);
}

export function registeredCpuUnits(vcpu: number): number {
  return vcpu * CPU_UNITS_PER_VCPU;
}

/**
 * Tasks an instance can hold because of its network interfaces (docs/billing-rules.md#eni-trunking):
 * awsvpc without trunking = max ENIs - 1 (the primary ENI is the instance's own);
 * awsvpc with trunking = the trunk branch-ENI count, only for trunking-compatible types (T types and
 * several others cannot trunk: they keep the ENI limit); bridge/host = no ENI limit.
 * Returns null when the type cannot be planned (awsvpc and no ENI data).
 */
export function eniTaskLimit(
  type: { maxEnis: number | null; trunkBranchEnis: number | null; trunkingCompatible: boolean },
  networkMode: "awsvpc" | "bridge" | "host",
  eniTrunking: boolean,
): number | null {
  if (networkMode !== "awsvpc") return Number.POSITIVE_INFINITY;
  if (eniTrunking && type.trunkingCompatible && type.trunkBranchEnis !== null && type.trunkBranchEnis > 0) return type.trunkBranchEnis;
  if (type.maxEnis === null) return null;
  return Math.max(0, type.maxEnis - 1);
}

/**
 * Cluster auto scaling keeps CapacityProviderReservation = M / N x 100 at targetCapacity, so
 * N = ceil(M / (targetCapacity / 100)) (docs/billing-rules.md#cluster-auto-scaling). Computed as M x 100 / target to avoid float noise
 * (9 / 0.9 = 10.000000000000002 would give 11).
 */
export function instancesForTarget(needed: number, targetUtilizationPct: number): number {
  if (needed <= 0) return 0;
  return Math.ceil((needed * 100) / targetUtilizationPct - 1e-9);
}

/** Hours an EBS GB-month covers: AWS's 730-hour month (docs/billing-rules.md#month, #gp3-root-volume). */
export const EBS_HOURS_PER_MONTH = HOURS_PER_MONTH;

// ---------------------------------------------------------------- warnings

/** A source older than this, relative to the catalog date, gets a warning. */
export const OLD_SOURCE_DAYS = 365;
/** Rounding loss above this share of a service's Fargate cost gets a warning. */
export const ROUNDING_LOSS_WARN_SHARE = 0.1;

/**
 * What an ECS-on-EC2 fleet must hold for one service, and for how long. ASSUMPTION (stated in a warning
 * whenever a scheduled service runs on EC2; the docs give no rule): the fleet is sized for the service's peak
 * concurrency - ceil(tasks), times the number of runs that overlap when runsPerDay x secondsPerRun exceeds a
 * day - and runs for the service's active hours (cluster auto scaling launches instances for the runs and
 * scales in afterwards; instance start-up time is not counted). Continuous services need ceil(tasks)
 * tasks placed for hoursPerMonth.
 */
export function ec2Demand(tasks: number, usage: Service["usage"]): { concurrent: number; hours: number } {
  if (tasks <= 0) return { concurrent: 0, hours: 0 };
  if (usage.kind === "continuous") return { concurrent: Math.ceil(tasks - 1e-9), hours: usage.hoursPerMonth };
  const seconds = Math.ceil(usage.secondsPerRun);
  if (usage.runsPerDay === 0 || usage.daysPerMonth === 0 || seconds === 0) return { concurrent: 0, hours: 0 };
  const overlap = (usage.runsPerDay * seconds) / 86_400;
  if (overlap <= 1) {
    return { concurrent: Math.ceil(tasks - 1e-9), hours: (usage.runsPerDay * usage.daysPerMonth * seconds) / 3600 };
  }
  return { concurrent: Math.ceil(tasks * Math.ceil(overlap - 1e-9) - 1e-9), hours: usage.daysPerMonth * 24 };
}
