/** Provenance helpers and the per-region summary used by /catalog and /api/catalog. */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { describeRate, ec2Provenance, findInstanceType } from "@/lib/catalog/describe";
import { loadRegionCatalog } from "@/lib/catalog/fs-loader";
import { summarizeRegion } from "@/lib/catalog/summary";

const dataDir = path.resolve(import.meta.dirname, "..", "..", "..", "data");
const us = loadRegionCatalog("us-east-1", "2026-11-26", { dataDir });
const ap = loadRegionCatalog("ap-south-1", "2026-11-26", { dataDir });

describe("describeRate", () => {
  it("published rate: price, unit, usage type, source name and date", () => {
    expect(describeRate(us.fargate.linuxX86.vcpuHour, us)).toBe(
      "$0.04048 per vCPU-hour (USE1-Fargate-vCPU-Hours:perCPU; AWS AmazonECS Price List (bulk offer published 2026-09-11), Fargate Linux/x86, via theuves/fgcalc, as of 2026-09-29)",
    );
  });
  it("derived rate says how; unavailable says why", () => {
    const arm = ap.fargate.linuxArm;
    if ("available" in arm) throw new Error("ap-south-1 ARM should be derived, not unavailable");
    expect(describeRate(arm.vcpuHour)).toMatch(/^\$0\.03405 per vCPU-hour \(APS3-Fargate-ARM-vCPU-Hours:perCPU; fgcalc-ondemand-2026-09-29, as of 2026-09-29\); derived: Derived: ARM = 0\.8 x/);
    expect(describeRate(ap.fargate.windowsX86 as { available: false; reason: string })).toBe(
      "not available: No published Windows Fargate rate for ap-south-1 in the bundled sources; run npm run prices:refresh with AWS credentials",
    );
  });
});

describe("ec2Provenance", () => {
  it("region default source and date, usage type with the instance type filled in", () => {
    const row = findInstanceType(us, "m5.large")!;
    expect(ec2Provenance(us, row)).toEqual({
      onDemand: { source: "karpenter-ondemand-2026-07-20", asOf: "2026-07-20", usageType: "BoxUsage:m5.large" },
      spot: { source: "vantage-ec2-2024-04-04", asOf: "2024-04-04" },
    });
    const apRow = findInstanceType(ap, "m5.large")!;
    expect(ec2Provenance(ap, apRow).onDemand).toEqual({ source: "vantage-ec2-2024-04-04", asOf: "2024-04-04", usageType: "APS3-BoxUsage:m5.large" });
  });
});

describe("summarizeRegion", () => {
  it("reports published / derived / unavailable and the dates of each kind of price", () => {
    const s = summarizeRegion(us);
    expect(s).toMatchObject({ arm: "published", windows: "published", spotX86: "published", spotArm: "published", ephemeralStorage: "published", savingsPlans: "derived" });
    expect(s.asOf.fargateSpot).toEqual(["2026-09-28", "2026-09-29"]);
    expect(s.asOf.ec2OnDemand).toEqual(["2026-07-20"]);
    expect(s.ec2.instanceTypes).toBe(us.ec2.instanceTypes.length);
    const a = summarizeRegion(ap);
    expect(a).toMatchObject({ arm: "derived", windows: "unavailable", spotArm: "derived", ephemeralStorage: "derived" });
    expect(a.asOf.ec2OnDemand).toEqual(["2024-04-04"]);
  });
});

describe("summarizeRegion on snapshot 2026-12-01: the new line kinds", () => {
  const us2 = loadRegionCatalog("us-east-1", "2026-12-01", { dataDir });
  const nz = loadRegionCatalog("ap-southeast-6", "2026-12-01", { dataDir });
  it("us-east-1 publishes every kind, with each feed's date; the Managed Instances fee is AWS's for c6a.2xlarge, derived for the rest", () => {
    const s = summarizeRegion(us2);
    expect(s).toMatchObject({ arm: "published", windows: "published", ephemeralStorage: "published" });
    expect(s.bill.loadBalancers).toEqual({ availability: "published", asOf: ["2025-06-05"] });
    expect(s.bill.natGateway).toEqual({ availability: "published", asOf: ["2025-10-28"] });
    expect(s.bill.logs).toEqual({ availability: "published", asOf: ["2025-09-23"] });
    // egress tiers are published (2025-06-05); the inter-AZ rate is the pricing page's $0.01, marked derived
    expect(s.bill.dataTransfer.availability).toBe("derived");
    expect(s.ec2.reserved).toMatchObject({ availability: "published", asOf: ["2025-04-05"] });
    expect(s.ec2.reserved.types).toBeGreaterThan(500);
    // c6a.2xlarge carries AWS's own fee (the ECS pricing page's example, $0.03672); every other priced type the 12% rule
    const priced = us2.ec2.instanceTypes.filter((t) => t.onDemandUSD !== null).length;
    expect(s.ec2.managedInstances).toEqual({ availability: "partial", asOf: ["2025-10-27"], awsTypes: 1, awsTypeNames: ["c6a.2xlarge"], derivedTypes: priced - 1, derivedPct: 12 });
    // EKS Auto Mode: no type's fee in the bundled sources, all on the derived 12%
    expect(s.ec2.autoMode).toEqual({ availability: "derived", asOf: ["2026-12-01"], awsTypes: 0, awsTypeNames: [], derivedTypes: priced, derivedPct: 12 });
    expect(s.ec2.trunking.asOf).toBe("2023-04-18");
    expect(s.ec2.trunking.supported + s.ec2.trunking.unsupported + s.ec2.trunking.notListed).toBe(us2.ec2.instanceTypes.length);
  });
  it("New Zealand: no load balancer or egress rows in the feeds, no Windows, no Spot, no Reserved Instances", () => {
    const s = summarizeRegion(nz);
    expect(s).toMatchObject({ windows: "unavailable", spotX86: "unavailable" });
    expect(s.bill.loadBalancers.availability).toBe("unavailable");
    expect(s.bill.natGateway.availability).toBe("published");
    expect(s.ec2.reserved.availability).toBe("unavailable");
  });
});
