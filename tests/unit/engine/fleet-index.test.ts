/**
 * The instance index (lib/engine/fleet.ts, issue 23) against the exhaustive scan it replaced
 * (./fleet-exhaustive.ts, kept verbatim as the oracle): whole estimates on the newest bundled snapshot, run once
 * through each search, must give the same answer byte for byte (plan, runner-up, types searched, every line and
 * total to the cent). 2,400 random inputs over 7 regions: both architectures, awsvpc with and without trunking,
 * bridge and host, every purchase option (Spot, Reserved, Savings Plans), ECS Managed Instances, EKS node groups
 * with prefix delegation and a DaemonSet reserve, EKS Auto Mode (its built-in NodePool types: an index over a named
 * allow-list), scheduled and part-time services (fleet layers), task storage
 * that grows the volume, burstable types on and off, minimum instances, target utilization, allow-lists.
 */
import { renderMessage } from "@/lib/messages/english";
import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import { loadCatalogIndex, loadRegionCatalog } from "@/lib/catalog/fs-loader";
import type { RegionCatalog } from "@/lib/catalog/schema";
import { costCurve } from "@/lib/engine/curve";
import { estimate } from "@/lib/engine/estimate";
import { fleetIndex, fleetIndexCount, fleetSearchStats, MAX_FLEET_INDEXES, type FleetSearchSpec } from "@/lib/engine/fleet";
import { ecsInstanceCapacity, instancePriceSource } from "@/lib/engine/ec2";
import { compareRegions, type RegionsLoader } from "@/lib/regions/compare";
import { parseEstimateInput, type EstimateInput, type EstimateInputRaw } from "@/lib/schemas/estimate";

// Which search the engine's options call: the indexed one (production) or the oracle. The engine imports
// searchFleet from lib/engine/fleet, so the switch sits on that module.
const mode = vi.hoisted(() => ({ oracle: false, oracleCalls: 0, indexedCalls: 0 }));
vi.mock("@/lib/engine/fleet", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/lib/engine/fleet")>();
  const { searchFleetExhaustive } = await import("./fleet-exhaustive");
  return {
    ...actual,
    searchFleet: (spec: FleetSearchSpec) => {
      if (mode.oracle) {
        mode.oracleCalls++;
        const found = searchFleetExhaustive(spec);
        if (!("reason" in found)) return found;
        // The oracle words its reason as the engine did before reasons were data: the indexed search's message
        // must say exactly that, and the engine gets the message.
        const indexed = actual.searchFleet(spec);
        if (!("reason" in indexed) || renderMessage(indexed.reason) !== found.reason) {
          throw new Error(`oracle: ${found.reason}; indexed: ${"reason" in indexed ? renderMessage(indexed.reason) : "a fleet"}`);
        }
        return indexed;
      }
      mode.indexedCalls++;
      return actual.searchFleet(spec);
    },
  };
});

const REGIONS = ["us-east-1", "eu-west-1", "ap-southeast-2", "sa-east-1", "eu-central-1", "ap-northeast-1", "us-gov-west-1"] as const;
const catalogs = new Map<string, RegionCatalog>(REGIONS.map((r) => [r, loadRegionCatalog(r)]));
const RUNS = 2400;

function both<T>(run: () => T): { indexed: string; oracle: string } {
  mode.oracle = false;
  const indexed = JSON.stringify(run());
  mode.oracle = true;
  try {
    return { indexed, oracle: JSON.stringify(run()) };
  } finally {
    mode.oracle = false;
  }
}

const usageArb = fc.oneof(
  { weight: 3, arbitrary: fc.constant({ kind: "continuous" as const, hoursPerMonth: 730 }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("continuous" as const), hoursPerMonth: fc.integer({ min: 0, max: 744 }) }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant("scheduled" as const),
      runsPerDay: fc.oneof(fc.constantFrom(1, 4, 24, 96), fc.integer({ min: 0, max: 300 })),
      secondsPerRun: fc.oneof(fc.constantFrom(60, 300, 900, 3600), fc.integer({ min: 0, max: 90_000 })),
      daysPerMonth: fc.integer({ min: 0, max: 31 }),
    }),
  },
);

const serviceArb = fc.record({
  vcpu: fc.oneof(fc.constantFrom(0.25, 0.5, 1, 2, 4, 8, 16), fc.double({ min: 0.125, max: 20, noNaN: true })),
  memoryGiB: fc.oneof(fc.constantFrom(0.5, 1, 2, 3, 4, 8, 16, 30, 60, 120), fc.double({ min: 0.25, max: 130, noNaN: true })),
  architecture: fc.constantFrom("x86_64" as const, "arm64" as const),
  tasks: fc.oneof(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 400 })),
  ephemeralStorageGiB: fc.oneof({ weight: 4, arbitrary: fc.constant(20) }, { weight: 1, arbitrary: fc.integer({ min: 21, max: 200 }) }),
  usage: usageArb,
});

const inputArbOf = (services: { minLength: number; maxLength: number }) => fc
  .record({
    region: fc.constantFrom(...REGIONS),
    services: fc.array(serviceArb, services),
    eks: fc.boolean(),
    ec2: fc.record({
      // (The bundled snapshot has no EC2 Savings Plans rates: those runs stop before the search, so they are rare.)
      purchase: fc.oneof(
        { weight: 6, arbitrary: fc.constantFrom("on-demand" as const, "spot" as const, "reserved-1y" as const, "reserved-3y" as const) },
        { weight: 1, arbitrary: fc.constantFrom("savings-plan-1y" as const, "savings-plan-3y" as const) },
      ),
      targetUtilizationPct: fc.oneof(fc.constant(100), fc.integer({ min: 10, max: 100 })),
      minInstances: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 6 })),
      networkMode: fc.constantFrom("awsvpc" as const, "awsvpc" as const, "bridge" as const, "host" as const),
      eniTrunking: fc.boolean(),
      rootVolumeGiB: fc.oneof(fc.constant(30), fc.integer({ min: 0, max: 200 })),
      allowBurstable: fc.boolean(),
    }),
    // One run in five with an allow-list of 1 to 12 types (positions in the region's type list).
    allowList: fc.oneof({ weight: 4, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.array(fc.nat(), { minLength: 1, maxLength: 12 }) }),
    eksOptions: fc.record({
      daemonSetReserve: fc.oneof(fc.constant({ vcpu: 0, memoryGiB: 0 }), fc.record({ vcpu: fc.constantFrom(0.1, 0.25, 0.5, 1), memoryGiB: fc.constantFrom(0.25, 0.5, 1, 2) })),
      prefixDelegation: fc.boolean(),
      nodeVolumeGiB: fc.option(fc.integer({ min: 1, max: 200 }), { nil: undefined }),
    }),
    // One run in three with a public IPv4 address per EC2 instance (a per running instance-hour cost of every type).
    publicInstances: fc.oneof({ weight: 2, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
  })
  .map(({ region, services, eks, ec2, allowList, eksOptions, publicInstances }): EstimateInputRaw => {
    const types = (catalogs.get(region) as RegionCatalog).ec2.instanceTypes;
    const instanceTypes = allowList ? [...new Set(allowList.map((i) => (types[i % types.length] as { type: string }).type))] : [];
    return {
      version: 1,
      region,
      services: services.map((s, i) => ({ name: `svc-${i}`, ...s })),
      ec2: { ...ec2, instanceTypes },
      ...(publicInstances ? { network: { publicIpv4: { ec2Instances: true } } } : {}),
      ...(eks ? { orchestrator: "eks" as const, eks: eksOptions } : {}),
    };
  });
const inputArb = inputArbOf({ minLength: 1, maxLength: 5 });

function parsed(raw: EstimateInputRaw): EstimateInput {
  const p = parseEstimateInput(raw);
  if (!p.ok) throw new Error(`generated input invalid: ${JSON.stringify(p.errors)}`);
  return p.value;
}

describe("instance index: the same answers as the exhaustive fleet search", () => {
  it(`${RUNS} random estimates in ${REGIONS.length} regions: byte-identical answers`, () => {
    let fleets = 0;
    let indexedSearches = 0;
    const seen = { eks: 0, managed: 0, autoModeNodePool: 0, layered: 0, allowList: 0, reserved: 0, spot: 0, trunking: 0, arm64: 0, burstableChosen: 0, grownVolume: 0 };
    fc.assert(
      fc.property(inputArb, (raw) => {
        const input = parsed(raw);
        const catalog = catalogs.get(input.region) as RegionCatalog;
        const before = mode.indexedCalls;
        const { indexed, oracle } = both(() => estimate(input, catalog));
        expect(indexed).toBe(oracle);
        if (input.ec2.instanceTypes.length === 0) indexedSearches += mode.indexedCalls - before;
        // What the run exercised (asserted below, so the generator cannot silently stop covering a case).
        const result = JSON.parse(indexed) as { options: Array<{ id: string; available: boolean; plan: { instances: Array<{ type: string }> } | null; lines: Array<{ label?: string }> }> };
        for (const o of result.options) {
          if (!o.available || !o.plan || o.plan.instances.length === 0) continue;
          // EKS Auto Mode without an allow-list: the index of the built-in NodePool's types (scopeKey).
          if (o.id === "eks-auto-mode" && input.ec2.instanceTypes.length === 0) seen.autoModeNodePool++;
          if (o.id !== "ec2" && o.id !== "ecs-managed-instances") continue;
          fleets += o.plan.instances.length;
          if (o.id === "ecs-managed-instances") seen.managed++;
          if (input.orchestrator === "eks") seen.eks++;
          if (o.plan.instances.some((i) => i.type.startsWith("t"))) seen.burstableChosen++;
          if (o.lines.some((l) => l.label?.includes("grown for task storage"))) seen.grownVolume++;
        }
        if (input.services.some((s) => s.usage.kind === "scheduled")) seen.layered++;
        if (input.ec2.instanceTypes.length > 0) seen.allowList++;
        if (input.ec2.purchase.startsWith("reserved")) seen.reserved++;
        if (input.ec2.purchase === "spot") seen.spot++;
        if (input.ec2.eniTrunking && input.ec2.networkMode === "awsvpc") seen.trunking++;
        if (input.services.some((s) => s.architecture === "arm64")) seen.arm64++;
      }),
      { numRuns: RUNS, seed: 23_2026 },
    );
    // The oracle really ran, the index really ran, and most runs priced at least one fleet.
    expect(mode.oracleCalls).toBeGreaterThan(RUNS);
    expect(indexedSearches).toBeGreaterThan(RUNS);
    expect(fleets).toBeGreaterThan(RUNS);
    for (const [what, n] of Object.entries(seen)) expect(n, what).toBeGreaterThan(20);
  });

  it("300 random estimates of 8 to 40 services: byte-identical answers, with packings stopped at their limit", () => {
    // Peak layers of 8 or more services pack with a limit (FleetSearch.neededLimit): a packing that opens more
    // instances than the runner-up's score allows stops there. It must never stop one that could enter the top two.
    const stoppedBefore = fleetSearchStats.packsStopped;
    fc.assert(
      fc.property(inputArbOf({ minLength: 8, maxLength: 40 }), (raw) => {
        const input = parsed(raw);
        const { indexed, oracle } = both(() => estimate(input, catalogs.get(input.region) as RegionCatalog));
        expect(indexed).toBe(oracle);
      }),
      { numRuns: 300, seed: 23_2027 },
    );
    expect(fleetSearchStats.packsStopped - stoppedBefore).toBeGreaterThan(300);
  });

  it("the cost curve and its crossover, and the 36-region comparison, are unchanged", () => {
    const catalog = catalogs.get("us-east-1") as RegionCatalog;
    const inputs = [
      parsed({ version: 1, region: "us-east-1", services: [{ name: "api", vcpu: 1, memoryGiB: 2, tasks: 10 }] }),
      parsed({ version: 1, region: "us-east-1", services: [{ name: "a", vcpu: 0.5, memoryGiB: 4, tasks: 3, architecture: "arm64" }, { name: "b", vcpu: 2, memoryGiB: 2, tasks: 2, usage: { kind: "scheduled", runsPerDay: 24, secondsPerRun: 600 } }], ec2: { purchase: "reserved-1y", minInstances: 2, targetUtilizationPct: 80 } }),
      parsed({ version: 1, region: "us-east-1", orchestrator: "eks", services: [{ name: "p", vcpu: 0.25, memoryGiB: 0.5, tasks: 30 }], eks: { daemonSetReserve: { vcpu: 0.2, memoryGiB: 0.5 } } }),
    ];
    for (const input of inputs) {
      const { indexed, oracle } = both(() => costCurve(input, catalog, { serviceIndex: inputs.indexOf(input) === 1 ? 1 : 0, maxTasks: 80, points: 25 }));
      expect(indexed).toBe(oracle);
    }
    const index = loadCatalogIndex();
    const loader: RegionsLoader = { regions: () => ({ catalogId: index.catalogId, regions: index.regions }), load: (r) => loadRegionCatalog(r, index.catalogId) };
    const { indexed, oracle } = both(() => compareRegions(inputs[1] as EstimateInput, loader));
    expect(indexed).toBe(oracle);
  });

  it("drops only dominated types: every dropped type has a kept parent with more capacity at no higher price", () => {
    const catalog = catalogs.get("us-east-1") as RegionCatalog;
    const price = instancePriceSource(catalog, "on-demand");
    if ("reason" in price) throw new Error(renderMessage(price.reason));
    const cap = ecsInstanceCapacity({ networkMode: "awsvpc", eniTrunking: false });
    const ix = fleetIndex(catalog, "x86_64", cap, "on-demand", price.hourly, undefined);
    // Every priced current-generation x86_64 type with an ENI limit is a node; far fewer are roots.
    expect(ix.typeAt.length).toBe(ix.counts.checkedNonBurstable + ix.counts.checkedBurstable);
    expect(ix.roots.length).toBeLessThan(ix.typeAt.length / 4);
    for (let i = 0; i < ix.typeAt.length; i++) {
      for (let k = ix.childStart[i] as number; k < (ix.childStart[i + 1] as number); k++) {
        const c = ix.childList[k] as number;
        expect(ix.cpu[i]).toBeGreaterThanOrEqual(ix.cpu[c] as number);
        expect(ix.mem[i]).toBeGreaterThanOrEqual(ix.mem[c] as number);
        expect(ix.tasks[i]).toBeGreaterThanOrEqual(ix.tasks[c] as number);
        expect(ix.hourly[i]).toBeLessThanOrEqual(ix.hourly[c] as number);
      }
    }
  });

  it(`keeps at most ${MAX_FLEET_INDEXES} indexes, dropping the least recently used (settings from requests cannot grow it)`, () => {
    const catalog = loadRegionCatalog("eu-south-2");
    const price = instancePriceSource(catalog, "on-demand");
    if ("reason" in price) throw new Error(renderMessage(price.reason));
    const cap = ecsInstanceCapacity({ networkMode: "host", eniTrunking: false });
    const hot = fleetIndex(catalog, "arm64", cap, "probe-hot", price.hourly, undefined);
    let probe0: unknown = null;
    for (let i = 0; i < MAX_FLEET_INDEXES + 40; i++) {
      const probe = fleetIndex(catalog, "arm64", cap, `probe-${i}`, price.hourly, undefined);
      if (i === 0) probe0 = probe;
      // Used on every round, so never the least recently used.
      expect(fleetIndex(catalog, "arm64", cap, "probe-hot", price.hourly, undefined)).toBe(hot);
    }
    expect(fleetIndexCount()).toBeLessThanOrEqual(MAX_FLEET_INDEXES);
    // The oldest probe was dropped: asking again builds a new one.
    const first = fleetIndex(catalog, "arm64", cap, "probe-0", price.hourly, undefined);
    expect(first).not.toBe(probe0);
    expect(fleetIndex(catalog, "arm64", cap, "probe-0", price.hourly, undefined)).toBe(first);
    expect(fleetIndexCount()).toBeLessThanOrEqual(MAX_FLEET_INDEXES);
  });
});
