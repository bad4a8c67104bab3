/**
 * Engine benchmarks: the estimate for one service with the EC2 search over every us-east-1 instance type,
 * and for 100 services. Each section returns {name, value, unit, target}; scripts/bench.ts prints them.
 */
import { readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { RegionCatalog } from "../../lib/catalog/schema";
import { clearCatalogCache, loadCatalogIndex, loadRegionCatalog } from "../../lib/catalog/fs-loader";
import { ecsInstanceCapacity, instancePriceSource } from "../../lib/engine/ec2";
import { fleetIndex, type FleetIndex } from "../../lib/engine/fleet";
import { managedInstancesFeeUSD } from "../../lib/engine/rules";
import { compareRegions, type RegionsLoader } from "../../lib/regions/compare";
import { costCurve } from "../../lib/engine/curve";
import { estimate } from "../../lib/engine/estimate";
import { parseEstimateInput, type EstimateInput, type EstimateInputRaw } from "../../lib/schemas/estimate";

export interface BenchSection {
  name: string;
  value: number;
  unit: string;
  /** Upper bound the value should stay under (same unit); a lower bound when `atLeast`. */
  target: number | null;
  /** The target is a floor (value >= target), e.g. a throughput ratio. */
  atLeast?: boolean;
  detail?: string;
  /** Raw figures of each run where the machine's load matters (wall and CPU ms, 1-minute load average). */
  runs?: Array<Record<string, number>>;
}

/** Median wall time in ms of fn() over `runs` runs after `warmup` runs. */
export function medianMs(fn: () => unknown, runs: number, warmup = Math.min(200, runs)): number {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const mid = Math.floor(times.length / 2);
  return times.length % 2 ? (times[mid] as number) : ((times[mid - 1] as number) + (times[mid] as number)) / 2;
}

/** Median CPU time (user + system) per call in ms, over `batches` batches of `batch` calls: less swayed than wall time by other processes on a shared machine. */
export function medianCpuMs(fn: () => unknown, batch: number, batches = 9): number {
  for (let i = 0; i < batch; i++) fn();
  const per: number[] = [];
  for (let b = 0; b < batches; b++) {
    const c0 = process.cpuUsage();
    for (let i = 0; i < batch; i++) fn();
    const c = process.cpuUsage(c0);
    per.push((c.user + c.system) / 1000 / batch);
  }
  per.sort((a, b) => a - b);
  return per[Math.floor(per.length / 2)] as number;
}

const load1 = () => os.loadavg()[0]!.toFixed(1);

/** The engine README's two-service example (examples/api-web.json), on the newest snapshot (its pinned catalog id dropped). */
export function readmeExampleInput(): EstimateInput {
  const raw = JSON.parse(readFileSync(path.join(process.cwd(), "examples", "api-web.json"), "utf8")) as EstimateInputRaw & { catalog?: string };
  delete raw.catalog;
  return parse(raw);
}

function parse(raw: EstimateInputRaw): EstimateInput {
  const parsed = parseEstimateInput(raw);
  if (!parsed.ok) throw new Error(`bench input invalid: ${JSON.stringify(parsed.errors)}`);
  return parsed.value;
}

export function oneServiceInput(): EstimateInput {
  return parse({ version: 1, region: "us-east-1", services: [{ name: "api", vcpu: 1, memoryGiB: 2, tasks: 10 }] });
}

export function hundredServicesInput(): EstimateInput {
  const services: EstimateInputRaw["services"] = [];
  const sizes = [
    [0.25, 0.5],
    [0.5, 1],
    [1, 2],
    [2, 4],
    [4, 16],
    [0.5, 3],
  ] as const;
  for (let i = 0; i < 100; i++) {
    const [vcpu, memoryGiB] = sizes[i % sizes.length] as readonly [number, number];
    services.push({
      name: `svc-${i}`,
      vcpu,
      memoryGiB,
      architecture: i % 3 === 0 ? "arm64" : "x86_64",
      tasks: 1 + (i % 7),
      ephemeralStorageGiB: i % 10 === 0 ? 40 : 20,
      usage: i % 9 === 0 ? { kind: "scheduled", runsPerDay: 24, secondsPerRun: 300 } : { kind: "continuous", hoursPerMonth: 730 },
      ...(i % 4 === 0 ? { fargateCapacityProviders: { base: 1, fargateWeight: 1, spotWeight: 2 } } : {}),
    });
  }
  return parse({ version: 1, region: "us-east-1", services, fargate: { savingsPlan: "compute-1y" }, ec2: { targetUtilizationPct: 90, minInstances: 2 } });
}

/** 10 services of the 100-service mix (sizes, both architectures, a scheduled one, capacity provider mixes). */
export function tenServicesInput(): EstimateInput {
  const hundred = hundredServicesInput();
  return { ...hundred, services: hundred.services.slice(0, 10) };
}

/**
 * The region comparison's engine time: 10 services in every region of the newest snapshot, with the parsed
 * catalogs already in memory (the server keeps them cached), so only the estimates and the sorting are timed.
 */
function regionSections(): BenchSection[] {
  const index = loadCatalogIndex();
  const t0 = performance.now();
  const catalogs = new Map(index.regions.map((r) => [r.region, loadRegionCatalog(r.region, index.catalogId)]));
  const loadMs = performance.now() - t0;
  const loader: RegionsLoader = {
    regions: () => ({ catalogId: index.catalogId, regions: index.regions }),
    load: (region) => catalogs.get(region)!,
  };
  const ten = tenServicesInput();
  let fastest = Infinity;
  const median = medianMs(() => {
    const t = performance.now();
    compareRegions(ten, loader);
    fastest = Math.min(fastest, performance.now() - t);
  }, 30, 5);
  const cpu = medianCpuMs(() => compareRegions(ten, loader), 3, 9);
  return [
    {
      name: `compareRegions: 10 services x ${index.regions.length} regions (catalogs in memory)`,
      value: median,
      unit: "ms",
      target: 5,
      detail: `fastest run ${fastest.toFixed(1)} ms, CPU time ${cpu.toFixed(1)} ms; load ${load1()}; reading and validating the ${index.regions.length} region files once: ${Math.round(loadMs)} ms`,
    },
  ];
}

/** Bytes of an index's own arrays and name lists (the type objects and capacities it points at are the catalog's). */
function indexBytes(ix: FleetIndex): number {
  const arrays = [ix.typeAt, ix.cpu, ix.mem, ix.tasks, ix.hourly, ix.reserved, ix.burstable, ix.roots, ix.childStart, ix.childList, ix.byName];
  return arrays.reduce((sum, a) => sum + a.byteLength, 0) + ix.counts.burstableUnpriced.reduce((sum, n) => sum + 16 + n.length, 0);
}

/**
 * The instance index per region: what the first ECS estimate of a region builds (both architectures; ECS on EC2
 * and Managed Instances on-demand; awsvpc without trunking), from freshly parsed catalogs so nothing is cached.
 */
function indexSections(): BenchSection[] {
  const index = loadCatalogIndex();
  clearCatalogCache();
  const rows: Array<{ region: string; ms: number; bytes: number; nodes: number; roots: number }> = [];
  const capacity = ecsInstanceCapacity({ networkMode: "awsvpc", eniTrunking: false });
  for (const r of index.regions) {
    const catalog = loadRegionCatalog(r.region, index.catalogId);
    const price = instancePriceSource(catalog, "on-demand");
    if ("reason" in price) continue;
    const mi = catalog.ec2.managedInstances;
    const feeFraction = "feeFractionOfOnDemand" in mi ? mi.feeFractionOfOnDemand : null;
    let ms = 0;
    let bytes = 0;
    let nodes = 0;
    let roots = 0;
    for (const arch of ["x86_64", "arm64"] as const) {
      const t0 = performance.now();
      const ix = fleetIndex(catalog, arch, capacity, price.key, price.hourly, undefined);
      const ixMi =
        feeFraction === null
          ? null
          : fleetIndex(catalog, arch, capacity, `${price.key}+ecs-managed-instances`, (t) => {
              const fee = managedInstancesFeeUSD(t, feeFraction);
              return t.onDemandUSD === null || fee === null ? null : t.onDemandUSD + fee;
            }, undefined);
      ms += performance.now() - t0;
      for (const x of ixMi ? [ix, ixMi] : [ix]) {
        bytes += indexBytes(x);
        nodes += x.typeAt.length;
        roots += x.roots.length;
      }
    }
    rows.push({ region: r.region, ms, bytes, nodes, roots });
  }
  clearCatalogCache();
  const sorted = (f: (x: (typeof rows)[number]) => number) => rows.map(f).sort((a, b) => a - b);
  const med = (xs: number[]) => xs[Math.floor(xs.length / 2)] as number;
  const ms = sorted((x) => x.ms);
  const kb = sorted((x) => x.bytes / 1024);
  const use = rows.find((x) => x.region === "us-east-1");
  return [
    {
      name: `instance index: build per region (first ECS estimate: 2 architectures x EC2 + Managed Instances, ${rows.length} regions)`,
      value: med(ms),
      unit: "ms",
      target: null,
      detail: `min ${ms[0]!.toFixed(1)}, max ${ms[ms.length - 1]!.toFixed(1)} ms; us-east-1 ${use ? `${use.ms.toFixed(1)} ms (the first region also evaluates the capacity function), ${use.nodes} nodes in its 4 indexes, ${use.roots} of them undominated roots` : "-"}; load ${load1()}`,
    },
    {
      name: "instance index: memory per region (its arrays, the same 4 indexes)",
      value: med(kb),
      unit: "kB",
      target: null,
      detail: `min ${kb[0]!.toFixed(1)}, max ${kb[kb.length - 1]!.toFixed(1)} kB; us-east-1 ${use ? (use.bytes / 1024).toFixed(1) : "-"} kB`,
    },
  ];
}

export function engineSections(catalog: RegionCatalog = loadRegionCatalog("us-east-1")): BenchSection[] {
  const one = oneServiceInput();
  const hundred = hundredServicesInput();
  const types = catalog.ec2.instanceTypes.length;
  const neverCheaper = parse({
    version: 1,
    region: "us-east-1",
    services: [{ name: "tiny", vcpu: 0.25, memoryGiB: 0.5, tasks: 1 }],
    ec2: { targetUtilizationPct: 50, minInstances: 2, networkMode: "awsvpc", eniTrunking: false },
  });
  const readme = readmeExampleInput();
  const est = (input: EstimateInput, runs: number, warmup: number, batch: number) => ({
    median: medianMs(() => estimate(input, catalog), runs, warmup),
    cpu: medianCpuMs(() => estimate(input, catalog), batch),
  });
  const readmeT = est(readme, 5000, 1000, 500);
  const oneT = est(one, 5000, 1000, 500);
  const hundredT = est(hundred, 200, 20, 20);
  const curveCpu = medianCpuMs(() => costCurve(one, catalog, { serviceIndex: 0, maxTasks: 50, points: 25 }), 10);
  const detail = (t: { cpu: number }, extra = "") => `CPU time ${(t.cpu * 1000).toFixed(1)} µs; load ${load1()}${extra}`;
  return [
    ...indexSections(),
    ...regionSections(),
    {
      name: "estimate: engine README two-service example (examples/api-web.json, newest snapshot)",
      value: readmeT.median,
      unit: "ms",
      target: 0.04,
      detail: detail(readmeT),
    },
    {
      name: "estimate: 1 service, EC2 search over every us-east-1 type",
      value: oneT.median,
      unit: "ms",
      target: 0.03,
      detail: detail(oneT, `; ${types} instance types in the catalog`),
    },
    {
      name: "estimate: 100 services (mix, Savings Plan, 2 fleets)",
      value: hundredT.median,
      unit: "ms",
      target: 1,
      detail: detail(hundredT),
    },
    {
      name: "costCurve: 1 service, 0..50 tasks, 25 points + crossover",
      value: medianMs(() => costCurve(one, catalog, { serviceIndex: 0, maxTasks: 50, points: 25 }), 100, 10),
      unit: "ms",
      target: 2,
      detail: `CPU time ${curveCpu.toFixed(2)} ms; load ${load1()}`,
    },
    {
      name: "costCurve worst case: EC2 never cheaper, 256 counts scanned",
      value: medianMs(() => costCurve(neverCheaper, catalog, { serviceIndex: 0, maxTasks: 256, points: 25 }), 20, 3),
      unit: "ms",
      target: null,
      detail: `crossover ${String(costCurve(neverCheaper, catalog, { serviceIndex: 0, maxTasks: 256, points: 25 }).crossoverTasks)}`,
    },
  ];
}
