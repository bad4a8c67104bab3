/**
 * The region comparison, by hand from the 2026-12-01 catalog's rates (data/catalog/2026-12-01/<region>.json):
 *
 *                        Fargate x86 vCPU-h  GB-h      Spot vCPU-h  Spot GB-h   m5.large OD/h  gp3 GB-month
 *   us-east-1            0.04048             0.004445  0.01288561   0.00141493  0.096          0.08
 *   eu-west-1            0.04048             0.004445  0.01225536   0.00134573  0.107          0.088
 *   sa-east-1            0.0696              0.0076    0.02199254   0.00240148  0.153          0.152
 *
 * Workload: "api" 1 vCPU / 2 GiB x 2 tasks, always on (730 h), 10 requests/s; EC2 limited to m5.large.
 * - Fargate: 2 tasks x 730 h = 1460 task-hours x (1 x vCPU + 2 x GB).
 * - Fargate Spot: the same with the Spot rates (priced, but not recommended: api is not interruptible).
 * - EC2: one m5.large holds both tasks (2,048 CPU units; 3 ENIs = 2 awsvpc tasks): 730 h x rate + 30 GiB gp3.
 * - Requests: 10/s x 3600 x 730 h = 26,280,000 a month = 26.28 M.
 */
import { describe, expect, it } from "vitest";
import { loadCatalogIndex, loadRegionCatalog } from "@/lib/catalog/fs-loader";
import { compareRegions, type RegionsLoader } from "@/lib/regions/compare";
import { parseEstimateInput, type EstimateInputRaw } from "@/lib/schemas/estimate";

const SNAPSHOT = "2026-12-01";

function input(raw: Omit<EstimateInputRaw, "version">) {
  const parsed = parseEstimateInput({ version: 1, catalog: SNAPSHOT, ...raw });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.value;
}

/** The real files, but only the named regions of the snapshot. */
function loaderOf(regions: string[]): RegionsLoader {
  return {
    regions(catalogId) {
      const index = loadCatalogIndex(catalogId);
      return { catalogId: index.catalogId, regions: index.regions.filter((r) => regions.includes(r.region)) };
    },
    load: (region, catalogId) => loadRegionCatalog(region, catalogId),
  };
}

const workload = input({
  region: "us-east-1",
  services: [{ name: "api", vcpu: 1, memoryGiB: 2, tasks: 2, requestsPerSecond: 10 }],
  ec2: { instanceTypes: ["m5.large"] },
});
const M_REQUESTS = 26.28;

// us-east-1 and eu-west-1 Fargate: 1460 x (0.04048 + 2 x 0.004445) = 1460 x 0.04937 = 72.0802
const FARGATE_US_EU = 72.0802;
// sa-east-1 Fargate: 1460 x (0.0696 + 2 x 0.0076) = 1460 x 0.0848 = 123.808
const FARGATE_SA = 123.808;
// Spot: us-east-1 1460 x (0.01288561 + 0.00282986) = 22.9445862; eu-west-1 1460 x (0.01225536 + 0.00269146) = 21.8223572;
// sa-east-1 1460 x (0.02199254 + 0.00480296) = 39.121430
const SPOT = { "us-east-1": 22.9445862, "eu-west-1": 21.8223572, "sa-east-1": 39.12143 };
// EC2: us-east-1 0.096 x 730 + 30 x 0.08 = 70.08 + 2.40 = 72.48; eu-west-1 0.107 x 730 + 30 x 0.088 = 78.11 + 2.64 = 80.75;
// sa-east-1 0.153 x 730 + 30 x 0.152 = 111.69 + 4.56 = 116.25
const EC2 = { "us-east-1": 72.48, "eu-west-1": 80.75, "sa-east-1": 116.25 };

describe("compareRegions: three regions by hand", () => {
  const comparison = compareRegions(workload, loaderOf(["us-east-1", "eu-west-1", "sa-east-1"]));
  const row = (region: string) => comparison.regions.find((r) => r.region === region)!;
  const total = (region: string, id: string) => row(region).options.find((o) => o.id === id)?.monthlyUSD;

  it("prices every option in every region from that region's rates", () => {
    for (const region of ["us-east-1", "eu-west-1"] as const) expect(total(region, "fargate")).toBeCloseTo(FARGATE_US_EU, 9);
    expect(total("sa-east-1", "fargate")).toBeCloseTo(FARGATE_SA, 9);
    for (const region of ["us-east-1", "eu-west-1", "sa-east-1"] as const) {
      expect(total(region, "fargate-spot")).toBeCloseTo(SPOT[region], 6);
      expect(total(region, "ec2")).toBeCloseTo(EC2[region], 9);
    }
  });

  it("the cheapest option follows the recommendation's rules (Spot is not used: api is not interruptible)", () => {
    // us-east-1: Fargate 72.0802 < EC2 72.48; eu-west-1: Fargate 72.0802 < EC2 80.75; sa-east-1: EC2 116.25 < Fargate 123.808.
    expect(row("us-east-1").cheapest).toMatchObject({ optionId: "fargate" });
    expect(row("eu-west-1").cheapest).toMatchObject({ optionId: "fargate" });
    expect(row("sa-east-1").cheapest).toMatchObject({ optionId: "ec2", label: "ECS on EC2 (on-demand)" });
    expect(row("sa-east-1").cheapest?.monthlyUSD).toBeCloseTo(116.25, 9);
  });

  it("sorted by the cheapest total; a tie keeps the current region first; differences to the current region", () => {
    expect(comparison.currentRegion).toBe("us-east-1");
    expect(comparison.catalog).toBe(SNAPSHOT);
    expect(comparison.regions.map((r) => r.region)).toEqual(["us-east-1", "eu-west-1", "sa-east-1"]);
    expect(row("us-east-1")).toMatchObject({ current: true, differenceUSD: 0, differencePct: 0 });
    expect(row("eu-west-1").differenceUSD).toBeCloseTo(0, 9);
    // 116.25 - 72.0802 = 44.1698; 44.1698 / 72.0802 = 61.2787...%
    expect(row("sa-east-1").differenceUSD).toBeCloseTo(44.1698, 9);
    expect(row("sa-east-1").differencePct).toBeCloseTo((44.1698 / 72.0802) * 100, 9);
    expect(row("sa-east-1").location).toBe("South America (Sao Paulo)");
  });

  it("cost per 1M requests for every option: the option's total / 26.28 M requests", () => {
    for (const region of ["us-east-1", "eu-west-1", "sa-east-1"] as const) {
      const options = row(region).options;
      const fargate = region === "sa-east-1" ? FARGATE_SA : FARGATE_US_EU;
      expect(options.find((o) => o.id === "fargate")?.costPer1MRequests).toBeCloseTo(fargate / M_REQUESTS, 9);
      expect(options.find((o) => o.id === "fargate-spot")?.costPer1MRequests).toBeCloseTo(SPOT[region] / M_REQUESTS, 6);
      expect(options.find((o) => o.id === "ec2")?.costPer1MRequests).toBeCloseTo(EC2[region] / M_REQUESTS, 9);
    }
    // sa-east-1's cheapest: 116.25 / 26.28 = 4.42351598...
    expect(row("sa-east-1").cheapest?.costPer1MRequests).toBeCloseTo(4.4235159817, 9);
  });
});

describe("compareRegions: what cannot run is listed with the reason, never dropped", () => {
  it("Windows where Fargate has no Windows, and instance types not sold in a region", () => {
    const windows = input({
      region: "us-east-1",
      services: [{ name: "iis", vcpu: 1, memoryGiB: 2, tasks: 1, os: "windows" }],
      ec2: { instanceTypes: ["m5.large"] },
    });
    const comparison = compareRegions(windows, loaderOf(["us-east-1", "ap-east-2"]));
    expect(comparison.regions.map((r) => r.region)).toEqual(["us-east-1", "ap-east-2"]);
    const taipei = comparison.regions[1]!;
    // ap-east-2 sells no m5.large and has no Fargate Windows rate: nothing can run the workload there.
    expect(taipei.cheapest).toBeNull();
    expect(taipei.differenceUSD).toBeNull();
    expect(taipei.unavailable[0]).toEqual({ what: "ec2.instanceTypes", reason: "m5.large is not sold in ap-east-2 (price catalog 2026-12-01)" });
    const fargate = taipei.unavailable.find((u) => u.what === "Fargate (on-demand)");
    expect(fargate?.reason).toMatch(/Windows/);
    // The catalog has Linux EC2 prices only, so EC2 is unavailable for Windows in every region (also with the reason).
    expect(taipei.unavailable.find((u) => u.what === "ECS on EC2 (on-demand)")?.reason).toMatch(/Windows/);
    expect(comparison.regions[0]?.cheapest?.optionId).toBe("fargate");
  });

  it("a listed type missing in one region: the fleet is searched among the others there", () => {
    const two = input({ region: "us-east-1", services: [{ name: "api", vcpu: 1, memoryGiB: 2, tasks: 2 }], ec2: { instanceTypes: ["m5.large", "m6i.large"] } });
    const comparison = compareRegions(two, loaderOf(["us-east-1", "ap-east-2"]));
    const taipei = comparison.regions.find((r) => r.region === "ap-east-2")!;
    const missing = taipei.unavailable.find((u) => u.what === "ec2.instanceTypes");
    if (taipei.options.find((o) => o.id === "ec2")?.available) expect(missing?.reason).toMatch(/searched among the others/);
    expect(missing?.reason).toMatch(/^m5\.large is not sold in ap-east-2/);
  });

  it("no requests given: no costPer1MRequests anywhere (results stay as they were)", () => {
    const plain = input({ region: "eu-west-1", services: [{ name: "api", vcpu: 1, memoryGiB: 2, tasks: 1 }] });
    const comparison = compareRegions(plain, loaderOf(["eu-west-1", "us-east-1"]));
    for (const r of comparison.regions) {
      expect(r.cheapest && "costPer1MRequests" in r.cheapest).toBe(false);
      for (const o of r.options) expect("costPer1MRequests" in o).toBe(false);
    }
    expect(comparison.regions.find((r) => r.current)?.region).toBe("eu-west-1");
  });
});

describe("the comparison's estimates leave out the explanations only", () => {
  it("every option's total, lines, instances and reason equal the full estimate's; warnings and plans' why are empty", async () => {
    const { estimate } = await import("@/lib/engine/estimate");
    const { tenServicesInput } = await import("../../../scripts/bench/engine-inputs");
    const mixed = { ...tenServicesInput(), catalog: SNAPSHOT };
    const reserved = { ...mixed, ec2: { ...mixed.ec2, purchase: "reserved-1y" as const, eniTrunking: true } };
    let plans = 0;
    for (const region of ["us-east-1", "eu-west-1", "sa-east-1", "ap-south-2"]) {
      const catalog = loadRegionCatalog(region, SNAPSHOT);
      for (const base of [workload, mixed, reserved]) {
        const regional = { ...base, region };
        const full = estimate(regional, catalog);
        const totals = estimate(regional, catalog, { detail: "totals" });
        expect(full.warnings.length).toBeGreaterThan(0);
        expect(totals.warnings).toEqual([]);
        expect(totals.warningCodes).toEqual([]);
        // The full answer with its explanations blanked is the totals answer, byte for byte.
        const blanked = {
          ...full,
          options: full.options.map((o) => (o.plan ? { ...o, plan: { ...o.plan, why: "" } } : o)),
          warnings: [],
          warningCodes: [],
        };
        plans += full.options.filter((o) => (o.plan?.why ?? "").length > 0).length;
        expect(JSON.stringify(totals)).toBe(JSON.stringify(blanked));
      }
    }
    expect(plans).toBeGreaterThan(12);
  });
});
