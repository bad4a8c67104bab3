/** The /catalog page's charges table (lib/catalog/charge-coverage.ts) over snapshot 2026-12-01's 36 region files. */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { chargeCoverage } from "@/lib/catalog/charge-coverage";
import { loadCatalogIndex, loadRegionCatalog } from "@/lib/catalog/fs-loader";
import { CHARGE_IDS } from "@/lib/charges";

const DATA = path.resolve(import.meta.dirname, "../../../data");
const files = loadCatalogIndex("2026-12-01", { dataDir: DATA }).regions.map((r) => loadRegionCatalog(r.region, "2026-12-01", { dataDir: DATA }));
const rows = chargeCoverage(files);
const row = (id: string) => rows.find((r) => r.id === id)!;

describe("charge coverage of a snapshot", () => {
  it("lists every charge once, in definition order, with its FOCUS service and docs anchor", () => {
    expect(rows.map((r) => r.id).sort()).toEqual([...CHARGE_IDS].sort());
    expect(row("ebs-gp3-iops")).toMatchObject({ name: "EBS gp3 provisioned IOPS", focusService: "Amazon Elastic Block Store", pricing: "Standard", units: ["IOPS-month"], docs: "gp3-iops-throughput" });
  });

  it("counts the regions whose files have the charge's rates: published, derived or not available", () => {
    expect(files).toHaveLength(36);
    expect(row("fargate-vcpu")).toMatchObject({ published: 36, derived: 0, unavailable: 0 });
    // The EBS feed of 2024-07-18 lacks 5 locations: gp3 storage is derived there (a ratio rule), IOPS not available.
    expect(row("ebs-volume")).toMatchObject({ published: 31, derived: 5, unavailable: 0 });
    expect(row("ebs-gp3-iops")).toMatchObject({ published: 31, derived: 0, unavailable: 5 });
    // No EC2 Savings Plans rates in the bundled sources; the inter-AZ rate is the pricing page's, flagged derived.
    expect(row("ec2-savings-plan-instance")).toMatchObject({ published: 0, derived: 0, unavailable: 36 });
    expect(row("inter-az")).toMatchObject({ published: 0, derived: 36, unavailable: 0 });
    expect(row("ec2-cpu-credits").outsideCatalog).toBe(true);
    expect(row("discount").outsideCatalog).toBe(true);
  });
});
