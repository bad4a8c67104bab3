/**
 * Fargate options: on-demand, Spot, the FARGATE/FARGATE_SPOT capacity-provider mix and Compute Savings Plans.
 * Rates come only from the catalog; a rate the catalog marks unavailable makes the option unavailable with the
 * catalog's reason (never $0).
 */
import { isUnavailable, type ComputeRates, type Rate, type RegionCatalog } from "../catalog/schema";
import type { ChargeId } from "../charges";
import { OPTION, type CostLine, type EstimateInput, type EstimateOption, type Service } from "../schemas/estimate";
import { fargateSizesFor, largestFargateSize, snapFargateSize, type FargateSize } from "./fargate-sizes";
import { num, rateLine, sumUSD, withRate } from "./lines";
import { extend } from "./extend";
import { MessageSet, unavailableOption, type Failure } from "./messages";
import { message, type ReasonMessage, type ServiceRef } from "../schemas/messages";
import { FARGATE_INCLUDED_STORAGE_GIB, fargateTaskHours, ROUNDING_LOSS_WARN_SHARE, splitCapacityProviders, WINDOWS_MIN_BILLED_SECONDS } from "./rules";

export type FargateMode = "on-demand" | "spot" | "compute-1y" | "compute-3y";

const MODE_TEXT: Record<FargateMode, string> = {
  "on-demand": "on-demand",
  spot: "spot",
  "compute-1y": "Compute Savings Plan 1y",
  "compute-3y": "Compute Savings Plan 3y",
};

interface ServiceRates {
  vcpu: Rate;
  gb: Rate;
  os: Rate | null;
  /** Label text for the pricing mode of these lines. */
  mode: string;
  /** The charges the vCPU and memory lines are (lib/charges): On-Demand, Spot or Savings Plan usage. */
  charges: { vcpu: ChargeId; gb: ChargeId };
  /** Added to each line's note (e.g. why a Windows task is on-demand inside a Savings Plan option). */
  note?: string;
}

const fail = (reason: ReasonMessage): Failure => ({ reason });
const isFailure = (v: unknown): v is Failure => typeof v === "object" && v !== null && "reason" in v && !("vcpu" in v);

function serviceRef(service: Service, index: number): ServiceRef {
  return { index, name: service.name };
}

/**
 * On-demand rates for the service's OS and architecture. Windows on Fargate is x86_64 only ("This parameter
 * must be set to X86_64 for Windows containers", AWS RuntimePlatform API reference, AWS Batch on Fargate).
 */
const ON_DEMAND_CHARGES = { vcpu: "fargate-vcpu", gb: "fargate-memory" } as const;

function onDemandRates(catalog: RegionCatalog, service: Service, index: number): ServiceRates | Failure {
  const f = catalog.fargate;
  if (service.os === "windows") {
    if (service.architecture !== "x86_64") return fail(message("fargate-windows-arch", { service: serviceRef(service, index) }));
    if (isUnavailable(f.windowsX86)) return fail(message("fargate-rate-unavailable", { service: serviceRef(service, index), platform: "Windows", catalogReason: f.windowsX86.reason }));
    return { vcpu: f.windowsX86.vcpuHour, gb: f.windowsX86.gbHour, os: f.windowsX86.osLicenseVcpuHour, mode: "on-demand", charges: ON_DEMAND_CHARGES };
  }
  const r: ComputeRates | { available: false; reason: string } = service.architecture === "arm64" ? f.linuxArm : f.linuxX86;
  if (isUnavailable(r)) return fail(message("fargate-rate-unavailable", { service: serviceRef(service, index), platform: service.architecture, catalogReason: r.reason }));
  return { vcpu: r.vcpuHour, gb: r.gbHour, os: null, mode: "on-demand", charges: ON_DEMAND_CHARGES };
}

function ratesFor(catalog: RegionCatalog, service: Service, index: number, mode: FargateMode): ServiceRates | Failure {
  if (mode === "on-demand") return onDemandRates(catalog, service, index);
  const f = catalog.fargate;
  if (mode === "spot") {
    // Fargate Spot: Linux only; x86_64 and arm64 (docs/billing-rules.md#fargate-spot).
    if (service.os === "windows") return fail(message("fargate-spot-windows", { service: serviceRef(service, index) }));
    const r = service.architecture === "arm64" ? f.spotArm : f.spotX86;
    if (isUnavailable(r)) return fail(message("fargate-rate-unavailable", { service: serviceRef(service, index), platform: service.architecture, catalogReason: r.reason }));
    return { vcpu: r.vcpuHour, gb: r.gbHour, os: null, mode: "spot", charges: { vcpu: "fargate-spot-vcpu", gb: "fargate-spot-memory" } };
  }
  // Compute Savings Plans apply to Fargate vCPU-hours and GB-hours (docs/billing-rules.md#savings-plans). The catalog has Linux rates
  // only: Windows tasks inside this option stay at on-demand rates, said in the line note.
  if (service.os === "windows") {
    const od = onDemandRates(catalog, service, index);
    if (isFailure(od)) return od;
    return { ...od, note: "No Compute Savings Plan rate for Fargate Windows in the catalog: priced on-demand." };
  }
  const plan = f.savingsPlans[mode];
  const r = service.architecture === "arm64" ? plan.arm : plan.x86;
  if (isUnavailable(r)) return fail(message("fargate-rate-unavailable", { service: serviceRef(service, index), platform: service.architecture, catalogReason: r.reason }));
  return { vcpu: r.vcpuHour, gb: r.gbHour, os: null, mode: MODE_TEXT[mode], charges: { vcpu: "fargate-savings-plan-vcpu", gb: "fargate-savings-plan-memory" } };
}

export interface SizedService {
  service: Service;
  index: number;
  size: FargateSize;
}

/** Snap every service to a Fargate size, or explain which one cannot run on Fargate. */
export function sizeServices(input: EstimateInput): SizedService[] | Failure {
  const out: SizedService[] = [];
  for (let index = 0; index < input.services.length; index++) {
    const service = input.services[index] as Service;
    const size = snapFargateSize(service.vcpu, service.memoryGiB, service.os);
    if (!size) {
      const max = largestFargateSize(service.os);
      return fail(
        message("fargate-size-too-large", {
          service: serviceRef(service, index),
          vcpu: service.vcpu,
          memoryGiB: service.memoryGiB,
          windowsLimit: service.os === "windows" && service.vcpu <= 16 && service.memoryGiB <= 120,
          largest: { vcpu: max.vcpu, memoryGiB: max.memoryGiB },
        }),
      );
    }
    out.push({ service, index, size });
  }
  return out;
}

interface PricedPart {
  lines: CostLine[];
  /** Monthly dollars for capacity above the request (snapping), at these rates. */
  lossUSD: number;
}

/**
 * The vCPU and memory line labels of a pricing mode and platform, made once per process: every service's lines
 * share the same strings, so comparing them later (the rate warnings' de-duplication) is a pointer check.
 */
const LINE_LABELS = new Map<string, Map<string, { vcpu: string; gb: string }>>();
function lineLabels(mode: string, platform: string): { vcpu: string; gb: string } {
  let byPlatform = LINE_LABELS.get(mode);
  if (!byPlatform) {
    byPlatform = new Map();
    LINE_LABELS.set(mode, byPlatform);
  }
  let labels = byPlatform.get(platform);
  if (!labels) {
    labels = { vcpu: `Fargate vCPU (${mode}, ${platform})`, gb: `Fargate memory (${mode}, ${platform})` };
    byPlatform.set(platform, labels);
  }
  return labels;
}

/** Lines for `tasks` tasks of one service at one rate set (docs/billing-rules.md#fargate-billing-duration, #ephemeral-storage, #rounding-loss). */
function priceTasks(
  catalog: RegionCatalog,
  s: SizedService,
  tasks: number,
  rates: ServiceRates,
  warnings: MessageSet,
): PricedPart | Failure {
  const { service, size } = s;
  const hours = fargateTaskHours(tasks, service.usage, service.os);
  const arch = service.architecture;
  const labels = lineLabels(rates.mode, service.os === "windows" ? "windows" : arch);
  const lines: CostLine[] = [
    rateLine(service.name, rates.charges.vcpu, labels.vcpu, size.vcpu * hours, "vCPU-hours", rates.vcpu, rates.note),
    rateLine(service.name, rates.charges.gb, labels.gb, size.memoryGiB * hours, "GB-hours", rates.gb, rates.note),
  ];
  if (rates.os) {
    lines.push(rateLine(service.name, "fargate-windows-license", `Fargate Windows OS licence (${rates.mode})`, size.vcpu * hours, "vCPU-hours", rates.os, rates.note));
  }
  // Ephemeral storage: 20 GiB included; GB above it billed per GB-hour. Windows: the docs conflict on whether
  // it can be configured; we assume a fixed 20 GiB, no charge (docs/billing-rules.md#ephemeral-storage).
  const extraGiB = service.ephemeralStorageGiB - FARGATE_INCLUDED_STORAGE_GIB;
  if (extraGiB > 0) {
    if (service.os === "windows") {
      warnings.add(message("windows-storage-fixed", { service: service.name, requestedGiB: service.ephemeralStorageGiB, fixedGiB: FARGATE_INCLUDED_STORAGE_GIB }));
    } else {
      const storage = catalog.fargate.ephemeralStorageGbHour;
      if (isUnavailable(storage)) return fail(message("fargate-storage-unavailable", { service: serviceRef(service, s.index), storageGiB: service.ephemeralStorageGiB, catalogReason: storage.reason }));
      const note = rates.charges.vcpu !== ON_DEMAND_CHARGES.vcpu ? "Storage is not discounted: priced at the on-demand ephemeral storage rate." : undefined;
      lines.push(
        rateLine(service.name, "fargate-storage", `Fargate ephemeral storage above ${FARGATE_INCLUDED_STORAGE_GIB} GiB (${service.os})`, extraGiB * hours, "GB-hours", storage, note),
      );
    }
  }
  const osRate = rates.os ? rates.os.usd : 0;
  // Only what the user could avoid: Windows sizes start at 1 vCPU / 2 GiB, so a smaller Windows request is measured
  // from that size (docs/billing-rules.md#rounding-loss).
  const floor = service.os === "windows" ? (fargateSizesFor("windows")[0] as FargateSize) : { vcpu: 0, memoryGiB: 0 };
  const avoidableFromVcpu = Math.max(service.vcpu, floor.vcpu);
  const avoidableFromGiB = Math.max(service.memoryGiB, floor.memoryGiB);
  const lossUSD = hours * ((size.vcpu - avoidableFromVcpu) * (rates.vcpu.usd + osRate) + (size.memoryGiB - avoidableFromGiB) * rates.gb.usd);
  return { lines, lossUSD: Math.max(0, lossUSD) };
}

/** The JSON note on each Fargate service: the billed size and why it differs from the request. */
function fargateSizeNote(s: SizedService): string {
  const { service, size } = s;
  const same = Math.abs(size.vcpu - service.vcpu) < 1e-9 && Math.abs(size.memoryGiB - service.memoryGiB) < 1e-9;
  const billed = `billed as ${num(size.vcpu)} vCPU / ${num(size.memoryGiB)} GiB on Fargate`;
  return same ? `${billed} (a valid Fargate size)` : `${billed} (requested ${num(service.vcpu)} vCPU / ${num(service.memoryGiB)} GiB, snapped up to the cheapest valid size)`;
}

function unavailable(id: EstimateOption["id"], label: string, reason: ReasonMessage): EstimateOption {
  return unavailableOption(id, label, reason);
}

const LABELS: Record<FargateMode, { id: EstimateOption["id"]; label: string }> = {
  "on-demand": { id: OPTION.fargate, label: "Fargate (on-demand)" },
  spot: { id: OPTION["fargate-spot"], label: "Fargate Spot" },
  "compute-1y": { id: OPTION["fargate-savings-plan"], label: "Fargate with a Compute Savings Plan (1 year, No Upfront)" },
  "compute-3y": { id: OPTION["fargate-savings-plan"], label: "Fargate with a Compute Savings Plan (3 years, No Upfront)" },
};

/**
 * One Fargate option with every task at one pricing mode. `warnings` collects workload-level remarks
 * (rounding loss, Windows storage) - only from the on-demand option, so they are said once.
 */
export function fargateOption(
  catalog: RegionCatalog,
  sized: SizedService[] | Failure,
  mode: FargateMode,
  warnings: MessageSet,
): EstimateOption {
  const { id, label } = LABELS[mode];
  if (isFailure(sized)) return unavailable(id, label, sized.reason);
  const local = new MessageSet();
  const lines: CostLine[] = [];
  const services: EstimateOption["services"] = [];
  for (const s of sized) {
    const rates = ratesFor(catalog, s.service, s.index, mode);
    if (isFailure(rates)) return unavailable(id, label, rates.reason);
    const part = priceTasks(catalog, s, s.service.tasks, rates, local);
    if (isFailure(part)) return unavailable(id, label, part.reason);
    const monthlyUSD = sumUSD(part.lines);
    lines.push(...part.lines);
    services.push({
      name: s.service.name,
      vcpu: s.size.vcpu,
      memoryGiB: s.size.memoryGiB,
      requested: { vcpu: s.service.vcpu, memoryGiB: s.service.memoryGiB },
      monthlyUSD,
      roundingLossUSD: part.lossUSD,
      note: fargateSizeNote(s),
    });
    const usage = s.service.usage;
    if (mode === "on-demand" && s.service.os === "windows" && usage.kind === "scheduled" && usage.runsPerDay > 0 && Math.ceil(usage.secondsPerRun) < WINDOWS_MIN_BILLED_SECONDS) {
      // docs/billing-rules.md#windows-on-fargate
      local.add(message("windows-minimum-charge", { service: s.service.name, secondsPerRun: Math.ceil(usage.secondsPerRun), minimumSeconds: WINDOWS_MIN_BILLED_SECONDS }));
    }
    if (mode === "on-demand" && monthlyUSD > 0 && part.lossUSD > ROUNDING_LOSS_WARN_SHARE * monthlyUSD) {
      local.add(
        message("rounding-loss", {
          service: s.service.name,
          lossUSD: part.lossUSD,
          sharePct: Math.round((part.lossUSD / monthlyUSD) * 100),
          billed: { vcpu: s.size.vcpu, memoryGiB: s.size.memoryGiB },
          requested: { vcpu: s.service.vcpu, memoryGiB: s.service.memoryGiB },
        }),
      );
    }
  }
  if (mode === "on-demand") for (const w of local) warnings.add(w);
  return { id, label, available: true, reason: null, reasonCode: null, monthlyUSD: sumUSD(lines), lines, services, plan: null };
}

/**
 * "fargate-mix": each service with a capacity provider strategy places its base tasks on FARGATE and splits the
 * rest by weight between FARGATE and FARGATE_SPOT (docs/billing-rules.md#capacity-provider-mix); services
 * without a strategy run on FARGATE.
 */
export function fargateMixOption(
  catalog: RegionCatalog,
  sized: SizedService[] | Failure,
  variant: { id: EstimateOption["id"]; label: string; strategyOf: (service: Service) => Service["fargateCapacityProviders"] } = {
    id: OPTION["fargate-mix"],
    label: "Fargate + Fargate Spot (capacity provider strategy)",
    strategyOf: (service) => service.fargateCapacityProviders,
  },
): EstimateOption {
  const { id, label } = variant;
  if (isFailure(sized)) return unavailable(id, label, sized.reason);
  const ignore = new MessageSet();
  const lines: CostLine[] = [];
  const services: EstimateOption["services"] = [];
  for (const s of sized) {
    const strategy = variant.strategyOf(s.service);
    const split = strategy ? splitCapacityProviders(s.service.tasks, strategy) : { onDemand: s.service.tasks, spot: 0 };
    const parts: CostLine[] = [];
    let loss = 0;
    for (const [mode, tasks] of [["on-demand", split.onDemand], ["spot", split.spot]] as const) {
      if (tasks <= 0 && !(mode === "on-demand" && split.spot <= 0)) continue;
      const rates = ratesFor(catalog, s.service, s.index, mode);
      if (isFailure(rates)) return unavailable(id, label, rates.reason);
      const part = priceTasks(catalog, s, tasks, rates, ignore);
      if (isFailure(part)) return unavailable(id, label, part.reason);
      const share = `${num(tasks)} of ${num(s.service.tasks)} tasks on ${mode === "spot" ? "FARGATE_SPOT" : "FARGATE"}`;
      for (const l of part.lines) parts.push(withRate(extend(l, { note: l.note ? `${share}. ${l.note}` : share }), l));
      loss += part.lossUSD;
    }
    const monthlyUSD = sumUSD(parts);
    lines.push(...parts);
    services.push({
      name: s.service.name,
      vcpu: s.size.vcpu,
      memoryGiB: s.size.memoryGiB,
      requested: { vcpu: s.service.vcpu, memoryGiB: s.service.memoryGiB },
      monthlyUSD,
      roundingLossUSD: loss,
      note: strategy
        ? `${fargateSizeNote(s)}; strategy base ${strategy.base}, weights FARGATE ${strategy.fargateWeight} : FARGATE_SPOT ${strategy.spotWeight} -> ${num(split.onDemand)} on-demand + ${num(split.spot)} Spot tasks`
        : `${fargateSizeNote(s)}; no capacity provider strategy: all tasks on FARGATE`,
    });
  }
  return { id, label, available: true, reason: null, reasonCode: null, monthlyUSD: sumUSD(lines), lines, services, plan: null };
}
