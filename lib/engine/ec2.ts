/**
 * ECS on EC2: container-instance capacity, the cheapest homogeneous fleet per architecture, and its price.
 * Rules: docs/billing-rules.md#ec2-registered-capacity, #eni-trunking, #ec2-packing, #cluster-auto-scaling,
 * #ec2-scheduled-work, #ec2-purchase-options, #gp3-root-volume, #ec2-service-share, #burstable-instances.
 */
import { isUnavailable, type InstanceType, type Rate, type RegionCatalog } from "../catalog/schema";
import type { Architecture, CostLine, EstimateInput, EstimateOption, Service } from "../schemas/estimate";
import { formatRate, formatUSD } from "../money";
import { MIB_PER_GIB } from "../units";
import { num, plural, rateLine } from "./lines";
import {
  CPU_UNITS_PER_VCPU,
  EBS_HOURS_PER_MONTH,
  ec2Demand,
  eniTaskLimit,
  instancesForTarget,
  registeredCpuUnits,
  registeredMemoryMiB,
} from "./rules";

type Purchase = EstimateInput["ec2"]["purchase"];

/** Per-catalog precomputed instance data (registered capacity), cached per catalog object. */
interface PreparedType {
  t: InstanceType;
  cpuUnits: number;
  memMiB: number;
}

/** Per catalog: the types of each architecture with their registered capacity (computed once per catalog object). */
const prepared = new WeakMap<RegionCatalog, Map<Architecture, PreparedType[]>>();

function prepare(catalog: RegionCatalog, arch: Architecture): PreparedType[] {
  let byArch = prepared.get(catalog);
  if (!byArch) {
    byArch = new Map();
    for (const t of catalog.ec2.instanceTypes) {
      const list = byArch.get(t.architecture) ?? [];
      list.push({ t, cpuUnits: registeredCpuUnits(t.vcpu), memMiB: registeredMemoryMiB(t.memoryMiB) });
      byArch.set(t.architecture, list);
    }
    prepared.set(catalog, byArch);
  }
  return byArch.get(arch) ?? [];
}

interface Demand {
  service: Service;
  index: number;
  cpu: number; // CPU units per task
  mem: number; // MiB per task
  n: number; // tasks placed at peak
  hours: number;
}

type Bound = "cpu" | "memory" | "eni";

interface FleetChoice {
  p: PreparedType;
  hourly: number;
  needed: number; // instances the tasks need (M)
  count: number; // instances paid for (N)
  eni: number;
  perInstance: number[]; // per demand
  bounds: Bound[];
  score: number; // (hourly + ebs hourly) x count
}

interface PriceSource {
  hourly: (t: InstanceType) => number | null;
  rate: (t: InstanceType, hourly: number) => Rate;
  text: string;
}

function sourceAsOf(catalog: RegionCatalog, id: string | undefined, fallback: string): string {
  if (!id) return fallback;
  return catalog.sources.find((s) => s.id === id)?.asOf ?? fallback;
}

function boxUsageType(catalog: RegionCatalog, kind: "BoxUsage" | "SpotUsage", type: string): string {
  // The catalog's pattern carries the region's billing-code prefix (lib/catalog/billing-codes.ts), which
  // us-east-1 EC2 lacks ("BoxUsage:m5.large" vs "EU-BoxUsage:m5.large"). Spot instance-hours bill as SpotUsage.
  const pattern = catalog.ec2.onDemand.usageTypePattern;
  const base = pattern.includes("<instanceType>")
    ? pattern.replace("<instanceType>", type)
    : catalog.region === "us-east-1"
      ? `BoxUsage:${type}`
      : `${catalog.billingPrefix}-BoxUsage:${type}`;
  return kind === "SpotUsage" ? base.replace("BoxUsage", "SpotUsage") : base;
}

/** How instance-hours are priced for the chosen purchase option, or why they cannot be. */
function priceSource(catalog: RegionCatalog, purchase: Purchase): PriceSource | { reason: string } {
  const ec2 = catalog.ec2;
  if (purchase === "on-demand") {
    return {
      text: "on-demand",
      hourly: (t) => t.onDemandUSD,
      rate: (t, hourly) => ({
        usd: hourly,
        unit: "hour",
        source: t.onDemandSource ?? ec2.onDemand.source,
        asOf: sourceAsOf(catalog, t.onDemandSource, ec2.onDemand.asOf),
        usageType: boxUsageType(catalog, "BoxUsage", t.type),
        derived: false,
      }),
    };
  }
  if (purchase === "spot") {
    const spot = ec2.spot;
    if (isUnavailable(spot)) return { reason: spot.reason };
    return {
      text: "Spot average",
      hourly: (t) => t.spotAvgUSD,
      rate: (t, hourly) => ({
        usd: hourly,
        unit: "hour",
        source: t.spotSource ?? spot.source,
        asOf: sourceAsOf(catalog, t.spotSource, spot.asOf),
        usageType: boxUsageType(catalog, "SpotUsage", t.type),
        derived: false,
        note: spot.note,
      }),
    };
  }
  const plan = ec2.savingsPlans[purchase];
  if (isUnavailable(plan)) return { reason: plan.reason };
  return {
    text: purchase === "savings-plan-1y" ? "Savings Plan 1y" : "Savings Plan 3y",
    hourly: (t) => (t.onDemandUSD === null ? null : t.onDemandUSD * (1 - plan.discount)),
    rate: (t, hourly) => ({
      ...plan.rate,
      usd: hourly,
      unit: "hour",
      usageType: boxUsageType(catalog, "BoxUsage", t.type),
      note: `${plan.rate.note ? `${plan.rate.note} ` : ""}On-demand ${t.onDemandUSD} x (1 - ${plan.discount}).`,
    }),
  };
}

const EPS = 1e-9;

/**
 * Groups of identical, partly filled instances (count and free CPU / memory / ENI slots per instance), kept in
 * preallocated parallel arrays: the packing runs once per instance type, so it must not allocate.
 */
class SlackGroups {
  n = new Float64Array(32);
  c = new Float64Array(32);
  m = new Float64Array(32);
  e = new Float64Array(32);
  size = 0;
  push(n: number, c: number, m: number, e: number): void {
    const i = this.size++;
    this.n[i] = n;
    this.c[i] = c;
    this.m[i] = m;
    this.e[i] = e;
  }
  /** Drop empty or full groups, then keep the `max` with the most free room (as a share of the instance). */
  compact(max: number, cpuUnits: number, memMiB: number): void {
    let w = 0;
    for (let i = 0; i < this.size; i++) {
      if ((this.n[i] as number) > 0 && (this.e[i] as number) >= 1 && (this.c[i] as number) > EPS && (this.m[i] as number) > EPS) {
        this.n[w] = this.n[i] as number;
        this.c[w] = this.c[i] as number;
        this.m[w] = this.m[i] as number;
        this.e[w] = this.e[i] as number;
        w++;
      }
    }
    this.size = w;
    while (this.size > max) {
      let worst = 0;
      let worstRoom = Infinity;
      for (let i = 0; i < this.size; i++) {
        const room = Math.min((this.c[i] as number) / cpuUnits, (this.m[i] as number) / memMiB);
        if (room < worstRoom) {
          worstRoom = room;
          worst = i;
        }
      }
      const last = --this.size;
      this.n[worst] = this.n[last] as number;
      this.c[worst] = this.c[last] as number;
      this.m[worst] = this.m[last] as number;
      this.e[worst] = this.e[last] as number;
    }
  }
}

/** Open groups of partly filled instances kept while packing: bounds the work per service (O(services) per type). */
const MAX_SLACK_GROUPS = 6;

/**
 * Instances needed for all demands on one type. Tasks of a service are identical, so each service is placed in
 * whole groups of identical instances: first into the free room left by earlier services (first fit over a few
 * groups of partly filled instances), then whole instances holding `per` tasks, then one instance with the rest.
 * Services come larger-first. Returns null if some task does not fit an empty instance.
 */
function pack(p: PreparedType, eni: number, demands: Demand[], perInstance: number[], bounds: Bound[], groups: SlackGroups): number | null {
  let count = 0;
  groups.size = 0;
  for (let i = 0; i < demands.length; i++) {
    const d = demands[i] as Demand;
    const byCpu = Math.floor(p.cpuUnits / d.cpu + EPS);
    const byMem = Math.floor(p.memMiB / d.mem + EPS);
    let per = byCpu;
    let bound: Bound = "cpu";
    if (byMem < per) {
      per = byMem;
      bound = "memory";
    }
    if (eni < per) {
      per = eni;
      bound = "eni";
    }
    perInstance[i] = per;
    bounds[i] = bound;
    let n = d.n;
    if (n === 0) continue;
    if (per < 1) return null;
    // 1. Free room in instances opened by earlier services.
    const groupCount = groups.size;
    for (let g = 0; g < groupCount && n > 0; g++) {
      const gn = groups.n[g] as number;
      if (gn === 0) continue;
      const gc = groups.c[g] as number;
      const gm = groups.m[g] as number;
      const ge = groups.e[g] as number;
      const k = Math.min(Math.floor(gc / d.cpu + EPS), Math.floor(gm / d.mem + EPS), ge);
      if (k < 1) continue;
      const fullBins = Math.min(gn, Math.floor(n / k));
      const rest = n - fullBins * k;
      const restBin = rest > 0 && fullBins < gn ? 1 : 0;
      groups.n[g] = gn - fullBins - restBin;
      if (fullBins > 0) groups.push(fullBins, gc - k * d.cpu, gm - k * d.mem, ge - k);
      if (restBin) groups.push(1, gc - rest * d.cpu, gm - rest * d.mem, ge - rest);
      n -= fullBins * k + (restBin ? rest : 0);
    }
    // 2. New instances: whole ones with `per` tasks, then one with the rest.
    if (n > 0) {
      const full = Math.floor(n / per);
      const rem = n - full * per;
      count += full + (rem > 0 ? 1 : 0);
      if (full > 0) groups.push(full, p.cpuUnits - per * d.cpu, p.memMiB - per * d.mem, eni - per);
      if (rem > 0) groups.push(1, p.cpuUnits - rem * d.cpu, p.memMiB - rem * d.mem, eni - rem);
    }
    groups.compact(MAX_SLACK_GROUPS, p.cpuUnits, p.memMiB);
  }
  return count;
}

export interface FleetResult {
  arch: Architecture;
  choice: FleetChoice;
  demands: Demand[];
  hours: number;
  /** Types of this architecture with a price for the purchase option (and ENI data for awsvpc). */
  checked: number;
  runnerUp: FleetChoice | null;
}

/** Cheapest type for one architecture's services. */
function solveFleet(
  input: EstimateInput,
  catalog: RegionCatalog,
  arch: Architecture,
  demands: Demand[],
  price: PriceSource,
  ebsHourly: number,
): FleetResult | { reason: string } {
  const ec2 = input.ec2;
  const allow = ec2.instanceTypes.length > 0 ? new Set(ec2.instanceTypes) : null;
  let totalCpu = 0;
  let totalMem = 0;
  let totalTasks = 0;
  let hours = 0;
  for (const d of demands) {
    totalCpu += d.cpu * d.n;
    totalMem += d.mem * d.n;
    totalTasks += d.n;
    if (d.hours > hours) hours = d.hours;
  }
  const target = ec2.targetUtilizationPct;
  let best: FleetChoice | null = null;
  let runnerUp: FleetChoice | null = null;
  let checked = 0;
  let considered = 0;
  const perScratch: number[] = new Array<number>(demands.length).fill(0);
  const boundScratch: Bound[] = new Array<Bound>(demands.length).fill("cpu");
  const groups = new SlackGroups();
  // Local references: the hot loop below runs once per instance type (module bindings can cost a getter each).
  const eniLimitOf = eniTaskLimit;
  const instancesFor = instancesForTarget;
  for (const p of prepare(catalog, arch)) {
    const t = p.t;
    if (allow ? !allow.has(t.type) : !t.currentGeneration) continue;
    considered++;
    const hourly = price.hourly(t);
    if (hourly === null) continue;
    const eni = eniLimitOf(t, ec2.networkMode, ec2.eniTrunking);
    if (eni === null || eni < 1) continue;
    checked++;
    const unitScore = hourly + ebsHourly;
    // Lower bound on the instance count (capacity alone) prunes types that cannot beat the two best.
    const lbNeeded = Math.max(Math.ceil(totalCpu / p.cpuUnits - EPS), Math.ceil(totalMem / p.memMiB - EPS), Math.ceil(totalTasks / eni - EPS));
    const lb = Math.max(ec2.minInstances, instancesFor(lbNeeded, target)) * unitScore;
    if (runnerUp && lb > runnerUp.score) continue;
    const needed = pack(p, eni, demands, perScratch, boundScratch, groups);
    if (needed === null) continue;
    const count = Math.max(ec2.minInstances, instancesFor(needed, target));
    const score = count * unitScore;
    // Allocate only for a choice that enters the top two.
    if (runnerUp && score > runnerUp.score * (1 + 1e-12)) continue;
    const choice: FleetChoice = { p, hourly, needed, count, eni, perInstance: perScratch.slice(), bounds: boundScratch.slice(), score };
    if (!best || better(choice, best)) {
      runnerUp = best;
      best = choice;
    } else if (!runnerUp || better(choice, runnerUp)) {
      runnerUp = choice;
    }
  }
  if (!best) {
    const names = demands.map((d) => `"${d.service.name}" (${num(d.service.vcpu)} vCPU / ${num(d.service.memoryGiB)} GiB)`).join(", ");
    const scope = allow ? `the allowed instance types (${ec2.instanceTypes.join(", ")})` : `the current-generation ${arch} types`;
    const reason =
      considered === 0
        ? `None of ${scope} is in the ${catalog.region} catalog for ${arch}`
        : `No ${arch} instance type among ${scope} with a ${price.text} price can hold a task of ${names}${ec2.networkMode === "awsvpc" ? " with awsvpc ENI limits" : ""}`;
    return { reason };
  }
  return { arch, choice: best, demands, hours, checked, runnerUp };
}

/** Cheaper score first; then fewer instances; then the type name, so results are stable. */
function better(a: FleetChoice, b: FleetChoice): boolean {
  if (Math.abs(a.score - b.score) > 1e-12 * Math.max(1, b.score)) return a.score < b.score;
  if (a.count !== b.count) return a.count < b.count;
  return a.p.t.type < b.p.t.type;
}

function boundText(bound: Bound): string {
  return bound === "eni" ? "ENI-bound" : `${bound === "cpu" ? "CPU" : "memory"}-bound`;
}

/** The "ec2" option. `warnings` receives workload-level remarks about the EC2 plan. */
export function ec2Option(input: EstimateInput, catalog: RegionCatalog, warnings: Set<string>): EstimateOption {
  const ec2 = input.ec2;
  const purchaseLabel: Record<Purchase, string> = {
    "on-demand": "on-demand",
    spot: "Spot, average price",
    "savings-plan-1y": "EC2 Savings Plan 1 year",
    "savings-plan-3y": "EC2 Savings Plan 3 years",
  };
  const id = "ec2";
  const label = `ECS on EC2 (${purchaseLabel[ec2.purchase]})`;
  const unavailable = (reason: string): EstimateOption => ({ id, label, available: false, reason, monthlyUSD: null, lines: [], services: [], plan: null });

  const windows = input.services.findIndex((s) => s.os === "windows");
  if (windows >= 0) {
    return unavailable(
      `services[${windows}] "${input.services[windows]?.name}" is a Windows task: the price catalog has Linux EC2 instance prices only`,
    );
  }
  const price = priceSource(catalog, ec2.purchase);
  if ("reason" in price) return unavailable(price.reason);
  let ebsRate: Rate | null = null;
  if (ec2.rootVolumeGiB > 0) {
    const gp3 = catalog.ec2.gp3GbMonth;
    if (isUnavailable(gp3)) return unavailable(`No gp3 price for the instances' root volumes: ${gp3.reason}`);
    ebsRate = gp3;
  }
  const ebsHourly = ebsRate ? (ec2.rootVolumeGiB * ebsRate.usd) / EBS_HOURS_PER_MONTH : 0;

  const byArch = new Map<Architecture, Demand[]>();
  let scheduled = false;
  input.services.forEach((service, index) => {
    const { concurrent, hours } = ec2Demand(service.tasks, service.usage);
    if (service.usage.kind === "scheduled") scheduled = true;
    const d: Demand = { service, index, cpu: service.vcpu * CPU_UNITS_PER_VCPU, mem: service.memoryGiB * MIB_PER_GIB, n: concurrent, hours };
    const list = byArch.get(service.architecture) ?? [];
    list.push(d);
    byArch.set(service.architecture, list);
  });

  const fleets: FleetResult[] = [];
  for (const [arch, demands] of byArch) {
    // Larger tasks first: the greedy packing wastes less when big tasks open instances.
    demands.sort((a, b) => b.mem - a.mem || b.cpu - a.cpu || a.index - b.index);
    const fleet = solveFleet(input, catalog, arch, demands, price, ebsHourly);
    if ("reason" in fleet) return unavailable(fleet.reason);
    fleets.push(fleet);
  }

  const lines: CostLine[] = [];
  const instances: NonNullable<EstimateOption["plan"]>["instances"] = [];
  const whys: string[] = [];
  const serviceCost = new Map<number, number>();
  for (const f of fleets) {
    const { choice: c, hours } = f;
    const t = c.p.t;
    const fleetName = `${f.arch} fleet`;
    if (c.count === 0) {
      whys.push(`${f.arch}: no tasks to place and minInstances 0, so no instances.`);
      continue;
    }
    const instanceHours = c.count * hours;
    const instanceLine = rateLine(fleetName, "instance", `EC2 instance (${price.text}, ${t.type})`, instanceHours, "instance-hours", price.rate(t, c.hourly),
      `${c.count} x ${t.type} for ${num(hours)} h/month.`);
    lines.push(instanceLine);
    let fleetUSD = instanceLine.usd;
    if (ebsRate) {
      const ebsLine = rateLine(fleetName, "ebs", `EBS gp3 root volume (${num(ec2.rootVolumeGiB)} GiB per instance)`, (c.count * ec2.rootVolumeGiB * hours) / EBS_HOURS_PER_MONTH, "GB-months", ebsRate,
        `${c.count} x ${num(ec2.rootVolumeGiB)} GiB, prorated ${num(hours)}/${EBS_HOURS_PER_MONTH} h.`);
      lines.push(ebsLine);
      fleetUSD += ebsLine.usd;
    }
    let usedCpu = 0;
    let usedMem = 0;
    let usedTasks = 0;
    const tasksPerInstance: Record<string, number> = {};
    const weights: number[] = [];
    f.demands.forEach((d, i) => {
      usedCpu += d.cpu * d.n;
      usedMem += d.mem * d.n;
      usedTasks += d.n;
      tasksPerInstance[d.service.name] = c.perInstance[i] ?? 0;
      weights.push(d.n * Math.max(d.cpu / c.p.cpuUnits, d.mem / c.p.memMiB));
    });
    // Each service's share of the fleet cost: its share of the reserved capacity (dominant of CPU and memory).
    const totalWeight = weights.reduce((a, b) => a + b, 0);
    f.demands.forEach((d, i) => {
      const share = totalWeight > 0 ? (weights[i] ?? 0) / totalWeight : 1 / f.demands.length;
      serviceCost.set(d.index, fleetUSD * share);
    });
    const cpuUtilPct = c.count > 0 ? (usedCpu / (c.count * c.p.cpuUnits)) * 100 : 0;
    const memUtilPct = c.count > 0 ? (usedMem / (c.count * c.p.memMiB)) * 100 : 0;
    const eniUtil = c.count > 0 && Number.isFinite(c.eni) ? usedTasks / (c.count * c.eni) : 0;
    let boundBy: string;
    if (c.count > c.needed && c.count === ec2.minInstances && c.count > instancesForTarget(c.needed, ec2.targetUtilizationPct)) boundBy = "minInstances";
    else if (f.demands.length === 1) boundBy = c.bounds[0] ?? "cpu";
    else boundBy = eniUtil * 100 >= Math.max(cpuUtilPct, memUtilPct) ? "eni" : memUtilPct >= cpuUtilPct ? "memory" : "cpu";
    instances.push({ type: t.type, count: c.count, tasksPerInstance, cpuUtilPct, memUtilPct, hourlyUSD: c.hourly, boundBy });

    const holds = f.demands
      .filter((d) => d.n > 0 || f.demands.length === 1)
      .map((d) => {
        const i = f.demands.indexOf(d);
        return `${boundText(c.bounds[i] ?? "cpu")}: ${t.type} holds ${plural(c.perInstance[i] ?? 0, "task")} of ${d.service.name}`;
      });
    const sizing =
      `${c.count} x ${t.type} (${plural(c.needed, "instance")} needed for ${plural(usedTasks, "task")}` +
          (ec2.targetUtilizationPct < 100 ? `, ${num(ec2.targetUtilizationPct)}% target capacity` : "") +
          (c.count === ec2.minInstances && c.count > instancesForTarget(c.needed, ec2.targetUtilizationPct) ? `, raised to minInstances ${ec2.minInstances}` : "") +
          `) at ${formatRate(c.hourly)}/h each`;
    const runner = f.runnerUp
      ? `; next best ${f.runnerUp.count} x ${f.runnerUp.p.t.type} at ${formatUSD(f.runnerUp.score * hours)}/month`
      : "";
    whys.push(`${holds.join("; ")}. ${sizing} is the cheapest of ${plural(f.checked, `${f.arch} type`)} searched (${price.text} prices${ec2.networkMode === "awsvpc" ? ", awsvpc ENI limits" : ""})${runner}.`);
    if (t.burstable && c.count > 0) {
      warnings.add(
        `${t.type} is a burstable (T) type: sustained CPU above its baseline costs CPU credits (unlimited mode) or is throttled; that cost is not included.`,
      );
    }
    if (ec2.networkMode === "awsvpc" && ec2.eniTrunking && !t.trunkingCompatible) {
      warnings.add(`${t.type} does not support awsvpc ENI trunking, so its task limit is max ENIs - 1 = ${c.eni}.`);
    }
  }
  if (scheduled) {
    warnings.add(
      "EC2 and scheduled work: the fleet is assumed to be sized for each scheduled service's peak concurrency and to run only for the longest active hours of the services it holds (cluster auto scaling launches instances for the runs and scales in afterwards; start-up time is not counted).",
    );
  }
  const services: EstimateOption["services"] = input.services.map((s, index) => ({
    name: s.name,
    vcpu: s.vcpu,
    memoryGiB: s.memoryGiB,
    requested: { vcpu: s.vcpu, memoryGiB: s.memoryGiB },
    monthlyUSD: serviceCost.get(index) ?? 0,
    note: "ECS on EC2 reserves the task size as requested; the service's cost is its share of the fleet by reserved CPU or memory (whichever is larger).",
  }));
  let monthlyUSD = 0;
  for (const l of lines) monthlyUSD += l.usd;
  return { id, label, available: true, reason: null, monthlyUSD, lines, services, plan: { instances, why: whys.join(" ") } };
}
