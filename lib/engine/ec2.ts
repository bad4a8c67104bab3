/**
 * ECS on EC2: container-instance capacity, the cheapest homogeneous fleet per architecture, and its price.
 * Rules: docs/billing-rules.md#ec2-registered-capacity, #eni-trunking, #ec2-packing, #cluster-auto-scaling,
 * #ec2-scheduled-work, #ec2-purchase-options, #gp3-root-volume, #ec2-task-storage, #ec2-service-share,
 * #burstable-instances.
 */
import { isUnavailable, type InstanceType, type Rate, type RegionCatalog } from "../catalog/schema";
import type { Architecture, CostLine, EstimateInput, EstimateOption, Service } from "../schemas/estimate";
import { formatRate, formatUSD } from "../money";
import { HOURS_PER_MONTH, MIB_PER_GIB } from "../units";
import { num, plural, rateLine } from "./lines";
import {
  BURSTABLE_SURPLUS_CREDIT_RATES,
  burstableBaseline,
  burstableSurplusRate,
  CLUSTER_SCALE_IN_WAIT_SECONDS,
  CPU_UNITS_PER_VCPU,
  EBS_HOURS_PER_MONTH,
  EC2_LAUNCH_SECONDS,
  EC2_VOLUME_RESERVED_GIB,
  ec2Demand,
  ec2VolumeGiB,
  eniTaskLimit,
  FARGATE_INCLUDED_STORAGE_GIB,
  instancesForTarget,
  registeredCpuUnits,
  registeredMemoryMiB,
  surplusVcpuHours,
} from "./rules";

type Purchase = EstimateInput["ec2"]["purchase"];

/** Per-catalog precomputed instance data (registered capacity), cached per catalog object. */
interface PreparedType {
  t: InstanceType;
  cpuUnits: number;
  memMiB: number;
  /** Burstable types: baseline CPU share per vCPU and the surplus-credit rate (null when either is unknown). */
  burst: { baseline: number; rate: number; family: string; confirmed: boolean } | null;
}

/** Per catalog: the types of each architecture with their registered capacity (computed once per catalog object). */
const prepared = new WeakMap<RegionCatalog, Map<Architecture, PreparedType[]>>();

function prepare(catalog: RegionCatalog, arch: Architecture): PreparedType[] {
  let byArch = prepared.get(catalog);
  if (!byArch) {
    byArch = new Map();
    for (const t of catalog.ec2.instanceTypes) {
      const list = byArch.get(t.architecture) ?? [];
      const baseline = t.burstable ? burstableBaseline(t.type) : null;
      const rate = t.burstable ? burstableSurplusRate(t.type) : null;
      const burst = baseline !== null && rate !== null ? { baseline, rate: rate.usd, family: rate.family, confirmed: rate.confirmed } : null;
      list.push({ t, cpuUnits: registeredCpuUnits(t.vcpu), memMiB: registeredMemoryMiB(t.memoryMiB), burst });
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
  hours: number; // the fleet is up for this service
  runHours: number; // its tasks run (scheduled: the runs only)
  storage: number; // GiB per task written to the instance's volume (declared above 20 GiB), else 0
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
  volumeGiB: number; // gp3 volume per instance
  /** Instance-hours per month: sum over the fleet's layers (see solveFleet) of instances x hours. */
  instanceHours: number;
  /** Sum over layers of (instances' max(0, reserved CPU share - baseline)) x layer hours; 0 unless burstable. */
  surplusShareHours: number;
  /** Instances per layer, longest-running layer first (one layer unless services are up for different hours). */
  layers: Array<{ count: number; hours: number }>;
  score: number; // monthly cost / fleet hours (count x unit cost when the fleet has no hours)
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
  if (purchase === "reserved-1y" || purchase === "reserved-3y") {
    // Standard Reserved Instances, No Upfront: the per-type effective hourly rate (docs/billing-rules.md#ec2-purchase-options).
    const ri = ec2.reserved[purchase];
    if (isUnavailable(ri)) return { reason: ri.reason };
    const hourly = (t: InstanceType) => (purchase === "reserved-1y" ? t.reserved1yUSD : t.reserved3yUSD);
    return {
      text: purchase === "reserved-1y" ? "Reserved Instance 1y" : "Reserved Instance 3y",
      hourly,
      rate: (t, usd) => ({
        usd,
        unit: "hour",
        source: ri.source,
        asOf: ri.asOf,
        usageType: boxUsageType(catalog, "BoxUsage", t.type),
        derived: false,
        note: `${ri.note} Paid for every hour of the term whether the instance runs or not.`,
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
  s = new Float64Array(32); // declared ephemeral storage (GiB) per instance
  size = 0;
  /** Instances no longer open: the largest storage one of them holds, and their CPU surplus over a burstable baseline. */
  maxStorage = 0;
  surplusShare = 0;
  cpuUnits = 1;
  baseline = -1; // < 0: not burstable
  reset(cpuUnits: number, baseline: number): void {
    this.size = 0;
    this.maxStorage = 0;
    this.surplusShare = 0;
    this.cpuUnits = cpuUnits;
    this.baseline = baseline;
  }
  push(n: number, c: number, m: number, e: number, s: number): void {
    const i = this.size++;
    this.n[i] = n;
    this.c[i] = c;
    this.m[i] = m;
    this.e[i] = e;
    this.s[i] = s;
  }
  /** Account for group i's instances as final (they are dropped from the open groups). */
  retire(i: number): void {
    const n = this.n[i] as number;
    if (n <= 0) return;
    const st = this.s[i] as number;
    if (st > this.maxStorage) this.maxStorage = st;
    if (this.baseline >= 0) {
      // Per vCPU and per hour here; the caller multiplies by the type's vCPUs and the hours.
      this.surplusShare += surplusVcpuHours((this.cpuUnits - (this.c[i] as number)) / this.cpuUnits, this.baseline, 1, n);
    }
  }
  retireAll(): void {
    for (let i = 0; i < this.size; i++) this.retire(i);
    this.size = 0;
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
        this.s[w] = this.s[i] as number;
        w++;
      } else {
        this.retire(i);
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
      this.retire(worst);
      const last = --this.size;
      this.n[worst] = this.n[last] as number;
      this.c[worst] = this.c[last] as number;
      this.m[worst] = this.m[last] as number;
      this.e[worst] = this.e[last] as number;
      this.s[worst] = this.s[last] as number;
    }
  }
}

/** Open groups of partly filled instances kept while packing: bounds the work per service (O(services) per type). */
const MAX_SLACK_GROUPS = 6;

/**
 * Instances needed for all demands on one type. Tasks of a service are identical, so each service is placed in
 * whole groups of identical instances: first into the free room left by earlier services (first fit over a few
 * groups of partly filled instances), then whole instances holding `per` tasks, then one instance with the rest.
 * Services come larger-first. Returns null if some task does not fit an empty instance. Afterwards `groups`
 * holds the largest declared storage on one instance and, for a burstable type, the instances' CPU surplus.
 */
function pack(p: PreparedType, eni: number, demands: Demand[], perInstance: number[], bounds: Bound[], groups: SlackGroups): number | null {
  let count = 0;
  groups.reset(p.cpuUnits, p.burst ? p.burst.baseline : -1);
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
      const gs = groups.s[g] as number;
      const k = Math.min(Math.floor(gc / d.cpu + EPS), Math.floor(gm / d.mem + EPS), ge);
      if (k < 1) continue;
      const fullBins = Math.min(gn, Math.floor(n / k));
      const rest = n - fullBins * k;
      const restBin = rest > 0 && fullBins < gn ? 1 : 0;
      groups.n[g] = gn - fullBins - restBin;
      if (fullBins > 0) groups.push(fullBins, gc - k * d.cpu, gm - k * d.mem, ge - k, gs + k * d.storage);
      if (restBin) groups.push(1, gc - rest * d.cpu, gm - rest * d.mem, ge - rest, gs + rest * d.storage);
      n -= fullBins * k + (restBin ? rest : 0);
    }
    // 2. New instances: whole ones with `per` tasks, then one with the rest.
    if (n > 0) {
      const full = Math.floor(n / per);
      const rem = n - full * per;
      count += full + (rem > 0 ? 1 : 0);
      if (full > 0) groups.push(full, p.cpuUnits - per * d.cpu, p.memMiB - per * d.mem, eni - per, per * d.storage);
      if (rem > 0) groups.push(1, p.cpuUnits - rem * d.cpu, p.memMiB - rem * d.mem, eni - rem, rem * d.storage);
    }
    groups.compact(MAX_SLACK_GROUPS, p.cpuUnits, p.memMiB);
  }
  groups.retireAll();
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
  /** Hours the tasks run (the surplus credits of a burstable fleet are counted for these). */
  runHours: number;
  /** Burstable types left out of the search: by ec2.allowBurstable, or for lack of a baseline or credit rate. */
  burstableExcluded: number;
  burstableUnpriced: string[];
}

/** Cheapest type for one architecture's services. */
function solveFleet(
  input: EstimateInput,
  catalog: RegionCatalog,
  arch: Architecture,
  demands: Demand[],
  price: PriceSource,
  gp3PerGiBHour: number,
): FleetResult | { reason: string } {
  const ec2 = input.ec2;
  const allow = ec2.instanceTypes.length > 0 ? new Set(ec2.instanceTypes) : null;
  let hours = 0;
  let runHours = 0;
  for (const d of demands) {
    if (d.hours > hours) hours = d.hours;
    if (d.runHours > runHours) runHours = d.runHours;
  }
  // Layers: services are up for different hours (a scheduled service scales in after its runs). Assuming the
  // shorter windows fall inside the longer ones (so the peak holds everything), layer k packs the services up
  // at least levels[k] hours and runs levels[k] - levels[k + 1] hours (docs/billing-rules.md#ec2-scheduled-work).
  const levels = [...new Set(demands.filter((d) => d.n > 0 && d.hours > 0).map((d) => d.hours))].sort((a, b) => b - a);
  if (levels.length === 0) levels.push(hours);
  // The last (peak) layer is every demand, in order, so the plan's tasks per instance line up with `demands`.
  const layerDemands = levels.map((h, k) => (k === levels.length - 1 ? demands : demands.filter((d) => d.hours >= h)));
  const layerHours = levels.map((h, k) => h - (levels[k + 1] ?? 0));
  const layerTotals = layerDemands.map((ds) => {
    let cpu = 0;
    let mem = 0;
    let tasks = 0;
    for (const d of ds) {
      cpu += d.cpu * d.n;
      mem += d.mem * d.n;
      tasks += d.n;
    }
    return { cpu, mem, tasks };
  });
  const last = levels.length - 1;
  const layerLb = new Float64Array(levels.length);
  // Surplus credits accrue while the tasks run; the fleet's other hours are idle instances.
  const runShare = hours > 0 ? Math.min(1, runHours / hours) : 0;
  const rootHourly = ec2.rootVolumeGiB * gp3PerGiBHour;
  let burstableExcluded = 0;
  const burstableUnpriced: string[] = [];
  const target = ec2.targetUtilizationPct;
  let best: FleetChoice | null = null;
  let runnerUp: FleetChoice | null = null;
  let checked = 0;
  let considered = 0;
  const perScratch: number[] = new Array<number>(demands.length).fill(0);
  const boundScratch: Bound[] = new Array<Bound>(demands.length).fill("cpu");
  const layerPer: number[] = new Array<number>(demands.length).fill(0);
  const layerBound: Bound[] = new Array<Bound>(demands.length).fill("cpu");
  const groups = new SlackGroups();
  // Local references: the hot loop below runs once per instance type (module bindings can cost a getter each).
  const eniLimitOf = eniTaskLimit;
  const instancesFor = instancesForTarget;
  for (const p of prepare(catalog, arch)) {
    const t = p.t;
    if (allow ? !allow.has(t.type) : !t.currentGeneration) continue;
    if (t.burstable && !ec2.allowBurstable) {
      burstableExcluded++;
      continue;
    }
    if (t.burstable && !p.burst) {
      // No documented baseline or surplus-credit rate: its cost above the baseline cannot be stated.
      burstableUnpriced.push(t.type);
      continue;
    }
    considered++;
    const hourly = price.hourly(t);
    if (hourly === null) continue;
    const eni = eniLimitOf(t, ec2.networkMode, ec2.eniTrunking);
    if (eni === null || eni < 1) continue;
    checked++;
    // Lower bound on the instance count (capacity alone) prunes types that cannot beat the two best; volumes
    // only grow from the root volume and surplus credits are never negative, so it stays a lower bound.
    let lbInstanceHours = 0;
    for (let k = 0; k <= last; k++) {
      const tot = layerTotals[k] as { cpu: number; mem: number; tasks: number };
      const lbNeeded = Math.max(Math.ceil(tot.cpu / p.cpuUnits - EPS), Math.ceil(tot.mem / p.memMiB - EPS), Math.ceil(tot.tasks / eni - EPS));
      const layerCount = Math.max(ec2.minInstances, instancesFor(lbNeeded, target));
      layerLb[k] = layerCount;
      lbInstanceHours += layerCount * (layerHours[k] as number);
    }
    const lbCount = hours > 0 ? lbInstanceHours / hours : Math.max(ec2.minInstances, 0);
    const lb = lbCount * (hourly + rootHourly);
    if (runnerUp && lb > runnerUp.score * (1 + 1e-12)) continue;
    // The peak layer (every service) gives the plan's count and tasks per instance.
    const needed = pack(p, eni, layerDemands[last] as Demand[], perScratch, boundScratch, groups);
    if (needed === null) continue;
    const count = Math.max(ec2.minInstances, instancesFor(needed, target));
    let maxStorage = groups.maxStorage;
    let surplusShareHours = groups.surplusShare * (layerHours[last] as number);
    let instanceHours = count * (layerHours[last] as number);
    let layers: Array<{ count: number; hours: number }> | null = null;
    if (last > 0) {
      // The peak layer is packed; bound the others before packing them.
      if (runnerUp) {
        let bound = instanceHours;
        for (let k = 0; k < last; k++) bound += (layerLb[k] as number) * (layerHours[k] as number);
        if ((bound / hours) * (hourly + rootHourly) > runnerUp.score * (1 + 1e-12)) continue;
      }
      layers = [];
      for (let k = 0; k < last; k++) {
        const n = pack(p, eni, layerDemands[k] as Demand[], layerPer, layerBound, groups) as number;
        const c = Math.max(ec2.minInstances, instancesFor(n, target));
        layers.push({ count: c, hours: layerHours[k] as number });
        instanceHours += c * (layerHours[k] as number);
        surplusShareHours += groups.surplusShare * (layerHours[k] as number);
        if (groups.maxStorage > maxStorage) maxStorage = groups.maxStorage;
      }
      layers.push({ count, hours: layerHours[last] as number });
    }
    // One launch template per fleet: every instance gets the volume its fullest instance needs.
    const volumeGiB = ec2VolumeGiB(ec2.rootVolumeGiB, maxStorage);
    const surplusUSD = p.burst ? surplusShareHours * t.vcpu * p.burst.rate * runShare : 0;
    const monthly = instanceHours * (hourly + volumeGiB * gp3PerGiBHour) + surplusUSD;
    const score = hours > 0 ? monthly / hours : count * (hourly + volumeGiB * gp3PerGiBHour);
    // Allocate only for a choice that enters the top two.
    if (runnerUp && score > runnerUp.score * (1 + 1e-12)) continue;
    const choice: FleetChoice = {
      p,
      hourly,
      needed,
      count,
      eni,
      perInstance: perScratch.slice(),
      bounds: boundScratch.slice(),
      volumeGiB,
      instanceHours,
      surplusShareHours: p.burst ? surplusShareHours * runShare : 0,
      layers: layers ?? [{ count, hours: layerHours[last] as number }],
      score,
    };
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
    const left =
      (burstableExcluded > 0 ? ` (${plural(burstableExcluded, "burstable type")} left out: ec2.allowBurstable is false)` : "") +
      (burstableUnpriced.length > 0 ? ` (${burstableUnpriced.join(", ")} left out: no documented CPU baseline or surplus-credit rate)` : "");
    const reason =
      considered === 0
        ? burstableExcluded + burstableUnpriced.length > 0
          ? `No ${arch} type left to search among ${scope}${left}`
          : `None of ${scope} is in the ${catalog.region} catalog for ${arch}`
        : `No ${arch} instance type among ${scope} with a ${price.text} price can hold a task of ${names}${ec2.networkMode === "awsvpc" ? " with awsvpc ENI limits" : ""}${left}`;
    return { reason };
  }
  return { arch, choice: best, demands, hours, checked, runnerUp, runHours, burstableExcluded, burstableUnpriced };
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
    "reserved-1y": "Reserved Instances 1 year, No Upfront",
    "reserved-3y": "Reserved Instances 3 years, No Upfront",
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
  // Tasks write their ephemeral storage to the instance's volume: declared above the 20 GiB default, it grows
  // the volume (docs/billing-rules.md#ec2-task-storage).
  const storageOf = (service: Service) => (service.ephemeralStorageGiB > FARGATE_INCLUDED_STORAGE_GIB ? service.ephemeralStorageGiB : 0);
  let ebsRate: Rate | null = null;
  if (ec2.rootVolumeGiB > 0 || input.services.some((sv) => storageOf(sv) > 0 && sv.tasks > 0)) {
    const gp3 = catalog.ec2.gp3GbMonth;
    if (isUnavailable(gp3)) return unavailable(`No gp3 price for the instances' volumes: ${gp3.reason}`);
    ebsRate = gp3;
  }
  const gp3PerGiBHour = ebsRate ? ebsRate.usd / EBS_HOURS_PER_MONTH : 0;

  const byArch = new Map<Architecture, Demand[]>();
  const scheduledNotes: string[] = [];
  input.services.forEach((service, index) => {
    const demand = ec2Demand(service.tasks, service.usage);
    const usage = service.usage;
    let runHours = demand.hours;
    if (usage.kind === "scheduled") {
      runHours = Math.min(usage.daysPerMonth * 24, (usage.runsPerDay * usage.daysPerMonth * Math.ceil(usage.secondsPerRun)) / 3600);
      if (demand.concurrent > 0) {
        const every = 86_400 / usage.runsPerDay;
        scheduledNotes.push(
          demand.neverScalesIn
            ? `${service.name} starts a run every ${num(every)} s and each lasts ${num(Math.ceil(usage.secondsPerRun))} s: the gap is shorter than launch + scale-in wait, so its instances never scale in (${num(demand.hours)} h/month)`
            : `${service.name} keeps its instances ${num(demand.instanceSecondsPerRun)} s per run (${num(EC2_LAUNCH_SECONDS)} s launch + ${num(Math.ceil(usage.secondsPerRun))} s run + ${num(CLUSTER_SCALE_IN_WAIT_SECONDS)} s scale-in wait) x ${num(usage.runsPerDay)} runs/day x ${num(usage.daysPerMonth)} days = ${num(demand.hours)} h/month`,
        );
      }
    }
    const d: Demand = {
      service,
      index,
      cpu: service.vcpu * CPU_UNITS_PER_VCPU,
      mem: service.memoryGiB * MIB_PER_GIB,
      n: demand.concurrent,
      hours: demand.hours,
      runHours,
      storage: storageOf(service),
    };
    const list = byArch.get(service.architecture) ?? [];
    list.push(d);
    byArch.set(service.architecture, list);
  });

  const fleets: FleetResult[] = [];
  for (const [arch, demands] of byArch) {
    // Larger tasks first: the greedy packing wastes less when big tasks open instances.
    demands.sort((a, b) => b.mem - a.mem || b.cpu - a.cpu || a.index - b.index);
    const fleet = solveFleet(input, catalog, arch, demands, price, gp3PerGiBHour);
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
    // A Reserved Instance is paid for every hour of its term, whether the fleet scales in or not.
    const reserved = ec2.purchase === "reserved-1y" || ec2.purchase === "reserved-3y";
    const instanceHours = reserved ? c.count * HOURS_PER_MONTH : c.instanceHours;
    const layerText = reserved
      ? `${c.count} x ${t.type} reserved for all ${HOURS_PER_MONTH} h of the month.`
      : c.layers.length === 1
        ? `${c.count} x ${t.type} for ${num(hours)} h/month.`
        : `${c.layers.map((l) => `${l.count} x ${t.type} for ${num(l.hours)} h`).join(" + ")} a month (services up for different hours: the fleet scales in after the shorter ones).`;
    const instanceLine = rateLine(fleetName, "instance", `EC2 instance (${price.text}, ${t.type})`, instanceHours, "instance-hours", price.rate(t, c.hourly), layerText);
    lines.push(instanceLine);
    let fleetUSD = instanceLine.usd;
    if (ebsRate && c.volumeGiB > 0) {
      const grown = c.volumeGiB > ec2.rootVolumeGiB;
      const label = grown
        ? `EBS gp3 volume (${num(c.volumeGiB)} GiB per instance, root volume grown for task storage)`
        : `EBS gp3 root volume (${num(ec2.rootVolumeGiB)} GiB per instance)`;
      const why = grown
        ? ` ${num(c.volumeGiB)} GiB = ${num(EC2_VOLUME_RESERVED_GIB)} GiB for the OS and images (assumption) + ${num(c.volumeGiB - EC2_VOLUME_RESERVED_GIB)} GiB of ephemeral storage declared by the tasks on the fullest instance (above rootVolumeGiB ${num(ec2.rootVolumeGiB)}); one launch template, so every instance gets it.`
        : "";
      const ebsLine = rateLine(fleetName, "ebs", label, (instanceHours * c.volumeGiB) / EBS_HOURS_PER_MONTH, "GB-months", ebsRate,
        `${num(c.volumeGiB)} GiB x ${num(instanceHours)} instance-hours / ${EBS_HOURS_PER_MONTH} h.${why}`);
      lines.push(ebsLine);
      fleetUSD += ebsLine.usd;
    }
    const burst = c.p.burst;
    if (burst && c.surplusShareHours > 1e-12) {
      const surplusHours = c.surplusShareHours * t.vcpu;
      const r = BURSTABLE_SURPLUS_CREDIT_RATES;
      const creditRate: Rate = {
        usd: burst.rate,
        unit: "vCPU-hour",
        source: r.source,
        asOf: r.asOf,
        usageType: boxUsageType(catalog, "BoxUsage", t.type).replace(`BoxUsage:${t.type}`, `CPUCredits:${burst.family}`),
        derived: false,
        note: `Documented rate (${r.url}, T2/T3/T4g Unlimited Mode Pricing, Linux, read ${r.asOf}${burst.confirmed ? "" : "; not yet confirmed from the Price List"}); not in the price catalog yet.`,
      };
      const surplusLine = rateLine(fleetName, "other", `EC2 CPU surplus credits (${t.type}, unlimited mode, worst case)`, surplusHours, "vCPU-hours", creditRate,
        `Worst case: the tasks use all the CPU they reserve while they run. Sum over instances of max(0, reserved CPU share - ${num(burst.baseline * 100)}% baseline) x hours = ${num(c.surplusShareHours)}, x ${t.vcpu} vCPU.`);
      lines.push(surplusLine);
      fleetUSD += surplusLine.usd;
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
      weights.push(d.n * Math.max(d.cpu / c.p.cpuUnits, d.mem / c.p.memMiB) * d.hours);
    });
    // Each service's share of the fleet cost: its share of the reserved capacity (dominant of CPU and memory) x its hours.
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
    const burstText = f.burstableExcluded > 0
      ? `; burstable (T) types left out (ec2.allowBurstable false)`
      : `; burstable (T) types priced with their worst-case CPU surplus credits`;
    const unpriced = f.burstableUnpriced.length > 0 ? `; ${f.burstableUnpriced.join(", ")} left out (no documented CPU baseline or surplus-credit rate)` : "";
    whys.push(`${holds.join("; ")}. ${sizing} is the cheapest of ${plural(f.checked, `${f.arch} type`)} searched (${price.text} prices${ec2.networkMode === "awsvpc" ? ", awsvpc ENI limits" : ""}${burstText}${unpriced})${runner}.`);
    if (burst && c.count > 0) {
      warnings.add(
        c.surplusShareHours > 1e-12
          ? `${t.type} is a burstable (T) type in unlimited mode (the default): the tasks on it reserve more CPU than its ${num(burst.baseline * 100)}% baseline per vCPU, so the estimate adds surplus CPU credits at $${burst.rate} per vCPU-hour as a worst case (tasks using all the CPU they reserve); set ec2.allowBurstable to false to plan without T types.`
          : `${t.type} is a burstable (T) type: the tasks on it reserve no more CPU than its ${num(burst.baseline * 100)}% baseline per vCPU, so no surplus credits are expected; CPU above the baseline would be billed as surplus credits in unlimited mode.`,
      );
    }
    if (ec2.networkMode === "awsvpc" && ec2.eniTrunking && t.trunking !== "supported") {
      warnings.add(
        t.trunking === "not-listed"
          ? `${t.type} is newer than ECS's awsvpc trunking table (${catalog.ec2.trunking.asOf}), so it is planned without trunking: max ENIs - 1 = ${c.eni} tasks per instance (conservative; ECS may allow more).`
          : `${t.type} does not support awsvpc ENI trunking on ECS, so its task limit is max ENIs - 1 = ${c.eni}.`,
      );
    }
  }
  if (scheduledNotes.length > 0) {
    warnings.add(
      `EC2 and scheduled work: cluster auto scaling launches instances for each run (${num(EC2_LAUNCH_SECONDS / 60)} minutes to launch and register is an assumption: AWS publishes no figure) and scales in only after ${num(CLUSTER_SCALE_IN_WAIT_SECONDS / 60)} minutes below target; the fleet is sized for the services' peak concurrency, and the instances that only shorter-running services need scale in after them. ${scheduledNotes.join("; ")}.`,
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
