/**
 * Build the bundled price catalog snapshot from ../shared/pricing-sources (or --sources DIR).
 *
 *   npm run prices:build [-- --sources DIR] [--out DIR]
 *
 * Writes data/catalog/<id>/<region>.json (one per Fargate region), data/catalog/<id>/index.json and
 * data/catalog/index.json. Output is deterministic: re-running on the same sources gives identical bytes.
 * The data policy (what is real, what is derived and how) is documented inline where each rate is made;
 * every rate carries source id, asOf, usageType and derived + note.
 */
import { mkdirSync, readFileSync, writeFileSync, existsSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { billingPrefix, ec2BoxUsagePattern, fargateUsageType, type FargateUsageKey } from "../lib/catalog/billing-codes";
import { parseCatalogIndex, parseCatalogList, parseRegionCatalog } from "../lib/catalog/parse";
import type { CatalogIndex, CatalogList, CatalogSource, ComputeRates, InstanceType, Rate, RegionCatalog, Unavailable } from "../lib/catalog/schema";
import { stableJson } from "../lib/catalog/stable-json";
import { catalogIndexEntry } from "../lib/catalog/summary";

export const CATALOG_ID = "2026-11-26";
const CREATED_AT = "2026-11-26";
const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");

// ---------------------------------------------------------------------------------------------------------
// Sources (id, name, asOf, origin, licence). Only the ones a region file uses are written into it.
// ---------------------------------------------------------------------------------------------------------
const S = {
  fgcalcOnDemand: "fgcalc-ondemand-2026-09-29",
  fgcalcSpot: "fgcalc-spot-2026-09-29",
  ecsOffer2026: "aws-ecs-offer-us-east-1-2026-09-11",
  ecsGetProducts2022: "aws-ecs-getproducts-us-east-1-2022-11",
  ligojEuWest1: "ligoj-ecs-offer-eu-west-1-2022",
  note2026: "research-note-2026-09-28",
  thirdParty2026: "third-party-ecs-2026",
  computeSp2026: "aws-compute-savings-plan-us-east-1-2026-09",
  karpenterPrices: "karpenter-ondemand-2026-07-20",
  karpenterTypes: "karpenter-instance-types-2026-07-11",
  karpenterVpc: "karpenter-vpc-limits-2026-08-06",
  vantage: "vantage-ec2-2024-04-04",
  gp3: "ebs-gp3-us-east-1-2026",
} as const;

function sourceTable(meta: { fgcalcCommit: string; karpenterPricesCommit: string; karpenterTypesCommit: string; karpenterVpcCommit: string }): Record<string, CatalogSource> {
  const list: CatalogSource[] = [
    {
      id: S.fgcalcOnDemand,
      name: "AWS AmazonECS Price List (bulk offer published 2026-09-11), Fargate Linux/x86, via theuves/fgcalc",
      asOf: "2026-09-29",
      origin: `theuves/fgcalc src/utils/data.js @ ${meta.fgcalcCommit} (../shared/pricing-sources/fargate-linux-x86-ondemand-spot-by-region.json)`,
      licence: "MIT (stated in the repository README)",
    },
    {
      id: S.fgcalcSpot,
      name: "AWS Fargate Spot pricing-page feed (read 2026-09-29T21:41Z), via theuves/fgcalc",
      asOf: "2026-09-29",
      origin: `theuves/fgcalc src/utils/data.js @ ${meta.fgcalcCommit}; feed dftu77xade0tc.cloudfront.net/fargate-spot-prices.json`,
      licence: "MIT (stated in the repository README)",
    },
    {
      id: S.ecsOffer2026,
      name: "AWS AmazonECS us-east-1 offer version 20260911124425 (published 2026-09-11), quoted by a public 2026 research note",
      asOf: "2026-09-11",
      origin: "../shared/docs/pricing-data-and-formats.md §2 and §3.2 (ARM, ephemeral storage rows; EffectiveDate 2026-07-01)",
    },
    {
      id: S.ecsGetProducts2022,
      name: "AWS Pricing API GetProducts AmazonECS items, us-east-1 (publication 2022-11-21, effective 2022-11-01)",
      asOf: "2022-11-21",
      origin: "public test fixture quoted in ../shared/docs/pricing-data-and-formats.md §1.1 and §2 (repository not named by the code index)",
    },
    {
      id: S.ligojEuWest1,
      name: "AWS AmazonECS eu-west-1 bulk CSV (offer header 2020-12-14, rows effective 2022-01-01), ligoj test fixture",
      asOf: "2022-01-01",
      origin: "ligoj/plugin-prov-aws src/test/resources/mock-server/aws/offers/v1.0/aws/AmazonECS/current/eu-west-1/index.csv @ fe58e0609d16339d7fc903169ee4bf09220ad191 (../shared/pricing-sources/samples/ecs-offer-eu-west-1-fixture.csv)",
      licence: "MIT",
    },
    {
      id: S.note2026,
      name: "Public 2026-09-28 research note quoting the Fargate Spot pricing-page feed (ARM Spot)",
      asOf: "2026-09-28",
      origin: "../shared/docs/pricing-data-and-formats.md §2.1 and billing-and-sizing-rules.md §2.3 (file in a public repository; repository not named by the index)",
    },
    {
      id: S.thirdParty2026,
      name: "Third-party 2026 Fargate price tables and GetProducts-shaped fixtures (eu-west-2 ARM, ephemeral storage us-east-2 / eu-west-2 / ap-northeast-1); capture day within 2026 not recorded, dated by the 2026-09-28 note that collects them",
      asOf: "2026-09-28",
      origin: "../shared/docs/pricing-data-and-formats.md §3.2",
    },
    {
      id: S.computeSp2026,
      name: "AWS AWSComputeSavingsPlan offer snapshot, us-east-1 Fargate (No Upfront), 2026-09",
      asOf: "2026-09-28",
      origin: "../shared/docs/billing-and-sizing-rules.md §2.4 (2026 research note)",
    },
    {
      id: S.karpenterPrices,
      name: "AWS Pricing API on-demand Linux EC2 prices, generated 2026-07-20 by aws/karpenter-provider-aws",
      asOf: "2026-07-20",
      origin: `aws/karpenter-provider-aws pkg/providers/pricing/zz_generated.pricing_aws.go and zz_generated.pricing_aws_us_gov.go @ ${meta.karpenterPricesCommit}`,
      licence: "Apache-2.0",
    },
    {
      id: S.karpenterTypes,
      name: "EC2 DescribeInstanceTypes specs (vCPU, memory, architecture, GPUs), aws/karpenter-provider-aws instance-type reference",
      asOf: "2026-07-11",
      origin: `aws/karpenter-provider-aws website/content/en/docs/reference/instance-types.md @ ${meta.karpenterTypesCommit}`,
      licence: "Apache-2.0",
    },
    {
      id: S.karpenterVpc,
      name: "EC2 ENI limits (max ENIs, IPv4 per ENI, trunk branch ENIs), aws/karpenter-provider-aws",
      asOf: "2026-08-06",
      origin: `aws/karpenter-provider-aws pkg/providers/instancetype/zz_generated.vpclimits.go @ ${meta.karpenterVpcCommit}`,
      licence: "Apache-2.0",
    },
    {
      id: S.vantage,
      name: "ec2instances.info export: EC2 on-demand Linux and average Spot prices by region (2024-04-04)",
      asOf: "2024-04-04",
      origin: "vantage-sh/ec2instances.info opszero-app/instances.json on refs/pull/735/head @ a19cd859f0591c40bead51230996dcfc8c468071",
      licence: "MIT",
    },
    {
      id: S.gp3,
      name: "Amazon EBS gp3 storage, us-east-1, $0.08 per GB-month (2026 Price List research note)",
      asOf: "2026-09-28",
      origin: "../shared/docs/billing-and-sizing-rules.md §3.5",
    },
  ];
  return Object.fromEntries(list.map((s) => [s.id, s]));
}

// ---------------------------------------------------------------------------------------------------------
// Source file shapes (only the fields we read), checked loosely at read time.
// ---------------------------------------------------------------------------------------------------------
type FgcalcFile = {
  _meta: { commit: string };
  regions: Record<string, { location: string; onDemand: { vcpuHour: number; gbHour: number }; spot: { vcpuHour: number; gbHour: number } }>;
};
type KarpenterPrices = { _meta: { files: Record<string, { last_commit: string }> }; prices: Record<string, Record<string, number>> };
type KarpenterTypes = {
  _meta: { last_commit: string };
  instanceTypes: Record<string, { vcpu: number; memoryMiB: number; arch: string; gpuCount: number | null; family: string }>;
};
type KarpenterVpc = {
  _meta: { last_commit: string };
  limits: Record<string, { maxENIs: number; ipv4PerENI: number; branchENIs: number; isTrunkingCompatible: boolean }>;
};
type VantageRow = {
  "instance-type": string;
  arch: string;
  memory: number;
  vCPU: number;
  GPU: number;
  "current-generation": boolean;
  region: string;
  ondemand: string | null;
  spot_avg: string | null;
};

function readJson<T>(dir: string, file: string): T {
  const full = path.join(dir, file);
  if (!existsSync(full)) throw new Error(`Source file missing: ${full} (pass --sources DIR pointing at the pricing-sources directory)`);
  return JSON.parse(readFileSync(full, "utf8")) as T;
}

// ---------------------------------------------------------------------------------------------------------
// Numbers
// ---------------------------------------------------------------------------------------------------------
/** Round half away from zero to `decimals` places; toPrecision(12) first removes binary noise (0.8*0.004445 = 0.0035560000000000001). */
export function roundTo(x: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(Number((x * f).toPrecision(12))) / f;
}

function median(values: number[]): number {
  const v = [...values].sort((a, b) => a - b);
  const mid = Math.floor(v.length / 2);
  if (v.length === 0) throw new Error("median of an empty list");
  return v.length % 2 === 1 ? (v[mid] as number) : ((v[mid - 1] as number) + (v[mid] as number)) / 2;
}

function parsePrice(s: string | null | undefined): number | null {
  if (s === null || s === undefined || s.trim() === "") return null;
  const n = Number(s);
  return Number.isFinite(n) && n > 0 ? n : null;
}

// ---------------------------------------------------------------------------------------------------------
// Rate builders
// ---------------------------------------------------------------------------------------------------------
type Ctx = { region: string; prefix: string; used: Set<string>; sources: Record<string, CatalogSource> };

function rate(ctx: Ctx, usd: number, unit: string, source: string, usageKey: FargateUsageKey | null, derived: false | string, asOf?: string): Rate {
  const src = ctx.sources[source];
  if (!src) throw new Error(`internal: unknown source ${source}`);
  ctx.used.add(source);
  const r: Rate = {
    usd,
    unit,
    source,
    asOf: asOf ?? src.asOf,
    usageType: usageKey === null ? null : fargateUsageType(ctx.prefix, usageKey),
    derived: derived !== false,
  };
  if (derived !== false) r.note = derived;
  return r;
}

function unavailable(reason: string): Unavailable {
  return { available: false, reason };
}

// Real Fargate ARM points (pricing-data-and-formats.md §2 / §3.2).
const REAL_ARM: Record<string, { vcpu: number; gb: number; source: string; what: string }> = {
  "us-east-1": { vcpu: 0.03238, gb: 0.00356, source: S.ecsOffer2026, what: "" },
  "eu-west-1": { vcpu: 0.03238, gb: 0.00356, source: S.ligojEuWest1, what: "" },
  "eu-west-2": { vcpu: 0.03725, gb: 0.00409, source: S.thirdParty2026, what: "" },
};
// Real Windows rows: vCPU, OS licence per vCPU-hour, GB (2022-11 GetProducts fixture; ligoj eu-west-1 CSV).
const REAL_WINDOWS: Record<string, { source: string }> = {
  "us-east-1": { source: S.ecsGetProducts2022 },
  "eu-west-1": { source: S.ligojEuWest1 },
};
const WINDOWS_CONFLICT_NOTE =
  "UNCONFIRMED which is current: a 2026-09-28 third-party note reads the AmazonECS Price List as Windows vCPU $0.046552 + OS licence $0.046 per vCPU-hour and GB $0.00511175 (about half); these verified 2022 Price List rows are used. The vCPU, OS-licence and GB usage types are billed separately and add up.";
// Real ephemeral-storage points (GB-hour above the 20 GiB included).
const REAL_EPHEMERAL: Record<string, { usd: number; source: string }> = {
  "us-east-1": { usd: 0.000111, source: S.ecsOffer2026 },
  "us-east-2": { usd: 0.000111, source: S.thirdParty2026 },
  "eu-west-1": { usd: 0.000122, source: S.ligojEuWest1 },
  "eu-west-2": { usd: 0.000129, source: S.thirdParty2026 },
  "ap-northeast-1": { usd: 0.000133, source: S.thirdParty2026 },
};
// Compute Savings Plans (No Upfront) us-east-1 snapshot, billing-and-sizing-rules §2.4.
const SP_US_EAST_1 = {
  "compute-1y": { x86: { vcpu: 0.032384, gb: 0.003556 }, arm: null },
  "compute-3y": { x86: { vcpu: 0.022264, gb: 0.00244475 }, arm: { vcpu: 0.01749, gb: 0.00192 } },
} as const;

// ---------------------------------------------------------------------------------------------------------
// Build
// ---------------------------------------------------------------------------------------------------------
type BuildReport = { region: string; file: string; bytes: number; gzipBytes: number; ec2Types: number; dropped: string };

export type BuildOptions = { sourcesDir: string; outDir: string; log?: (line: string) => void };

export function buildCatalog(opts: BuildOptions): BuildReport[] {
  const log = opts.log ?? ((l: string) => console.log(l));
  const src = opts.sourcesDir;
  const fg = readJson<FgcalcFile>(src, "fargate-linux-x86-ondemand-spot-by-region.json");
  const kp = readJson<KarpenterPrices>(src, "karpenter-ondemand-linux-prices.json");
  const kt = readJson<KarpenterTypes>(src, "karpenter-instance-types.json");
  const kv = readJson<KarpenterVpc>(src, "karpenter-vpc-limits.json");
  const vantage = readJson<{ data: VantageRow[] }>(src, "vantage-pr735-ec2-instances-multiregion-2024-04.json").data;

  const kpCommit = kp._meta.files["pkg/providers/pricing/zz_generated.pricing_aws.go"]?.last_commit ?? "unknown";
  const sources = sourceTable({
    fgcalcCommit: fg._meta.commit,
    karpenterPricesCommit: kpCommit,
    karpenterTypesCommit: kt._meta.last_commit,
    karpenterVpcCommit: kv._meta.last_commit,
  });

  const vantageByRegion = new Map<string, Map<string, VantageRow>>();
  for (const row of vantage) {
    let m = vantageByRegion.get(row.region);
    if (!m) vantageByRegion.set(row.region, (m = new Map()));
    m.set(row["instance-type"], row);
  }
  const vantageAnyRegion = new Map<string, VantageRow>();
  for (const row of vantage) if (!vantageAnyRegion.has(row["instance-type"]) || row.region === "us-east-1") vantageAnyRegion.set(row["instance-type"], row);

  const useast1 = fg.regions["us-east-1"];
  if (!useast1) throw new Error("fgcalc file has no us-east-1 row");
  const usE1Vcpu = useast1.onDemand.vcpuHour;

  // Observed error of the ephemeral-storage scaling rule on the known points, for the note.
  const ephErrors = Object.entries(REAL_EPHEMERAL).map(([r, p]) => {
    const x86 = fg.regions[r]?.onDemand.vcpuHour;
    if (x86 === undefined) throw new Error(`no x86 rate for ${r}`);
    return Math.abs((0.000111 * x86) / usE1Vcpu - p.usd) / p.usd;
  });
  const ephMaxErrPct = roundTo(Math.max(...ephErrors) * 100, 1);

  const regions = Object.keys(fg.regions).sort();
  const reports: BuildReport[] = [];
  const indexRows: CatalogIndex["regions"] = [];
  const tmpDir = path.join(opts.outDir, `.tmp-${CATALOG_ID}-${process.pid}`);
  rmSync(tmpDir, { recursive: true, force: true });
  mkdirSync(tmpDir, { recursive: true });

  for (const region of regions) {
    const fgr = fg.regions[region]!;
    const prefix = billingPrefix(region);
    if (!prefix) throw new Error(`No AWS billing-code prefix known for ${region}; add it to lib/catalog/billing-codes.ts`);
    const ctx: Ctx = { region, prefix, used: new Set(), sources };

    // Fargate Linux x86 on-demand + Spot (fgcalc, 2026-09-29).
    const linuxX86: ComputeRates = {
      vcpuHour: rate(ctx, fgr.onDemand.vcpuHour, "vCPU-hour", S.fgcalcOnDemand, "x86VcpuHour", false),
      gbHour: rate(ctx, fgr.onDemand.gbHour, "GB-hour", S.fgcalcOnDemand, "x86GbHour", false),
    };
    const spotX86: ComputeRates = {
      vcpuHour: rate(ctx, fgr.spot.vcpuHour, "vCPU-hour", S.fgcalcSpot, "spotX86VcpuHour", false),
      gbHour: rate(ctx, fgr.spot.gbHour, "GB-hour", S.fgcalcSpot, "spotX86GbHour", false),
    };

    // Fargate ARM on-demand: real points, else ARM = round(0.8 x x86, 5 dp). The rule reproduces every real
    // point (0.04048->0.03238, 0.004445->0.00356, 0.04656->0.03725, 0.00511->0.00409, 0.00553->0.00442).
    const realArm = REAL_ARM[region];
    let linuxArm: ComputeRates;
    if (realArm) {
      linuxArm = {
        vcpuHour: rate(ctx, realArm.vcpu, "vCPU-hour", realArm.source, "armVcpuHour", false),
        gbHour: rate(ctx, realArm.gb, "GB-hour", realArm.source, "armGbHour", false),
      };
    } else {
      const base =
        "Derived: ARM = 0.8 x this region's Linux/x86 on-demand rate, rounded to 5 decimals (no published ARM rate in the bundled sources; the rule reproduces every published ARM point: us-east-1, eu-west-1, eu-west-2, ap-northeast-1 GB).";
      const extra =
        region === "ap-south-1"
          ? " ap-south-1 may be an exception: an unverified third-party 2026-09-28 note gives ARM $0.02383 per vCPU-hour / $0.00261 per GB-hour, far below this derived figure (EC2 Graviton is also unusually cheap there)."
          : "";
      linuxArm = {
        vcpuHour: rate(ctx, roundTo(0.8 * fgr.onDemand.vcpuHour, 5), "vCPU-hour", S.fgcalcOnDemand, "armVcpuHour", base + extra),
        gbHour: rate(ctx, roundTo(0.8 * fgr.onDemand.gbHour, 5), "GB-hour", S.fgcalcOnDemand, "armGbHour", base + extra),
      };
    }

    // Fargate ARM Spot: us-east-1 real (feed via 2026-09-28 note); else ARM on-demand x (x86 Spot / x86 on-demand), 8 dp.
    let spotArm: ComputeRates;
    if (region === "us-east-1") {
      spotArm = {
        vcpuHour: rate(ctx, 0.01030969, "vCPU-hour", S.note2026, "spotArmVcpuHour", false),
        gbHour: rate(ctx, 0.00113349, "GB-hour", S.note2026, "spotArmGbHour", false),
      };
    } else {
      const note = `Derived: ARM Spot = ARM on-demand x (this region's x86 Spot / x86 on-demand), rounded to 8 decimals; the Spot feed's ARM prices for this region are not in the bundled sources (in us-east-1 the vCPU and GB Spot discounts of x86 and ARM are equal, 68.2%). Spot floats; x86 Spot read 2026-09-29.${realArm ? "" : " ARM on-demand is itself derived (0.8 x x86)."}`;
      spotArm = {
        vcpuHour: rate(ctx, roundTo(linuxArm.vcpuHour.usd * (fgr.spot.vcpuHour / fgr.onDemand.vcpuHour), 8), "vCPU-hour", S.fgcalcSpot, "spotArmVcpuHour", note),
        gbHour: rate(ctx, roundTo(linuxArm.gbHour.usd * (fgr.spot.gbHour / fgr.onDemand.gbHour), 8), "GB-hour", S.fgcalcSpot, "spotArmGbHour", note),
      };
    }

    // Windows: only where a real Price List row exists.
    const realWin = REAL_WINDOWS[region];
    const windowsX86 = realWin
      ? {
          vcpuHour: { ...rate(ctx, 0.09148, "vCPU-hour", realWin.source, "windowsVcpuHour", false), note: WINDOWS_CONFLICT_NOTE },
          gbHour: { ...rate(ctx, 0.01005, "GB-hour", realWin.source, "windowsGbHour", false), note: WINDOWS_CONFLICT_NOTE },
          osLicenseVcpuHour: { ...rate(ctx, 0.046, "vCPU-hour", realWin.source, "windowsOsLicenseVcpuHour", false), note: WINDOWS_CONFLICT_NOTE },
        }
      : unavailable(`No published Windows Fargate rate for ${region} in the bundled sources; run npm run prices:refresh with AWS credentials`);

    // Ephemeral storage GB-hour above 20 GiB: real points, else 0.000111 x (region x86 vCPU / us-east-1 x86 vCPU), 9 dp.
    const realEph = REAL_EPHEMERAL[region];
    const ephemeralStorageGbHour = realEph
      ? rate(ctx, realEph.usd, "GB-hour", realEph.source, "ephemeralStorageGbHour", false)
      : rate(
          ctx,
          roundTo((0.000111 * fgr.onDemand.vcpuHour) / usE1Vcpu, 9),
          "GB-hour",
          S.fgcalcOnDemand,
          "ephemeralStorageGbHour",
          `Derived: us-east-1 ephemeral storage $0.000111 per GB-hour x (this region's Fargate x86 vCPU rate / us-east-1's $${usE1Vcpu}), rounded to 9 decimals. On the 5 regions with a published rate this method is off by up to ${ephMaxErrPct}% (storage follows the regional EBS premium, not the compute premium).`,
        );

    // Compute Savings Plans (No Upfront) for Fargate Linux.
    const spFor = (term: "compute-1y" | "compute-3y", arch: "x86" | "arm") => {
      const od = arch === "x86" ? linuxX86 : linuxArm;
      const real = SP_US_EAST_1[term][arch];
      const keys: [FargateUsageKey, FargateUsageKey] = arch === "x86" ? ["x86VcpuHour", "x86GbHour"] : ["armVcpuHour", "armGbHour"];
      if (region === "us-east-1" && real) {
        return {
          vcpuHour: rate(ctx, real.vcpu, "vCPU-hour", S.computeSp2026, keys[0], false),
          gbHour: rate(ctx, real.gb, "GB-hour", S.computeSp2026, keys[1], false),
        };
      }
      // Discount observed in us-east-1 for this term: the same arch where AWS published it (ARM 3y), else x86.
      const ref = SP_US_EAST_1[term][arch] ?? SP_US_EAST_1[term].x86;
      const refOd = SP_US_EAST_1[term][arch] && arch === "arm" ? { vcpu: 0.03238, gb: 0.00356 } : { vcpu: usE1Vcpu, gb: useast1.onDemand.gbHour };
      const dV = 1 - ref.vcpu / refOd.vcpu;
      const dG = 1 - ref.gb / refOd.gb;
      const which = SP_US_EAST_1[term][arch] && arch === "arm" ? "ARM" : "x86";
      const note = `Derived: this region's ${arch === "x86" ? "x86" : "ARM"} on-demand rate x (1 - the us-east-1 ${which} ${term} No Upfront discount: ${roundTo(dV * 100, 2)}% vCPU, ${roundTo(dG * 100, 2)}% GB, AWSComputeSavingsPlan snapshot 2026-09), rounded to 8 decimals.${od.vcpuHour.derived ? " The on-demand rate is itself derived." : ""}`;
      return {
        vcpuHour: rate(ctx, roundTo(od.vcpuHour.usd * (1 - dV), 8), "vCPU-hour", S.computeSp2026, keys[0], note),
        gbHour: rate(ctx, roundTo(od.gbHour.usd * (1 - dG), 8), "GB-hour", S.computeSp2026, keys[1], note),
      };
    };

    // ------------------------------------------------------------------ EC2
    const vRegion = vantageByRegion.get(region) ?? new Map<string, VantageRow>();
    const isGov = region.startsWith("us-gov-");
    const karpenterRegionPrices = region === "us-east-1" || isGov ? (kp.prices[region] ?? {}) : {};
    const defaultOnDemandSource = region === "us-east-1" || isGov ? S.karpenterPrices : S.vantage;
    const candidates = new Set<string>(region === "us-east-1" ? Object.keys(karpenterRegionPrices) : [...Object.keys(karpenterRegionPrices), ...vRegion.keys()]);
    const rows: InstanceType[] = [];
    let noPrice = 0;
    let noSpecs = 0;
    let spotCount = 0;
    for (const type of [...candidates].sort()) {
      const vRow = vRegion.get(type);
      const kPrice = karpenterRegionPrices[type];
      let onDemandUSD: number | null = null;
      let odSource: string = defaultOnDemandSource;
      if (kPrice !== undefined && kPrice > 0) onDemandUSD = kPrice;
      else if (region !== "us-east-1" && vRow) {
        onDemandUSD = parsePrice(vRow.ondemand);
        odSource = S.vantage;
      }
      if (onDemandUSD === null) {
        noPrice++;
        continue;
      }
      const spec = kt.instanceTypes[type];
      const vSpec = vRow;
      let vcpu: number, memoryMiB: number, architecture: "x86_64" | "arm64", gpus: number;
      if (spec) {
        vcpu = spec.vcpu;
        memoryMiB = spec.memoryMiB;
        architecture = spec.arch === "arm64" ? "arm64" : "x86_64";
        gpus = spec.gpuCount ?? 0;
      } else if (region !== "us-east-1" && vSpec && vSpec.vCPU > 0 && vSpec.memory > 0) {
        vcpu = vSpec.vCPU;
        memoryMiB = Math.round(vSpec.memory * 1024);
        // Vantage labels 32/64-bit capable old types "i386"; they are x86 hosts.
        architecture = vSpec.arch === "arm64" ? "arm64" : "x86_64";
        gpus = vSpec.GPU;
      } else {
        noSpecs++;
        continue;
      }
      const limits = kv.limits[type];
      const spotAvg = vRow ? parsePrice(vRow.spot_avg) : null;
      if (spotAvg !== null) spotCount++;
      const gen = vRow ?? vantageAnyRegion.get(type);
      const row: InstanceType = {
        type,
        vcpu,
        memoryMiB,
        architecture,
        maxEnis: limits ? limits.maxENIs : null,
        ipv4PerEni: limits ? limits.ipv4PerENI : null,
        trunkBranchEnis: limits && limits.isTrunkingCompatible ? limits.branchENIs : null,
        trunkingCompatible: limits ? limits.isTrunkingCompatible : false,
        // Vantage's flag where the type is in the 2024-04 export; types newer than that are current.
        currentGeneration: gen ? gen["current-generation"] : true,
        gpus,
        burstable: /^t\d/.test(type),
        onDemandUSD,
        spotAvgUSD: spotAvg,
      };
      if (odSource !== defaultOnDemandSource) {
        row.onDemandSource = odSource;
        ctx.used.add(odSource);
      }
      rows.push(row);
    }
    ctx.used.add(defaultOnDemandSource);
    if (rows.some((r) => kt.instanceTypes[r.type])) ctx.used.add(S.karpenterTypes);
    if (rows.some((r) => kv.limits[r.type])) ctx.used.add(S.karpenterVpc);
    if (spotCount > 0) ctx.used.add(S.vantage);

    // gp3 GB-month: us-east-1 $0.08; elsewhere 0.08 x median(region / us-east-1 on-demand) over common types (both 2024-04).
    let gp3GbMonth: Rate;
    if (region === "us-east-1") {
      gp3GbMonth = { ...rate(ctx, 0.08, "GB-month", S.gp3, null, false), usageType: "EBS:VolumeUsage.gp3" };
    } else {
      const base = vantageByRegion.get("us-east-1")!;
      const ratios: number[] = [];
      for (const [type, r] of vRegion) {
        const a = parsePrice(r.ondemand);
        const b = parsePrice(base.get(type)?.ondemand);
        if (a !== null && b !== null) ratios.push(a / b);
      }
      if (ratios.length === 0) throw new Error(`no common EC2 types between ${region} and us-east-1 for the gp3 ratio`);
      const m = median(ratios);
      gp3GbMonth = {
        ...rate(ctx, roundTo(0.08 * m, 4), "GB-month", S.gp3, null, `Derived: us-east-1 gp3 $0.08 per GB-month x ${roundTo(m, 4)}, the median ratio of this region's EC2 on-demand price to us-east-1's over ${ratios.length} instance types in the 2024-04 ec2instances.info export, rounded to 4 decimals. No regional gp3 price in the bundled sources.`),
        usageType: `${prefix}-EBS:VolumeUsage.gp3`,
      };
      ctx.used.add(S.vantage);
    }

    const ec2SpUnavailable = unavailable(
      "No EC2 Savings Plans rates in the bundled sources; use on-demand or Spot for ECS on EC2, or refresh prices with AWS credentials once the refresh covers the AWSComputeSavingsPlan offer",
    );
    const catalog: RegionCatalog = {
      schemaVersion: 1,
      catalogId: CATALOG_ID,
      region,
      location: fgr.location,
      billingPrefix: prefix,
      currency: "USD",
      sources: [],
      fargate: {
        linuxX86,
        linuxArm,
        windowsX86,
        ephemeralStorageGbHour,
        spotX86,
        spotArm,
        savingsPlans: {
          "compute-1y": { x86: spFor("compute-1y", "x86"), arm: spFor("compute-1y", "arm") },
          "compute-3y": { x86: spFor("compute-3y", "x86"), arm: spFor("compute-3y", "arm") },
        },
      },
      ec2: {
        onDemand: {
          source: defaultOnDemandSource,
          asOf: sources[defaultOnDemandSource]!.asOf,
          usageTypePattern: ec2BoxUsagePattern(region, prefix),
        },
        spot:
          spotCount > 0
            ? {
                source: S.vantage,
                asOf: sources[S.vantage]!.asOf,
                note: `Average EC2 Spot price per type (Linux) from the 2024-04-04 ec2instances.info export, known for ${spotCount} of ${rows.length} types; Spot floats, treat as an estimate.`,
              }
            : unavailable(`No EC2 Spot prices for ${region} in the bundled sources`),
        gp3GbMonth,
        savingsPlans: { "savings-plan-1y": ec2SpUnavailable, "savings-plan-3y": ec2SpUnavailable },
        instanceTypes: rows,
      },
    };
    catalog.sources = [...ctx.used].sort().map((id) => sources[id]!);

    const file = `${region}.json`;
    parseRegionCatalog(JSON.parse(stableJson(catalog)), `${CATALOG_ID}/${file}`, { region, catalogId: CATALOG_ID });
    const text = stableJson(catalog);
    writeFileSync(path.join(tmpDir, file), text);
    const bytes = Buffer.byteLength(text);
    const gzipBytes = gzipSync(text, { level: 9 }).length;
    const dropped = `${noPrice} without price, ${noSpecs} without specs left out`;
    reports.push({ region, file, bytes, gzipBytes, ec2Types: rows.length, dropped });
    indexRows.push(catalogIndexEntry(catalog, file, bytes, gzipBytes));
  }

  const index: CatalogIndex = {
    schemaVersion: 1,
    catalogId: CATALOG_ID,
    createdAt: CREATED_AT,
    note: "Bundled snapshot built by scripts/build-catalog.ts from ../shared/pricing-sources: Fargate x86 on-demand and Spot 2026-09-29, EC2 us-east-1 and GovCloud 2026-07-20, other EC2 regions 2024-04-04. Derived rates are flagged.",
    regions: indexRows,
  };
  parseCatalogIndex(index, `${CATALOG_ID}/index.json`);
  writeFileSync(path.join(tmpDir, "index.json"), stableJson(index));

  // Catalog list: keep other snapshots already listed, make sure this one is there.
  const listFile = path.join(opts.outDir, "index.json");
  let list: CatalogList = { schemaVersion: 1, newest: CATALOG_ID, catalogs: [] };
  if (existsSync(listFile)) list = parseCatalogList(JSON.parse(readFileSync(listFile, "utf8")), "catalog/index.json");
  const entry = { id: CATALOG_ID, createdAt: CREATED_AT, note: index.note };
  list.catalogs = [...list.catalogs.filter((c) => c.id !== CATALOG_ID), entry].sort((a, b) => compareCatalogIds(a.id, b.id));
  list.newest = list.catalogs[list.catalogs.length - 1]!.id;
  parseCatalogList(list, "catalog/index.json");

  const finalDir = path.join(opts.outDir, CATALOG_ID);
  rmSync(finalDir, { recursive: true, force: true });
  renameSync(tmpDir, finalDir);
  const listTmp = `${listFile}.tmp-${process.pid}`;
  writeFileSync(listTmp, stableJson(list));
  renameSync(listTmp, listFile);

  log(`Catalog ${CATALOG_ID}: ${reports.length} regions written to ${path.relative(ROOT, finalDir) || finalDir}`);
  log("region            bytes    gzip  EC2 types  (left out)");
  for (const r of reports) {
    log(`${r.region.padEnd(16)} ${String(r.bytes).padStart(7)} ${String(r.gzipBytes).padStart(7)} ${String(r.ec2Types).padStart(10)}  (${r.dropped})`);
  }
  return reports;
}

/** Order catalog ids "2026-11-26" < "2026-11-26.1" < "2026-11-26.2" < "2026-11-27". */
function compareCatalogIds(a: string, b: string): number {
  const [da = "", na = "0"] = a.split(".");
  const [db = "", nb = "0"] = b.split(".");
  return da === db ? Number(na) - Number(nb) : da < db ? -1 : 1;
}

function parseArgs(argv: string[]): { sourcesDir: string; outDir: string } {
  let sourcesDir = path.resolve(ROOT, "..", "shared", "pricing-sources");
  let outDir = path.join(ROOT, "data", "catalog");
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--sources" && argv[i + 1]) sourcesDir = path.resolve(argv[++i]!);
    else if (a === "--out" && argv[i + 1]) outDir = path.resolve(argv[++i]!);
    else if (a === "--help" || a === "-h") {
      console.log("Usage: npm run prices:build [-- --sources DIR] [--out DIR]");
      process.exit(0);
    } else {
      console.error(`Unknown argument: ${a}. Usage: npm run prices:build [-- --sources DIR] [--out DIR]`);
      process.exit(2);
    }
  }
  return { sourcesDir, outDir };
}

const isMain = process.argv[1] !== undefined && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname);
if (isMain) {
  try {
    const args = parseArgs(process.argv.slice(2));
    mkdirSync(args.outDir, { recursive: true });
    buildCatalog(args);
  } catch (err) {
    console.error(`prices:build failed: ${(err as Error).message}`);
    process.exit(1);
  }
}
