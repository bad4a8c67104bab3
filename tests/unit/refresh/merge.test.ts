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
const m5: Ec2PriceRow = { type: "m5.large", usd: 0.096, effectiveDate: "2026-10-01", vcpu: 2, memoryMiB: 8192, architecture: "x86_64", currentGeneration: true, gpus: null, usageType: "BoxUsage:m5.large" };

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
