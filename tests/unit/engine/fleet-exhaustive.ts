/**
 * The test oracle: the fleet search as it was before the instance index (issue 23), kept verbatim (plus the per
 * running instance-hour extra of issue 22, docs/billing-rules.md#reserved-running-hours): every type of
 * the architecture (or the allow-list) is priced, bounded and packed. tests/unit/engine/fleet-index.test.ts
 * runs whole estimates through it and through the indexed lib/engine/fleet.ts searchFleet and requires the same
 * answer byte for byte. Do not "fix" or speed up this file: it is the reference.
 */
import type { InstanceType, RegionCatalog } from "../../../lib/catalog/schema";
import type { Architecture } from "../../../lib/schemas/estimate";
import { CPU_UNITS_PER_VCPU, HOURS_PER_MONTH, MIB_PER_GIB } from "../../../lib/units";
import { num, plural } from "../../../lib/engine/lines";
import { burstableBaseline, burstableSurplusRate, ec2VolumeGiB, instancesForTarget, surplusVcpuHours } from "../../../lib/engine/rules";
import type { BurstInfo, FleetBound, FleetChoice, FleetDemand, FleetResult, FleetSearchSpec, InstanceCapacity } from "../../../lib/engine/fleet";

interface PreparedType {
  t: InstanceType;
  burst: BurstInfo | null;
}

type CapacityFn = FleetSearchSpec["capacity"];

interface PreparedArch {
  types: PreparedType[];
  /** Capacities per capacity function (aligned with `types`): a function object reused across searches is evaluated once per catalog. */
  capacities: WeakMap<CapacityFn, Array<InstanceCapacity | null>>;
}

/** Per catalog: the types of each architecture with their burstable data (computed once per catalog object). */
const prepared = new WeakMap<RegionCatalog, Map<Architecture, PreparedArch>>();

function typesOf(catalog: RegionCatalog, arch: Architecture): PreparedArch {
  let byArch = prepared.get(catalog);
  if (!byArch) {
    byArch = new Map();
    for (const t of catalog.ec2.instanceTypes) {
      let entry = byArch.get(t.architecture);
      if (!entry) {
        entry = { types: [], capacities: new WeakMap() };
        byArch.set(t.architecture, entry);
      }
      const baseline = t.burstable ? burstableBaseline(t.type) : null;
      const rate = t.burstable ? burstableSurplusRate(t.type) : null;
      const burst = baseline !== null && rate !== null ? { baseline, rate: rate.usd, family: rate.family, confirmed: rate.confirmed } : null;
      entry.types.push({ t, burst });
    }
    prepared.set(catalog, byArch);
  }
  return byArch.get(arch) ?? { types: [], capacities: new WeakMap() };
}

function capacitiesOf(entry: PreparedArch, capacity: CapacityFn): Array<InstanceCapacity | null> {
  let caps = entry.capacities.get(capacity);
  if (!caps) {
    caps = entry.types.map((p) => capacity(p.t));
    entry.capacities.set(capacity, caps);
  }
  return caps;
}

const EPS = 1e-9;

/**
 * Groups of identical, partly filled instances (count and free CPU / memory / task slots per instance), kept in
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
  /** The instance's whole CPU (vCPU x 1,024): surplus credits count the reserved share of all of it. */
  fullCpuUnits = 1;
  baseline = -1; // < 0: not burstable
  reset(cpuUnits: number, fullCpuUnits: number, baseline: number): void {
    this.size = 0;
    this.maxStorage = 0;
    this.surplusShare = 0;
    this.cpuUnits = cpuUnits;
    this.fullCpuUnits = fullCpuUnits;
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
      this.surplusShare += surplusVcpuHours((this.cpuUnits - (this.c[i] as number)) / this.fullCpuUnits, this.baseline, 1, n);
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
function pack(
  cap: InstanceCapacity,
  fullCpuUnits: number,
  burst: BurstInfo | null,
  demands: readonly FleetDemand[],
  perInstance: number[],
  bounds: FleetBound[],
  groups: SlackGroups,
): number | null {
  let count = 0;
  const { cpuUnits, memMiB, maxTasks } = cap;
  groups.reset(cpuUnits, fullCpuUnits, burst ? burst.baseline : -1);
  for (let i = 0; i < demands.length; i++) {
    const d = demands[i] as FleetDemand;
    const byCpu = Math.floor(cpuUnits / d.cpu + EPS);
    const byMem = Math.floor(memMiB / d.mem + EPS);
    let per = byCpu;
    let bound: FleetBound = "cpu";
    if (byMem < per) {
      per = byMem;
      bound = "memory";
    }
    if (maxTasks < per) {
      per = maxTasks;
      bound = "tasks";
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
      if (full > 0) groups.push(full, cpuUnits - per * d.cpu, memMiB - per * d.mem, maxTasks - per, per * d.storage);
      if (rem > 0) groups.push(1, cpuUnits - rem * d.cpu, memMiB - rem * d.mem, maxTasks - rem, rem * d.storage);
    }
    groups.compact(MAX_SLACK_GROUPS, cpuUnits, memMiB);
  }
  groups.retireAll();
  return count;
}

/** Cheaper score first; then fewer instances; then the type name, so results are stable. */
function better(a: FleetChoice, b: FleetChoice): boolean {
  if (Math.abs(a.score - b.score) > 1e-12 * Math.max(1, b.score)) return a.score < b.score;
  if (a.count !== b.count) return a.count < b.count;
  return a.type.type < b.type.type;
}

/** The cheapest fleet of one architecture for the demands, or why there is none. See the module comment. */
export function searchFleetExhaustive(spec: FleetSearchSpec): FleetResult | { reason: string } {
  const { catalog, arch } = spec;
  // Larger tasks first: the greedy packing wastes less when big tasks open instances.
  const demands = [...spec.demands].sort((a, b) => b.mem - a.mem || b.cpu - a.cpu || a.index - b.index);
  const allow = spec.instanceTypes.length > 0 ? new Set(spec.instanceTypes) : null;
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
  const gp3PerGiBHour = spec.gp3PerGiBHour;
  const rootHourly = spec.rootVolumeGiB * gp3PerGiBHour;
  let burstableExcluded = 0;
  const burstableUnpriced: string[] = [];
  const target = spec.targetUtilizationPct;
  const minInstances = spec.minInstances;
  let best: FleetChoice | null = null;
  let runnerUp: FleetChoice | null = null;
  let checked = 0;
  let considered = 0;
  const perScratch: number[] = new Array<number>(demands.length).fill(0);
  const boundScratch: FleetBound[] = new Array<FleetBound>(demands.length).fill("cpu");
  const layerPer: number[] = new Array<number>(demands.length).fill(0);
  const layerBound: FleetBound[] = new Array<FleetBound>(demands.length).fill("cpu");
  const groups = new SlackGroups();
  // Local references: the hot loop below runs once per instance type (module bindings can cost a getter each).
  const instancesFor = instancesForTarget;
  const hourlyOf = spec.hourly;
  const reservedOf = spec.reservedHourly;
  const runningExtra = spec.runningExtraHourly ?? 0;
  const entry = typesOf(catalog, arch);
  const types = entry.types;
  const capacities = capacitiesOf(entry, spec.capacity);
  for (let ti = 0; ti < types.length; ti++) {
    const p = types[ti] as PreparedType;
    const t = p.t;
    if (allow ? !allow.has(t.type) : !t.currentGeneration) continue;
    if (t.burstable && !spec.allowBurstable) {
      burstableExcluded++;
      continue;
    }
    if (t.burstable && !p.burst) {
      // No documented baseline or surplus-credit rate: its cost above the baseline cannot be stated.
      burstableUnpriced.push(t.type);
      continue;
    }
    considered++;
    const hourly = hourlyOf(t);
    if (hourly === null) continue;
    // Per instance: `running` per instance-hour it runs, `reserved` per hour of the month at peak count.
    const reserved = reservedOf ? reservedOf(t) : 0;
    const running = hourly - reserved + runningExtra;
    const reservedMonth = reserved * HOURS_PER_MONTH;
    const cap = capacities[ti] ?? null;
    if (cap === null || cap.maxTasks < 1 || cap.cpuUnits <= 0 || cap.memMiB <= 0) continue;
    checked++;
    const maxTasks = cap.maxTasks;
    // Lower bound on the instance count (capacity alone) prunes types that cannot beat the two best; volumes
    // only grow from the root volume and surplus credits are never negative, so it stays a lower bound.
    let lbInstanceHours = 0;
    for (let k = 0; k <= last; k++) {
      const tot = layerTotals[k] as { cpu: number; mem: number; tasks: number };
      const lbNeeded = Math.max(Math.ceil(tot.cpu / cap.cpuUnits - EPS), Math.ceil(tot.mem / cap.memMiB - EPS), Math.ceil(tot.tasks / maxTasks - EPS));
      const layerCount = Math.max(minInstances, instancesFor(lbNeeded, target));
      layerLb[k] = layerCount;
      lbInstanceHours += layerCount * (layerHours[k] as number);
    }
    const lb =
      hours > 0
        ? (lbInstanceHours * (running + rootHourly) + (layerLb[last] as number) * reservedMonth) / hours
        : Math.max(minInstances, 0) * (hourly + runningExtra + rootHourly);
    if (runnerUp && lb > runnerUp.score * (1 + 1e-12)) continue;
    const fullCpuUnits = t.vcpu * CPU_UNITS_PER_VCPU;
    // The peak layer (every service) gives the plan's count and tasks per instance.
    const needed = pack(cap, fullCpuUnits, p.burst, layerDemands[last] as FleetDemand[], perScratch, boundScratch, groups);
    if (needed === null) continue;
    const count = Math.max(minInstances, instancesFor(needed, target));
    let maxStorage = groups.maxStorage;
    let surplusShareHours = groups.surplusShare * (layerHours[last] as number);
    let instanceHours = count * (layerHours[last] as number);
    let layers: Array<{ count: number; hours: number }> | null = null;
    if (last > 0) {
      // The peak layer is packed; bound the others before packing them.
      if (runnerUp) {
        let bound = instanceHours;
        for (let k = 0; k < last; k++) bound += (layerLb[k] as number) * (layerHours[k] as number);
        if ((bound * (running + rootHourly) + count * reservedMonth) / hours > runnerUp.score * (1 + 1e-12)) continue;
      }
      layers = [];
      for (let k = 0; k < last; k++) {
        const n = pack(cap, fullCpuUnits, p.burst, layerDemands[k] as FleetDemand[], layerPer, layerBound, groups) as number;
        const c = Math.max(minInstances, instancesFor(n, target));
        layers.push({ count: c, hours: layerHours[k] as number });
        instanceHours += c * (layerHours[k] as number);
        surplusShareHours += groups.surplusShare * (layerHours[k] as number);
        if (groups.maxStorage > maxStorage) maxStorage = groups.maxStorage;
      }
      layers.push({ count, hours: layerHours[last] as number });
    }
    // One launch template per fleet: every instance gets the volume its fullest instance needs.
    const volumeGiB = ec2VolumeGiB(spec.rootVolumeGiB, maxStorage);
    const surplusUSD = p.burst ? surplusShareHours * t.vcpu * p.burst.rate * runShare : 0;
    const monthly = instanceHours * (running + volumeGiB * gp3PerGiBHour) + count * reservedMonth + surplusUSD;
    const score = hours > 0 ? monthly / hours : count * (hourly + runningExtra + volumeGiB * gp3PerGiBHour);
    // Allocate only for a choice that enters the top two.
    if (runnerUp && score > runnerUp.score * (1 + 1e-12)) continue;
    const choice: FleetChoice = {
      type: t,
      capacity: cap,
      burst: p.burst,
      hourly,
      needed,
      count,
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
    const names = demands.map((d) => `"${d.name}" (${num(d.cpu / CPU_UNITS_PER_VCPU)} vCPU / ${num(d.mem / MIB_PER_GIB)} GiB)`).join(", ");
    const scope = allow ? `the allowed instance types (${spec.instanceTypes.join(", ")})` : `the current-generation ${arch} types`;
    const left =
      (burstableExcluded > 0 ? ` (${plural(burstableExcluded, "burstable type")} left out: ec2.allowBurstable is false)` : "") +
      (burstableUnpriced.length > 0 ? ` (${burstableUnpriced.join(", ")} left out: no documented CPU baseline or surplus-credit rate)` : "");
    const reason =
      considered === 0
        ? burstableExcluded + burstableUnpriced.length > 0
          ? `No ${arch} type left to search among ${scope}${left}`
          : `None of ${scope} is in the ${catalog.region} catalog for ${arch}`
        : `No ${arch} instance type among ${scope} with a ${spec.priceText} price can hold a task of ${names}${spec.limitText ?? ""}${left}`;
    return { reason };
  }
  return { arch, choice: best, demands, hours, runHours, checked, runnerUp, burstableExcluded, burstableUnpriced };
}
