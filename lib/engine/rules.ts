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
 */
export const WINDOWS_MIN_BILLED_SECONDS = 300;

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
 * Tasks an instance can hold because of its network interfaces (docs/billing-rules.md#eni-trunking; the table
 * itself: docs/price-catalog.md#ecs-trunking):
 * awsvpc without trunking = max ENIs - 1 (the primary ENI is the instance's own);
 * awsvpc with trunking = the task limit ECS publishes for the type (its "Supported Amazon EC2 instance types"
 * table), only where ECS supports trunking on it: unsupported and unlisted types keep the ENI limit;
 * bridge/host = no ENI limit.
 * Returns null when the type cannot be planned (awsvpc and no ENI data).
 */
export function eniTaskLimit(
  type: { maxEnis: number | null; trunking: "supported" | "unsupported" | "not-listed"; ecsTrunkTasks: number | null },
  networkMode: "awsvpc" | "bridge" | "host",
  eniTrunking: boolean,
): number | null {
  if (networkMode !== "awsvpc") return Number.POSITIVE_INFINITY;
  if (eniTrunking && type.trunking === "supported" && type.ecsTrunkTasks !== null) return type.ecsTrunkTasks;
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

/**
 * CloudWatch Logs' always-free allowance, per account and month (docs/billing-rules.md#logs-free-tier): "Logs: 5GB
 * Data (ingestion, archive storage, and data scanned by Logs Insights queries)" (CloudWatch pricing page, Free Tier);
 * AWS bills show it as two lines, "First 5GB per month of log data ingested is free" (PutLogEvents) and "First 5GB-mo
 * per month of logs storage is free" (TimedStorage-ByteHrs).
 */
export const CLOUDWATCH_LOGS_FREE_TIER = {
  ingestStandardGB: 5,
  storageGBMonth: 5,
  source: "https://aws.amazon.com/cloudwatch/pricing/ (Free Tier: Logs, 5 GB); AWS bill lines \"First 5GB per month of log data ingested is free\" and \"First 5GB-mo per month of logs storage is free\"",
} as const;

/** A source older than this, relative to the catalog date, gets a warning. */
export const OLD_SOURCE_DAYS = 365;
/** Rounding loss above this share of a service's Fargate cost gets a warning. */
export const ROUNDING_LOSS_WARN_SHARE = 0.1;

// ---------------------------------------------------------------- scheduled work on EC2 (docs/billing-rules.md#ec2-scheduled-work)

/**
 * ASSUMPTION (AWS publishes no figure; stated in the estimate's warning): a new container instance takes
 * 3 minutes from launch until it has registered with the cluster and can run tasks.
 */
export const EC2_LAUNCH_SECONDS = 180;
/**
 * Cluster auto scaling scales in only after 15 one-minute data points below target ("CloudWatch scale-in alarms
 * require 15 data points (15 minutes) before the scale-in process for the Auto Scaling group starts", ECS
 * developer guide, cluster auto scaling).
 */
export const CLUSTER_SCALE_IN_WAIT_SECONDS = 900;
/** EC2 Linux instances bill per second with a 60-second minimum (EC2 pricing page, per-second billing). */
export const EC2_MIN_BILLED_SECONDS = 60;

export interface Ec2Demand {
  /** Tasks the fleet must hold at once. */
  concurrent: number;
  /** Hours per month the fleet is up. */
  hours: number;
  /** Scheduled work only: the runs come too close for the fleet to scale in, so it stays up all month. */
  neverScalesIn: boolean;
  /** Scheduled work only: seconds one burst keeps its instances (launch + run + scale-in wait), 0 otherwise. */
  instanceSecondsPerRun: number;
}

/**
 * What an ECS-on-EC2 fleet must hold for one service, and for how long (docs/billing-rules.md#ec2-scheduled-work).
 * Continuous: ceil(tasks) tasks for hoursPerMonth. Scheduled (runs spread evenly over the day, one every
 * 86,400 / runsPerDay s): each burst keeps its instances for launch + run + scale-in wait
 * (180 + ceil(secondsPerRun) + 900 s, never below EC2's 60 s minimum); when the gap between the end of one run
 * and the start of the next is shorter than launch + scale-in wait, the instances never leave and the fleet is
 * up daysPerMonth x 24 h. Peak concurrency is ceil(tasks), times the number of runs that overlap when
 * runsPerDay x secondsPerRun exceeds a day.
 */
export function ec2Demand(tasks: number, usage: Service["usage"]): Ec2Demand {
  const none: Ec2Demand = { concurrent: 0, hours: 0, neverScalesIn: false, instanceSecondsPerRun: 0 };
  if (tasks <= 0) return none;
  // (A literal, not `{ ...none, ... }`: a spread copy costs microseconds in Node 20, docs/performance.md.)
  if (usage.kind === "continuous") return { concurrent: Math.ceil(tasks - 1e-9), hours: usage.hoursPerMonth, neverScalesIn: false, instanceSecondsPerRun: 0 };
  const seconds = Math.ceil(usage.secondsPerRun);
  if (usage.runsPerDay === 0 || usage.daysPerMonth === 0 || seconds === 0) return none;
  const overlap = (usage.runsPerDay * seconds) / 86_400;
  const concurrent = overlap <= 1 ? Math.ceil(tasks - 1e-9) : Math.ceil(tasks * Math.ceil(overlap - 1e-9) - 1e-9);
  const instanceSecondsPerRun = Math.max(EC2_MIN_BILLED_SECONDS, EC2_LAUNCH_SECONDS + seconds + CLUSTER_SCALE_IN_WAIT_SECONDS);
  const gapSeconds = 86_400 / usage.runsPerDay - seconds;
  const allMonth = usage.daysPerMonth * 24;
  if (gapSeconds < EC2_LAUNCH_SECONDS + CLUSTER_SCALE_IN_WAIT_SECONDS) {
    return { concurrent, hours: allMonth, neverScalesIn: true, instanceSecondsPerRun };
  }
  const hours = Math.min(allMonth, (usage.runsPerDay * usage.daysPerMonth * instanceSecondsPerRun) / 3600);
  return { concurrent, hours, neverScalesIn: false, instanceSecondsPerRun };
}

// ---------------------------------------------------------------- burstable (T) instances (docs/billing-rules.md#burstable-instances)

/**
 * Baseline CPU per vCPU of the burstable families, by size (AWS burstable-performance docs, "Key concepts":
 * baseline utilization per vCPU). t3, t3a and t4g share one table; t2 has its own (its larger sizes earn fewer
 * credits per vCPU). A type not listed here (t1) has no known baseline.
 */
const BURSTABLE_BASELINE_PER_VCPU: Readonly<Record<string, Readonly<Record<string, number>>>> = (() => {
  const t3 = { nano: 0.05, micro: 0.1, small: 0.2, medium: 0.2, large: 0.3, xlarge: 0.4, "2xlarge": 0.4 };
  const t2 = { nano: 0.05, micro: 0.1, small: 0.2, medium: 0.2, large: 0.3, xlarge: 0.225, "2xlarge": 0.17 };
  return { t3, t3a: t3, t4g: t3, t2 };
})();

/** Baseline CPU share per vCPU of a burstable type ("t3.medium" -> 0.2), or null when unknown. */
export function burstableBaseline(type: string): number | null {
  const [family = "", size = ""] = type.split(".");
  return BURSTABLE_BASELINE_PER_VCPU[family]?.[size] ?? null;
}

/**
 * DOCUMENTED RATES, not yet in the price catalog: surplus CPU credits of T instances in unlimited mode, USD per
 * vCPU-hour, Linux (aws.amazon.com/ec2/pricing/on-demand, "T2/T3/T4g Unlimited Mode Pricing", read 2026-11-30).
 * T4g $0.04 is quoted from that page; T3/T3a (and T2) $0.05 is the commonly published figure, not yet confirmed
 * from the Price List. Applied in every region (the catalog carries no regional figure yet). The one place in lib
 * that holds them: move them into the catalog when a refresh reads them.
 */
export const BURSTABLE_SURPLUS_CREDIT_RATES = {
  asOf: "2026-11-30",
  source: "aws-ec2-on-demand-pricing-t-unlimited",
  url: "https://aws.amazon.com/ec2/pricing/on-demand/",
  usdPerVcpuHour: { t2: 0.05, t3: 0.05, t3a: 0.05, t4g: 0.04 } as Readonly<Record<string, number>>,
  confirmed: { t2: false, t3: false, t3a: false, t4g: true } as Readonly<Record<string, boolean>>,
} as const;

/** The surplus-credit rate for a burstable type's family, or null when none is documented here. */
export function burstableSurplusRate(type: string): { usd: number; family: string; confirmed: boolean } | null {
  const family = type.split(".")[0] ?? "";
  const usd = BURSTABLE_SURPLUS_CREDIT_RATES.usdPerVcpuHour[family];
  if (usd === undefined) return null;
  return { usd, family, confirmed: BURSTABLE_SURPLUS_CREDIT_RATES.confirmed[family] === true };
}

/**
 * Worst case of unlimited mode, when the tasks use all the CPU they reserve (docs/billing-rules.md#burstable-instances):
 * surplus vCPU-hours of one instance = max(0, reserved CPU share - baseline) x vCPUs x hours.
 */
export function surplusVcpuHours(reservedCpuShare: number, baseline: number, vcpu: number, hours: number): number {
  return Math.max(0, reservedCpuShare - baseline) * vcpu * hours;
}

// ---------------------------------------------------------------- ECS Managed Instances (docs/billing-rules.md#ecs-managed-instances)

/**
 * The management fee of one instance-hour of a type: the fee the Price List publishes for it (a refresh stores it
 * on the row), else feeFractionOfOnDemand x its On-Demand rate (derived: AWS's c6a.2xlarge example is 12%);
 * null when neither exists. The same fee whatever the instance's purchase option.
 */
/**
 * A management fee per instance-hour that depends on the type (ECS Managed Instances, EKS Auto Mode): AWS's
 * published fee for the type where the catalog has it, else the derived share of its On-Demand rate.
 */
export function managementFeeUSD(publishedUSD: number | undefined, onDemandUSD: number | null, feeFractionOfOnDemand: number): number | null {
  if (publishedUSD !== undefined) return publishedUSD;
  return onDemandUSD === null ? null : onDemandUSD * feeFractionOfOnDemand;
}

export function managedInstancesFeeUSD(type: { managedFeeUSD?: number; onDemandUSD: number | null }, feeFractionOfOnDemand: number): number | null {
  if (type.managedFeeUSD !== undefined) return type.managedFeeUSD;
  return type.onDemandUSD === null ? null : type.onDemandUSD * feeFractionOfOnDemand;
}

// ---------------------------------------------------------------- task storage on EC2 (docs/billing-rules.md#ec2-task-storage)

/** ASSUMPTION (stated on the volume line): the OS and container images take 10 GiB of an instance's volume. */
export const EC2_VOLUME_RESERVED_GIB = 10;

/**
 * An instance's gp3 volume: the root volume, grown to hold the ephemeral storage its tasks declare above the
 * 20 GiB default: max(rootVolumeGiB, 10 + sum of declared GiB) when any of them declares more than 20 GiB.
 * `declaredGiBSum` adds up only the tasks on the instance that declare more than 20 GiB.
 */
export function ec2VolumeGiB(rootVolumeGiB: number, declaredGiBSum: number): number {
  if (declaredGiBSum <= 0) return rootVolumeGiB;
  return Math.max(rootVolumeGiB, EC2_VOLUME_RESERVED_GIB + declaredGiBSum);
}
