/**
 * ECS on EC2: container-instance capacity (registered CPU and memory, awsvpc ENI limits), the instance price for
 * the purchase option, and the option's lines, plan and `why`. The fleet search itself is shared (fleet.ts);
 * ECS Managed Instances (managed-instances.ts) is this same option with another price and description
 * (ecsInstanceOption with an EcsInstanceVariant).
 * Rules: docs/billing-rules.md#ec2-registered-capacity, #eni-trunking, #ec2-packing, #cluster-auto-scaling,
 * #ec2-scheduled-work, #ec2-purchase-options, #gp3-root-volume, #ec2-task-storage, #ec2-service-share,
 * #burstable-instances.
 */
import { oncePerCatalogAndKey } from "./per-catalog";
import { isUnavailable, type InstanceType, type Rate, type RegionCatalog } from "../catalog/schema";
import { OPTION, type Ec2Options, type Architecture, type CostLine, type EstimateInput, type EstimateOption, type Service } from "../schemas/estimate";
import { formatRate, formatUSD } from "../money";
import { GP3_INCLUDED_IOPS, GP3_INCLUDED_THROUGHPUT_MIBPS, GP3_MAX_IOPS_PER_GIB, HOURS_PER_MONTH, MIB_PER_GIB } from "../units";
import { searchFleet, type FleetBound, type FleetDemand, type FleetResult, type InstanceCapacity } from "./fleet";
import type { ChargeId } from "../charges";
import { explaining, ScopedSwitch } from "./detail";
import { num, plural, rateLine } from "./lines";
import { MessageSet, unavailableOption, type Failure } from "./messages";
import { message, type ReasonMessage, type FleetScope, type FleetVariant, type ScheduledNote, type ServiceRef } from "../schemas/messages";
import {
  BURSTABLE_SURPLUS_CREDIT_RATES,
  CLUSTER_SCALE_IN_WAIT_SECONDS,
  CPU_UNITS_PER_VCPU,
  EBS_HOURS_PER_MONTH,
  EC2_LAUNCH_SECONDS,
  EC2_VOLUME_RESERVED_GIB,
  ec2Demand,
  eniTaskLimit,
  FARGATE_INCLUDED_STORAGE_GIB,
  instancesForTarget,
  registeredCpuUnits,
  registeredMemoryMiB,
} from "./rules";

type Purchase = Ec2Options["purchase"];

/** How one instance-hour of a type is priced under a purchase option, and the catalog rate behind it. */
export interface InstancePriceSource {
  /** Names the pricing for the fleet search's instance index (FleetSearchSpec.priceKey): the purchase option. */
  key: string;
  /** The charge an instance-hour is under this purchase option (lib/charges). */
  charge: ChargeId;
  hourly: (t: InstanceType) => number | null;
  rate: (t: InstanceType, hourly: number) => Rate;
  text: string;
}

function sourceAsOf(catalog: RegionCatalog, id: string | undefined, fallback: string): string {
  if (!id) return fallback;
  return catalog.sources.find((s) => s.id === id)?.asOf ?? fallback;
}

export function boxUsageType(catalog: RegionCatalog, kind: "BoxUsage" | "SpotUsage", type: string): string {
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

/** How instance-hours are priced for the chosen purchase option, or why they cannot be (the same object for the same catalog and option). */
export const instancePriceSource: (catalog: RegionCatalog, purchase: Purchase) => InstancePriceSource | Failure = oncePerCatalogAndKey(makePriceSource);

function makePriceSource(catalog: RegionCatalog, purchase: Purchase): InstancePriceSource | Failure {
  const ec2 = catalog.ec2;
  if (purchase === "on-demand") {
    return {
      key: purchase,
      charge: "ec2-instance",
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
    if (isUnavailable(spot)) return { reason: message("catalog-unavailable", { catalogReason: spot.reason }) };
    return {
      key: purchase,
      charge: "ec2-spot-instance",
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
    if (isUnavailable(ri)) return { reason: message("catalog-unavailable", { catalogReason: ri.reason }) };
    const hourly = (t: InstanceType) => (purchase === "reserved-1y" ? t.reserved1yUSD : t.reserved3yUSD);
    return {
      key: purchase,
      charge: "ec2-reserved-instance",
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
  if (isUnavailable(plan)) return { reason: message("catalog-unavailable", { catalogReason: plan.reason }) };
  return {
    key: purchase,
    charge: "ec2-savings-plan-instance",
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

/**
 * The fleet lines billed per instance-hour (docs/billing-rules.md#reserved-running-hours): their quantity per
 * instance-hour, and whether they are paid for every hour of the month (a reservation) rather than the running
 * hours. Environments (minInstances while no environment runs, cost at zero tasks) read it.
 */
const perInstanceLines = new WeakMap<CostLine, { perInstanceHour: number; allMonth: boolean }>();
/** On during withPerInstanceMarks: fleet lines are marked (only an estimate with environments reads the marks). */
const markLines = new ScopedSwitch();

function markPerInstance(line: CostLine, perInstanceHour: number, allMonth: boolean): void {
  // A WeakMap entry per line is a cost on every estimate (and on the garbage collector): only when it is read.
  if (markLines.on) perInstanceLines.set(line, { perInstanceHour, allMonth });
}

/** Runs `price` so that the fleet lines it makes carry their per-instance marks (perInstanceLine answers for them). */
export function withPerInstanceMarks<T>(price: () => T): T {
  return markLines.during(price);
}

/** A fleet line's quantity per instance-hour and whether it is paid all month; undefined for other lines and for lines made outside withPerInstanceMarks. */
export function perInstanceLine(line: CostLine): { perInstanceHour: number; allMonth: boolean } | undefined {
  return perInstanceLines.get(line);
}

/** Keep the per-instance mark when a line is copied with changes. */
export function withPerInstance(copy: CostLine, original: CostLine): CostLine {
  const mark = perInstanceLines.get(original);
  if (mark) perInstanceLines.set(copy, mark);
  return copy;
}

/** One capacity function per (network mode, trunking): the fleet search caches its answers per function object. */
const ecsCapacityFns = new Map<string, (t: InstanceType) => InstanceCapacity | null>();

/**
 * What one ECS container instance offers the tasks (docs/billing-rules.md#ec2-registered-capacity, #eni-trunking):
 * registered CPU (vCPU x 1,024) and memory, and the awsvpc task limit (none for bridge/host); null when the
 * type has no ENI data for awsvpc. The same function object for the same settings.
 */
export function ecsInstanceCapacity(ec2: Pick<Ec2Options, "networkMode" | "eniTrunking">): (t: InstanceType) => InstanceCapacity | null {
  const { networkMode, eniTrunking } = ec2;
  const key = `${networkMode}/${eniTrunking}`;
  let fn = ecsCapacityFns.get(key);
  if (!fn) {
    fn = (t) => {
      const maxTasks = eniTaskLimit(t, networkMode, eniTrunking);
      if (maxTasks === null) return null;
      return { cpuUnits: registeredCpuUnits(t.vcpu), memMiB: registeredMemoryMiB(t.memoryMiB), maxTasks };
    };
    ecsCapacityFns.set(key, fn);
  }
  return fn;
}

/**
 * Per architecture, what each service asks of an ECS fleet (docs/billing-rules.md#ec2-scheduled-work): peak
 * tasks, hours the fleet is up (scheduled work: launch + run + scale-in wait per run, or all month when runs come
 * too close) and hours the tasks run; plus one note per scheduled service saying how its hours were counted.
 */
export function ecsFleetDemands(input: EstimateInput): { byArch: Map<Architecture, FleetDemand[]>; scheduledNotes: ScheduledNote[] } {
  // A function of the services alone: made once per services array, so every option of an estimate (and every
  // region of a comparison) hands the fleet search the same demand arrays, whose preparation it keeps.
  let made = demandsByServices.get(input.services);
  if (!made) {
    made = fleetDemandsOf(input.services);
    demandsByServices.set(input.services, made);
  }
  return made;
}

const demandsByServices = new WeakMap<EstimateInput["services"], ReturnType<typeof ecsFleetDemands>>();

function fleetDemandsOf(services: EstimateInput["services"]): ReturnType<typeof ecsFleetDemands> {
  // Tasks write their ephemeral storage to the instance's volume: declared above the 20 GiB default, it grows
  // the volume (docs/billing-rules.md#ec2-task-storage).
  const byArch = new Map<Architecture, FleetDemand[]>();
  const scheduledNotes: ScheduledNote[] = [];
  services.forEach((service, index) => {
    const demand = ec2Demand(service.tasks, service.usage);
    const usage = service.usage;
    let runHours = demand.hours;
    if (usage.kind === "scheduled") {
      runHours = Math.min(usage.daysPerMonth * 24, (usage.runsPerDay * usage.daysPerMonth * Math.ceil(usage.secondsPerRun)) / 3600);
      if (demand.concurrent > 0) {
        const every = 86_400 / usage.runsPerDay;
        scheduledNotes.push(
          demand.neverScalesIn
            ? { kind: "never-scales-in", service: service.name, everySeconds: every, secondsPerRun: Math.ceil(usage.secondsPerRun), hoursPerMonth: demand.hours }
            : {
                kind: "scales-in",
                service: service.name,
                instanceSecondsPerRun: demand.instanceSecondsPerRun,
                launchSeconds: EC2_LAUNCH_SECONDS,
                secondsPerRun: Math.ceil(usage.secondsPerRun),
                scaleInWaitSeconds: CLUSTER_SCALE_IN_WAIT_SECONDS,
                runsPerDay: usage.runsPerDay,
                daysPerMonth: usage.daysPerMonth,
                hoursPerMonth: demand.hours,
              },
        );
      }
    }
    const d: FleetDemand = {
      index,
      name: service.name,
      cpu: service.vcpu * CPU_UNITS_PER_VCPU,
      mem: service.memoryGiB * MIB_PER_GIB,
      n: demand.concurrent,
      hours: demand.hours,
      runHours,
      storage: taskStorageGiB(service),
    };
    const list = byArch.get(service.architecture) ?? [];
    list.push(d);
    byArch.set(service.architecture, list);
  });
  return { byArch, scheduledNotes };
}

/** GiB a task writes to its instance's volume: what it declares above the 20 GiB default, else 0. */
function taskStorageGiB(service: Service): number {
  return service.ephemeralStorageGiB > FARGATE_INCLUDED_STORAGE_GIB ? service.ephemeralStorageGiB : 0;
}

function boundText(bound: FleetBound, host?: InstanceHost): string {
  return bound === "tasks" ? (host?.limit.bound ?? "ENI-bound") : `${bound === "cpu" ? "CPU" : "memory"}-bound`;
}

/** The plan's boundBy for a per-instance bound: the task limit of an ECS instance is its ENIs. */
function boundName(bound: FleetBound, host?: InstanceHost): string {
  return bound === "tasks" ? (host?.limit.boundBy ?? "eni") : bound;
}

/**
 * An ECS option that runs the tasks on EC2 instances: ECS on EC2 itself, or ECS Managed Instances. Both search
 * the same fleet (the same demands, capacity and settings); they differ in what an instance-hour costs, in the
 * lines that bill it, and in what the plan says.
 */
export interface EcsInstanceVariant {
  id: EstimateOption["id"];
  label: string;
  /** Which fleet option this is: names it in the Windows reason and the scheduled-work warning. */
  variant: FleetVariant;
  /** The instance price, or why there is none. */
  price: InstancePriceSource | Failure;
  /** A management fee per instance-hour on top of the instance (Managed Instances), or null. */
  fee: InstanceFee | null;
  /** Reserved Instances: paid for every hour of the month whether the fleet scales in or not. */
  paidAllMonth: boolean;
  /** Appended to each fleet's `why` (Managed Instances: AWS may choose other types). */
  whyNote?: string;
  /** The per-service note of the option's billed services. */
  serviceNote: string;
  /** Hosts other than ECS container instances (EKS nodes); absent = ECS: registered capacity, ENI limits, task sizes. */
  host?: InstanceHost;
  /** How the reason names ec2.instanceTypes when the option set them itself (EKS Auto Mode's NodePool types). */
  typesScope?: FleetScope;
  /** Names ec2.instanceTypes when the option set them as a fixed function of the catalog (FleetSearchSpec.scopeKey). */
  typesKey?: string;
}

/**
 * What the instances host when they are not ECS container instances (EKS managed node groups): their capacity
 * per type, the demands, the root volume, and the words for the per-instance limit and the unit placed.
 */
export interface InstanceHost {
  capacity: (t: InstanceType) => InstanceCapacity | null;
  demands: { byArch: Map<Architecture, FleetDemand[]>; scheduledNotes: ScheduledNote[] };
  /** What the scheduled-work warning calls the machines: "nodes". */
  hosts: "nodes";
  rootVolumeGiB: number;
  /** Per service (input order): the size each unit reserves, as services[] shows it. */
  sizes: ReadonlyArray<{ vcpu: number; memoryGiB: number }>;
  /** "pod": what is placed. */
  unit: string;
  /** The per-instance limit: plan boundBy ("max-pods"), the `why` text ("max-pods-bound") and the search's words. */
  limit: { boundBy: string; bound: string; searched: string; limitText: string };
}

/** A per-instance-hour fee billed beside the instance (ECS Managed Instances' management fee). */
export interface InstanceFee {
  /** Names the fee for the fleet search's instance index (with the price's key): "ecs-managed-instances". */
  key: string;
  /** The fee's charge (lib/charges). */
  charge: ChargeId;
  hourly: (t: InstanceType) => number | null;
  rate: (t: InstanceType, hourly: number) => Rate;
  label: (t: InstanceType) => string;
  /** How the fee of this type was computed, for the line's note ("" when published as is). */
  formula: (t: InstanceType) => string;
}

const PURCHASE_LABELS: Record<Purchase, string> = {
  "on-demand": "on-demand",
  spot: "Spot, average price",
  "savings-plan-1y": "EC2 Savings Plan 1 year",
  "savings-plan-3y": "EC2 Savings Plan 3 years",
  "reserved-1y": "Reserved Instances 1 year, No Upfront",
  "reserved-3y": "Reserved Instances 3 years, No Upfront",
};

/** How an option label names the purchase option: "on-demand", "Spot, average price", ... */
export function ec2PurchaseLabel(purchase: Purchase): string {
  return PURCHASE_LABELS[purchase];
}

/** The OPTION.ec2 option (ECS on EC2). `warnings` receives workload-level remarks about the EC2 plan. */
export function ec2Option(input: EstimateInput, catalog: RegionCatalog, warnings: MessageSet): EstimateOption {
  const purchase = input.ec2.purchase;
  return ecsInstanceOption(input, catalog, warnings, {
    id: OPTION.ec2,
    label: `ECS on EC2 (${ec2PurchaseLabel(purchase)})`,
    variant: "ecs-ec2",
    price: instancePriceSource(catalog, purchase),
    fee: null,
    paidAllMonth: purchase === "reserved-1y" || purchase === "reserved-3y",
    serviceNote: "ECS on EC2 reserves the task size as requested; the service's cost is its share of the fleet by reserved CPU or memory (whichever is larger).",
  });
}

/** Volume lines of instances whose volume grew for the tasks' declared storage (docs/billing-rules.md#ec2-task-storage). */
const grownVolumeLines = new WeakSet<CostLine>();

/** Whether an EBS line (made in this process, by a full estimate) is a volume grown for task storage: what explain cites for it. */
export function grownForTaskStorage(line: CostLine): boolean {
  return grownVolumeLines.has(line);
}

/** gp3 IOPS or throughput provisioned above what the GB-month price includes, per instance volume. */
interface Gp3Provisioned {
  charge: "ebs-gp3-iops" | "ebs-gp3-throughput";
  what: string;
  unit: string;
  provisioned: number;
  included: number;
  extra: number;
  rate: Rate;
}

/**
 * The provisioned gp3 IOPS and throughput above the included 3,000 IOPS and 125 MiB/s (docs/billing-rules.md#gp3-iops-throughput),
 * billed per instance volume for the hours it exists; none when ec2 asks for no more than included. The volume must
 * allow the IOPS (500 per GiB): a node volume other than rootVolumeGiB is checked here.
 */
function gp3Provisioned(ec2: Ec2Options, catalog: RegionCatalog, volumeGiB: number): Gp3Provisioned[] | Failure {
  const out: Gp3Provisioned[] = [];
  const iops = ec2.gp3Iops ?? GP3_INCLUDED_IOPS;
  // Only IOPS asked for are checked: the included 3,000 come with any volume (also one grown from 0 GiB for task storage).
  if (ec2.gp3Iops !== undefined && iops > volumeGiB * GP3_MAX_IOPS_PER_GIB) {
    return { reason: message("gp3-volume-too-small", { iops, minGiB: Math.ceil(iops / GP3_MAX_IOPS_PER_GIB), volumeGiB }) };
  }
  const asks = [
    { charge: "ebs-gp3-iops", what: "IOPS", unit: "IOPS", provisioned: iops, included: GP3_INCLUDED_IOPS, slot: catalog.ec2.gp3IopsMonth },
    { charge: "ebs-gp3-throughput", what: "throughput", unit: "MiBps", provisioned: ec2.gp3ThroughputMiBps ?? GP3_INCLUDED_THROUGHPUT_MIBPS, included: GP3_INCLUDED_THROUGHPUT_MIBPS, slot: catalog.ec2.gp3ThroughputMiBpsMonth },
  ] as const;
  for (const a of asks) {
    if (a.provisioned <= a.included) continue;
    if (isUnavailable(a.slot)) return { reason: message("gp3-provisioned-unavailable", { what: a.what, included: a.included, region: catalog.region, catalogReason: a.slot.reason }) };
    out.push({ charge: a.charge, what: a.what, unit: a.unit, provisioned: a.provisioned, included: a.included, extra: a.provisioned - a.included, rate: a.slot });
  }
  return out;
}

/** Per (price source, fee), both made once per catalog: the instance-hour price plus the fee, one function object. */
const plusFee = new WeakMap<InstancePriceSource, WeakMap<InstanceFee, (t: InstanceType) => number | null>>();
function instancePlusFee(price: InstancePriceSource, fee: InstanceFee): (t: InstanceType) => number | null {
  let byFee = plusFee.get(price);
  if (!byFee) {
    byFee = new WeakMap();
    plusFee.set(price, byFee);
  }
  let hourly = byFee.get(fee);
  if (!hourly) {
    hourly = (t) => {
      const instance = price.hourly(t);
      const f = fee.hourly(t);
      return instance === null || f === null ? null : instance + f;
    };
    byFee.set(fee, hourly);
  }
  return hourly;
}

/** Whether a list names a T type; remembered per list object when `fixed` (a list keyed by typesKey is the same array every time). */
const burstableNames = new WeakMap<readonly string[], boolean>();
function namesBurstable(names: readonly string[], fixed: boolean): boolean {
  let any = fixed ? burstableNames.get(names) : undefined;
  if (any === undefined) {
    any = names.some((name) => /^t\d/.test(name));
    if (fixed) burstableNames.set(names, any);
  }
  return any;
}

/** An ECS option on EC2 instances (see EcsInstanceVariant): the shared fleet search, then lines, plan and why. */
export function ecsInstanceOption(input: EstimateInput, catalog: RegionCatalog, warnings: MessageSet, variant: EcsInstanceVariant): EstimateOption {
  const ec2 = input.ec2;
  const { id, label } = variant;
  const unavailable = (reason: ReasonMessage): EstimateOption => unavailableOption(id, label, reason);

  const windows = input.services.findIndex((s) => s.os === "windows");
  if (windows >= 0) {
    const service: ServiceRef = { index: windows, name: input.services[windows]?.name ?? "" };
    return unavailable(message("windows-not-supported", { variant: variant.variant, service }));
  }
  const price = variant.price;
  if ("reason" in price) return unavailable(price.reason);
  const fee = variant.fee;
  const host = variant.host;
  const rootVolumeGiB = host ? host.rootVolumeGiB : ec2.rootVolumeGiB;
  const unit = host?.unit ?? "task";
  let ebsRate: Rate | null = null;
  if (rootVolumeGiB > 0 || input.services.some((sv) => taskStorageGiB(sv) > 0 && sv.tasks > 0)) {
    const gp3 = catalog.ec2.gp3GbMonth;
    if (isUnavailable(gp3)) return unavailable(message("gp3-unavailable", { catalogReason: gp3.reason }));
    ebsRate = gp3;
  }
  const gp3PerGiBHour = ebsRate ? ebsRate.usd / EBS_HOURS_PER_MONTH : 0;
  const provisioned = ebsRate ? gp3Provisioned(ec2, catalog, rootVolumeGiB) : [];
  if ("reason" in provisioned) return unavailable(provisioned.reason);
  const provisionedHourly = provisioned.reduce((sum, p) => sum + (p.extra * p.rate.usd) / EBS_HOURS_PER_MONTH, 0);
  // One public IPv4 address per running instance when network.publicIpv4.ec2Instances (docs/billing-rules.md#public-ipv4).
  let ipv4Rate: Rate | null = null;
  if (input.network?.publicIpv4?.ec2Instances) {
    const r = catalog.network.publicIpv4InUseHour;
    if (isUnavailable(r)) return unavailable(message("public-ipv4-unavailable", { region: catalog.region, catalogId: catalog.catalogId, catalogReason: r.reason }));
    ipv4Rate = r;
  }
  const hourly = fee ? instancePlusFee(price, fee) : price.hourly;
  const capacity = host ? host.capacity : ecsInstanceCapacity(ec2);

  const { byArch, scheduledNotes } = host ? host.demands : ecsFleetDemands(input);
  const fleets: FleetResult[] = [];
  for (const [arch, demands] of byArch) {
    const fleet = searchFleet({
      catalog,
      arch,
      demands,
      capacity,
      hourly,
      // A reservation is paid for every hour of the month; a management fee only for the hours instances run.
      reservedHourly: variant.paidAllMonth ? (price.hourly as (t: InstanceType) => number) : undefined,
      // Everything that exists only with a running instance follows the running hours (docs/billing-rules.md#reserved-running-hours).
      runningExtraHourly: (ipv4Rate ? ipv4Rate.usd : 0) + provisionedHourly,
      // What hourly and reservedHourly compute, so the search can reuse the instance index built for them.
      priceKey: `${price.key}${fee ? `+${fee.key}` : ""}${variant.paidAllMonth ? "|all-month" : ""}`,
      instanceTypes: ec2.instanceTypes,
      scopeKey: variant.typesKey,
      allowBurstable: ec2.allowBurstable,
      targetUtilizationPct: ec2.targetUtilizationPct,
      minInstances: ec2.minInstances,
      rootVolumeGiB,
      gp3PerGiBHour,
      priceText: price.text,
      limitText: host ? host.limit.limitText : ec2.networkMode === "awsvpc" ? " with awsvpc ENI limits" : "",
    });
    if ("reason" in fleet) {
      // The option chose the allowed types itself: name them as it does.
      const scope = variant.typesScope;
      const reason = fleet.reason;
      if (scope && "scope" in reason.params && reason.params.scope.kind === "allowed") return unavailable({ ...reason, params: { ...reason.params, scope } } as ReasonMessage);
      return unavailable(reason);
    }
    fleets.push(fleet);
  }

  const lines: CostLine[] = [];
  const ipv4Lines: CostLine[] = [];
  const instances: NonNullable<EstimateOption["plan"]>["instances"] = [];
  const whys: string[] = [];
  const serviceCost = new Map<number, number>();
  for (const f of fleets) {
    const { choice: c, hours } = f;
    const t = c.type;
    const fleetName = `${f.arch} fleet`;
    if (c.count === 0) {
      whys.push(`${f.arch}: no tasks to place and minInstances 0, so no instances.`);
      continue;
    }
    // A Reserved Instance is paid for every hour of its term, whether the fleet scales in or not.
    const instanceHours = variant.paidAllMonth ? c.count * HOURS_PER_MONTH : c.instanceHours;
    const layerText = variant.paidAllMonth
      ? `${c.count} x ${t.type} reserved for all ${HOURS_PER_MONTH} h of the month.`
      : c.layers.length === 1
        ? `${c.count} x ${t.type} for ${num(hours)} h/month.`
        : `${c.layers.map((l) => `${l.count} x ${t.type} for ${num(l.hours)} h`).join(" + ")} a month (services up for different hours: the fleet scales in after the shorter ones).`;
    const instanceHourly = fee ? (price.hourly(t) as number) : c.hourly;
    const instanceLine = rateLine(fleetName, price.charge, `EC2 instance (${price.text}, ${t.type})`, instanceHours, "instance-hours", price.rate(t, instanceHourly), layerText);
    lines.push(instanceLine);
    markPerInstance(instanceLine, 1, variant.paidAllMonth);
    let fleetUSD = instanceLine.usd;
    // What runs only with an instance (volume, address, management fee, credits) follows the running instance-hours,
    // also when a reservation pays the instance for the whole month (docs/billing-rules.md#reserved-running-hours).
    const runningHours = c.instanceHours;
    const runningText = c.layers.length === 1
      ? `${c.count} x ${t.type} for ${num(hours)} h/month`
      : `${c.layers.map((l) => `${l.count} x ${t.type} for ${num(l.hours)} h`).join(" + ")} a month`;
    const reservedText = variant.paidAllMonth ? `; the reservation pays all ${HOURS_PER_MONTH} h, but the instances run only these hours` : "";
    if (fee) {
      // The fee is billed for the instance-hours that run, even when a reservation pays for the whole term.
      const formula = fee.formula(t);
      const feeLine = rateLine(fleetName, fee.charge, fee.label(t), runningHours, "instance-hours", fee.rate(t, fee.hourly(t) as number), `${formula ? `${formula} ` : ""}${runningText}${reservedText}.`);
      lines.push(feeLine);
      markPerInstance(feeLine, 1, false);
      fleetUSD += feeLine.usd;
    }
    if (ebsRate && c.volumeGiB > 0) {
      const grown = c.volumeGiB > rootVolumeGiB;
      const label = grown
        ? `EBS gp3 volume (${num(c.volumeGiB)} GiB per instance, root volume grown for task storage)`
        : `EBS gp3 root volume (${num(rootVolumeGiB)} GiB per instance)`;
      const why = grown
        ? ` ${num(c.volumeGiB)} GiB = ${num(EC2_VOLUME_RESERVED_GIB)} GiB for the OS and images (assumption) + ${num(c.volumeGiB - EC2_VOLUME_RESERVED_GIB)} GiB of ephemeral storage declared by the tasks on the fullest instance (above rootVolumeGiB ${num(rootVolumeGiB)}); one launch template, so every instance gets it.`
        : "";
      const ebsLine = rateLine(fleetName, "ebs-volume", label, (runningHours * c.volumeGiB) / EBS_HOURS_PER_MONTH, "GB-months", ebsRate,
        `${num(c.volumeGiB)} GiB x ${num(runningHours)} instance-hours / ${EBS_HOURS_PER_MONTH} h (${runningText}${reservedText}).${why}`);
      if (grown && explaining()) grownVolumeLines.add(ebsLine);
      lines.push(ebsLine);
      markPerInstance(ebsLine, c.volumeGiB / EBS_HOURS_PER_MONTH, false);
      fleetUSD += ebsLine.usd;
      for (const p of provisioned) {
        const line = rateLine(fleetName, p.charge, `EBS gp3 ${p.what} above the ${num(p.included)} included (${num(p.extra)} ${p.unit} per instance)`, (runningHours * p.extra) / EBS_HOURS_PER_MONTH, `${p.unit}-months`, p.rate,
          `${num(p.provisioned)} - ${num(p.included)} included = ${num(p.extra)} ${p.unit} x ${num(runningHours)} instance-hours / ${EBS_HOURS_PER_MONTH} h (${runningText}${reservedText}).`);
        lines.push(line);
        markPerInstance(line, p.extra / EBS_HOURS_PER_MONTH, false);
        fleetUSD += line.usd;
      }
    }
    if (ipv4Rate && runningHours > 0) {
      const ipLine = rateLine(fleetName, "public-ipv4", "Public IPv4 address per instance", runningHours, "address-hours", ipv4Rate,
        `One public address per running instance: ${num(runningHours)} instance-hours (${runningText}${reservedText}).`);
      ipv4Lines.push(ipLine);
      markPerInstance(ipLine, 1, false);
      fleetUSD += ipLine.usd;
    }
    const burst = c.burst;
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
      const surplusLine = rateLine(fleetName, "ec2-cpu-credits", `EC2 CPU surplus credits (${t.type}, unlimited mode, worst case)`, surplusHours, "vCPU-hours", creditRate,
        `Worst case: the tasks use all the CPU they reserve while they run. Sum over instances of max(0, reserved CPU share - ${num(burst.baseline * 100)}% baseline) x hours = ${num(c.surplusShareHours)}, x ${t.vcpu} vCPU.`);
      lines.push(surplusLine);
      fleetUSD += surplusLine.usd;
    }
    let usedCpu = 0;
    let usedMem = 0;
    let usedTasks = 0;
    const tasksPerInstance: Record<string, number> = {};
    const weights: number[] = [];
    const cap = c.capacity;
    f.demands.forEach((d, i) => {
      usedCpu += d.cpu * d.n;
      usedMem += d.mem * d.n;
      usedTasks += d.n;
      tasksPerInstance[d.name] = c.perInstance[i] ?? 0;
      weights.push(d.n * Math.max(d.cpu / cap.cpuUnits, d.mem / cap.memMiB) * d.hours);
    });
    // Each service's share of the fleet cost: its share of the reserved capacity (dominant of CPU and memory) x its hours.
    const totalWeight = weights.reduce((a, b) => a + b, 0);
    f.demands.forEach((d, i) => {
      const share = totalWeight > 0 ? (weights[i] ?? 0) / totalWeight : 1 / f.demands.length;
      serviceCost.set(d.index, fleetUSD * share);
    });
    const cpuUtilPct = c.count > 0 ? (usedCpu / (c.count * cap.cpuUnits)) * 100 : 0;
    const memUtilPct = c.count > 0 ? (usedMem / (c.count * cap.memMiB)) * 100 : 0;
    const eniUtil = c.count > 0 && Number.isFinite(cap.maxTasks) ? usedTasks / (c.count * cap.maxTasks) : 0;
    let boundBy: string;
    if (c.count > c.needed && c.count === ec2.minInstances && c.count > instancesForTarget(c.needed, ec2.targetUtilizationPct)) boundBy = "minInstances";
    else if (f.demands.length === 1) boundBy = boundName(c.bounds[0] ?? "cpu", host);
    else boundBy = eniUtil * 100 >= Math.max(cpuUtilPct, memUtilPct) ? boundName("tasks", host) : memUtilPct >= cpuUtilPct ? "memory" : "cpu";
    instances.push({ type: t.type, count: c.count, tasksPerInstance, cpuUtilPct, memUtilPct, hourlyUSD: c.hourly, boundBy });

    if (!explaining()) continue;
    const holds: string[] = [];
    f.demands.forEach((d, i) => {
      if (d.n === 0 && f.demands.length > 1) return;
      const text = `${boundText(c.bounds[i] ?? "cpu", host)}: ${t.type} holds ${plural(c.perInstance[i] ?? 0, unit)} of ${d.name}`;
      // With environments the fleet's demands repeat a service (one per level of the week): say each once.
      if (holds.length === 0 || text !== holds[holds.length - 1]) holds.push(text);
    });
    const sizing =
      `${c.count} x ${t.type} (${plural(c.needed, "instance")} needed for ${plural(usedTasks, unit)}` +
          (ec2.targetUtilizationPct < 100 ? `, ${num(ec2.targetUtilizationPct)}% target capacity` : "") +
          (c.count === ec2.minInstances && c.count > instancesForTarget(c.needed, ec2.targetUtilizationPct) ? `, raised to minInstances ${ec2.minInstances}` : "") +
          `) at ${formatRate(c.hourly)}/h each${fee ? ` (${formatRate(instanceHourly)} instance + ${formatRate(c.hourly - instanceHourly)} management fee)` : ""}`;
    const runner = f.runnerUp
      ? `; next best ${f.runnerUp.count} x ${f.runnerUp.type.type} at ${formatUSD(f.runnerUp.score * hours)}/month`
      : "";
    // Only where T types were in the search's scope (an allow-list without them, e.g. Auto Mode's NodePool types, has none).
    const burstableInScope = ec2.instanceTypes.length === 0 || namesBurstable(ec2.instanceTypes, variant.typesKey !== undefined);
    const burstText = f.burstableExcluded > 0
      ? `; burstable (T) types left out (ec2.allowBurstable false)`
      : burstableInScope ? `; burstable (T) types priced with their worst-case CPU surplus credits` : "";
    const unpriced = f.burstableUnpriced.length > 0 ? `; ${f.burstableUnpriced.join(", ")} left out (no documented CPU baseline or surplus-credit rate)` : "";
    whys.push(`${holds.join("; ")}. ${sizing} is the cheapest of ${plural(f.checked, `${f.arch} type`)} searched (${price.text} prices${fee ? " + management fee" : ""}${host ? `, ${host.limit.searched}` : ec2.networkMode === "awsvpc" ? ", awsvpc ENI limits" : ""}${burstText}${unpriced})${runner}.${variant.whyNote ? ` ${variant.whyNote}` : ""}`);
    if (burst && c.count > 0) {
      warnings.add(
        c.surplusShareHours > 1e-12
          ? message("burstable-surplus-credits", { instanceType: t.type, baselinePct: burst.baseline * 100, creditUSDPerVcpuHour: burst.rate })
          : message("burstable-within-baseline", { instanceType: t.type, baselinePct: burst.baseline * 100 }),
      );
    }
    if (!host && ec2.networkMode === "awsvpc" && ec2.eniTrunking && t.trunking !== "supported") {
      warnings.add(
        t.trunking === "not-listed"
          ? message("eni-trunking-not-listed", { instanceType: t.type, tableAsOf: catalog.ec2.trunking.asOf, maxTasks: cap.maxTasks })
          : message("eni-trunking-unsupported", { instanceType: t.type, maxTasks: cap.maxTasks }),
      );
    }
  }
  // After every fleet's compute lines, as the per-option address lines always came (docs/billing-rules.md#public-ipv4).
  lines.push(...ipv4Lines);
  if (scheduledNotes.length > 0) {
    warnings.add(
      message("ec2-scheduled-work", {
        variant: variant.variant,
        notes: scheduledNotes,
        hosts: host ? host.hosts : "instances",
        launchSeconds: EC2_LAUNCH_SECONDS,
        scaleInWaitSeconds: CLUSTER_SCALE_IN_WAIT_SECONDS,
      }),
    );
  }
  const services: EstimateOption["services"] = input.services.map((s, index) => {
    const size = host?.sizes[index] ?? s;
    return { name: s.name, vcpu: size.vcpu, memoryGiB: size.memoryGiB, requested: { vcpu: size.vcpu, memoryGiB: size.memoryGiB },
      monthlyUSD: serviceCost.get(index) ?? 0,
      note: variant.serviceNote,
    };
  });
  let monthlyUSD = 0;
  for (const l of lines) monthlyUSD += l.usd;
  return { id, label, available: true, reason: null, reasonCode: null, monthlyUSD, lines, services, plan: { instances, why: explaining() ? whys.join(" ") : "" } };
}
