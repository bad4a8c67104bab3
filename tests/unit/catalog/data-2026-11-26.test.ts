/**
 * The first bundled snapshot (data/catalog/2026-11-26, schema 1) is frozen: share links and exports made with it
 * must keep their numbers forever. Its files are pinned by SHA-256, and spot-checked against the vendored raw
 * sources (data/sources) it was built from, through the loader's in-memory upgrade to schema 2.
 */
import { createHash } from "node:crypto";
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { loadCatalogIndex, loadCatalogList, loadRegionCatalog } from "@/lib/catalog/fs-loader";
import { isUnavailable, type Rate, type RegionCatalog } from "@/lib/catalog/schema";
import { DEFAULT_SOURCES_DIR, readSource } from "@/scripts/build-catalog";

const ROOT = path.resolve(import.meta.dirname, "..", "..", "..");
const ID = "2026-11-26";
const src = <T>(file: string): T => readSource<T>(DEFAULT_SOURCES_DIR, file);

type Fg = { regions: Record<string, { location: string; onDemand: { vcpuHour: number; gbHour: number }; spot: { vcpuHour: number; gbHour: number } }> };
const fg = src<Fg>("fargate-linux-x86-ondemand-spot-by-region.json");
const kp = src<{ prices: Record<string, Record<string, number>> }>("karpenter-ondemand-linux-prices.json");
const kt = src<{ instanceTypes: Record<string, { vcpu: number; memoryMiB: number; arch: string }> }>("karpenter-instance-types.json");
const kv = src<{ limits: Record<string, { maxENIs: number; ipv4PerENI: number; branchENIs: number; isTrunkingCompatible: boolean }> }>("karpenter-vpc-limits.json");
const vantage = src<{ data: { "instance-type": string; region: string; ondemand: string | null; spot_avg: string | null }[] }>(
  "vantage-pr735-ec2-instances-multiregion-2024-04.json",
).data;

const REGIONS = Object.keys(fg.regions).sort();
const catalogs = new Map<string, RegionCatalog>(REGIONS.map((r) => [r, loadRegionCatalog(r, ID, { dataDir: path.join(ROOT, "data") })]));
const cat = (r: string) => catalogs.get(r)!;

/** Every Rate object in a region file, with its path. */
function allRates(c: RegionCatalog): [string, Rate][] {
  const out: [string, Rate][] = [];
  const walk = (v: unknown, p: string) => {
    if (typeof v !== "object" || v === null || Array.isArray(v) || isUnavailable(v)) return;
    const o = v as Record<string, unknown>;
    if (typeof o.usd === "number" && typeof o.source === "string") {
      out.push([p, o as unknown as Rate]);
      return;
    }
    for (const [k, x] of Object.entries(o)) walk(x, `${p}.${k}`);
  };
  walk(c.fargate, "fargate");
  walk(c.ec2.gp3GbMonth, "ec2.gp3GbMonth");
  walk(c.ec2.savingsPlans, "ec2.savingsPlans");
  return out;
}

describe("bundled catalog 2026-11-26 (frozen)", () => {
  it("covers the 22 Fargate regions of the fgcalc file, listed in both indexes, and is no longer the newest", () => {
    expect(REGIONS).toHaveLength(22);
    const list = loadCatalogList(path.join(ROOT, "data"));
    expect(list.catalogs.map((c) => c.id)).toContain(ID);
    expect(list.newest).not.toBe(ID);
    const index = loadCatalogIndex(ID, { dataDir: path.join(ROOT, "data") });
    expect(index.regions.map((r) => r.region)).toEqual(REGIONS);
    for (const r of REGIONS) expect(cat(r).location).toBe(fg.regions[r]!.location);
  });

  it("us-east-1 Fargate Linux x86 is 0.04048 per vCPU-hour and 0.004445 per GB-hour, with the AWS usage types", () => {
    const x86 = cat("us-east-1").fargate.linuxX86;
    expect(x86.vcpuHour).toMatchObject({ usd: 0.04048, unit: "vCPU-hour", asOf: "2026-09-29", usageType: "USE1-Fargate-vCPU-Hours:perCPU", derived: false });
    expect(x86.gbHour).toMatchObject({ usd: 0.004445, unit: "GB-hour", usageType: "USE1-Fargate-GB-Hours", derived: false });
    // billing-code traps (docs/price-catalog.md#billing-code-prefixes-usage-type-traps): eu-west-1 is EU, ap-south-1 is APS3
    expect(cat("eu-west-1").fargate.linuxX86.vcpuHour.usageType).toBe("EU-Fargate-vCPU-Hours:perCPU");
    const apSpot = cat("ap-south-1").fargate.spotX86;
    expect(!isUnavailable(apSpot) && apSpot.vcpuHour.usageType).toBe("APS3-SpotUsage-Fargate-vCPU-Hours:perCPU");
    expect(cat("us-east-1").ec2.onDemand.usageTypePattern).toBe("BoxUsage:<instanceType>");
    expect(cat("us-east-2").ec2.onDemand.usageTypePattern).toBe("USE2-BoxUsage:<instanceType>");
  });

  it("every region's x86 on-demand and Spot rates equal the source file", () => {
    for (const r of REGIONS) {
      const f = cat(r).fargate;
      const s = fg.regions[r]!;
      expect([f.linuxX86.vcpuHour.usd, f.linuxX86.gbHour.usd], r).toEqual([s.onDemand.vcpuHour, s.onDemand.gbHour]);
      expect(isUnavailable(f.spotX86)).toBe(false);
      if (!isUnavailable(f.spotX86)) expect([f.spotX86.vcpuHour.usd, f.spotX86.gbHour.usd], r).toEqual([s.spot.vcpuHour, s.spot.gbHour]);
    }
  });

  it("ARM: real points where published, elsewhere round(0.8 x x86, 5) flagged as derived", () => {
    const arm = (r: string) => {
      const a = cat(r).fargate.linuxArm;
      if (isUnavailable(a)) throw new Error(`${r} has no ARM`);
      return a;
    };
    expect(arm("us-east-1").vcpuHour).toMatchObject({ usd: 0.03238, derived: false });
    expect(arm("eu-west-2").gbHour).toMatchObject({ usd: 0.00409, derived: false });
    // eu-central-1: 0.8 x 0.04656 = 0.037248 -> 0.03725; 0.8 x 0.00511 = 0.004088 -> 0.00409
    expect(arm("eu-central-1").vcpuHour).toMatchObject({ usd: 0.03725, derived: true });
    expect(arm("eu-central-1").gbHour.usd).toBe(0.00409);
    // ap-northeast-1 GB: 0.8 x 0.00553 = 0.004424 -> 0.00442 (matches the published third-party point)
    expect(arm("ap-northeast-1").gbHour.usd).toBe(0.00442);
    expect(arm("ap-south-1").vcpuHour.note).toContain("0.02383");
    for (const r of REGIONS) {
      const a = arm(r);
      if (!a.vcpuHour.derived) continue;
      const x = cat(r).fargate.linuxX86;
      expect(a.vcpuHour.usd, r).toBeCloseTo(0.8 * x.vcpuHour.usd, 5);
      expect(a.gbHour.usd, r).toBeCloseTo(0.8 * x.gbHour.usd, 5);
    }
  });

  it("ARM Spot: us-east-1 from the feed, elsewhere ARM on-demand x the region's x86 Spot ratio", () => {
    const us = cat("us-east-1").fargate.spotArm;
    expect(!isUnavailable(us) && us.vcpuHour).toMatchObject({ usd: 0.01030969, asOf: "2026-09-28", derived: false });
    const eu = cat("eu-central-1").fargate.spotArm;
    // 0.03725 x (0.01441236 / 0.04656) = 0.0115305... -> 0.01153051
    expect(!isUnavailable(eu) && eu.vcpuHour).toMatchObject({ usd: 0.01153051, derived: true });
  });

  it("Windows only where a real Price List row exists; elsewhere not available with an actionable reason", () => {
    for (const r of REGIONS) {
      const w = cat(r).fargate.windowsX86;
      if (r === "us-east-1" || r === "eu-west-1") {
        expect(isUnavailable(w), r).toBe(false);
        if (!isUnavailable(w)) {
          expect([w.vcpuHour.usd, w.osLicenseVcpuHour.usd, w.gbHour.usd]).toEqual([0.09148, 0.046, 0.01005]);
          expect(w.vcpuHour.note).toContain("UNCONFIRMED");
        }
      } else {
        expect(w).toEqual({ available: false, reason: `No published Windows Fargate rate for ${r} in the bundled sources; run npm run prices:refresh with AWS credentials` });
      }
    }
  });

  it("ephemeral storage: real points, elsewhere scaled by the x86 vCPU premium", () => {
    expect(cat("eu-west-1").fargate.ephemeralStorageGbHour).toMatchObject({ usd: 0.000122, derived: false });
    // eu-central-1: 0.000111 x 0.04656 / 0.04048 = 0.00012767194 -> 0.000127672
    const e = cat("eu-central-1").fargate.ephemeralStorageGbHour;
    expect(!isUnavailable(e) && e).toMatchObject({ usd: 0.000127672, derived: true });
    expect(!isUnavailable(e) && e.note).toMatch(/off by up to 9%/);
  });

  it("Compute Savings Plans: us-east-1 snapshot values, elsewhere the us-east-1 discount applied", () => {
    const sp = cat("us-east-1").fargate.savingsPlans;
    expect(!isUnavailable(sp["compute-1y"].x86) && sp["compute-1y"].x86.vcpuHour).toMatchObject({ usd: 0.032384, derived: false });
    expect(!isUnavailable(sp["compute-3y"].x86) && sp["compute-3y"].x86.gbHour).toMatchObject({ usd: 0.00244475, derived: false });
    expect(!isUnavailable(sp["compute-3y"].arm) && sp["compute-3y"].arm.vcpuHour).toMatchObject({ usd: 0.01749, derived: false });
    // eu-central-1 1y x86: 0.04656 x (1 - 0.20) = 0.037248
    const eu = cat("eu-central-1").fargate.savingsPlans["compute-1y"].x86;
    expect(!isUnavailable(eu) && eu.vcpuHour).toMatchObject({ usd: 0.037248, derived: true });
    expect(cat("eu-central-1").ec2.savingsPlans["savings-plan-1y"]).toMatchObject({ available: false });
  });

  it("m5.large in us-east-1 equals its sources (Karpenter 2026-07 price, specs and ENI limits)", () => {
    const m5 = cat("us-east-1").ec2.instanceTypes.find((t) => t.type === "m5.large")!;
    const lim = kv.limits["m5.large"]!;
    expect(m5.onDemandUSD).toBe(kp.prices["us-east-1"]!["m5.large"]);
    expect(m5.onDemandUSD).toBe(0.096);
    expect(m5).toMatchObject({ vcpu: 2, memoryMiB: 8192, architecture: "x86_64", maxEnis: lim.maxENIs, ipv4PerEni: lim.ipv4PerENI, trunking: "supported", ecsTrunkTasks: lim.branchENIs, burstable: false });
    // average Spot from the 2024-04 export
    expect(m5.spotAvgUSD).toBe(0.0384);
    expect(cat("us-east-1").ec2.onDemand).toMatchObject({ asOf: "2026-07-20" });
    const t3 = cat("us-east-1").ec2.instanceTypes.find((t) => t.type === "t3.micro")!;
    expect(t3).toMatchObject({ onDemandUSD: 0.0104, burstable: true, maxEnis: 2, ipv4PerEni: 2 });
    const m6g = cat("eu-west-1").ec2.instanceTypes.find((t) => t.type === "m6g.large")!;
    expect(m6g).toMatchObject({ onDemandUSD: 0.086, architecture: "arm64" });
  });

  it("EC2 type counts per region follow the sources (us-east-1 >= 1,300 with specs)", () => {
    const usTypes = Object.keys(kp.prices["us-east-1"]!).filter((t) => kt.instanceTypes[t] !== undefined);
    expect(cat("us-east-1").ec2.instanceTypes).toHaveLength(usTypes.length);
    expect(usTypes.length).toBeGreaterThanOrEqual(1300);
    for (const r of REGIONS) {
      if (r === "us-east-1" || r.startsWith("us-gov-")) continue;
      const priced = new Set(vantage.filter((v) => v.region === r && v.ondemand && Number(v.ondemand) > 0).map((v) => v["instance-type"]));
      expect(cat(r).ec2.instanceTypes.length, r).toBe(priced.size);
    }
    // GovCloud prefers Karpenter's 2026-07 prices
    expect(cat("us-gov-west-1").ec2.onDemand.asOf).toBe("2026-07-20");
    expect(cat("us-gov-west-1").ec2.instanceTypes.length).toBeGreaterThanOrEqual(Object.keys(kp.prices["us-gov-west-1"]!).length - 1);
  });

  it("every rate is dated, sourced from a declared source, and derived rates say how", () => {
    for (const r of REGIONS) {
      const c = cat(r);
      const ids = new Set(c.sources.map((s) => s.id));
      const rates = allRates(c);
      // x86 2 + ARM 2 + ephemeral 1 + Spot 2 + ARM Spot 2 + Savings Plans 8 + gp3 1 = 18 (+3 with Windows)
      expect(rates.length, r).toBe(r === "us-east-1" || r === "eu-west-1" ? 21 : 18);
      for (const [p, rate] of rates) {
        expect(rate.asOf, `${r} ${p}`).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(ids.has(rate.source), `${r} ${p} source ${rate.source}`).toBe(true);
        if (rate.derived) expect(rate.note?.startsWith("Derived:"), `${r} ${p}`).toBe(true);
        expect(rate.usd, `${r} ${p}`).toBeGreaterThan(0);
      }
      expect(ids.has(c.ec2.onDemand.source)).toBe(true);
      for (const s of c.sources) expect(s.origin.length).toBeGreaterThan(10);
      for (const t of c.ec2.instanceTypes) {
        expect(t.onDemandUSD, `${r} ${t.type}`).not.toBeNull();
        if (t.onDemandSource) expect(ids.has(t.onDemandSource)).toBe(true);
      }
    }
  });

  it("its files never change: index sizes match and every byte is pinned by SHA-256", () => {
    const dir = path.join(ROOT, "data", "catalog", ID);
    const index = loadCatalogIndex(ID, { dataDir: path.join(ROOT, "data") });
    for (const e of index.regions) {
      const bytes = readFileSync(path.join(dir, e.file));
      expect(e.bytes).toBe(bytes.length);
      expect(e.gzipBytes).toBe(gzipSync(bytes, { level: 9 }).length);
    }
    const digest = createHash("sha256");
    for (const f of readdirSync(dir).sort()) digest.update(f).update(readFileSync(path.join(dir, f)));
    // Computed once when the snapshot was frozen (2026-12-01). A change here breaks old share links.
    expect(digest.digest("hex")).toBe(FROZEN_SHA256);
  });
});

const FROZEN_SHA256 = "fdbf14aa3dca738b252cc912c8734aec1e8cc7a9c28849930575feaba00e6bd5";
