/**
 * Right-sizing: observed utilization -> recommended Fargate size -> priced on every launch type.
 *
 * Method (docs/billing-rules.md#rightsize-method, after KRR and the VPA):
 *   required vCPU   = P_cpu(observed vCPU)      x (1 + headroom)     default P_cpu = p95
 *   required memory = P_mem(observed GiB)       x (1 + headroom)     default P_mem = max
 *   headroom default 15% (KRR's memory buffer and the VPA's safety margin),
 * then snap up to the cheapest valid Fargate size that holds both (#fargate-task-sizes, the engine's snapFargateSize),
 * and price the current and the recommended size with the engine's estimate() on the same region, tasks,
 * usage and EC2 settings. "Under-provisioned" when the peak reaches the current size in either dimension:
 * Fargate caps CPU at the task size (the task is throttled) and stops a task that exceeds its memory.
 * Pure: no I/O; the catalog is passed in.
 */
import type { RegionCatalog } from "../catalog/schema";
import { estimate } from "../engine/estimate";
import { num } from "../format";
import { formatUSD } from "../money";
import { CPU_UNITS_PER_VCPU, MIB_PER_GIB } from "../units";
import { largestFargateSize, snapFargateSize } from "../engine/fargate-sizes";
import { SERVICE_LIMITS, type EstimateInput, type EstimateResult, type Service } from "../schemas/estimate";
import { PERCENTILE_VALUE, type PercentileKey } from "./percentile";
import type { CpuUnit, DimensionSummary, MemoryUnit, UsageSummary } from "./usage";

export const DEFAULT_CPU_PERCENTILE: PercentileKey = "p95";
export const DEFAULT_MEMORY_PERCENTILE: PercentileKey = "max";
export const DEFAULT_HEADROOM_PCT = 15;
export const MAX_HEADROOM_PCT = 200;
/** Relative tolerance for "equal" sizes (float noise). */
const EPS = 1e-9;

export interface RightsizeSettings {
  cpuPercentile: PercentileKey;
  memoryPercentile: PercentileKey;
  headroomPct: number;
}

export const DEFAULT_SETTINGS: RightsizeSettings = {
  cpuPercentile: DEFAULT_CPU_PERCENTILE,
  memoryPercentile: DEFAULT_MEMORY_PERCENTILE,
  headroomPct: DEFAULT_HEADROOM_PCT,
};

export interface ObservedDimension {
  /** The chosen percentile in vCPU (cpu) or GiB (memory). */
  atPercentile: number;
  percentile: PercentileKey;
  /** Highest sample, in vCPU / GiB. */
  peak: number;
  /** Peak as a percentage of the current size. */
  peakPctOfCurrent: number;
  /** All percentiles in vCPU / GiB, for display. */
  all: Record<PercentileKey, number>;
  samples: number;
}

export type Finding = "under-provisioned" | "over-provisioned" | "optimized";

export interface OptionComparison {
  id: string;
  label: string;
  currentUSD: number | null;
  recommendedUSD: number | null;
  /** current - recommended; positive = the recommendation saves money. null when either is unavailable. */
  savingsUSD: number | null;
  reason: string | null;
  /** EC2: "2 x m7g.large" for each size. */
  currentPlan: string | null;
  recommendedPlan: string | null;
}

export interface Sizing {
  settings: RightsizeSettings;
  current: { vcpu: number; memoryGiB: number; os: Service["os"]; architecture: Service["architecture"] };
  observed: { cpu: ObservedDimension | null; memory: ObservedDimension | null };
  required: { vcpu: number; memoryGiB: number };
  recommended: { vcpu: number; memoryGiB: number; validFargateSize: boolean };
  underProvisioned: { cpu: boolean; memory: boolean; any: boolean };
  finding: Finding;
  warnings: string[];
}

export interface RightsizeResult extends Sizing {
  region: string;
  catalogId: string;
  service: string;
  tasks: number;
  options: OptionComparison[];
  /** Savings per month on Fargate on-demand (current - recommended), null when unavailable. */
  monthlySavingsUSD: number | null;
  why: string;
  /** The full engine results for both sizes (lines carry rate, usage type and price date). */
  estimates: { current: EstimateResult; recommended: EstimateResult };
}

export type SettingsProblem = { path: string; message: string };

/** Validate settings coming from a form or the CLI. */
export function checkSettings(s: RightsizeSettings): SettingsProblem[] {
  const out: SettingsProblem[] = [];
  if (!(s.cpuPercentile in PERCENTILE_VALUE)) out.push({ path: "cpuPercentile", message: "must be one of p50, p90, p95, p99, max" });
  if (!(s.memoryPercentile in PERCENTILE_VALUE)) out.push({ path: "memoryPercentile", message: "must be one of p50, p90, p95, p99, max" });
  if (!Number.isFinite(s.headroomPct) || s.headroomPct < 0 || s.headroomPct > MAX_HEADROOM_PCT) {
    out.push({ path: "headroomPct", message: `must be a number from 0 to ${MAX_HEADROOM_PCT} (percent)` });
  }
  return out;
}

function observe(
  d: DimensionSummary<string> | null,
  key: PercentileKey,
  current: number,
  toAbsolute: (v: number) => number,
): ObservedDimension | null {
  if (!d) return null;
  const all = {
    p50: toAbsolute(d.stats.p50),
    p90: toAbsolute(d.stats.p90),
    p95: toAbsolute(d.stats.p95),
    p99: toAbsolute(d.stats.p99),
    max: toAbsolute(d.stats.max),
  };
  return { atPercentile: all[key], percentile: key, peak: all.max, peakPctOfCurrent: (all.max / current) * 100, all, samples: d.stats.count };
}

/** A CPU sample in vCPU: Container Insights CPU units / 1024, or service-metric percent of the current size (docs/billing-rules.md#rightsize-samples). */
export function cpuSampleToVcpu(value: number, unit: CpuUnit, currentVcpu: number): number {
  return unit === "percent" ? (value / 100) * currentVcpu : value / CPU_UNITS_PER_VCPU;
}

/** A memory sample in GiB: Container Insights MiB / 1024, or service-metric percent of the current size (docs/billing-rules.md#rightsize-samples). */
export function memorySampleToGiB(value: number, unit: MemoryUnit, currentGiB: number): number {
  return unit === "percent" ? (value / 100) * currentGiB : value / MIB_PER_GIB;
}

/** The size part of the recommendation (no prices). */
export function recommendSize(
  usage: UsageSummary,
  current: { vcpu: number; memoryGiB: number; os: Service["os"]; architecture: Service["architecture"] },
  settings: RightsizeSettings = DEFAULT_SETTINGS,
): Sizing {
  const warnings: string[] = [];
  // Container Insights: CPU units / MiB; service metrics: percent of the task size (#rightsize-samples).
  const cpu = observe(usage.cpu, settings.cpuPercentile, current.vcpu, (v) => cpuSampleToVcpu(v, usage.cpu!.unit, current.vcpu));
  const memory = observe(usage.memory, settings.memoryPercentile, current.memoryGiB, (v) => memorySampleToGiB(v, usage.memory!.unit, current.memoryGiB));
  if (!cpu) warnings.push(`No CPU samples: CPU stays at the current ${num(current.vcpu)} vCPU.`);
  if (!memory) warnings.push(`No memory samples: memory stays at the current ${num(current.memoryGiB)} GiB.`);

  // The file's own reservation tells which task size it was recorded with (Container Insights).
  const rc = usage.reserved.cpuUnits;
  if (rc !== null && usage.cpu?.unit === "cpu-units" && Math.abs(rc / CPU_UNITS_PER_VCPU - current.vcpu) > 0.01 * current.vcpu) {
    warnings.push(
      `The file's CpuReserved is ${num(rc)} CPU units (${num(rc / CPU_UNITS_PER_VCPU)} vCPU) but the current size is ${num(current.vcpu)} vCPU: ` +
        (rc / CPU_UNITS_PER_VCPU > current.vcpu * 1.5
          ? "if the export adds up several tasks (Sum statistic, or a cluster-level metric), the usage is overstated; export per task (Maximum or Average) or performance log events."
          : "check that the current size is the one the data was recorded with."),
    );
  }
  const rm = usage.reserved.memoryMiB;
  if (rm !== null && usage.memory?.unit === "MiB" && Math.abs(rm / MIB_PER_GIB - current.memoryGiB) > 0.01 * current.memoryGiB) {
    warnings.push(
      `The file's MemoryReserved is ${num(rm)} MiB (${num(rm / MIB_PER_GIB)} GiB) but the current size is ${num(current.memoryGiB)} GiB: ` +
        (rm / MIB_PER_GIB > current.memoryGiB * 1.5
          ? "if the export adds up several tasks, the usage is overstated; export per task."
          : "check that the current size is the one the data was recorded with."),
    );
  }

  const factor = 1 + settings.headroomPct / 100;
  const required = {
    vcpu: cpu ? cpu.atPercentile * factor : current.vcpu,
    memoryGiB: memory ? memory.atPercentile * factor : current.memoryGiB,
  };
  // A dimension without data keeps its size exactly; one with data gets the cheapest valid size that holds it.
  const snapped = snapFargateSize(Math.max(required.vcpu, 1e-6), Math.max(required.memoryGiB, 1e-6), current.os);
  let recommended: Sizing["recommended"];
  if (snapped) recommended = { vcpu: snapped.vcpu, memoryGiB: snapped.memoryGiB, validFargateSize: true };
  else {
    const largest = largestFargateSize(current.os);
    // No Fargate size holds it: keep the requirement (rounded up to whole CPU units / MiB) so ECS on EC2 is still priced.
    recommended = {
      vcpu: Math.min(SERVICE_LIMITS.vcpu.max, Math.ceil(required.vcpu * CPU_UNITS_PER_VCPU) / CPU_UNITS_PER_VCPU),
      memoryGiB: Math.ceil(required.memoryGiB * MIB_PER_GIB) / MIB_PER_GIB,
      validFargateSize: false,
    };
    warnings.push(
      `The requirement (${num(required.vcpu)} vCPU, ${num(required.memoryGiB)} GiB) is above the largest ${current.os === "windows" ? "Windows" : "Linux"} Fargate size ` +
        `(${largest.vcpu} vCPU / ${largest.memoryGiB} GiB): only ECS on EC2 can run it at one task per replica.`,
    );
  }

  // "At or above the current size" (EPS for float noise): throttled CPU / memory at the limit.
  const cpuUnder = cpu !== null && cpu.peak >= current.vcpu * (1 - EPS);
  const memUnder = memory !== null && memory.peak >= current.memoryGiB * (1 - EPS);
  if (cpuUnder) {
    warnings.push(
      `CPU peaked at ${num(cpu.peakPctOfCurrent, 1)}% of the current ${num(current.vcpu)} vCPU: on Fargate a task cannot use more than its size, so it was throttled and the real need may be higher than the data shows.`,
    );
  }
  if (memUnder) {
    warnings.push(
      `Memory peaked at ${num(memory.peakPctOfCurrent, 1)}% of the current ${num(current.memoryGiB)} GiB: a task that exceeds its memory is stopped (OutOfMemory); size up.`,
    );
  }
  const biggerThanCurrent = required.vcpu > current.vcpu * (1 + EPS) || required.memoryGiB > current.memoryGiB * (1 + EPS);
  const sameSize = Math.abs(recommended.vcpu - current.vcpu) < EPS && Math.abs(recommended.memoryGiB - current.memoryGiB) < EPS;
  const finding: Finding = cpuUnder || memUnder || biggerThanCurrent ? "under-provisioned" : sameSize ? "optimized" : "over-provisioned";
  return {
    settings,
    current: { vcpu: current.vcpu, memoryGiB: current.memoryGiB, os: current.os, architecture: current.architecture },
    observed: { cpu, memory },
    required,
    recommended,
    underProvisioned: { cpu: cpuUnder, memory: memUnder, any: cpuUnder || memUnder },
    finding,
    warnings,
  };
}

function planText(r: EstimateResult, id: string): string | null {
  const o = r.options.find((x) => x.id === id);
  if (!o?.plan) return null;
  return o.plan.instances.map((i) => `${i.count} x ${i.type}`).join(" + ") || null;
}

/**
 * Size and price. `input` is the estimate the service comes from (region, catalog, EC2 and Savings Plan
 * settings); `serviceIndex` picks the service. Both sizes are priced as a one-service estimate so the
 * savings belong to this service alone (an EC2 fleet shared with other services would blur them).
 */
export function rightsize(
  usage: UsageSummary,
  input: EstimateInput,
  serviceIndex: number,
  catalog: RegionCatalog,
  settings: RightsizeSettings = DEFAULT_SETTINGS,
): RightsizeResult {
  const service = input.services[serviceIndex];
  if (!service) throw new RangeError(`services[${serviceIndex}] does not exist (the estimate has ${input.services.length})`);
  const sizing = recommendSize(usage, service, settings);
  const one = (vcpu: number, memoryGiB: number): EstimateInput => ({ ...input, services: [{ ...service, vcpu, memoryGiB }] });
  const current = estimate(one(service.vcpu, service.memoryGiB), catalog);
  const recommended = estimate(one(sizing.recommended.vcpu, sizing.recommended.memoryGiB), catalog);

  const options: OptionComparison[] = current.options.map((c) => {
    const r = recommended.options.find((o) => o.id === c.id);
    const cu = c.available ? c.monthlyUSD : null;
    const ru = r?.available ? r.monthlyUSD : null;
    return {
      id: c.id,
      label: c.label,
      currentUSD: cu,
      recommendedUSD: ru,
      savingsUSD: cu !== null && ru !== null ? cu - ru : null,
      reason: !c.available ? c.reason : r && !r.available ? r.reason : null,
      currentPlan: planText(current, c.id),
      recommendedPlan: planText(recommended, c.id),
    };
  });
  const fargate = options.find((o) => o.id === "fargate");
  const monthlySavingsUSD = fargate?.savingsUSD ?? null;
  const pct = (k: PercentileKey) => (k === "max" ? "peak" : k);
  const parts: string[] = [];
  const cpuObs = sizing.observed.cpu;
  const memObs = sizing.observed.memory;
  if (cpuObs) parts.push(`CPU ${pct(settings.cpuPercentile)} ${num(cpuObs.atPercentile)} vCPU`);
  if (memObs) parts.push(`memory ${pct(settings.memoryPercentile)} ${num(memObs.atPercentile)} GiB`);
  let why =
    (parts.length ? parts.join(", ") + ` + ${num(settings.headroomPct, 1)}% headroom` : "No usage samples") +
    ` -> needs ${num(sizing.required.vcpu)} vCPU / ${num(sizing.required.memoryGiB)} GiB -> ` +
    (sizing.recommended.validFargateSize
      ? `smallest valid Fargate size ${num(sizing.recommended.vcpu)} vCPU / ${num(sizing.recommended.memoryGiB)} GiB`
      : `no Fargate size is large enough`);
  if (monthlySavingsUSD !== null) {
    why +=
      monthlySavingsUSD > 0
        ? `; saves ${formatUSD(monthlySavingsUSD)}/month on Fargate on-demand for ${num(service.tasks)} task(s).`
        : monthlySavingsUSD < 0
          ? `; costs ${formatUSD(-monthlySavingsUSD)}/month more on Fargate on-demand for ${num(service.tasks)} task(s).`
          : "; the Fargate on-demand cost does not change.";
  } else why += ".";
  return {
    ...sizing,
    region: input.region,
    catalogId: catalog.catalogId,
    service: service.name,
    tasks: service.tasks,
    options,
    monthlySavingsUSD,
    why,
    estimates: { current, recommended },
  };
}
