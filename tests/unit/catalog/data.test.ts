/**
 * The bundled default snapshot (data/catalog/2026-12-01) against the vendored raw sources in data/sources:
 * every Fargate rate of all 36 locations digit for digit, the EC2 source precedence, Reserved Instances, ECS
 * trunking, the rest of the bill, provenance of every rate, file sizes and a byte-identical rebuild.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { loadCatalogIndex, loadCatalogList, loadRegionCatalog } from "@/lib/catalog/fs-loader";
import { isUnavailable, type Rate, type RegionCatalog } from "@/lib/catalog/schema";
import { CATALOG_ID, DEFAULT_SOURCES_DIR, ECS_FEED_KEYS, REGION_BY_LOCATION, buildCatalog, readSource } from "@/scripts/build-catalog";

const ROOT = path.resolve(import.meta.dirname, "..", "..", "..");
const DATA = path.join(ROOT, "data");
const ID = "2026-12-01";
const src = <T>(file: string): T => readSource<T>(DEFAULT_SOURCES_DIR, file);

type Feed = { regions: Record<string, Record<string, { price: string }>> };
const ecsFeed = src<Feed>("feeds-2025/aws-price/ecs.json");
const LOCATIONS = Object.keys(ecsFeed.regions);
const REGIONS = LOCATIONS.map((l) => REGION_BY_LOCATION[l]!).sort();
const catalogs = new Map<string, RegionCatalog>(REGIONS.map((r) => [r, loadRegionCatalog(r, ID, { dataDir: DATA })]));
const cat = (r: string) => catalogs.get(r)!;
const type = (r: string, t: string) => cat(r).ec2.instanceTypes.find((x) => x.type === t);

/** "0.0465520000" -> "0.046552": the published decimal without trailing zeros. */
const decimal = (s: string) => s.replace(/(\.\d*?)0+$/, "$1").replace(/\.$/, "");

/** Every Rate object in a region file, with its path. */
function allRates(c: RegionCatalog): [string, Rate][] {
  const out: [string, Rate][] = [];
  const walk = (v: unknown, p: string) => {
    if (typeof v !== "object" || v === null || isUnavailable(v)) return;
    if (Array.isArray(v)) return v.forEach((x, i) => walk(x, `${p}[${i}]`));
    const o = v as Record<string, unknown>;
    if (typeof o.usd === "number" && typeof o.source === "string") {
      out.push([p, o as unknown as Rate]);
      return;
    }
    for (const [k, x] of Object.entries(o)) if (k !== "instanceTypes") walk(x, `${p}.${k}`);
  };
  walk(c.fargate, "fargate");
  walk(c.ec2, "ec2");
  walk(c.network, "network");
  return out;
}

describe(`bundled catalog ${ID}`, () => {
  it("is the newest snapshot, covers the 36 Fargate locations of AWS's ECS feed, and keeps 2026-11-26 listed", () => {
    expect(CATALOG_ID).toBe(ID);
    expect(REGIONS).toHaveLength(36);
    const list = loadCatalogList(DATA);
    expect(list.newest).toBe(ID);
    expect(list.catalogs.map((c) => c.id)).toEqual(["2026-11-26", ID]);
    const index = loadCatalogIndex(ID, { dataDir: DATA });
    expect(index.regions.map((r) => r.region)).toEqual(REGIONS);
    for (const l of LOCATIONS) expect(cat(REGION_BY_LOCATION[l]!).location).toBe(l);
    for (const r of ["ap-south-2", "ap-southeast-3", "ap-southeast-4", "ap-southeast-5", "ap-southeast-7", "ap-northeast-3", "ap-east-2", "ap-southeast-6", "ca-west-1", "eu-central-2", "eu-south-2", "il-central-1", "me-central-1", "mx-central-1"]) {
      expect(REGIONS, r).toContain(r);
    }
  });

  it("every Fargate rate of all 36 locations equals the feed's published decimal, digit for digit", () => {
    const slots: Record<keyof typeof ECS_FEED_KEYS, (c: RegionCatalog) => Rate | null> = {
      x86VcpuHour: (c) => c.fargate.linuxX86.vcpuHour,
      x86GbHour: (c) => c.fargate.linuxX86.gbHour,
      armVcpuHour: (c) => (isUnavailable(c.fargate.linuxArm) ? null : c.fargate.linuxArm.vcpuHour),
      armGbHour: (c) => (isUnavailable(c.fargate.linuxArm) ? null : c.fargate.linuxArm.gbHour),
      windowsVcpuHour: (c) => (isUnavailable(c.fargate.windowsX86) ? null : c.fargate.windowsX86.vcpuHour),
      windowsGbHour: (c) => (isUnavailable(c.fargate.windowsX86) ? null : c.fargate.windowsX86.gbHour),
      windowsOsLicenseVcpuHour: (c) => (isUnavailable(c.fargate.windowsX86) ? null : c.fargate.windowsX86.osLicenseVcpuHour),
      ephemeralStorageGbHour: (c) => (isUnavailable(c.fargate.ephemeralStorageGbHour) ? null : c.fargate.ephemeralStorageGbHour),
    };
    let compared = 0;
    for (const location of LOCATIONS) {
      const c = cat(REGION_BY_LOCATION[location]!);
      for (const [key, slot] of Object.entries(slots) as [keyof typeof ECS_FEED_KEYS, (c: RegionCatalog) => Rate | null][]) {
        const published = ecsFeed.regions[location]![ECS_FEED_KEYS[key]]?.price;
        const rate = slot(c);
        if (published === undefined) {
          expect(rate, `${location} ${key}`).toBeNull();
          continue;
        }
        expect(rate, `${location} ${key}`).not.toBeNull();
        expect(String(rate!.usd), `${location} ${key}`).toBe(decimal(published));
        expect(rate!.derived, `${location} ${key}`).toBe(false);
        expect(rate!.asOf).toBe("2025-10-27");
        compared++;
      }
    }
    // 36 locations x 8 kinds, less Windows (3 kinds) in Taipei and New Zealand
    expect(compared).toBe(36 * 8 - 2 * 3);
    expect(cat("ap-east-2").fargate.windowsX86).toMatchObject({ available: false });
    expect(cat("ap-southeast-6").fargate.windowsX86).toMatchObject({ available: false });
  });

  it("Graviton in ap-south-1 is AWS's 0.02383 / 0.00261, not 0.8 x x86; Windows in us-east-1 is 0.046552 + 0.046 and 0.00511175", () => {
    const arm = cat("ap-south-1").fargate.linuxArm;
    expect(!isUnavailable(arm) && [arm.vcpuHour.usd, arm.gbHour.usd]).toEqual([0.02383, 0.00261]);
    expect(!isUnavailable(arm) && arm.vcpuHour).toMatchObject({ derived: false, usageType: "APS3-Fargate-ARM-vCPU-Hours:perCPU" });
    const win = cat("us-east-1").fargate.windowsX86;
    expect(!isUnavailable(win) && [win.vcpuHour.usd, win.osLicenseVcpuHour.usd, win.gbHour.usd]).toEqual([0.046552, 0.046, 0.00511175]);
    expect(!isUnavailable(win) && win.osLicenseVcpuHour.usageType).toBe("USE1-Fargate-Windows-OS-Hours:perCPU");
    const mx = cat("mx-central-1").fargate.windowsX86;
    expect(!isUnavailable(mx) && mx.osLicenseVcpuHour.usd).toBe(0.0483);
    // usage-type traps: eu-west-1 is EU, ap-south-1 is APS3, us-east-1 EC2 has no prefix
    expect(cat("eu-west-1").fargate.linuxX86.vcpuHour.usageType).toBe("EU-Fargate-vCPU-Hours:perCPU");
    expect(cat("us-east-1").ec2.onDemand.usageTypePattern).toBe("BoxUsage:<instanceType>");
    expect(cat("us-east-2").ec2.onDemand.usageTypePattern).toBe("USE2-BoxUsage:<instanceType>");
  });

  it("Fargate Spot from the 2026-09-29 feed where it has the region, unavailable with a reason elsewhere", () => {
    const fg = src<{ regions: Record<string, { spot: { vcpuHour: number; gbHour: number } }> }>("fargate-linux-x86-ondemand-spot-by-region.json");
    let withSpot = 0;
    for (const r of REGIONS) {
      const spot = cat(r).fargate.spotX86;
      const s = fg.regions[r];
      if (s) {
        withSpot++;
        expect(!isUnavailable(spot) && [spot.vcpuHour.usd, spot.gbHour.usd], r).toEqual([s.spot.vcpuHour, s.spot.gbHour]);
        expect(!isUnavailable(spot) && spot.vcpuHour.asOf).toBe("2026-09-29");
      } else {
        expect(spot, r).toMatchObject({ available: false });
        expect(isUnavailable(spot) && spot.reason, r).toMatch(/No Fargate Spot price for .* in the bundled Spot feed/);
        expect(cat(r).fargate.spotArm, r).toMatchObject({ available: false });
      }
    }
    expect(withSpot).toBe(22);
    const usArm = cat("us-east-1").fargate.spotArm;
    expect(!isUnavailable(usArm) && usArm.vcpuHour).toMatchObject({ usd: 0.01030969, derived: false });
    // eu-central-1 ARM Spot: ARM 0.03725 x (x86 Spot 0.01441236 / x86 0.04656) = 0.011530507... -> 0.01153051
    const euArm = cat("eu-central-1").fargate.spotArm;
    expect(!isUnavailable(euArm) && euArm.vcpuHour).toMatchObject({ usd: 0.01153051, derived: true });
  });

  it("Compute Savings Plans: us-east-1 as published, elsewhere derived from the us-east-1 discount and marked", () => {
    const sp = cat("us-east-1").fargate.savingsPlans;
    expect(!isUnavailable(sp["compute-1y"].x86) && sp["compute-1y"].x86.vcpuHour).toMatchObject({ usd: 0.032384, derived: false });
    expect(!isUnavailable(sp["compute-3y"].arm) && sp["compute-3y"].arm.vcpuHour).toMatchObject({ usd: 0.01749, derived: false });
    // ap-south-1 3y ARM: 0.02383 x (0.01749 / 0.03238) = 0.012871... -> 0.01287172
    const ap = cat("ap-south-1").fargate.savingsPlans["compute-3y"].arm;
    expect(!isUnavailable(ap) && ap.vcpuHour.derived).toBe(true);
    expect(!isUnavailable(ap) && ap.vcpuHour.usd).toBeCloseTo((0.02383 * 0.01749) / 0.03238, 8);
  });

  it("EC2 On-Demand: the newest source per type, each row dated by its source; new types appear with specs", () => {
    const kp = src<{ prices: Record<string, Record<string, number>> }>("karpenter-ondemand-linux-prices.json");
    expect(cat("us-east-1").ec2.onDemand).toMatchObject({ source: "karpenter-ondemand-2026-07-20", asOf: "2026-07-20" });
    expect(type("us-east-1", "m5.large")!.onDemandUSD).toBe(kp.prices["us-east-1"]!["m5.large"]);
    expect(cat("us-gov-west-1").ec2.onDemand.asOf).toBe("2026-07-20");
    // eu-west-1: most types from the 2025-11-04 feed, the rest (only in the 2025-06 feed) carry their own source
    const eu = cat("eu-west-1");
    expect(eu.ec2.onDemand).toMatchObject({ source: "aws-ec2-feed-2025-11-04", asOf: "2025-11-04" });
    const nov = src<{ region: string; attributes: { instanceType: string; operatingSystem: string }; pricePerUnit: string }[]>("feeds-2025/aws-price/ec2-transformed.json");
    const novM8g = nov.find((x) => x.region === "eu-west-1" && x.attributes.instanceType === "m8g.large" && x.attributes.operatingSystem === "Linux")!;
    expect(type("eu-west-1", "m8g.large")).toMatchObject({ onDemandUSD: Number(novM8g.pricePerUnit), vcpu: 2, memoryMiB: 8192, architecture: "arm64" });
    for (const t of ["m8g.large", "c8g.large", "r8g.large", "m8i-flex.large"]) expect(type("us-east-1", t), t).toBeDefined();
    const overridden = eu.ec2.instanceTypes.filter((t) => t.onDemandSource);
    for (const t of overridden) expect(t.onDemandSource).toBe("aws-ec2-feed-2025-06-13");
    // no region is priced from 2024-04 where a 2025 or 2026 price exists
    for (const r of REGIONS) for (const t of cat(r).ec2.instanceTypes) expect(t.onDemandSource ?? cat(r).ec2.onDemand.source, `${r} ${t.type}`).not.toBe("vantage-ec2-2024-04-04");
  });

  it("EC2 Reserved Instances (Standard, No Upfront, Linux, shared) per type, labelled as such; 34 regions", () => {
    // us-east-1 t3a.medium: the feed's 1-year No Upfront effective rate is 0.0236 beside On-Demand 0.0376
    expect(type("us-east-1", "t3a.medium")).toMatchObject({ onDemandUSD: 0.0376, reserved1yUSD: 0.0236 });
    const ri = cat("us-east-1").ec2.reserved["reserved-3y"];
    expect(!isUnavailable(ri) && ri.note).toMatch(/Standard Reserved Instance, 3 years, No Upfront/);
    let regionsWithRi = 0;
    for (const r of REGIONS) {
      const one = cat(r).ec2.reserved["reserved-1y"];
      if (!isUnavailable(one)) regionsWithRi++;
      else expect(one.reason).toMatch(/no .* rates/);
      for (const t of cat(r).ec2.instanceTypes) {
        if (t.reserved1yUSD !== null && t.onDemandUSD !== null) expect(t.reserved1yUSD, `${r} ${t.type}`).toBeLessThanOrEqual(t.onDemandUSD);
        if (t.reserved3yUSD !== null && t.reserved1yUSD !== null) expect(t.reserved3yUSD, `${r} ${t.type}`).toBeLessThanOrEqual(t.reserved1yUSD);
      }
    }
    expect(regionsWithRi).toBe(34);
    expect(cat("ap-east-2").ec2.reserved["reserved-1y"]).toMatchObject({ available: false });
  });

  it("ECS trunking from ECS's own table: m5.2xlarge 40, c5n.large and m5zn.large cannot trunk, m7i.large not listed", () => {
    expect(type("us-east-1", "m5.2xlarge")).toMatchObject({ trunking: "supported", ecsTrunkTasks: 40 });
    expect(type("us-east-1", "m5.large")).toMatchObject({ trunking: "supported", ecsTrunkTasks: 10 });
    expect(type("us-east-1", "c5n.large")).toMatchObject({ trunking: "unsupported", ecsTrunkTasks: null });
    expect(type("us-east-1", "m5zn.large")).toMatchObject({ trunking: "unsupported", ecsTrunkTasks: null });
    // listed with 10 in the table, but ECS names the m5n family as not supported
    expect(type("us-east-1", "m5n.large")).toMatchObject({ trunking: "unsupported" });
    // the table's "-2" for i4i.large means no trunking
    expect(type("us-east-1", "i4i.large")).toMatchObject({ trunking: "unsupported" });
    expect(type("us-east-1", "m7i.large")).toMatchObject({ trunking: "not-listed", ecsTrunkTasks: null });
    expect(cat("us-east-1").ec2.trunking).toMatchObject({ source: "aws-ecs-trunking-table-2023-04-18", asOf: "2023-04-18" });
    const karpenterSaysTrunks = src<{ limits: Record<string, { isTrunkingCompatible: boolean }> }>("karpenter-vpc-limits.json").limits;
    const unsupportedFamilies = ["c5n", "d3", "d3en", "g4dn", "i3", "i3en", "inf1", "m5dn", "m5n", "m5zn", "r5b", "r5n", "r5dn", "z1d"];
    const wronglyTrunking = cat("us-east-1").ec2.instanceTypes.filter((t) => unsupportedFamilies.includes(t.type.split(".")[0]!) && t.trunking !== "unsupported");
    expect(wronglyTrunking).toEqual([]);
    expect(Object.keys(karpenterSaysTrunks).some((t) => t.startsWith("c5n.") && karpenterSaysTrunks[t]!.isTrunkingCompatible)).toBe(true);
  });

  it("the rest of the bill in us-east-1 equals AWS's feeds: ALB, NLB, NAT, public IPv4, endpoints, logs, egress tiers, inter-AZ", () => {
    const n = cat("us-east-1").network;
    const usd = (r: unknown) => (isUnavailable(r) ? null : (r as Rate).usd);
    expect([usd(n.albHour), usd(n.albLcuHour), usd(n.nlbHour), usd(n.nlbNlcuHour)]).toEqual([0.0225, 0.008, 0.0225, 0.006]);
    expect([usd(n.natGatewayHour), usd(n.natGatewayGB), usd(n.publicIpv4InUseHour)]).toEqual([0.045, 0.045, 0.005]);
    expect([usd(n.vpcEndpointHour), usd(n.vpcEndpointGB)]).toEqual([0.01, 0.01]);
    expect([usd(n.logsIngestStandardGB), usd(n.logsIngestInfrequentAccessGB), usd(n.logsStorageGBMonth)]).toEqual([0.5, 0.25, 0.03]);
    expect(!isUnavailable(n.logsStorageGBMonth) && n.logsStorageGBMonth).toMatchObject({ label: "Stored Data", asOf: "2025-09-23" });
    expect(!isUnavailable(n.publicIpv4InUseHour) && n.publicIpv4InUseHour.usageType).toBe("PublicIPv4:InUseAddress");
    expect(!isUnavailable(cat("eu-west-1").network.natGatewayHour) && (cat("eu-west-1").network.natGatewayHour as Rate).usageType).toBe("EU-NatGateway-Hours");
    const dt = n.dataTransferOut;
    expect(!isUnavailable(dt) && dt.freeGBPerMonth).toBe(100);
    expect(!isUnavailable(dt) && dt.tiers.map((t) => [t.upToGBPerMonth, t.rate.usd])).toEqual([
      [10240, 0.09],
      [51200, 0.085],
      [153600, 0.07],
      [null, 0.05],
    ]);
    expect(n.interAzGBEachDirection).toMatchObject({ usd: 0.01, derived: true });
    expect(cat("us-east-1").ec2.gp3GbMonth).toMatchObject({ usd: 0.08, derived: false, usageType: "EBS:VolumeUsage.gp3" });
    // ap-south-1 (Mumbai) logs are dearer: 0.67 ingestion
    expect(usd(cat("ap-south-1").network.logsIngestStandardGB)).toBe(0.67);
    // New Zealand has no ELB or egress rows in the 2025 feeds: not available with a reason, never $0
    expect(cat("ap-southeast-6").network.albHour).toMatchObject({ available: false });
    expect(cat("ap-southeast-6").network.dataTransferOut).toMatchObject({ available: false });
  });

  it("ECS Managed Instances fee: 12% of the type's On-Demand rate, marked derived with the rule", () => {
    for (const r of REGIONS) {
      const m = cat(r).ec2.managedInstances;
      expect(!isUnavailable(m) && m.feeFractionOfOnDemand, r).toBe(0.12);
      expect(!isUnavailable(m) && m.derived, r).toBe(true);
      expect(!isUnavailable(m) && m.note, r).toMatch(/c6a\.2xlarge .* 12% of \$0\.306/);
    }
  });

  it("every rate is dated, sourced from a declared source, and derived rates say how", () => {
    for (const r of REGIONS) {
      const c = cat(r);
      const ids = new Set(c.sources.map((s) => s.id));
      const rates = allRates(c);
      expect(rates.length, r).toBeGreaterThanOrEqual(20);
      for (const [p, rate] of rates) {
        expect(rate.asOf, `${r} ${p}`).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(ids.has(rate.source), `${r} ${p} source ${rate.source}`).toBe(true);
        if (rate.derived) expect(rate.note && rate.note.length > 20, `${r} ${p}`).toBe(true);
        expect(rate.usd, `${r} ${p}`).toBeGreaterThan(0);
        expect(rate.usageType !== null || rate.label !== undefined, `${r} ${p} has a usage type or a feed label`).toBe(true);
      }
      for (const s of c.sources) {
        expect(s.origin.length).toBeGreaterThan(10);
        expect(s.origin, "no origin points outside the repository").not.toMatch(/^\.\.\//);
      }
      for (const t of c.ec2.instanceTypes) {
        expect(t.onDemandUSD, `${r} ${t.type}`).not.toBeNull();
        if (t.onDemandSource) expect(ids.has(t.onDemandSource)).toBe(true);
      }
    }
  });

  it("region files stay small (gzip <= 40 kB), index sizes match, and a rebuild from data/sources gives identical bytes", () => {
    const dir = path.join(DATA, "catalog", ID);
    const index = loadCatalogIndex(ID, { dataDir: DATA });
    for (const e of index.regions) {
      const bytes = readFileSync(path.join(dir, e.file));
      expect(e.bytes).toBe(bytes.length);
      expect(e.gzipBytes).toBe(gzipSync(bytes, { level: 9 }).length);
      expect(e.gzipBytes, e.file).toBeLessThanOrEqual(40 * 1024);
    }
    const out = mkdtempSync(path.join(tmpdir(), "ecs-build-"));
    try {
      buildCatalog({ sourcesDir: DEFAULT_SOURCES_DIR, outDir: out, log: () => {} });
      const files = readdirSync(path.join(out, ID)).sort();
      expect(files).toEqual(readdirSync(dir).sort());
      for (const f of files) expect(readFileSync(path.join(out, ID, f)).equals(readFileSync(path.join(dir, f))), f).toBe(true);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 120_000);
});
