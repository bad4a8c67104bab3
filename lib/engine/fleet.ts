/**
 * The fleet search shared by every option that runs containers on EC2 instances (ECS on EC2, ECS Managed
 * Instances, EKS node groups): the cheapest homogeneous fleet of one architecture that holds a set of demands.
 *
 *   searchFleet({ catalog, arch, demands, capacity, hourly, ...settings }) -> FleetResult | { reason }
 *
 * - `demands`: what each service asks for (CPU units and MiB per task, tasks at peak, hours the fleet is up).
 * - `capacity(type)`: what one instance offers the tasks (schedulable CPU units and MiB, and a task/pod limit
 *   per instance: awsvpc ENIs on ECS, max pods on EKS); null when the type cannot be planned. It must be a pure
 *   function of the type: its answers are cached per catalog and per function object, so pass the same function
 *   object for the same settings (see ecsInstanceCapacity in ec2.ts) to compute them once.
 * - `hourly(type)`: what one instance-hour costs under the option's pricing (instance rate, plus a management
 *   fee where there is one); null when the type has no price.
 *
 * Every type of the architecture in the region (or the allow-list) is tried; each is packed greedily (services
 * larger-first, free room reused), sized for the target utilization and the minimum instance count, layered
 * for services up for different hours (scheduled work scales in after its runs), given the gp3 volume its
 * fullest instance needs, and charged the worst-case CPU surplus credits when it is a burstable (T) type.
 * Rules: docs/billing-rules.md#ec2-packing, #cluster-auto-scaling, #ec2-scheduled-work, #gp3-root-volume,
 * #ec2-task-storage, #burstable-instances.
 */
import type { InstanceType, RegionCatalog } from "../catalog/schema";
import type { Architecture } from "../schemas/estimate";
import { CPU_UNITS_PER_VCPU, HOURS_PER_MONTH, MIB_PER_GIB } from "../units";
import { message, type ReasonMessage } from "../schemas/messages";
import { burstableBaseline, burstableSurplusRate, ec2VolumeGiB, instancesForTarget, surplusVcpuHours } from "./rules";

/** What one service asks of the fleet. Tasks of a service are identical. */
export interface FleetDemand {
  /** Position of the service in input.services (echoed back; ties in the packing order keep it). */
  index: number;
  /** Service name, for the plan and the "cannot hold" reason. */
  name: string;
  /** CPU units (1,024 per vCPU) one task reserves. */
  cpu: number;
  /** MiB one task reserves. */
  mem: number;
  /** Tasks placed at peak. */
  n: number;
  /** Hours per month the fleet is up for this service. */
  hours: number;
  /** Hours per month its tasks actually run (scheduled work: the runs only); burstable surplus credits accrue then. */
  runHours: number;
  /** GiB per task written to the instance's volume (declared above the 20 GiB default), else 0. */
  storage: number;
}

/** What one instance of a type offers the tasks. */
export interface InstanceCapacity {
  /** Schedulable CPU units (ECS: registered = vCPU x 1,024; EKS: allocatable minus the DaemonSet reserve). */
  cpuUnits: number;
  /** Schedulable MiB. */
  memMiB: number;
  /** Tasks or pods one instance may hold whatever their size (ENI limit, max pods); Infinity when none. */
  maxTasks: number;
}

/** What decided how many tasks of a service one instance holds: CPU, memory, or the per-instance task limit. */
export type FleetBound = "cpu" | "memory" | "tasks";

export interface BurstInfo {
  /** Baseline CPU share per vCPU. */
  baseline: number;
  /** Surplus-credit rate, USD per vCPU-hour. */
  rate: number;
  family: string;
  confirmed: boolean;
}

export interface FleetSearchSpec {
  catalog: RegionCatalog;
  arch: Architecture;
  demands: readonly FleetDemand[];
  capacity: (type: InstanceType) => InstanceCapacity | null;
  hourly: (type: InstanceType) => number | null;
  /**
   * The part of `hourly` paid for every hour of the month per instance of the peak fleet, whether it runs or not
   * (Reserved Instances); the rest of `hourly` is paid per running instance-hour. Absent = nothing reserved.
   */
  reservedHourly?: (type: InstanceType) => number;
  /**
   * Paid per running instance-hour on top of `hourly`, the same for every type (a public IPv4 address per
   * instance). Like the root volume and the management fee it follows the running hours, also on a reserved fleet
   * (docs/billing-rules.md#reserved-running-hours). Absent = 0.
   */
  runningExtraHourly?: number;
  /**
   * Names what `hourly` and `reservedHourly` answer on this catalog (e.g. "on-demand", "reserved-1y+ecs-managed-instances|all-month"):
   * the same key must mean the same answers for every type. With a key and no allow-list the search uses the
   * instance index cached per (catalog object, architecture, capacity function, priceKey); absent, every type is
   * scanned. Per-instance costs that differ by type (a management fee) belong in `hourly` and in the key; those
   * equal for every type (the root volume) may differ between calls under one key.
   */
  priceKey?: string;
  /** Allow-list of type names; empty = every current-generation type of the architecture. */
  instanceTypes: readonly string[];
  /**
   * Names `instanceTypes` when the list is a fixed function of the catalog (EKS Auto Mode's built-in NodePool
   * types, "eks-auto-mode-nodepool"): the same key must mean the same list on this catalog. With a priceKey the
   * search then uses an instance index built over the listed types only (cached like the others); absent, an
   * allow-list is scanned type by type (a client's own list: any set of names).
   */
  scopeKey?: string;
  /** false leaves burstable (T) types out. */
  allowBurstable: boolean;
  /** Target capacity: instances = ceil(needed x 100 / target). */
  targetUtilizationPct: number;
  minInstances: number;
  /** Root volume per instance (GiB) and its gp3 price per GiB-hour (0 when no volume is priced). */
  rootVolumeGiB: number;
  gp3PerGiBHour: number;
  /** For the reason when nothing fits: the pricing ("on-demand") and the task limit (" with awsvpc ENI limits"). */
  priceText: string;
  limitText?: string;
}

export interface FleetChoice {
  type: InstanceType;
  capacity: InstanceCapacity;
  /** Burstable types: baseline and surplus-credit rate; null otherwise. */
  burst: BurstInfo | null;
  /** Price of one instance-hour (spec.hourly). */
  hourly: number;
  /** Instances the peak tasks need. */
  needed: number;
  /** Instances paid for at peak (target utilization, minInstances). */
  count: number;
  /** Per demand (in FleetResult.demands order): tasks one instance holds, and what bound it. */
  perInstance: number[];
  bounds: FleetBound[];
  /** gp3 volume per instance (GiB). */
  volumeGiB: number;
  /** Instance-hours per month over the fleet's layers. */
  instanceHours: number;
  /** Sum over instances and hours of max(0, reserved CPU share - baseline); 0 unless burstable. Times vCPUs = surplus vCPU-hours. */
  surplusShareHours: number;
  /** Instances per layer, longest-running layer first (one layer unless services are up for different hours). */
  layers: Array<{ count: number; hours: number }>;
  /** Monthly cost (running and reserved instance-hours, volumes, surplus credits) / fleet hours (count x unit cost when the fleet has no hours): what the search minimizes. */
  score: number;
}

export interface FleetResult {
  arch: Architecture;
  choice: FleetChoice;
  /** The demands in packing order (larger tasks first): perInstance and bounds follow this order. Shared between searches: read only. */
  demands: readonly FleetDemand[];
  /** Hours the fleet is up (the longest demand). */
  hours: number;
  /** Hours the tasks run (the longest). */
  runHours: number;
  /** Types with a price and a capacity that were tried. */
  checked: number;
  runnerUp: FleetChoice | null;
  /** Burstable types left out: by allowBurstable false, or for lack of a baseline or credit rate. */
  burstableExcluded: number;
  /** The index's own list when the search used one (shared, not copied per search): read it, never change it. */
  burstableUnpriced: readonly string[];
}

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

/** A binary min-heap of (bound, node), reused by every search (searches run one at a time). */
class BoundHeap {
  keys = new Float64Array(1024);
  nodes = new Int32Array(1024);
  size = 0;
  reset(capacity: number): this {
    if (this.keys.length < capacity) {
      this.keys = new Float64Array(capacity);
      this.nodes = new Int32Array(capacity);
    }
    this.size = 0;
    return this;
  }
  minKey(): number {
    return this.keys[0] as number;
  }
  push(key: number, node: number): void {
    const keys = this.keys;
    const nodes = this.nodes;
    let i = this.size++;
    while (i > 0) {
      const up = (i - 1) >> 1;
      if ((keys[up] as number) <= key) break;
      keys[i] = keys[up] as number;
      nodes[i] = nodes[up] as number;
      i = up;
    }
    keys[i] = key;
    nodes[i] = node;
  }
  pop(): number {
    const keys = this.keys;
    const nodes = this.nodes;
    const top = nodes[0] as number;
    const n = --this.size;
    if (n > 0) {
      const key = keys[n] as number;
      const node = nodes[n] as number;
      let i = 0;
      for (;;) {
        let c = 2 * i + 1;
        if (c >= n) break;
        if (c + 1 < n && (keys[c + 1] as number) < (keys[c] as number)) c++;
        if ((keys[c] as number) >= key) break;
        keys[i] = keys[c] as number;
        nodes[i] = nodes[c] as number;
        i = c;
      }
      keys[i] = key;
      nodes[i] = node;
    }
    return top;
  }
}
const sharedHeap = new BoundHeap();

/** Roots per block of the index (see FleetIndex.blockStart). */
const ROOT_BLOCK = 8;
function heapFor(nodes: number): BoundHeap {
  return sharedHeap.reset(nodes);
}

/** One set of groups for every search: a search runs to its end synchronously and packs one type at a time. */
const sharedGroups = new SlackGroups();

/** Layers of at most this many services (with tasks) are also bounded service by service (searchFleet lowerBound). */
const PER_DEMAND_BOUND_MAX = 4;

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
  cpuUnits: number,
  memMiB: number,
  maxTasks: number,
  fullCpuUnits: number,
  /** The burstable baseline, or < 0 for a type that is not burstable. */
  baseline: number,
  demands: readonly FleetDemand[],
  perInstance: number[],
  bounds: FleetBound[],
  groups: SlackGroups,
  /** Stop (and return PACK_OVER) once more instances than this are opened: the type cannot enter the top two. */
  limit = Infinity,
): number | null {
  let count = 0;
  groups.reset(cpuUnits, fullCpuUnits, baseline);
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
      if (count > limit) return PACK_OVER;
      if (full > 0) groups.push(full, cpuUnits - per * d.cpu, memMiB - per * d.mem, maxTasks - per, per * d.storage);
      if (rem > 0) groups.push(1, cpuUnits - rem * d.cpu, memMiB - rem * d.mem, maxTasks - rem, rem * d.storage);
    }
    groups.compact(MAX_SLACK_GROUPS, cpuUnits, memMiB);
  }
  groups.retireAll();
  return count;
}

/** What the searches of this process did that no answer shows (for tests: proof a shortcut really ran). */
export const fleetSearchStats = { packsStopped: 0 };

/** pack()'s answer when it stopped at its limit. */
const PACK_OVER = -1;

/** Peak layers of at least this many services are packed with a limit (FleetSearch.neededLimit); smaller ones pack in less time than the limit takes. */
const PACK_LIMIT_MIN_DEMANDS = 8;

/** Cheaper score first; then fewer instances; then the type name, so results are stable. */
function better(a: FleetChoice, b: FleetChoice): boolean {
  if (Math.abs(a.score - b.score) > 1e-12 * Math.max(1, b.score)) return a.score < b.score;
  if (a.count !== b.count) return a.count < b.count;
  return a.type.type < b.type.type;
}

// ---------------------------------------------------------------- the instance index (issue 23; docs/performance.md#instance-index)

/**
 * The candidates of one (catalog, architecture, capacity function, pricing, scope): every current-generation type
 * (or every type of a named allow-list, FleetSearchSpec.scopeKey) with a price and a usable capacity, except burstable types without a documented baseline or credit rate (they are
 * never priced), arranged as a dominance forest. A type's parent dominates it: at least the schedulable CPU,
 * memory and task/pod slots, at most the instance-hour price, its reserved part and its running part. The
 * search's capacity lower bound (searchFleet `lb`) is non-decreasing along that order (every step of it is
 * monotone: ceil of total / capacity, the target-utilization rounding, the minimum count, then x price), so
 * once a type's bound is above the runner-up's score, so is every type below it, and the subtree is skipped
 * without being looked at. No other type is skipped, so the answer is the exhaustive scan's; see
 * docs/performance.md#instance-index for the proof and what it does not assume (monotone packing, volumes,
 * credits, tie-breaking).
 */
export interface FleetIndex {
  /** Per node: position in the architecture's type list (catalog order). */
  typeAt: Int32Array;
  cpu: Float64Array;
  mem: Float64Array;
  tasks: Float64Array;
  hourly: Float64Array;
  reserved: Float64Array;
  /** 1 for a burstable type (searched only when allowBurstable). */
  burstable: Uint8Array;
  /** vCPUs, the burstable baseline (-1 when not burstable) and the surplus-credit rate (0 when not). */
  vcpu: Float64Array;
  baseline: Float64Array;
  creditRate: Float64Array;
  roots: Int32Array;
  /**
   * The roots in blocks of ROOT_BLOCK (cheapest first): block b holds roots[blockStart[b] .. blockStart[b + 1]),
   * and stands for them in the search with the most capacity and the lowest prices of its members, so its bound
   * is at most any member's (the same monotone bound) and one bound can rule out the whole block.
   */
  blockStart: Int32Array;
  blockCpu: Float64Array;
  blockMem: Float64Array;
  blockTasks: Float64Array;
  blockHourly: Float64Array;
  blockRunning: Float64Array;
  blockReserved: Float64Array;
  /** Children of node i: childList[childStart[i] .. childStart[i + 1]). */
  childStart: Int32Array;
  childList: Int32Array;
  /** The scan's counters for the index's scope (current-generation types, or the named allow-list), by allowBurstable. */
  counts: {
    burstable: number;
    burstableUnpriced: string[];
    consideredNonBurstable: number;
    consideredBurstable: number;
    checkedNonBurstable: number;
    checkedBurstable: number;
  };
  /** Nodes by type name (for the search without tasks, where every score is 0 and names decide). */
  byName: Int32Array;
  /** Milliseconds it took to build (for the bench's report). */
  buildMs: number;
}

/** A cached index, when it was last asked for, and where it is filed (to drop it). */
interface IndexEntry {
  index: FleetIndex;
  used: number;
  byPrice: Map<string, IndexEntry>;
  key: string;
}

/** Per prepared architecture and capacity function: the index of each pricing key. */
const indexes = new WeakMap<PreparedArch, WeakMap<CapacityFn, Map<string, IndexEntry>>>();

/**
 * At most this many indexes live at once (least recently used dropped first): the keys come from requests (an
 * EKS DaemonSet reserve makes its own capacity function), so without a bound a client cycling through settings,
 * regions and purchase options could make the server hold tens of thousands. 512 x at most ~85 kB (us-east-1
 * x86_64) < 45 MB; the default settings in all 36 regions use 144.
 */
export const MAX_FLEET_INDEXES = 512;
/**
 * Every live index. A use stamps its entry (a counter, not a reordering of this set: moving an entry on every
 * search made the Map rehash its tombstones, 1.5% of a small estimate); only a build past the bound looks for
 * the oldest stamp.
 */
const live = new Set<IndexEntry>();
let useClock = 0;

/** The instance index for a pricing (see FleetIndex), built on first use and kept while the catalog object lives (within MAX_FLEET_INDEXES). */
export function fleetIndex(
  catalog: RegionCatalog,
  arch: Architecture,
  capacity: CapacityFn,
  priceKey: string,
  hourlyOf: (t: InstanceType) => number | null,
  reservedOf: ((t: InstanceType) => number) | undefined,
  /** An allow-list named by a key (FleetSearchSpec.scopeKey): the index holds the listed types only. */
  scope?: { key: string; types: readonly string[] },
): FleetIndex {
  const entry = typesOf(catalog, arch);
  let byCap = indexes.get(entry);
  if (!byCap) {
    byCap = new WeakMap();
    indexes.set(entry, byCap);
  }
  let byPrice = byCap.get(capacity);
  if (!byPrice) {
    byPrice = new Map();
    byCap.set(capacity, byPrice);
  }
  const key = scope ? `${priceKey}@${scope.key}` : priceKey;
  const cached = byPrice.get(key);
  if (cached) {
    cached.used = ++useClock;
    return cached.index;
  }
  const index = buildIndex(entry, capacitiesOf(entry, capacity), hourlyOf, reservedOf, scope ? new Set(scope.types) : null);
  const made: IndexEntry = { index, used: ++useClock, byPrice, key };
  byPrice.set(key, made);
  live.add(made);
  while (live.size > MAX_FLEET_INDEXES) {
    let oldest = made;
    for (const e of live) if (e.used < oldest.used) oldest = e;
    live.delete(oldest);
    if (oldest.byPrice.get(oldest.key) === oldest) oldest.byPrice.delete(oldest.key);
  }
  return index;
}

/** How many instance indexes are alive (for tests of the bound). */
export function fleetIndexCount(): number {
  return live.size;
}

function buildIndex(
  entry: PreparedArch,
  capacities: Array<InstanceCapacity | null>,
  hourlyOf: (t: InstanceType) => number | null,
  reservedOf: ((t: InstanceType) => number) | undefined,
  /** The allow-list's names (the scan's scope then), or null for every current-generation type. */
  allow: ReadonlySet<string> | null,
): FleetIndex {
  const t0 = performance.now();
  const counts: FleetIndex["counts"] = {
    burstable: 0,
    burstableUnpriced: [],
    consideredNonBurstable: 0,
    consideredBurstable: 0,
    checkedNonBurstable: 0,
    checkedBurstable: 0,
  };
  // The candidates, with exactly the filters and counters of the scan (searchFleet's exhaustive loop).
  const cand: Array<{ ti: number; cap: InstanceCapacity; hourly: number; reserved: number; running: number; burstable: boolean }> = [];
  entry.types.forEach((p, ti) => {
    const t = p.t;
    if (allow ? !allow.has(t.type) : !t.currentGeneration) return;
    if (t.burstable) {
      counts.burstable++;
      if (!p.burst) {
        counts.burstableUnpriced.push(t.type);
        return;
      }
      counts.consideredBurstable++;
    } else counts.consideredNonBurstable++;
    const hourly = hourlyOf(t);
    if (hourly === null) return;
    const reserved = reservedOf ? reservedOf(t) : 0;
    const cap = capacities[ti] ?? null;
    if (cap === null || cap.maxTasks < 1 || cap.cpuUnits <= 0 || cap.memMiB <= 0) return;
    if (t.burstable) counts.checkedBurstable++;
    else counts.checkedNonBurstable++;
    cand.push({ ti, cap, hourly, reserved, running: hourly - reserved, burstable: t.burstable });
  });
  // Cheapest first (then the largest), so every dominator of a type comes before it; identical types keep catalog order.
  cand.sort(
    (a, b) =>
      a.hourly - b.hourly ||
      a.reserved - b.reserved ||
      a.running - b.running ||
      b.cap.cpuUnits - a.cap.cpuUnits ||
      b.cap.memMiB - a.cap.memMiB ||
      b.cap.maxTasks - a.cap.maxTasks ||
      a.ti - b.ti,
  );
  const n = cand.length;
  const parent = new Int32Array(n).fill(-1);
  for (let j = 1; j < n; j++) {
    const b = cand[j]!;
    let best = -1;
    for (let i = 0; i < j; i++) {
      const a = cand[i]!;
      if (
        a.cap.cpuUnits >= b.cap.cpuUnits &&
        a.cap.memMiB >= b.cap.memMiB &&
        a.cap.maxTasks >= b.cap.maxTasks &&
        a.hourly <= b.hourly &&
        a.reserved <= b.reserved &&
        a.running <= b.running
      ) {
        // The closest dominator (the dearest, then the smallest): its bound is the nearest to b's, so it prunes most.
        const c = best >= 0 ? cand[best]! : null;
        if (!c || a.hourly > c.hourly || (a.hourly === c.hourly && a.cap.cpuUnits + a.cap.memMiB / 1024 < c.cap.cpuUnits + c.cap.memMiB / 1024)) best = i;
      }
    }
    parent[j] = best;
  }
  const childCount = new Int32Array(n + 1);
  for (let j = 0; j < n; j++) if (parent[j]! >= 0) childCount[parent[j]! + 1]!++;
  const childStart = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) childStart[i + 1] = childStart[i]! + childCount[i + 1]!;
  const fill = childStart.slice(0, n);
  const childList = new Int32Array(Math.max(0, childStart[n]!));
  const roots: number[] = [];
  for (let j = 0; j < n; j++) {
    const pj = parent[j]!;
    if (pj < 0) roots.push(j);
    else childList[fill[pj]!++] = j;
  }
  const blocks = Math.ceil(roots.length / ROOT_BLOCK);
  const blockStart = new Int32Array(blocks + 1);
  const blockCpu = new Float64Array(blocks);
  const blockMem = new Float64Array(blocks);
  const blockTasks = new Float64Array(blocks);
  const blockHourly = new Float64Array(blocks).fill(Infinity);
  const blockRunning = new Float64Array(blocks).fill(Infinity);
  const blockReserved = new Float64Array(blocks).fill(Infinity);
  for (let b = 0; b < blocks; b++) {
    blockStart[b + 1] = Math.min(roots.length, (b + 1) * ROOT_BLOCK);
    for (let r = b * ROOT_BLOCK; r < blockStart[b + 1]!; r++) {
      const c = cand[roots[r]!]!;
      blockCpu[b] = Math.max(blockCpu[b]!, c.cap.cpuUnits);
      blockMem[b] = Math.max(blockMem[b]!, c.cap.memMiB);
      blockTasks[b] = Math.max(blockTasks[b]!, c.cap.maxTasks);
      blockHourly[b] = Math.min(blockHourly[b]!, c.hourly);
      blockRunning[b] = Math.min(blockRunning[b]!, c.running);
      blockReserved[b] = Math.min(blockReserved[b]!, c.reserved);
    }
  }
  return {
    blockStart,
    blockCpu,
    blockMem,
    blockTasks,
    blockHourly,
    blockRunning,
    blockReserved,
    typeAt: Int32Array.from(cand, (c) => c.ti),
    cpu: Float64Array.from(cand, (c) => c.cap.cpuUnits),
    mem: Float64Array.from(cand, (c) => c.cap.memMiB),
    tasks: Float64Array.from(cand, (c) => c.cap.maxTasks),
    hourly: Float64Array.from(cand, (c) => c.hourly),
    reserved: Float64Array.from(cand, (c) => c.reserved),
    burstable: Uint8Array.from(cand, (c) => (c.burstable ? 1 : 0)),
    vcpu: Float64Array.from(cand, (c) => entry.types[c.ti]!.t.vcpu),
    baseline: Float64Array.from(cand, (c) => entry.types[c.ti]!.burst?.baseline ?? -1),
    creditRate: Float64Array.from(cand, (c) => entry.types[c.ti]!.burst?.rate ?? 0),
    roots: Int32Array.from(roots),
    byName: Int32Array.from(cand.map((c, i) => i).sort((a, b) => {
      const x = entry.types[cand[a]!.ti]!.t.type;
      const y = entry.types[cand[b]!.ti]!.t.type;
      return x < y ? -1 : x > y ? 1 : 0;
    })),
    childStart,
    childList,
    counts,
    buildMs: performance.now() - t0,
  };
}

/**
 * What a search needs from its demands alone: the packing order, the fleet's hours, the layers of services up for
 * different hours and their totals, and per layer the services by size (the bounds' solo tasks). Made once per
 * demands array (kept while the array lives): ECS on EC2 and Managed Instances search the same demands, and the
 * region comparison the same ones in every region (ecsFleetDemands hands out one array per services array).
 */
interface FleetLayers {
  /** Larger tasks first: the greedy packing wastes less when big tasks open instances. Shared: never changed. */
  demands: FleetDemand[];
  hours: number;
  runHours: number;
  last: number;
  layerDemands: FleetDemand[][];
  layerHours: number[];
  layerCpu: number[];
  layerMem: number[];
  layerTasks: number[];
  /** Layers of a few services also bound each service alone (lowerBound): cheap for them, and exact for one service. */
  layerFew: Array<FleetDemand[] | null>;
  /** Per layer, its services with tasks by CPU and by memory per task (largest first), and the smallest of each. */
  layerByCpu: FleetDemand[][];
  layerByMem: FleetDemand[][];
  layerMinCpu: number[];
  layerMinMem: number[];
}

const layersByDemands = new WeakMap<readonly FleetDemand[], FleetLayers>();

function layersOf(given: readonly FleetDemand[]): FleetLayers {
  const cached = layersByDemands.get(given);
  if (cached) return cached;
  const demands = [...given].sort((a, b) => b.mem - a.mem || b.cpu - a.cpu || a.index - b.index);
  let hours = 0;
  let runHours = 0;
  for (const d of demands) {
    if (d.hours > hours) hours = d.hours;
    if (d.runHours > runHours) runHours = d.runHours;
  }
  // Layers: services are up for different hours (a scheduled service scales in after its runs). Assuming the
  // shorter windows fall inside the longer ones (so the peak holds everything), layer k packs the services up
  // at least levels[k] hours and runs levels[k] - levels[k + 1] hours (docs/billing-rules.md#ec2-scheduled-work).
  const levels: number[] = [];
  for (const d of demands) if (d.n > 0 && d.hours > 0 && !levels.includes(d.hours)) levels.push(d.hours);
  levels.sort((a, b) => b - a);
  if (levels.length === 0) levels.push(hours);
  // The last (peak) layer is every demand, in order, so the plan's tasks per instance line up with `demands`.
  const layerDemands = levels.map((h, k) => (k === levels.length - 1 ? demands : demands.filter((d) => d.hours >= h)));
  const layers: FleetLayers = {
    demands,
    hours,
    runHours,
    last: levels.length - 1,
    layerDemands,
    layerHours: levels.map((h, k) => h - (levels[k + 1] ?? 0)),
    layerCpu: [],
    layerMem: [],
    layerTasks: [],
    layerFew: [],
    layerByCpu: [],
    layerByMem: [],
    layerMinCpu: [],
    layerMinMem: [],
  };
  for (const ds of layerDemands) {
    let cpu = 0;
    let mem = 0;
    let tasks = 0;
    for (const d of ds) {
      cpu += d.cpu * d.n;
      mem += d.mem * d.n;
      tasks += d.n;
    }
    layers.layerCpu.push(cpu);
    layers.layerMem.push(mem);
    layers.layerTasks.push(tasks);
    const placed = ds.filter((d) => d.n > 0);
    layers.layerFew.push(placed.length <= PER_DEMAND_BOUND_MAX ? placed : null);
    layers.layerByCpu.push(placed.slice().sort((a, b) => b.cpu - a.cpu));
    layers.layerByMem.push(placed.slice().sort((a, b) => b.mem - a.mem));
    let minCpu = Infinity;
    let minMem = Infinity;
    for (const d of placed) {
      if (d.cpu < minCpu) minCpu = d.cpu;
      if (d.mem < minMem) minMem = d.mem;
    }
    layers.layerMinCpu.push(minCpu);
    layers.layerMinMem.push(minMem);
  }
  layersByDemands.set(given, layers);
  return layers;
}

/**
 * One search's state and steps (searchFleet): methods on a class rather than closures made per search, so a search
 * allocates one object (and, under tsx's keepNames, names no function).
 */
class FleetSearch {
  best: FleetChoice | null = null;
  runnerUp: FleetChoice | null = null;
  /** Per layer: the lower bound on its instance count for the type last bounded (lowerBound). */
  readonly layerLb: number[];
  readonly perScratch: number[];
  readonly boundScratch: FleetBound[];
  readonly layerPer: number[];
  readonly layerBound: FleetBound[];
  readonly last: number;
  readonly runShare: number;
  readonly gp3PerGiBHour: number;
  readonly rootHourly: number;
  readonly target: number;
  readonly minInstances: number;
  /**
   * Paid per running instance-hour by every type alike (a public IPv4 address): part of `running` and of the
   * bounds; a constant for every type, so the index's dominance (built without it) still holds.
   */
  readonly runningExtra: number;
  readonly rootVolumeGiB: number;

  readonly hours: number;
  readonly layerDemands: FleetDemand[][];
  readonly layerHours: number[];
  readonly layerCpu: number[];
  readonly layerMem: number[];
  readonly layerTasks: number[];
  readonly layerFew: Array<FleetDemand[] | null>;
  readonly layerByCpu: FleetDemand[][];
  readonly layerByMem: FleetDemand[][];
  readonly layerMinCpu: number[];
  readonly layerMinMem: number[];

  constructor(
    spec: FleetSearchSpec,
    readonly types: PreparedType[],
    readonly capacities: Array<InstanceCapacity | null>,
    layers: FleetLayers,
  ) {
    const { layerDemands, hours, runHours } = layers;
    this.hours = hours;
    this.layerDemands = layerDemands;
    this.layerHours = layers.layerHours;
    this.layerCpu = layers.layerCpu;
    this.layerMem = layers.layerMem;
    this.layerTasks = layers.layerTasks;
    this.layerFew = layers.layerFew;
    this.layerByCpu = layers.layerByCpu;
    this.layerByMem = layers.layerByMem;
    this.layerMinCpu = layers.layerMinCpu;
    this.layerMinMem = layers.layerMinMem;
    const n = (layerDemands[layerDemands.length - 1] as FleetDemand[]).length;
    this.last = layerDemands.length - 1;
    this.layerLb = new Array<number>(layerDemands.length).fill(0);
    this.perScratch = new Array<number>(n).fill(0);
    this.boundScratch = new Array<FleetBound>(n).fill("cpu");
    this.layerPer = new Array<number>(n).fill(0);
    this.layerBound = new Array<FleetBound>(n).fill("cpu");
    // Surplus credits accrue while the tasks run; the fleet's other hours are idle instances.
    this.runShare = hours > 0 ? Math.min(1, runHours / hours) : 0;
    this.gp3PerGiBHour = spec.gp3PerGiBHour;
    this.rootHourly = spec.rootVolumeGiB * spec.gp3PerGiBHour;
    this.target = spec.targetUtilizationPct;
    this.minInstances = spec.minInstances;
    this.runningExtra = spec.runningExtraHourly ?? 0;
    this.rootVolumeGiB = spec.rootVolumeGiB;
  }

  /**
   * Lower bound on a type's score from capacity alone (fills layerLb): volumes only grow from the root volume
   * and surplus credits are never negative, so no fleet of the type scores less. Non-decreasing as capacity
   * shrinks and as any of the prices grows (the instance index relies on it).
   * Per layer, the instances needed are at least the layer's totals over the capacity, and (layers of at most
   * PER_DEMAND_BOUND_MAX services) at least each service's tasks over the tasks of it one instance holds (`per`,
   * computed as pack() does: no instance of the packing holds more); `per` below 1 counts as 1, which keeps the
   * bound finite and still non-decreasing as capacity shrinks (a type that holds no task of a service is never
   * a fleet: pack() returns null).
   */
  lowerBound(cpuUnits: number, memMiB: number, maxTasks: number, hourly: number, running: number, reservedMonth: number): number {
    const { last, layerCpu, layerMem, layerTasks, layerFew, layerLb, layerHours, minInstances, target, hours } = this;
    let lbInstanceHours = 0;
    for (let k = 0; k <= last; k++) {
      const byCpu = this.layerByCpu[k] as FleetDemand[];
      const byMem = this.layerByMem[k] as FleetDemand[];
      // A task larger than the instance: no fleet of this type (pack() finds none), nor of any smaller type.
      if (byCpu.length > 0 && (Math.floor(cpuUnits / (byCpu[0] as FleetDemand).cpu + EPS) < 1 || Math.floor(memMiB / (byMem[0] as FleetDemand).mem + EPS) < 1)) return Infinity;
      // Tasks too large to share an instance with even the layer's smallest task (by CPU or by memory, as pack()
      // tests the room left) each hold an instance alone; the rest need at least their totals' worth of others.
      const minCpu = this.layerMinCpu[k] as number;
      const minMem = this.layerMinMem[k] as number;
      let soloTasks = 0;
      let soloCpu = 0;
      let soloMem = 0;
      for (let i = 0; i < byCpu.length; i++) {
        const d = byCpu[i] as FleetDemand;
        if (Math.floor((cpuUnits - d.cpu) / minCpu + EPS) >= 1) break;
        soloTasks += d.n;
        soloCpu += d.cpu * d.n;
        soloMem += d.mem * d.n;
      }
      for (let i = 0; i < byMem.length; i++) {
        const d = byMem[i] as FleetDemand;
        if (Math.floor((memMiB - d.mem) / minMem + EPS) >= 1) break;
        if (Math.floor((cpuUnits - d.cpu) / minCpu + EPS) < 1) continue; // counted by CPU
        soloTasks += d.n;
        soloCpu += d.cpu * d.n;
        soloMem += d.mem * d.n;
      }
      let lbNeeded =
        soloTasks +
        Math.max(
          Math.ceil(((layerCpu[k] as number) - soloCpu) / cpuUnits - EPS),
          Math.ceil(((layerMem[k] as number) - soloMem) / memMiB - EPS),
          Math.ceil(((layerTasks[k] as number) - soloTasks) / maxTasks - EPS),
          0,
        );
      const few = layerFew[k];
      if (few) {
        for (let i = 0; i < few.length; i++) {
          const d = few[i] as FleetDemand;
          const per = Math.min(Math.floor(cpuUnits / d.cpu + EPS), Math.floor(memMiB / d.mem + EPS), maxTasks);
          const alone = Math.ceil(d.n / Math.max(per, 1) - EPS);
          if (alone > lbNeeded) lbNeeded = alone;
        }
      }
      const layerCount = Math.max(minInstances, instancesForTarget(lbNeeded, target));
      layerLb[k] = layerCount;
      lbInstanceHours += layerCount * (layerHours[k] as number);
    }
    return hours > 0
      ? (lbInstanceHours * (running + this.runningExtra + this.rootHourly) + (layerLb[last] as number) * reservedMonth) / hours
      : Math.max(minInstances, 0) * (hourly + this.runningExtra + this.rootHourly);
  }

  /**
   * What a fleet of the type costs at least when its peak layer needs `needed` instances (the other layers at
   * their bounds in layerLb): the check evaluate() makes after packing, with the same sums in the same order,
   * so it is never above the type's score once the packing needs `needed` or more.
   */
  peakBound(needed: number, running: number, reservedMonth: number): number {
    const { last, layerHours, layerLb } = this;
    const count = Math.max(this.minInstances, instancesForTarget(needed, this.target));
    let bound = count * (layerHours[last] as number);
    for (let k = 0; k < last; k++) bound += (layerLb[k] as number) * (layerHours[k] as number);
    return (bound * (running + this.rootHourly) + count * reservedMonth) / this.hours;
  }

  /**
   * The most instances the peak layer's packing may open and the type still enter the top two (score at most
   * `threshold`): peakBound is non-decreasing in `needed`, and the packing's count only grows, so pack() stops
   * as soon as it passes this. Infinity when no count is too many.
   */
  neededLimit(running: number, reservedMonth: number, threshold: number): number {
    if (this.peakBound(0, running, reservedMonth) > threshold) return -1;
    let over = 1;
    while (this.peakBound(over, running, reservedMonth) <= threshold) {
      if (over > 1e9) return Infinity;
      over *= 2;
    }
    let ok = over / 2 >= 1 ? over / 2 : 0; // peakBound(ok) <= threshold < peakBound(over)
    while (over - ok > 1) {
      const mid = Math.floor((ok + over) / 2);
      if (this.peakBound(mid, running, reservedMonth) <= threshold) ok = mid;
      else over = mid;
    }
    return ok;
  }

  /** Above this, a type cannot enter the top two. */
  threshold(): number {
    return this.runnerUp ? this.runnerUp.score * (1 + 1e-12) : Infinity;
  }

  /** The bound of node i of an index (fills layerLb for its evaluation). */
  boundOf(index: FleetIndex, i: number): number {
    const h = index.hourly[i] as number;
    const r = index.reserved[i] as number;
    return this.lowerBound(index.cpu[i] as number, index.mem[i] as number, index.tasks[i] as number, h, h - r, r * HOURS_PER_MONTH);
  }

  /** Evaluate node j of an index (its bound just computed). */
  evaluateNode(index: FleetIndex, j: number): void {
    this.evaluate(
      index.typeAt[j] as number,
      index.cpu[j] as number,
      index.mem[j] as number,
      index.tasks[j] as number,
      index.vcpu[j] as number,
      index.baseline[j] as number,
      index.creditRate[j] as number,
      index.hourly[j] as number,
      index.reserved[j] as number,
    );
  }

  /** Pack and price one type whose bound (layerLb) was just computed and did not exceed the threshold; keep it if it enters the top two. */
  evaluate(ti: number, cpuUnits: number, memMiB: number, maxTasks: number, vcpu: number, baseline: number, creditRate: number, hourly: number, reserved: number): void {
    const { last, layerDemands, layerHours, layerLb, minInstances, target, hours, gp3PerGiBHour, runningExtra } = this;
    const groups = sharedGroups;
    // Numbers only until the type enters the top two (the index keeps them in arrays: no visit to the type object).
    const burstable = baseline >= 0;
    const running = hourly - reserved + runningExtra;
    const reservedMonth = reserved * HOURS_PER_MONTH;
    const fullCpuUnits = vcpu * CPU_UNITS_PER_VCPU;
    // The peak layer (every service) gives the plan's count and tasks per instance.
    const runnerUp = this.runnerUp;
    const peak = layerDemands[last] as FleetDemand[];
    const limit = runnerUp && hours > 0 && peak.length >= PACK_LIMIT_MIN_DEMANDS ? this.neededLimit(running, reservedMonth, runnerUp.score * (1 + 1e-12)) : Infinity;
    const needed = pack(cpuUnits, memMiB, maxTasks, fullCpuUnits, baseline, peak, this.perScratch, this.boundScratch, groups, limit);
    if (needed === PACK_OVER) fleetSearchStats.packsStopped++;
    if (needed === null || needed === PACK_OVER) return;
    const count = Math.max(minInstances, instancesForTarget(needed, target));
    let maxStorage = groups.maxStorage;
    let surplusShareHours = groups.surplusShare * (layerHours[last] as number);
    let instanceHours = count * (layerHours[last] as number);
    let layers: Array<{ count: number; hours: number }> | null = null;
    if (last > 0) {
      // The peak layer is packed; bound the others before packing them.
      if (runnerUp) {
        let bound = instanceHours;
        for (let k = 0; k < last; k++) bound += (layerLb[k] as number) * (layerHours[k] as number);
        if ((bound * (running + this.rootHourly) + count * reservedMonth) / hours > runnerUp.score * (1 + 1e-12)) return;
      }
      layers = [];
      for (let k = 0; k < last; k++) {
        const n = pack(cpuUnits, memMiB, maxTasks, fullCpuUnits, baseline, layerDemands[k] as FleetDemand[], this.layerPer, this.layerBound, groups) as number;
        const c = Math.max(minInstances, instancesForTarget(n, target));
        layers.push({ count: c, hours: layerHours[k] as number });
        instanceHours += c * (layerHours[k] as number);
        surplusShareHours += groups.surplusShare * (layerHours[k] as number);
        if (groups.maxStorage > maxStorage) maxStorage = groups.maxStorage;
      }
      layers.push({ count, hours: layerHours[last] as number });
    }
    // One launch template per fleet: every instance gets the volume its fullest instance needs.
    const volumeGiB = ec2VolumeGiB(this.rootVolumeGiB, maxStorage);
    const surplusUSD = burstable ? surplusShareHours * vcpu * creditRate * this.runShare : 0;
    const monthly = instanceHours * (running + volumeGiB * gp3PerGiBHour) + count * reservedMonth + surplusUSD;
    const score = hours > 0 ? monthly / hours : count * (hourly + runningExtra + volumeGiB * gp3PerGiBHour);
    // Allocate only for a choice that enters the top two.
    if (runnerUp && score > runnerUp.score * (1 + 1e-12)) return;
    const p = this.types[ti] as PreparedType;
    const choice: FleetChoice = {
      type: p.t,
      capacity: this.capacities[ti] as InstanceCapacity,
      burst: p.burst,
      hourly,
      needed,
      count,
      perInstance: this.perScratch.slice(),
      bounds: this.boundScratch.slice(),
      volumeGiB,
      instanceHours,
      surplusShareHours: burstable ? surplusShareHours * this.runShare : 0,
      layers: layers ?? [{ count, hours: layerHours[last] as number }],
      score,
    };
    const best = this.best;
    if (!best || better(choice, best)) {
      this.runnerUp = best;
      this.best = choice;
    } else if (!runnerUp || better(choice, runnerUp)) {
      this.runnerUp = choice;
    }
  }
}

/** The cheapest fleet of one architecture for the demands, or why there is none. See the module comment. */
export function searchFleet(spec: FleetSearchSpec): FleetResult | { reason: ReasonMessage } {
  const { catalog, arch } = spec;
  const layers = layersOf(spec.demands);
  const { demands, hours, runHours, last } = layers;
  const layerTasks = layers.layerTasks;
  const listed = spec.instanceTypes.length > 0;
  const entry = typesOf(catalog, arch);
  const types = entry.types;
  const capacities = capacitiesOf(entry, spec.capacity);
  const search = new FleetSearch(spec, types, capacities, layers);
  const minInstances = spec.minInstances;
  let burstableExcluded = 0;
  let burstableUnpriced: readonly string[] = [];
  let checked = 0;
  let considered = 0;
  const index =
    spec.priceKey !== undefined && (!listed || spec.scopeKey !== undefined)
      ? fleetIndex(catalog, arch, spec.capacity, spec.priceKey, spec.hourly, spec.reservedHourly, listed ? { key: spec.scopeKey as string, types: spec.instanceTypes } : undefined)
      : null;
  if (index) {
    // The scan's counters, counted once when the index was built.
    const c = index.counts;
    if (spec.allowBurstable) {
      burstableUnpriced = c.burstableUnpriced;
      considered = c.consideredNonBurstable + c.consideredBurstable;
      checked = c.checkedNonBurstable + c.checkedBurstable;
    } else {
      burstableExcluded = c.burstable;
      considered = c.consideredNonBurstable;
      checked = c.checkedNonBurstable;
    }
    const { typeAt, burstable, roots, childStart, childList } = index;
    const allowBurstable = spec.allowBurstable;
    if (minInstances === 0 && layerTasks[last] === 0) {
      // No task to place and no minimum: every type's fleet is 0 instances and scores exactly 0, so the order is
      // the tie-break's, by name: the first two searchable names are the best and the runner-up.
      let found = 0;
      for (let k = 0; k < index.byName.length && found < 2; k++) {
        const j = index.byName[k] as number;
        if (burstable[j] !== 0 && !allowBurstable) continue;
        search.boundOf(index, j);
        search.evaluateNode(index, j);
        found++;
      }
    } else {
      // Best first: a heap of nodes by bound, the roots to start with. The node with the lowest bound is packed
      // next and the nodes it dominates join the heap; once the lowest bound is above the runner-up's score, so
      // is every bound left (theirs and their subtrees'), and the search is over.
      // Blocks of roots go in first (as -1 - block): a block's bound is at most its members', so a block
      // whose bound is above the runner-up is skipped with all its roots and their subtrees.
      const { blockStart, blockCpu, blockMem, blockTasks, blockHourly, blockRunning, blockReserved } = index;
      const heap = heapFor(typeAt.length + blockCpu.length);
      for (let b = 0; b < blockCpu.length; b++) {
        const bb = search.lowerBound(blockCpu[b] as number, blockMem[b] as number, blockTasks[b] as number, blockHourly[b] as number, blockRunning[b] as number, (blockReserved[b] as number) * HOURS_PER_MONTH);
        heap.push(bb, -1 - b);
      }
      while (heap.size > 0) {
        const b = heap.minKey();
        if (b > search.threshold()) break;
        const j = heap.pop();
        if (j < 0) {
          const block = -1 - j;
          for (let r = blockStart[block] as number; r < (blockStart[block + 1] as number); r++) {
            const root = roots[r] as number;
            const rb = search.boundOf(index, root);
            if (rb <= search.threshold()) heap.push(rb, root);
          }
          continue;
        }
        if (burstable[j] === 0 || allowBurstable) {
          if (last > 0) search.boundOf(index, j); // refill layerLb for this node
          search.evaluateNode(index, j);
        }
        for (let k = childStart[j] as number; k < (childStart[j + 1] as number); k++) {
          const c = childList[k] as number;
          const cb = search.boundOf(index, c);
          if (cb <= search.threshold()) heap.push(cb, c);
        }
      }
    }
  } else {
    // Exhaustive: every type of the scope (an allow-list without a scopeKey, or a pricing without a priceKey).
    const allow = listed ? new Set(spec.instanceTypes) : null;
    const unpriced: string[] = [];
    burstableUnpriced = unpriced;
    const hourlyOf = spec.hourly;
    const reservedOf = spec.reservedHourly;
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
        unpriced.push(t.type);
        continue;
      }
      considered++;
      const hourly = hourlyOf(t);
      if (hourly === null) continue;
      // Per instance: `running` per instance-hour it runs, `reserved` per hour of the month at peak count.
      const reserved = reservedOf ? reservedOf(t) : 0;
      const cap = capacities[ti] ?? null;
      if (cap === null || cap.maxTasks < 1 || cap.cpuUnits <= 0 || cap.memMiB <= 0) continue;
      checked++;
      // Types that cannot beat the two best by capacity alone are not packed.
      const lb = search.lowerBound(cap.cpuUnits, cap.memMiB, cap.maxTasks, hourly, hourly - reserved, reserved * HOURS_PER_MONTH);
      if (lb > search.threshold()) continue;
      search.evaluate(ti, cap.cpuUnits, cap.memMiB, cap.maxTasks, t.vcpu, p.burst ? p.burst.baseline : -1, p.burst ? p.burst.rate : 0, hourly, reserved);
    }
  }
  const found = search.best;
  if (!found) {
    const scope = listed ? { kind: "allowed" as const, types: [...spec.instanceTypes] } : { kind: "current-generation" as const, arch };
    const leftOut = { burstableExcluded, burstableUnpriced: [...burstableUnpriced] };
    const reason =
      considered === 0
        ? burstableExcluded + burstableUnpriced.length > 0
          ? message("fleet-no-type-left", { arch, scope, leftOut })
          : message("fleet-types-not-in-catalog", { arch, scope, region: catalog.region })
        : message("fleet-cannot-hold", {
            arch,
            scope,
            priceText: spec.priceText,
            demands: demands.map((d) => ({ service: d.name, vcpu: d.cpu / CPU_UNITS_PER_VCPU, memoryGiB: d.mem / MIB_PER_GIB })),
            limitText: spec.limitText ?? "",
            leftOut,
          });
    return { reason };
  }
  return { arch, choice: found, demands, hours, runHours, checked, runnerUp: search.runnerUp, burstableExcluded, burstableUnpriced };
}
