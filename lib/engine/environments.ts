/**
 * Environments and weekly schedules (docs/billing-rules.md#weekly-schedules). Each environment is a copy of the
 * services with tasks x multiplier, running per its weekly schedule (quarter-hour grid in UTC, lib/schedule/week.ts)
 * and task profile, with its own interruption tolerance.
 *
 * How it plugs into the engine: `expandEnvironments` turns the input into one service per (environment, service)
 * pair, named "api (dev)", whose usage carries the schedule; the Fargate options, the recommendation and the bill
 * lines then price those services as they price any other. ECS on EC2 runs ONE fleet for all environments, sized
 * for each period's peak with the scale-in rule (`environmentsEc2Option`), through ec2.ts's public `ec2Option`.
 * Pure: the time-zone offsets are read at the catalog date.
 */
import type { RegionCatalog } from "../catalog/schema";
import type { CostLine, EnvironmentResult, EstimateInput, EstimateOption, EstimateResult, Environment, Service } from "../schemas/estimate";
import { HOURS_PER_MONTH, MIB_PER_GIB } from "../units";
import { describeSchedule, HOURS_PER_WEEK, onDays, referenceEpochMs, SLOTS_PER_HOUR, SLOTS_PER_WEEK, slotsToHours, weeklyFactorHours, weeklyFactors, WEEKS_PER_MONTH } from "../schedule/week";
import { discountPercentOf, hasDiscount } from "./discounts";
import { ec2Option, perInstanceLine, withPerInstance } from "./ec2";
import { num, withRate } from "./lines";
import { MessageSet } from "./messages";
import { message, type WarningMessage, type ServiceRef } from "../schemas/messages";
import { CLUSTER_SCALE_IN_WAIT_SECONDS, EC2_LAUNCH_SECONDS, ec2Demand } from "./rules";

/** Hours a month one quarter-hour of the week stands for (730 h / 672 slots). */
const SLOT_HOURS_PER_MONTH = (HOURS_PER_MONTH / HOURS_PER_WEEK) / SLOTS_PER_HOUR;
const SLOT_MINUTES = 60 / SLOTS_PER_HOUR;
/**
 * Scale-in rule on the quarter-hour grid (docs/billing-rules.md#ec2-scheduled-work): after demand drops, the
 * instances stay for the 15-minute scale-in wait (exactly one slot); before demand rises, new instances launch
 * 3 minutes early. So slot q is billed at max(d[q-1], d[q]) for its first 12 minutes and at
 * max(d[q-1], d[q], d[q+1]) for its last 3.
 */
const LAUNCH_MINUTES = EC2_LAUNCH_SECONDS / 60;
const HOLD_SHARE = (SLOT_MINUTES - LAUNCH_MINUTES) / SLOT_MINUTES;
const LAUNCH_SHARE = LAUNCH_MINUTES / SLOT_MINUTES;
if (CLUSTER_SCALE_IN_WAIT_SECONDS !== SLOT_MINUTES * 60) throw new Error("the scale-in wait must be one slot of the week grid");

export interface EnvironmentPair {
  /** The service's name in the expanded input and on its lines: "api (dev)". */
  key: string;
  environment: Environment;
  envIndex: number;
  service: Service;
  serviceIndex: number;
  /** The expanded service (tasks x multiplier, usage carrying the schedule, the environment's Spot tolerance). */
  expanded: Service;
  /** Tasks running in each quarter-hour of the week, UTC (scheduled jobs: their average, spread over the on-time). */
  demand: Float64Array;
  /** Whole tasks of the ECS service in each quarter-hour (continuous usage only; 0 for scheduled jobs). */
  wholeTasks: Int32Array;
}

export interface Expanded {
  /** The input with one service per (environment, service) pair and no environments. */
  input: EstimateInput;
  pairs: EnvironmentPair[];
  byKey: Map<string, EnvironmentPair>;
  /** Per environment: hours a week its schedule is on. */
  onHoursPerWeek: number[];
  warnings: WarningMessage[];
}

export function pairKey(service: string, environment: string): string {
  return `${service} (${environment})`;
}

/** Task-hours a month of one service as the engine bills its tasks' running time (before minimums). */
function taskHoursOf(tasks: number, usage: Service["usage"]): number {
  if (usage.kind === "continuous") return tasks * usage.hoursPerMonth;
  return (tasks * usage.runsPerDay * usage.daysPerMonth * Math.ceil(usage.secondsPerRun)) / 3600;
}

/**
 * One service per (environment, service) pair (docs/billing-rules.md#weekly-schedules):
 * - continuous usage runs during the schedule's on-time with tasks x multiplier x the task profile's factor: the
 *   schedule replaces hoursPerMonth (hoursPerMonth = weekly factor-hours x 730 / 168);
 * - scheduled jobs keep their runs, on the schedule's on-days only: daysPerMonth x on-days / 7, tasks x multiplier
 *   (the task profile does not apply to them);
 * - interruptible = the environment's flag when set, else the service's;
 * - logs scale with the pair's task-hours relative to the service's own.
 */
export function expandEnvironments(input: EstimateInput, catalogId: string): Expanded {
  const environments = input.environments ?? [];
  const at = referenceEpochMs(catalogId);
  const pairs: EnvironmentPair[] = [];
  const byKey = new Map<string, EnvironmentPair>();
  const onHoursPerWeek: number[] = [];
  const warnings: WarningMessage[] = [];
  input.services.forEach((s, i) => {
    if (s.usage.kind === "continuous" && Math.abs(s.usage.hoursPerMonth - HOURS_PER_MONTH) > 1e-9) {
      warnings.push(message("schedule-replaces-hours", { service: { index: i, name: s.name }, hoursPerMonth: s.usage.hoursPerMonth }));
    }
  });
  environments.forEach((environment, envIndex) => {
    const factors = weeklyFactors(environment, at);
    const onGrid = weeklyFactors({ schedule: environment.schedule, taskProfile: null }, at);
    let onSlots = 0;
    for (const f of onGrid) if (f > 0) onSlots++;
    onHoursPerWeek.push(onSlots / SLOTS_PER_HOUR);
    const factorHours = weeklyFactorHours(factors);
    const days = onDays(environment.schedule);
    input.services.forEach((service, serviceIndex) => {
      const tasks = service.tasks * environment.multiplier;
      const usage: Service["usage"] =
        service.usage.kind === "continuous"
          ? { kind: "continuous", hoursPerMonth: (factorHours * HOURS_PER_MONTH) / HOURS_PER_WEEK }
          : { ...service.usage, daysPerMonth: (service.usage.daysPerMonth * days) / 7 };
      const demand = new Float64Array(SLOTS_PER_WEEK);
      const wholeTasks = new Int32Array(SLOTS_PER_WEEK);
      if (usage.kind === "continuous") {
        for (let q = 0; q < SLOTS_PER_WEEK; q++) {
          const f = factors[q] as number;
          demand[q] = tasks * f;
          wholeTasks[q] = f > 0 ? Math.ceil(tasks * f - 1e-9) : 0;
        }
      } else if (onSlots > 0) {
        // The runs' average tasks, spread evenly over the on-time (the grid does not know when in the day they start).
        const perSlot = taskHoursOf(tasks, usage) / WEEKS_PER_MONTH / (onSlots / SLOTS_PER_HOUR);
        for (let q = 0; q < SLOTS_PER_WEEK; q++) if ((onGrid[q] as number) > 0) demand[q] = perSlot;
      }
      const baseHours = taskHoursOf(service.tasks, service.usage);
      const ownHours = taskHoursOf(tasks, usage);
      const expanded: Service = { ...service, tasks, usage };
      let key = pairKey(service.name, environment.name);
      for (let n = 2; byKey.has(key) || input.services.some((x) => x.name === key); n++) key = `${pairKey(service.name, environment.name)} #${n}`;
      expanded.name = key;
      const interruptible = environment.interruptible ?? service.interruptible;
      if (interruptible === undefined) delete expanded.interruptible;
      else expanded.interruptible = interruptible;
      if (service.logs) {
        const ratio = baseHours > 0 ? ownHours / baseHours : 0;
        expanded.logs = { ...service.logs, ingestedGBPerMonth: service.logs.ingestedGBPerMonth * ratio };
      }
      const pair: EnvironmentPair = { key, environment, envIndex, service, serviceIndex, expanded, demand, wholeTasks };
      pairs.push(pair);
      byKey.set(key, pair);
    });
  });
  const expandedInput: EstimateInput = { ...input, services: pairs.map((p) => p.expanded) };
  delete expandedInput.environments;
  return { input: expandedInput, pairs, byKey, onHoursPerWeek, warnings };
}

// ---------------------------------------------------------------- ECS on EC2: one fleet sized per period

/** Per-fleet week of the EC2 option: instances billed in each quarter-hour and each pair's share of that slot. */
export interface FleetWeek {
  /** Average instances running in each quarter-hour (the chosen type; scale-in rule applied). */
  instances: Float64Array;
  /** The instance line's week: with Reserved Instances the reserved count in every quarter-hour, else `instances`. */
  reservedInstances: Float64Array;
  /** Per pair key: its share (0..1) of the fleet's cost in each quarter-hour; slots nobody uses split by month weight. */
  shares: Map<string, Float64Array>;
  /** The plan's instances of this fleet (what a reservation pays for all month). */
  planInstances: number;
}

export interface Ec2Week {
  option: EstimateOption;
  /** Keyed by the fleet's line service ("x86_64 fleet"). */
  fleets: Map<string, FleetWeek>;
  /** Per fleet: instances kept while no environment runs (minInstances), for the cost at zero tasks. */
  idleInstances: number;
}

/** Whole tasks per service of one fleet (plain arrays: small typed arrays are slow to allocate by the thousand). */
type Vec = number[];

/**
 * One step of a service's demand along the chain of levels, as a continuous service for ec2.ts's search: the
 * service's own size and name (the plan reads "holds 4 tasks of api"), `tasks` more tasks up `hours` a month.
 */
function levelService(service: Service, tasks: number, hours: number): Service {
  const s: Service = { ...service, tasks, usage: { kind: "continuous", hoursPerMonth: hours } };
  delete s.logs;
  return s;
}
const vecKey = (v: Vec) => v.join(",");

/** Per result's warning set: its scheduled-fleet warning (which names the fleet options it covers). */
const scheduledFleetWarnings = new WeakMap<MessageSet, WarningMessage & { code: "scheduled-fleet" }>();

/**
 * One warning for every EC2-backed option sized per period (ECS on EC2, ECS Managed Instances): the same rule, so
 * it names each option once instead of being repeated per option. Keeps its place among the warnings.
 */
function addScheduledFleetWarning(warnings: MessageSet, optionId: EstimateOption["id"]): void {
  const before = scheduledFleetWarnings.get(warnings);
  if (before?.params.options.includes(optionId)) return;
  const next = {
    code: "scheduled-fleet" as const,
    params: { options: [...(before?.params.options ?? []), optionId], launchSeconds: EC2_LAUNCH_SECONDS, scaleInWaitSeconds: CLUSTER_SCALE_IN_WAIT_SECONDS },
  };
  scheduledFleetWarnings.set(warnings, next);
  if (before) warnings.replace(before, next);
  else warnings.add(next);
}

/** The lines environmentsEc2Option adds for minInstances while no environment runs. */
const idleLines = new WeakSet<CostLine>();

/**
 * The OPTION.ec2 option for environments (docs/billing-rules.md#weekly-schedules): the total whole tasks of each
 * service over all environments in each quarter-hour, the scale-in rule on that demand, then the distinct demand
 * levels (periods) priced by ec2.ts's fleet search: each level becomes a layer of the cheapest fleet (levels are
 * made nested by taking, from the smallest up, the per-service maximum of the levels so far; exact when the
 * levels are nested, as for prod + business-hours dev or a day/night profile, conservative otherwise).
 * Scheduled jobs join as scheduled services (their own scale-in layers, ec2.ts). minInstances stays all month.
 */
export function environmentsEc2Option(
  ex: Expanded,
  catalog: RegionCatalog,
  warnings: MessageSet,
  priceFleet: (input: EstimateInput, catalog: RegionCatalog, warnings: MessageSet) => EstimateOption = ec2Option,
): Ec2Week {
  const input = ex.input;
  const continuous = ex.pairs.filter((p) => p.expanded.usage.kind === "continuous");
  const scheduled = ex.pairs.filter((p) => p.expanded.usage.kind === "scheduled" && p.expanded.tasks > 0);
  // Services (by original index) that appear with continuous demand, grouped by architecture.
  const serviceIndexes = [...new Set(continuous.map((p) => p.serviceIndex))];
  const total = new Map<number, Int32Array>();
  for (const i of serviceIndexes) total.set(i, new Int32Array(SLOTS_PER_WEEK));
  for (const p of continuous) {
    const t = total.get(p.serviceIndex) as Int32Array;
    for (let q = 0; q < SLOTS_PER_WEEK; q++) t[q]! += p.wholeTasks[q] as number;
  }
  const original = (i: number) => (ex.pairs.find((p) => p.serviceIndex === i) as EnvironmentPair).service;
  const archOf = (i: number) => original(i).architecture;
  const arches = [...new Set([...serviceIndexes.map(archOf), ...scheduled.map((p) => p.expanded.architecture)])];

  const pseudo: Service[] = [];
  const perArch = new Map<string, { members: number[]; pieces: { slot: number; hours: number; vec: Vec }[]; chain: { vec: Vec; hours: number }[]; levelOf: number[]; busyHours: number }>();
  for (const arch of arches) {
    const members = serviceIndexes.filter((i) => archOf(i) === arch);
    const series = members.map((i) => total.get(i) as Int32Array);
    const wrap = (q: number) => (q + SLOTS_PER_WEEK) % SLOTS_PER_WEEK;
    const max = (...vs: Vec[]) => {
      const out = new Array<number>(members.length).fill(0);
      for (const v of vs) for (let k = 0; k < out.length; k++) if ((v[k] as number) > (out[k] as number)) out[k] = v[k] as number;
      return out;
    };
    // Two pieces per slot: 12 minutes held at max(prev, this), 3 minutes at max(prev, this, next) (launch ahead).
    const pieces: { slot: number; hours: number; vec: Vec }[] = [];
    for (let q = 0; q < SLOTS_PER_WEEK; q++) {
      const hold: Vec = new Array<number>(members.length);
      const launch: Vec = new Array<number>(members.length);
      for (let k = 0; k < members.length; k++) {
        const t = series[k] as Int32Array;
        const held = Math.max(t[wrap(q - 1)] as number, t[q] as number);
        hold[k] = held;
        launch[k] = Math.max(held, t[wrap(q + 1)] as number);
      }
      pieces.push({ slot: q, hours: SLOT_HOURS_PER_MONTH * HOLD_SHARE, vec: hold });
      pieces.push({ slot: q, hours: SLOT_HOURS_PER_MONTH * LAUNCH_SHARE, vec: launch });
    }
    const levels = new Map<string, { vec: Vec; hours: number }>();
    let busyHours = 0;
    for (const piece of pieces) {
      if (piece.vec.every((n) => n === 0)) continue;
      busyHours += piece.hours;
      const k = vecKey(piece.vec);
      const level = levels.get(k);
      if (level) level.hours += piece.hours;
      else levels.set(k, { vec: piece.vec, hours: piece.hours });
    }
    // Nested chain, smallest first by reserved vCPU + memory.
    const size = (v: Vec) => members.reduce((sum, i, k) => sum + (v[k] as number) * (original(i).vcpu + original(i).memoryGiB / 4), 0);
    const sorted = [...levels.values()].sort((a, b) => size(a.vec) - size(b.vec));
    const chain: { vec: Vec; hours: number }[] = [];
    let running: Vec = new Array<number>(members.length).fill(0);
    for (const level of sorted) {
      running = max(running, level.vec);
      const last = chain[chain.length - 1];
      if (last && vecKey(last.vec) === vecKey(running)) last.hours += level.hours;
      else chain.push({ vec: running, hours: level.hours });
    }
    const chainIndex = new Map<string, number>();
    sorted.forEach((level) => {
      // The chain entry that holds this level: the first whose vector covers it.
      const j = chain.findIndex((c) => c.vec.every((n, k) => n >= (level.vec[k] as number)));
      chainIndex.set(vecKey(level.vec), j);
    });
    const levelOf = pieces.map((piece) => (piece.vec.every((n) => n === 0) ? -1 : (chainIndex.get(vecKey(piece.vec)) ?? chain.length - 1)));
    // Pseudo-services: the increments of each service along the chain, each up for the hours of its level and above.
    let cumulative = chain.reduce((sum, c) => sum + c.hours, 0);
    chain.forEach((c, j) => {
      members.forEach((i, k) => {
        const inc = (c.vec[k] as number) - (j > 0 ? ((chain[j - 1] as { vec: Vec }).vec[k] as number) : 0);
        if (inc > 0) pseudo.push(levelService(original(i), inc, cumulative));
      });
      cumulative -= c.hours;
    });
    perArch.set(arch, { members, pieces, chain, levelOf, busyHours });
  }
  for (const p of scheduled) pseudo.push(p.expanded);

  const ec2Input: EstimateInput = { ...input, services: pseudo.length > 0 ? pseudo : input.services.slice(0, 1).map((s) => ({ ...s, tasks: 0 })) };
  const option = priceFleet(ec2Input, catalog, warnings);
  const fleets = new Map<string, FleetWeek>();
  const idle = input.ec2.minInstances;
  if (!option.available) return { option, fleets, idleInstances: 0 };

  // (The pseudo-services repeat a name: ec2.ts says each "holds" once.)
  addScheduledFleetWarning(warnings, option.id);
  const reserved = input.ec2.purchase === "reserved-1y" || input.ec2.purchase === "reserved-3y";
  const lines = [...option.lines];
  for (const instance of option.plan?.instances ?? []) {
    const type = catalog.ec2.instanceTypes.find((t) => t.type === instance.type);
    if (!type) continue;
    const arch = type.architecture;
    const fleetName = `${arch} fleet`;
    const data = perArch.get(arch);
    // Instances per chain level for the chosen type: the same search, restricted to that type, per level.
    const counts = (data?.chain ?? []).map((c, j) => {
      const level: Service[] = [];
      for (let m = 0; m <= j; m++) {
        const vec = (data as { chain: { vec: Vec }[] }).chain[m]!.vec;
        const prevVec = m > 0 ? (data as { chain: { vec: Vec }[] }).chain[m - 1]!.vec : null;
        (data as { members: number[] }).members.forEach((i, k) => {
          const inc = (vec[k] as number) - (prevVec ? (prevVec[k] as number) : 0);
          if (inc > 0) level.push(levelService(original(i), inc, HOURS_PER_MONTH));
        });
      }
      void c;
      const sub = priceFleet({ ...input, services: level, ec2: { ...input.ec2, instanceTypes: [type.type] } }, catalog, new MessageSet());
      return sub.available ? (sub.plan?.instances[0]?.count ?? 0) : 0;
    });
    const instances = new Float64Array(SLOTS_PER_WEEK);
    // The instance line's week: a reservation bills its instances in every slot; the other lines follow `instances`.
    const reservedInstances = new Float64Array(SLOTS_PER_WEEK);
    if (data) {
      data.pieces.forEach((piece, n) => {
        const j = data.levelOf[n] as number;
        const count = j < 0 ? idle : (counts[j] ?? 0);
        instances[piece.slot]! += (count * piece.hours) / SLOT_HOURS_PER_MONTH;
        reservedInstances[piece.slot]! += ((reserved ? instance.count : count) * piece.hours) / SLOT_HOURS_PER_MONTH;
      });
    }
    // Scheduled jobs of this architecture add their own layer: spread it over their on-time.
    const schedHere = scheduled.filter((p) => p.expanded.architecture === arch);
    // minInstances while nothing runs: ec2.ts sizes the layers of the busy hours; the rest of the month keeps them.
    const busyHours = Math.max(data?.busyHours ?? 0, ...schedHere.map((p) => ec2Demand(p.expanded.tasks, p.expanded.usage).hours));
    const idleHours = HOURS_PER_MONTH - busyHours;
    if (idle > 0 && idleHours > 1e-9) {
      // Every per-instance line of the running hours (instance, volume, address, management fee); a reservation
      // already pays the instance all month (docs/billing-rules.md#reserved-running-hours).
      for (const l of option.lines) {
        const mark = perInstanceLine(l);
        if (l.service !== fleetName || !mark || mark.allMonth) continue;
        const quantity = idle * idleHours * mark.perInstanceHour;
        const extra = withRate(
          {
            ...l,
            quantity,
            usd: quantity * l.rateUSD,
            label: `${l.label ?? l.component} while no environment runs`,
            note: `minInstances ${idle} stay up for the ${num(idleHours)} h a month when no environment has tasks on this fleet.`,
          },
          l,
        );
        idleLines.add(extra);
        lines.push(withPerInstance(extra, l));
      }
    }
    // Each pair's share of each slot: its reserved capacity (dominant of CPU and memory on this type), held with the
    // same scale-in window as the fleet.
    const dominant = (s: Service) => Math.max(s.vcpu / type.vcpu, (s.memoryGiB * MIB_PER_GIB) / type.memoryMiB);
    const own = ex.pairs.filter((p) => p.expanded.architecture === arch);
    const weights = own.map((p) => {
      const w = new Float64Array(SLOTS_PER_WEEK);
      const d = dominant(p.service);
      for (let q = 0; q < SLOTS_PER_WEEK; q++) {
        if (p.expanded.usage.kind === "continuous") {
          const prev = p.wholeTasks[(q + SLOTS_PER_WEEK - 1) % SLOTS_PER_WEEK] as number;
          const cur = p.wholeTasks[q] as number;
          const next = p.wholeTasks[(q + 1) % SLOTS_PER_WEEK] as number;
          w[q] = d * (HOLD_SHARE * Math.max(prev, cur) + LAUNCH_SHARE * Math.max(prev, cur, next));
        } else {
          w[q] = d * (p.demand[q] as number);
        }
      }
      return w;
    });
    const month = weights.map((w) => w.reduce((a, b) => a + b, 0));
    const monthTotal = month.reduce((a, b) => a + b, 0);
    const shares = new Map<string, Float64Array>();
    own.forEach((p) => shares.set(p.key, new Float64Array(SLOTS_PER_WEEK)));
    for (let q = 0; q < SLOTS_PER_WEEK; q++) {
      let sum = 0;
      for (const w of weights) sum += w[q] as number;
      own.forEach((p, k) => {
        const share = sum > 0 ? (weights[k]![q] as number) / sum : monthTotal > 0 ? (month[k] as number) / monthTotal : 1 / own.length;
        (shares.get(p.key) as Float64Array)[q] = share;
      });
    }
    // Scheduled-only fleets: no continuous levels, so spread the instances over the jobs' on-time.
    if (instances.every((n) => n === 0) && schedHere.length > 0) {
      for (const p of schedHere) for (let q = 0; q < SLOTS_PER_WEEK; q++) if ((p.demand[q] as number) > 0) instances[q] = Math.max(instances[q] as number, 1);
    }
    if (reservedInstances.every((n) => n === 0)) reservedInstances.set(instances);
    fleets.set(fleetName, { instances, reservedInstances: reserved ? reservedInstances : instances, shares, planInstances: instance.count });
  }
  const monthlyUSD = lines.reduce((sum, l) => sum + l.usd, 0);
  // Services: one row per pair, its share of the fleet (filled by the caller from the per-slot shares).
  return { option: { ...option, lines, monthlyUSD }, fleets, idleInstances: idle };
}

// ---------------------------------------------------------------- spreading lines over the week

/** A flat week: every quarter-hour the same. */
const FLAT = (() => {
  const f = new Float64Array(SLOTS_PER_WEEK);
  f.fill(1);
  return f;
})();

function normalized(weights: Float64Array): Float64Array {
  let sum = 0;
  for (const w of weights) sum += w;
  if (!(sum > 0)) return normalized(FLAT);
  const out = new Float64Array(SLOTS_PER_WEEK);
  for (let q = 0; q < SLOTS_PER_WEEK; q++) out[q] = (weights[q] as number) / sum;
  return out;
}

export interface WeekContext {
  expanded: Expanded | null;
  /** Per option id: the EC2 fleets' weeks (the EC2-backed options have them). */
  fleets: Map<string, Map<string, FleetWeek>>;
}

/**
 * A line's dollars in each quarter-hour of the week (a week is 1 / WEEKS_PER_MONTH of the month): an
 * environment's line follows its tasks; a fleet line follows the instances billed; every other line is flat.
 */
export function lineWeek(line: CostLine, optionId: string, ctx: WeekContext): Float64Array {
  const weekUSD = line.usd / WEEKS_PER_MONTH;
  let shape: Float64Array = FLAT;
  const pair = ctx.expanded?.byKey.get(line.service);
  const fleet = ctx.fleets.get(optionId)?.get(line.service);
  if (pair) shape = pair.demand;
  else if (fleet) shape = line.component === "instance" ? fleet.reservedInstances : fleet.instances;
  const n = normalized(shape);
  for (let q = 0; q < SLOTS_PER_WEEK; q++) n[q] = (n[q] as number) * weekUSD;
  return n;
}

/**
 * Tag every line with its environment, give each option one service row per pair (EC2: its share of the fleet),
 * and build the result's `environments[]` and `costAtZeroTasks`.
 */
export function summarizeEnvironments(result: EstimateResult, ctx: WeekContext & { expanded: Expanded }): void {
  const ex = ctx.expanded;
  const envs = result.input.environments ?? [];
  const summaries: EnvironmentResult[] = envs.map((environment, envIndex) => {
    const mine = ex.pairs.filter((p) => p.envIndex === envIndex);
    const tasks = new Float64Array(SLOTS_PER_WEEK);
    let taskHours = 0;
    for (const p of mine) {
      for (let q = 0; q < SLOTS_PER_WEEK; q++) tasks[q]! += p.demand[q] as number;
      taskHours += taskHoursOf(p.expanded.tasks, p.expanded.usage);
    }
    return {
      name: environment.name,
      multiplier: environment.multiplier,
      onHoursPerWeek: ex.onHoursPerWeek[envIndex] ?? 0,
      tasksPerHour: slotsToHours(tasks, true).map(round6),
      taskHoursPerMonth: taskHours,
      subtotals: [],
    };
  });
  const zero: NonNullable<EstimateResult["costAtZeroTasks"]> = [];
  const envNotes = envs.map((e, i) => {
    const profile = e.taskProfile && e.taskProfile.length > 0 ? `, task profile of ${e.taskProfile.length} ${e.taskProfile.length === 1 ? "entry" : "entries"}` : "";
    return `Environment "${e.name}": ${describeSchedule(e.schedule)} (${num(ex.onHoursPerWeek[i] ?? 0)} h a week), tasks x ${num(e.multiplier)}${profile}.`;
  });
  for (const option of result.options) {
    const perEnv = envs.map(() => new Float64Array(SLOTS_PER_WEEK));
    const fleets = ctx.fleets.get(option.id);
    const pairUSD = new Map<string, number>();
    for (const line of option.lines) {
      const pair = ex.byKey.get(line.service);
      if (pair) {
        line.environment = pair.environment.name;
        const about = envNotes[pair.envIndex] as string;
        line.note = line.note ? `${line.note} ${about}` : about;
        const week = lineWeek(line, option.id, ctx);
        const target = perEnv[pair.envIndex] as Float64Array;
        for (let q = 0; q < SLOTS_PER_WEEK; q++) target[q]! += week[q] as number;
        continue;
      }
      const fleet = fleets?.get(line.service);
      if (!fleet) continue;
      const week = lineWeek(line, option.id, ctx);
      for (const [key, share] of fleet.shares) {
        const p = ex.byKey.get(key) as EnvironmentPair;
        const target = perEnv[p.envIndex] as Float64Array;
        let sum = 0;
        for (let q = 0; q < SLOTS_PER_WEEK; q++) {
          const usd = (week[q] as number) * (share[q] as number);
          target[q]! += usd;
          sum += usd;
        }
        pairUSD.set(key, (pairUSD.get(key) ?? 0) + sum * WEEKS_PER_MONTH);
      }
    }
    if (fleets && option.available) {
      // EC2: one service row per pair, its share of the fleet plus its own lines (logs).
      option.services = ex.pairs.map((p) => ({
        name: p.key,
        vcpu: p.service.vcpu,
        memoryGiB: p.service.memoryGiB,
        requested: { vcpu: p.service.vcpu, memoryGiB: p.service.memoryGiB },
        monthlyUSD: (pairUSD.get(p.key) ?? 0) + option.lines.filter((l) => l.service === p.key).reduce((s, l) => s + l.usd, 0),
        note: "One ECS-on-EC2 fleet for all environments; each environment's service pays its share of the instances in each quarter-hour by reserved CPU or memory (whichever is larger).",
      }));
    }
    summaries.forEach((s, i) => {
      const week = perEnv[i] as Float64Array;
      const monthly = week.reduce((a, b) => a + b, 0) * WEEKS_PER_MONTH;
      s.subtotals.push({
        optionId: option.id,
        monthlyUSD: option.available ? monthly : null,
        costPerHourUSD: option.available ? slotsToHours(week).map(round6) : null,
      });
    });
    zero.push(costAtZero(option, result.input, ctx.fleets.get(option.id)));
  }
  result.environments = summaries;
  result.costAtZeroTasks = zero;
}

/**
 * Reasons and warnings name services by their index and name in the expanded list (services[3] "api (dev)"); point
 * them back at the user's input: services[0] "api" in environment "dev".
 */
export function userFacingServiceRef(ref: ServiceRef, ex: Expanded, original: EstimateInput): ServiceRef {
  const pair = ex.byKey.get(ref.name);
  if (pair) return { index: pair.serviceIndex, name: pair.service.name, environment: pair.environment.name };
  const i = original.services.findIndex((s) => s.name === ref.name);
  return i >= 0 ? { index: i, name: ref.name } : ref;
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

/** Units of the lines that bill by the hour whatever the tasks do (docs/billing-rules.md#weekly-schedules). */
const FIXED_UNITS = new Set(["load-balancer-hours", "gateway-hours", "endpoint-AZ-hours"]);

function costAtZero(option: EstimateOption, input: EstimateInput, fleets: Map<string, FleetWeek> | undefined): NonNullable<EstimateResult["costAtZeroTasks"]>[number] {
  if (!option.available) return { optionId: option.id, monthlyUSD: null, lines: [] };
  // A price book takes its percentage off each line as billed, so off what is paid at zero tasks too
  // (docs/billing-rules.md#private-pricing-discounts).
  const discounts = input.discounts;
  const keep = (l: CostLine) => (hasDiscount(discounts) ? 1 - discountPercentOf(l, discounts, input.orchestrator) / 100 : 1);
  let usd = 0;
  const labels: string[] = [];
  for (const l of option.lines) {
    const fixed = !l.environment && (FIXED_UNITS.has(l.unit) || (l.category === "public-ipv4" && l.shared === true));
    if (fixed) {
      usd += l.usd * keep(l);
      labels.push(l.label ?? l.unit);
    }
  }
  {
    // EC2-backed fleets: a reservation's instances are paid all month; minInstances keep running, with their
    // volume, address and management fee (docs/billing-rules.md#reserved-running-hours).
    for (const l of option.lines) {
      const mark = perInstanceLine(l);
      const fleet = fleets?.get(l.service);
      if (!mark || !fleet || idleLines.has(l)) continue;
      const kept = mark.allMonth ? fleet.planInstances : input.ec2.minInstances;
      if (kept <= 0) continue;
      usd += kept * HOURS_PER_MONTH * mark.perInstanceHour * l.rateUSD * keep(l);
      labels.push(`${l.label ?? l.component} (${kept} kept all month${mark.allMonth ? ": reserved" : ": minInstances"})`);
    }
  }
  return { optionId: option.id, monthlyUSD: usd, lines: labels };
}
