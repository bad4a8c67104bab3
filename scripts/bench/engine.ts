/**
 * Engine benchmarks: the estimate for one service with the EC2 search over every us-east-1 instance type,
 * and for 100 services. Each section returns {name, value, unit, target}; scripts/bench.ts prints them.
 */
import os from "node:os";
import type { RegionCatalog } from "../../lib/catalog/schema";
import { clearCatalogCache, loadCatalogIndex, loadRegionCatalog } from "../../lib/catalog/fs-loader";
import { ecsInstanceCapacity, instancePriceSource } from "../../lib/engine/ec2";
import { fleetIndex, type FleetIndex } from "../../lib/engine/fleet";
import { managedInstancesFeeUSD } from "../../lib/engine/rules";
import * as compare from "../../lib/regions/compare";
import type { RegionsLoader } from "../../lib/regions/compare";
import * as curve from "../../lib/engine/curve";
import * as engine from "../../lib/engine/estimate";
import { bundledEngine, type EngineEntry } from "./engine-bundle";
import type { EstimateInput } from "../../lib/schemas/estimate";
import { asNew, hundredServicesInput, oneServiceInput, parse, readmeExampleInput, tenServicesInput } from "./engine-inputs";

export { hundredServicesInput, oneServiceInput, readmeExampleInput, tenServicesInput };

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

/**
 * The region comparison's engine time: 10 services in every region of the newest snapshot, with the parsed
 * catalogs already in memory (the server keeps them cached), so only the estimates and the sorting are timed.
 */
function regionSections(built: EngineEntry, tsx: EngineEntry): BenchSection[] {
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
    built.compareRegions(asNew(ten), loader);
    fastest = Math.min(fastest, performance.now() - t);
  }, 60, 30);
  const cpu = medianCpuMs(() => built.compareRegions(asNew(ten), loader), 3, 9);
  const underTsx = medianMs(() => tsx.compareRegions(asNew(ten), loader), 15, 3);
  return [
    {
      name: `compareRegions: 10 services x ${index.regions.length} regions (catalogs in memory)`,
      value: median,
      unit: "ms",
      target: 5,
      detail: `${AS_BUILT}; fastest run ${fastest.toFixed(1)} ms, CPU time ${cpu.toFixed(1)} ms; under tsx ${underTsx.toFixed(1)} ms; load ${load1()}; reading and validating the ${index.regions.length} region files once: ${Math.round(loadMs)} ms`,
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

/** How the engine rows are measured (scripts/bench/engine-bundle.ts). */
const AS_BUILT = "lib/ bundled as the server runs it";

export function engineSections(catalog: RegionCatalog = loadRegionCatalog("us-east-1")): BenchSection[] {
  const built = bundledEngine();
  const tsx: EngineEntry = { estimate: engine.estimate, costCurve: curve.costCurve, compareRegions: compare.compareRegions };
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
    median: medianMs(() => built.estimate(asNew(input), catalog), runs, warmup),
    cpu: medianCpuMs(() => built.estimate(asNew(input), catalog), batch),
    tsx: medianMs(() => tsx.estimate(asNew(input), catalog), Math.ceil(runs / 2), warmup),
  });
  const readmeT = est(readme, 5000, 1000, 500);
  const oneT = est(one, 5000, 1000, 500);
  const hundredT = est(hundred, 200, 20, 20);
  const curveOptions = { serviceIndex: 0, maxTasks: 50, points: 25 };
  const curveCpu = medianCpuMs(() => built.costCurve(asNew(one), catalog, curveOptions), 10);
  const curveTsx = medianMs(() => tsx.costCurve(asNew(one), catalog, curveOptions), 50, 10);
  const micro = (ms: number) => (ms < 0.1 ? `${(ms * 1000).toFixed(1)} µs` : `${ms.toFixed(2)} ms`);
  const detail = (t: { cpu: number; tsx: number }, extra = "") => `${AS_BUILT}; CPU time ${micro(t.cpu)}; under tsx ${micro(t.tsx)}; load ${load1()}${extra}`;
  const curveMedian = medianMs(() => built.costCurve(asNew(one), catalog, curveOptions), 100, 10);
  const worstOptions = { serviceIndex: 0, maxTasks: 256, points: 25 };
  const worstMedian = medianMs(() => built.costCurve(asNew(neverCheaper), catalog, worstOptions), 20, 3);
  // The single-region figures first, while only us-east-1's prices are in memory; then the 36 regions.
  const regions = regionSections(built, tsx);
  const index = indexSections();
  return [
    ...index,
    ...regions,
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
      value: curveMedian,
      unit: "ms",
      target: 2,
      detail: `${AS_BUILT}; CPU time ${curveCpu.toFixed(2)} ms; under tsx ${curveTsx.toFixed(2)} ms; load ${load1()}`,
    },
    {
      name: "costCurve worst case: EC2 never cheaper, 256 counts scanned",
      value: worstMedian,
      unit: "ms",
      target: null,
      detail: `${AS_BUILT}; crossover ${String(built.costCurve(neverCheaper, catalog, worstOptions).crossoverTasks)}`,
    },
  ];
}
