/** applyRegionRefresh: pure merge of Price List rates into the previous region file. */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadRegionCatalog } from "@/lib/catalog/fs-loader";
import type { Ec2PriceRow, OnDemandPrice } from "@/lib/catalog/price-list";
import { RefreshDataError, applyRegionRefresh } from "@/lib/catalog/refresh-merge";
import { isUnavailable } from "@/lib/catalog/schema";

const prev = loadRegionCatalog("us-east-1", "2026-11-26", { dataDir: path.resolve(import.meta.dirname, "..", "..", "..", "data") });
const price = (usageType: string, usd: number): OnDemandPrice => ({ usd, unit: "hours", effectiveDate: "2026-07-01", sku: `SKU-${usageType}`, usageType });
const source = { id: "aws-pricing-api-2026-12-01", name: "AWS Price List Query API, read 2026-12-01", asOf: "2026-12-01", origin: "test" };
const m5: Ec2PriceRow = { type: "m5.large", usd: 0.096, effectiveDate: "2026-10-01", vcpu: 2, memoryMiB: 8192, architecture: "x86_64", currentGeneration: true, gpus: null, usageType: "BoxUsage:m5.large", reserved1y: null, reserved3y: null };

function refresh(fargate: Parameters<typeof applyRegionRefresh>[1]["fargate"], ec2 = new Map([["m5.large", m5]])) {
  return applyRegionRefresh(prev, { catalogId: "2026-12-01", readOn: "2026-12-01", source, fargate, ec2 });
}

describe("applyRegionRefresh", () => {
  const r = refresh({ x86VcpuHour: price("USE1-Fargate-vCPU-Hours:perCPU", 0.04), x86GbHour: price("USE1-Fargate-GB-Hours", 0.004445) });

  it("replaces on-demand rates with the read date and AWS usage type; missing groups become unavailable with a reason", () => {
    const f = r.catalog.fargate;
    expect(f.linuxX86.vcpuHour).toMatchObject({ usd: 0.04, asOf: "2026-12-01", source: source.id, usageType: "USE1-Fargate-vCPU-Hours:perCPU", derived: false });
    expect(f.linuxArm).toEqual({ available: false, reason: "The AWS Price List read on 2026-12-01 has no Fargate ARM rate for us-east-1 (usage type *-Fargate-ARM-vCPU-Hours:perCPU)" });
    expect(isUnavailable(f.windowsX86)).toBe(true);
    expect(f.spotX86).toEqual(prev.fargate.spotX86);
    expect(r.catalog.catalogId).toBe("2026-12-01");
  });

  it("Savings Plans keep their discount when on-demand moved, stay as they were otherwise", () => {
    const sp = r.catalog.fargate.savingsPlans["compute-1y"].x86;
    const before = prev.fargate.savingsPlans["compute-1y"].x86;
    if (isUnavailable(sp) || isUnavailable(before)) throw new Error("expected rates");
    // 0.032384 x 0.04 / 0.04048 = 0.032 (the 20% 1-year discount)
    expect(sp.vcpuHour).toMatchObject({ usd: 0.032, derived: true });
    expect(sp.gbHour).toEqual(before.gbHour);
    expect(isUnavailable(r.catalog.fargate.savingsPlans["compute-3y"].arm)).toBe(true);
  });

  it("lists the changes and keeps only sources still referenced", () => {
    expect(r.changes).toContainEqual({ region: "us-east-1", what: "Fargate Linux x86 per vCPU-hour", from: 0.04048, to: 0.04 });
    expect(r.changes).toContainEqual({ region: "us-east-1", what: "Fargate Windows per vCPU-hour", from: 0.09148, to: null });
    expect(r.changes.some((c) => c.what === "Fargate Linux x86 per GB-hour")).toBe(false);
    const ids = r.catalog.sources.map((s) => s.id);
    expect(ids).toContain(source.id);
    expect(ids).toContain("fgcalc-spot-2026-09-29");
    expect(ids).not.toContain("aws-ecs-getproducts-us-east-1-2022-11"); // only the replaced Windows rates used it
    expect(r.ec2).toEqual({ changed: 0, added: 0, removed: prev.ec2.instanceTypes.length - 1, unchanged: 1, withoutSpecs: 0 });
  });

  it("no x86 rate or no EC2 price: refuses with a message naming the region", () => {
    expect(() => refresh({})).toThrow(RefreshDataError);
    expect(() => refresh({})).toThrow(/no Fargate Linux\/x86 rates for region "us-east-1"/);
    expect(() => refresh({ x86VcpuHour: price("a", 1), x86GbHour: price("b", 1) }, new Map())).toThrow(/no EC2 on-demand Linux prices for region "us-east-1"/);
  });
});

describe("applyRegionRefresh on a schema-2 snapshot: Reserved terms, the rest of the bill, Managed Instances fees", () => {
  const prev2 = loadRegionCatalog("us-east-1", "2026-12-01", { dataDir: path.resolve(import.meta.dirname, "..", "..", "..", "data") });
  const x86 = { x86VcpuHour: price("USE1-Fargate-vCPU-Hours:perCPU", 0.04048), x86GbHour: price("USE1-Fargate-GB-Hours", 0.004445) };
  const m5WithRi: Ec2PriceRow = { ...m5, reserved1y: 0.06, reserved3y: 0.041 };
  const r = applyRegionRefresh(prev2, {
    catalogId: "2026-12-02",
    readOn: "2026-12-02",
    source,
    fargate: x86,
    ec2: new Map([["m5.large", m5WithRi]]),
    network: { albHour: price("LoadBalancerUsage", 0.0252), natGatewayGB: price("NatGateway-Bytes", 0.045) },
    managedFees: new Map([["m5.large", price("USE1-ECSManagedInstances:m5.large", 0.01152)]]),
  });

  it("reads Reserved rates from the EC2 items' terms and dates them", () => {
    const row = r.catalog.ec2.instanceTypes.find((t) => t.type === "m5.large")!;
    expect(row).toMatchObject({ onDemandUSD: 0.096, reserved1yUSD: 0.06, reserved3yUSD: 0.041, managedFeeUSD: 0.01152, trunking: "supported", ecsTrunkTasks: 10 });
    expect(r.catalog.ec2.reserved["reserved-1y"]).toMatchObject({ source: source.id, asOf: "2026-12-02" });
  });

  it("replaces the network rates it read and keeps the others with their own dates", () => {
    const n = r.catalog.network;
    expect(n.albHour).toMatchObject({ usd: 0.0252, asOf: "2026-12-02", unit: "hour", usageType: "LoadBalancerUsage", source: source.id });
    expect(n.albLcuHour).toEqual(prev2.network.albLcuHour);
    expect(n.dataTransferOut).toEqual(prev2.network.dataTransferOut);
    expect(r.changes).toContainEqual({ region: "us-east-1", what: "Application Load Balancer per hour", from: 0.0225, to: 0.0252 });
    // an unchanged rate read again is not a change
    expect(r.changes.some((c) => c.what.startsWith("NAT gateway data processed"))).toBe(false);
  });

  it("says how many types carry a published Managed Instances fee; the 12% rule stays for the rest", () => {
    const m = r.catalog.ec2.managedInstances;
    expect(!isUnavailable(m) && m.feeFractionOfOnDemand).toBe(0.12);
    expect(!isUnavailable(m) && m.note).toMatch(/^1 types carry the management fee the Price List lists \(read 2026-12-02\)/);
  });

  it("keeps the previous Reserved rates when the answer carries no Reserved terms", () => {
    const kept = applyRegionRefresh(prev2, { catalogId: "2026-12-02", readOn: "2026-12-02", source, fargate: x86, ec2: new Map([["m5.large", m5]]) });
    const before = prev2.ec2.instanceTypes.find((t) => t.type === "m5.large")!;
    expect(kept.catalog.ec2.instanceTypes[0]).toMatchObject({ reserved1yUSD: before.reserved1yUSD, reserved3yUSD: before.reserved3yUSD });
    expect(kept.catalog.ec2.reserved).toEqual(prev2.ec2.reserved);
    expect(kept.catalog.network).toEqual(prev2.network);
  });
});
