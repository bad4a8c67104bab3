/**
 * Engine benchmarks: the estimate for one service with the EC2 search over every us-east-1 instance type,
 * and for 100 services. Each section returns {name, value, unit, target}; scripts/bench.ts prints them.
 */
import type { RegionCatalog } from "../../lib/catalog/schema";
import { loadCatalogIndex, loadRegionCatalog } from "../../lib/catalog/fs-loader";
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
  return [
    {
      name: `compareRegions: 10 services x ${index.regions.length} regions (catalogs in memory)`,
      value: median,
      unit: "ms",
      target: 100,
      detail: `fastest run ${fastest.toFixed(1)} ms; reading and validating the ${index.regions.length} region files once: ${Math.round(loadMs)} ms`,
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
  return [
    ...regionSections(),
    {
      name: "estimate: 1 service, EC2 search over every us-east-1 type",
      value: medianMs(() => estimate(one, catalog), 5000, 1000),
      unit: "ms",
      target: 0.2,
      detail: `${types} instance types in the catalog`,
    },
    {
      name: "estimate: 100 services (mix, Savings Plan, 2 fleets)",
      value: medianMs(() => estimate(hundred, catalog), 200, 20),
      unit: "ms",
      target: 10,
    },
    {
      name: "costCurve: 1 service, 0..50 tasks, 25 points + crossover",
      value: medianMs(() => costCurve(one, catalog, { serviceIndex: 0, maxTasks: 50, points: 25 }), 100, 10),
      unit: "ms",
      target: null,
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
