/**
 * Build the bundled price catalog snapshot from the vendored public price data in data/sources/.
 *
 *   npm run prices:build [-- --sources DIR] [--out DIR]
 *
 * Writes data/catalog/<id>/<region>.json (one per Fargate location, 36), data/catalog/<id>/index.json and
 * updates data/catalog/index.json (older snapshots stay listed and untouched). Output is deterministic:
 * re-running on the same sources gives identical bytes. What is published, what is derived and how, and which
 * source wins where several have a price, is documented in docs/price-catalog.md; every rate carries its source
 * id, as-of date, usage type (or feed label) and derived + note.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { billingPrefix, ec2BoxUsagePattern, FARGATE_RATE_PATHS, fargateUsageType, regionalUsageType, type FargateUsageKey } from "../lib/catalog/billing-codes";
import { parseCatalogIndex, parseCatalogList, parseRegionCatalog } from "../lib/catalog/parse";
import type {
  CatalogIndex,
  CatalogList,
  CatalogSource,
  ComputeRates,
  InstanceType,
  NetworkRates,
  Rate,
  RegionCatalog,
  Unavailable,
} from "../lib/catalog/schema";
import { stableJson } from "../lib/catalog/stable-json";
import { catalogSlots, rateDeclaration, rateSlots, type RateSlot } from "../lib/charges";
import { catalogIndexEntry } from "../lib/catalog/summary";
import { decideTrunking, type EcsTrunkingTable } from "../lib/catalog/trunking";

export const CATALOG_ID = "2026-12-01";
const CREATED_AT = "2026-12-01";
const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
export const DEFAULT_SOURCES_DIR = path.join(ROOT, "data", "sources");

/** The 36 Fargate locations of the 2025 ECS feed and their region codes (AWS Regions and Zones list). */
export const REGION_BY_LOCATION: Readonly<Record<string, string>> = Object.freeze({
  "US East (N. Virginia)": "us-east-1",
  "US East (Ohio)": "us-east-2",
  "US West (N. California)": "us-west-1",
  "US West (Oregon)": "us-west-2",
  "Africa (Cape Town)": "af-south-1",
  "Asia Pacific (Hong Kong)": "ap-east-1",
  "Asia Pacific (Taipei)": "ap-east-2",
  "Asia Pacific (Tokyo)": "ap-northeast-1",
  "Asia Pacific (Seoul)": "ap-northeast-2",
  "Asia Pacific (Osaka)": "ap-northeast-3",
  "Asia Pacific (Mumbai)": "ap-south-1",
  "Asia Pacific (Hyderabad)": "ap-south-2",
  "Asia Pacific (Singapore)": "ap-southeast-1",
  "Asia Pacific (Sydney)": "ap-southeast-2",
  "Asia Pacific (Jakarta)": "ap-southeast-3",
  "Asia Pacific (Melbourne)": "ap-southeast-4",
  "Asia Pacific (Malaysia)": "ap-southeast-5",
  "Asia Pacific (New Zealand)": "ap-southeast-6",
  "Asia Pacific (Thailand)": "ap-southeast-7",
  "Canada (Central)": "ca-central-1",
  "Canada West (Calgary)": "ca-west-1",
  "EU (Frankfurt)": "eu-central-1",
  "EU (Zurich)": "eu-central-2",
  "EU (Stockholm)": "eu-north-1",
  "EU (Milan)": "eu-south-1",
  "EU (Spain)": "eu-south-2",
  "EU (Ireland)": "eu-west-1",
  "EU (London)": "eu-west-2",
  "EU (Paris)": "eu-west-3",
  "Israel (Tel Aviv)": "il-central-1",
  "Middle East (UAE)": "me-central-1",
  "Middle East (Bahrain)": "me-south-1",
  "Mexico (Central)": "mx-central-1",
  "South America (Sao Paulo)": "sa-east-1",
  "AWS GovCloud (US-East)": "us-gov-east-1",
  "AWS GovCloud (US)": "us-gov-west-1",
});

/** The Fargate rates the 2025 ECS feed has (Spot is not in it). */
const ECS_FEED_RATES = ["x86VcpuHour", "x86GbHour", "armVcpuHour", "armGbHour", "windowsVcpuHour", "windowsGbHour", "windowsOsLicenseVcpuHour", "ephemeralStorageGbHour"] as const satisfies readonly FargateUsageKey[];
/** Readable keys of the 2025 ECS feed (aws-price/ecs.json) per Fargate rate: the feed keys their charge definitions name. */
export const ECS_FEED_KEYS = Object.freeze(
  Object.fromEntries(
    ECS_FEED_RATES.map((key) => {
      const feed = rateDeclaration(FARGATE_RATE_PATHS[key]).feed;
      if (!feed) throw new Error(`internal: the charge definition of ${FARGATE_RATE_PATHS[key]} names no feed key`);
      return [key, feed.key];
    }),
  ) as Record<(typeof ECS_FEED_RATES)[number], string>,
);

// ---------------------------------------------------------------------------------------------------------
// Sources. Only the ones a region file uses are written into it.
// ---------------------------------------------------------------------------------------------------------
const S = {
  ecsFeed: "aws-ecs-feed-2025-10-27",
  fgcalcSpot: "fgcalc-spot-2026-09-29",
  note2026: "research-note-2026-09-28",
  computeSp2026: "aws-compute-savings-plan-us-east-1-2026-09",
  karpenterPrices: "karpenter-ondemand-2026-07-20",
  ec2Feed202511: "aws-ec2-feed-2025-11-04",
  ec2Feed202506: "aws-ec2-feed-2025-06-13",
  vantage: "vantage-ec2-2024-04-04",
  karpenterTypes: "karpenter-instance-types-2026-07-11",
  karpenterVpc: "karpenter-vpc-limits-2026-08-06",
  ecsTrunking: "aws-ecs-trunking-table-2023-04-18",
  reserved: "aws-ec2-reserved-feed-2025-04-05",
  ebs: "aws-ebs-feed-2024-07-18",
  elb: "aws-elb-feed-2025-06-05",
  nat: "aws-natgateway-feed-2025-10-28",
  vpc: "aws-vpc-feed-2025-11-04",
  cloudwatch: "aws-cloudwatch-feed-2025-09-23",
  dataTransfer: "aws-datatransfer-feed-2025-06-05",
  managedFee: "aws-ecs-managed-instances-rule-2025-10-27",
  ecsPricingExample: "aws-ecs-pricing-page-managed-instances-example",
  autoModeFee: "eks-auto-mode-fee-rule-2026-12-01",
  ec2PricingPage: "aws-ec2-pricing-page-data-transfer",
  eksPricing: "aws-eks-pricing-page-2026-11-30",
  vpcCniMaxPods: "aws-vpc-cni-eni-max-pods-2026-08-11",
} as const;

const VENDORED = "data/sources/";

function sourceTable(commits: Record<"fgcalc" | "karpenterPrices" | "karpenterTypes" | "karpenterVpc" | "vpcCni", string>): Record<string, CatalogSource> {
  const list: CatalogSource[] = [
    {
      id: S.ecsFeed,
      name: "AWS pricing-page feed for Amazon ECS / Fargate (meteredUnitMaps/ecs), published 2025-10-27: Fargate x86, ARM, Windows, OS licence, ephemeral storage",
      asOf: "2025-10-27",
      origin: `lamngockhuong/aws-price lib/data/pricing/ecs.json @ 508fb45296c89efe38772babd7ec766644629267 (${VENDORED}feeds-2025/aws-price/ecs.json.gz)`,
      licence: "MIT (declared in the repository's package.json)",
    },
    {
      id: S.fgcalcSpot,
      name: "AWS Fargate Spot pricing-page feed (read 2026-09-29T21:41Z), via theuves/fgcalc",
      asOf: "2026-09-29",
      origin: `theuves/fgcalc src/utils/data.js @ ${commits.fgcalc} (${VENDORED}fargate-linux-x86-ondemand-spot-by-region.json.gz)`,
      licence: "MIT (stated in the repository README)",
    },
    {
      id: S.note2026,
      name: "Public 2026-09-28 research note quoting the Fargate Spot pricing-page feed (us-east-1 ARM Spot)",
      asOf: "2026-09-28",
      origin: "docs/price-catalog.md#fargate-spot (the note's repository was not named by the index it was found in)",
    },
    {
      id: S.computeSp2026,
      name: "AWS AWSComputeSavingsPlan offer snapshot, us-east-1 Fargate (No Upfront), 2026-09",
      asOf: "2026-09-28",
      origin: "docs/price-catalog.md#compute-savings-plans (2026 research note quoting the offer)",
    },
    {
      id: S.karpenterPrices,
      name: "AWS Pricing API On-Demand Linux EC2 prices, generated 2026-07-20 by aws/karpenter-provider-aws",
      asOf: "2026-07-20",
      origin: `aws/karpenter-provider-aws pkg/providers/pricing/zz_generated.pricing_aws.go and zz_generated.pricing_aws_us_gov.go @ ${commits.karpenterPrices} (${VENDORED}karpenter-ondemand-linux-prices.json.gz)`,
      licence: "Apache-2.0",
    },
    {
      id: S.ec2Feed202511,
      name: "AWS pricing-page feed for EC2 On-Demand Linux, fetched 2025-11-04",
      asOf: "2025-11-04",
      origin: `lamngockhuong/aws-price lib/data/pricing/ec2-transformed.json @ 508fb45296c89efe38772babd7ec766644629267 (${VENDORED}feeds-2025/aws-price/ec2-transformed.json.gz)`,
      licence: "MIT (declared in the repository's package.json)",
    },
    {
      id: S.ec2Feed202506,
      name: "AWS pricing-page feed for EC2 On-Demand Linux, published 2025-06-13",
      asOf: "2025-06-13",
      origin: `QuinnyPig/aws-price-watcher processed/ec2.json @ a6645eb2e53e9399396a714cdc4f3c346c7f06c0 (${VENDORED}feeds-2025/aws-price-watcher/processed/ec2.json.gz)`,
      licence: "MIT",
    },
    {
      id: S.vantage,
      name: "ec2instances.info export: EC2 On-Demand Linux and average Spot prices by region (2024-04-04)",
      asOf: "2024-04-04",
      origin: `vantage-sh/ec2instances.info opszero-app/instances.json on refs/pull/735/head @ a19cd859f0591c40bead51230996dcfc8c468071 (${VENDORED}vantage-pr735-ec2-instances-multiregion-2024-04.json.gz)`,
      licence: "MIT",
    },
    {
      id: S.karpenterTypes,
      name: "EC2 DescribeInstanceTypes specs (vCPU, memory, architecture, GPUs), aws/karpenter-provider-aws instance-type reference",
      asOf: "2026-07-11",
      origin: `aws/karpenter-provider-aws website/content/en/docs/reference/instance-types.md @ ${commits.karpenterTypes} (${VENDORED}karpenter-instance-types.json.gz)`,
      licence: "Apache-2.0",
    },
    {
      id: S.karpenterVpc,
      name: "EC2 ENI limits (max ENIs, IPv4 per ENI), aws/karpenter-provider-aws",
      asOf: "2026-08-06",
      origin: `aws/karpenter-provider-aws pkg/providers/instancetype/zz_generated.vpclimits.go @ ${commits.karpenterVpc} (${VENDORED}karpenter-vpc-limits.json.gz)`,
      licence: "Apache-2.0",
    },
    {
      id: S.ecsTrunking,
      name: "Amazon ECS developer guide, \"Supported Amazon EC2 instance types\" for awsvpcTrunking (tasks per instance without and with trunking)",
      asOf: "2023-04-18",
      origin: `awsdocs/amazon-ecs-developer-guide doc_source/container-instance-eni.md @ a35b7671c57ce34babc04525a1d7b16fd4c9a8c6 (${VENDORED}ecs-trunking-task-limits.json.gz)`,
      licence: "CC-BY-SA-4.0 (documentation); the limits are AWS's published figures",
    },
    {
      id: S.reserved,
      name: "AWS pricing-page feed for EC2 Reserved Instances (Standard, No Upfront, Linux, shared tenancy), collected 2025-04-05",
      asOf: "2025-04-05",
      origin: `yeo/ec2.shop data/reserved/<region>-reservedinstance-{1y,3y}.json @ 74c9fd8ab5acfd9511cd6535f914d47071601ad2 (${VENDORED}feeds-2025/ec2-shop/reserved/)`,
      licence: "MIT",
    },
    {
      id: S.ebs,
      name: "AWS pricing-page feed for Amazon EBS, published 2024-07-18 (gp3 storage per GB-month)",
      asOf: "2024-07-18",
      origin: `yeo/ec2.shop data/ebs/ebs.json @ 74c9fd8ab5acfd9511cd6535f914d47071601ad2 (${VENDORED}feeds-2025/ec2-shop/ebs/ebs.json.gz)`,
      licence: "MIT",
    },
    {
      id: S.elb,
      name: "AWS pricing-page feed for Elastic Load Balancing, published 2025-06-05",
      asOf: "2025-06-05",
      origin: `QuinnyPig/aws-price-watcher raw/elb.json @ a6645eb2e53e9399396a714cdc4f3c346c7f06c0 (${VENDORED}feeds-2025/aws-price-watcher/raw/elb.json.gz)`,
      licence: "MIT",
    },
    {
      id: S.nat,
      name: "AWS pricing-page feed for NAT gateways, published 2025-10-28",
      asOf: "2025-10-28",
      origin: `lamngockhuong/aws-price lib/data/pricing/natgateway.json @ 508fb45296c89efe38772babd7ec766644629267 (${VENDORED}feeds-2025/aws-price/natgateway.json.gz)`,
      licence: "MIT (declared in the repository's package.json)",
    },
    {
      id: S.vpc,
      name: "AWS pricing-page feed for Amazon VPC (public IPv4 addresses, interface endpoints), published 2025-11-04",
      asOf: "2025-11-04",
      origin: `lamngockhuong/aws-price lib/data/pricing/vpc.json @ 508fb45296c89efe38772babd7ec766644629267 (${VENDORED}feeds-2025/aws-price/vpc.json.gz)`,
      licence: "MIT (declared in the repository's package.json)",
    },
    {
      id: S.cloudwatch,
      name: "AWS pricing-page feed for Amazon CloudWatch (Logs ingestion and storage), published 2025-09-23",
      asOf: "2025-09-23",
      origin: `lamngockhuong/aws-price lib/data/pricing/cloudwatch.json @ 508fb45296c89efe38772babd7ec766644629267 (${VENDORED}feeds-2025/aws-price/cloudwatch.json.gz)`,
      licence: "MIT (declared in the repository's package.json)",
    },
    {
      id: S.dataTransfer,
      name: "AWS pricing-page feed for EC2 data transfer out to the internet, published 2025-06-05",
      asOf: "2025-06-05",
      origin: `QuinnyPig/aws-price-watcher processed/datatransfer.json @ a6645eb2e53e9399396a714cdc4f3c346c7f06c0 (${VENDORED}feeds-2025/aws-price-watcher/processed/datatransfer.json.gz)`,
      licence: "MIT",
    },
    {
      id: S.managedFee,
      name: "ECS Managed Instances management fee rule: 12% of the instance type's On-Demand rate (AWS's c6a.2xlarge example; 634 of 892 hashed us-east-1 fees in the 2025-10-27 ECS feed)",
      asOf: "2025-10-27",
      origin: "docs/price-catalog.md#ecs-managed-instances",
    },
    {
      id: S.ecsPricingExample,
      name: "Amazon ECS pricing page, ECS Managed Instances example: c6a.2xlarge in US East (N. Virginia), management fee $0.03672 per instance-hour (the same price is in the 2025-10-27 ECS feed)",
      asOf: "2025-10-27",
      origin: "https://aws.amazon.com/ecs/pricing/ (docs/price-catalog.md#ecs-managed-instances)",
    },
    {
      id: S.autoModeFee,
      name: "EKS Auto Mode management fee rule: 12% of the instance type's On-Demand rate (derived: AWS lists the per-type fees only in the Price List, AmazonEKS eksproducttype AutoMode, operation EKSAutoUsage, which the bundled feeds do not hold)",
      asOf: "2026-12-01",
      origin: "docs/price-catalog.md#eks-auto-mode",
    },
    {
      id: S.ec2PricingPage,
      name: "Amazon EC2 On-Demand pricing page, \"Data Transfer within the same AWS Region\" ($0.01 per GB in each direction across Availability Zones)",
      asOf: "2025-06-05",
      origin: "docs/price-catalog.md#inter-az (no machine-readable copy in the bundled feeds)",
    },
    {
      id: S.eksPricing,
      name: "Amazon EKS pricing page: $0.10 per cluster-hour in standard support, $0.60 per cluster-hour in extended support",
      asOf: "2026-11-30",
      origin: "https://aws.amazon.com/eks/pricing/ (docs/price-catalog.md#eks; no machine-readable copy in the bundled feeds)",
    },
    {
      id: S.vpcCniMaxPods,
      name: "Amazon VPC CNI eni-max-pods.txt: max pods per instance type (ENIs x (IPv4 per ENI - 1) + 2)",
      asOf: "2026-08-11",
      origin: `aws/amazon-vpc-cni-k8s misc/eni-max-pods.txt @ ${commits.vpcCni} (${VENDORED}vpc-cni-eni-max-pods.txt.gz)`,
      licence: "Apache-2.0",
    },
  ];
  return Object.fromEntries(list.map((s) => [s.id, s]));
}

// ---------------------------------------------------------------------------------------------------------
// Reading the vendored files (gzip) and their shapes (only the fields we read).
// ---------------------------------------------------------------------------------------------------------
type PriceEntry = { price: string };
type Feed = { manifest: { hawkFilePublicationDate?: string }; regions: Record<string, Record<string, PriceEntry>> };
type FgcalcFile = {
  _meta: { commit: string };
  regions: Record<string, { location: string; onDemand: { vcpuHour: number; gbHour: number }; spot: { vcpuHour: number; gbHour: number } }>;
};
type KarpenterPrices = { _meta: { files: Record<string, { last_commit: string }> }; prices: Record<string, Record<string, number>> };
type KarpenterTypes = {
  _meta: { last_commit: string };
  instanceTypes: Record<
    string,
    { vcpu: number; memoryMiB: number; arch: string; gpuCount: number | null; family: string; allocatable?: { cpu?: string; memory?: string } }
  >;
};
type KarpenterVpc = { _meta: { last_commit: string }; limits: Record<string, { maxENIs: number; ipv4PerENI: number }> };
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
type Ec2Transformed = { region: string; attributes: { instanceType: string; operatingSystem: string }; pricePerUnit: string }[];
type ReservedFeed = {
  regions: Record<
    string,
    Record<string, { LeaseContractLength: string; PurchaseOption: string; "Operating System": string; Tenancy: string; "Instance Type": string; "Pre Installed S/W": string; price: string }>
  >;
};

export function readSource<T>(dir: string, file: string): T {
  const gz = path.join(dir, `${file}.gz`);
  const plain = path.join(dir, file);
  if (existsSync(gz)) return JSON.parse(gunzipSync(readFileSync(gz)).toString("utf8")) as T;
  if (existsSync(plain)) return JSON.parse(readFileSync(plain, "utf8")) as T;
  throw new Error(`Source file missing: ${gz} (pass --sources DIR pointing at a directory laid out like data/sources)`);
}

// ---------------------------------------------------------------------------------------------------------
// Numbers
// ---------------------------------------------------------------------------------------------------------
/** Round half away from zero to `decimals` places; toPrecision(12) first removes binary noise (0.8*0.004445 = 0.0035560000000000001). */
/** A vendored text file (gzip or plain). */
export function readTextSource(dir: string, file: string): string {
  const gz = path.join(dir, `${file}.gz`);
  const plain = path.join(dir, file);
  if (existsSync(gz)) return gunzipSync(readFileSync(gz)).toString("utf8");
  if (existsSync(plain)) return readFileSync(plain, "utf8");
  throw new Error(`Source file missing: ${gz} (pass --sources DIR pointing at a directory laid out like data/sources)`);
}

/** eni-max-pods.txt: "<instanceType> <maxPods>" per line, "#" comments. */
export function parseEniMaxPods(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) continue;
    const m = /^(\S+)\s+(\d+)$/.exec(line);
    if (!m) throw new Error(`vpc-cni-eni-max-pods.txt: unexpected line "${line.slice(0, 80)}"`);
    out.set(m[1]!, Number(m[2]));
  }
  return out;
}

/**
 * Karpenter's allocatable ("1930m", "6903Mi") as millicores and MiB, or null when either is missing or odd.
 * Rounded down: a node never holds more than it advertises.
 */
export function parseAllocatable(a: { cpu?: string; memory?: string } | undefined): { cpuMillis: number; memoryMiB: number } | null {
  const cpu = /^(\d+(?:\.\d+)?)(m?)$/.exec(a?.cpu ?? "");
  const mem = /^(\d+(?:\.\d+)?)(Mi|Gi|Ki)$/.exec(a?.memory ?? "");
  if (!cpu || !mem) return null;
  const cpuMillis = Math.floor(cpu[2] === "m" ? Number(cpu[1]) : Number(cpu[1]) * 1000);
  const factor = mem[2] === "Gi" ? 1024 : mem[2] === "Ki" ? 1 / 1024 : 1;
  const memoryMiB = Math.floor(Number(mem[1]) * factor);
  return cpuMillis > 0 && memoryMiB > 0 ? { cpuMillis, memoryMiB } : null;
}

/** Amazon EKS control plane per cluster-hour (docs/price-catalog.md#eks): the same in every region. */
const EKS_CLUSTER_HOUR = { standard: 0.1, extended: 0.6 } as const;

export function roundTo(x: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(Number((x * f).toPrecision(12))) / f;
}

function median(values: number[]): number {
  const v = [...values].sort((a, b) => a - b);
  if (v.length === 0) throw new Error("median of an empty list");
  const mid = Math.floor(v.length / 2);
  return v.length % 2 === 1 ? (v[mid] as number) : ((v[mid - 1] as number) + (v[mid] as number)) / 2;
}

/** A published decimal string ("0.0465520000") as a number; JSON then writes its shortest form (0.046552), every digit kept. */
export function parsePrice(s: string | null | undefined): number | null {
  if (s === null || s === undefined || s.trim() === "") return null;
  const n = Number(s);
  return Number.isFinite(n) && n > 0 ? n : null;
}

/** ec2-transformed.json names regions by code for the big ones and by a slug of the location for the rest. */
export function locationSlug(location: string): string {
  return location.toLowerCase().replace(/ /g, "-");
}

// ---------------------------------------------------------------------------------------------------------
// Rate builders
// ---------------------------------------------------------------------------------------------------------
type Ctx = { region: string; prefix: string; used: Set<string>; sources: Record<string, CatalogSource> };

function rate(ctx: Ctx, usd: number, unit: string, source: string, usageType: string | null, derived: false | string, extra: { label?: string; asOf?: string } = {}): Rate {
  const src = ctx.sources[source];
  if (!src) throw new Error(`internal: unknown source ${source}`);
  ctx.used.add(source);
  const r: Rate = { usd, unit, source, asOf: extra.asOf ?? src.asOf, usageType, derived: derived !== false };
  if (derived !== false) r.note = derived;
  if (extra.label !== undefined) r.label = extra.label;
  return r;
}

function unavailable(reason: string): Unavailable {
  return { available: false, reason };
}

/** A rate read from a pricing feed by its readable key, or "not available" naming the feed and key. */
function feedRate(ctx: Ctx, feed: Feed, location: string, key: string, unit: string, source: string, usageType: string | null): Rate | Unavailable {
  const usd = parsePrice(feed.regions[location]?.[key]?.price);
  if (usd === null) return unavailable(`AWS publishes no "${key}" price for ${location} in the bundled feed (${ctx.sources[source]?.name ?? source})`);
  return rate(ctx, usd, unit, source, usageType, false, usageType === null ? { label: key } : {});
}

// Compute Savings Plans (No Upfront) us-east-1 snapshot (docs/price-catalog.md#compute-savings-plans).
const SP_US_EAST_1 = {
  "compute-1y": { x86: { vcpu: 0.032384, gb: 0.003556 }, arm: null },
  "compute-3y": { x86: { vcpu: 0.022264, gb: 0.00244475 }, arm: { vcpu: 0.01749, gb: 0.00192 } },
} as const;
// us-east-1 Fargate ARM Spot from the 2026-09-28 note quoting the Spot feed.
const US_EAST_1_ARM_SPOT = { vcpu: 0.01030969, gb: 0.00113349 };
/** ECS Managed Instances fee as a share of the type's On-Demand rate (docs/price-catalog.md#ecs-managed-instances). */
export const MANAGED_INSTANCES_FEE_FRACTION = 0.12;

/**
 * ECS Managed Instances fees AWS publishes outside the Price List: the ECS pricing page's example, c6a.2xlarge in
 * us-east-1 at $0.03672 per instance-hour (also present, unnamed, in the 2025-10-27 ECS feed).
 */
export const MANAGED_INSTANCES_PUBLISHED_FEES: Readonly<Record<string, Readonly<Record<string, number>>>> = { "us-east-1": { "c6a.2xlarge": 0.03672 } };

/**
 * EKS Auto Mode fee per instance-hour where the Price List is not read: 12% of the type's On-Demand rate, derived
 * (docs/price-catalog.md#eks-auto-mode); prices:refresh replaces it with the AmazonEKS AutoMode items.
 */
export const EKS_AUTO_MODE_FEE_FRACTION = 0.12;
/** First 100 GB/month out to the internet are free, aggregated across services and regions (AWS free tier). */
const DATA_TRANSFER_FREE_GB = 100;
const INTER_AZ_GB_EACH_DIRECTION = 0.01;

// ---------------------------------------------------------------------------------------------------------
// Build
// ---------------------------------------------------------------------------------------------------------
export type BuildReport = { region: string; file: string; bytes: number; gzipBytes: number; ec2Types: number; notes: string };

export type BuildOptions = { sourcesDir: string; outDir: string; log?: (line: string) => void };

export function buildCatalog(opts: BuildOptions): BuildReport[] {
  const log = opts.log ?? ((l: string) => console.log(l));
  const dir = opts.sourcesDir;
  const ecsFeed = readSource<Feed>(dir, "feeds-2025/aws-price/ecs.json");
  const fg = readSource<FgcalcFile>(dir, "fargate-linux-x86-ondemand-spot-by-region.json");
  const kp = readSource<KarpenterPrices>(dir, "karpenter-ondemand-linux-prices.json");
  const kt = readSource<KarpenterTypes>(dir, "karpenter-instance-types.json");
  const kv = readSource<KarpenterVpc>(dir, "karpenter-vpc-limits.json");
  const trunkTable = readSource<EcsTrunkingTable>(dir, "ecs-trunking-task-limits.json");
  const maxPodsText = readTextSource(dir, "vpc-cni-eni-max-pods.txt");
  const eniMaxPods = parseEniMaxPods(maxPodsText);
  const vantage = readSource<{ data: VantageRow[] }>(dir, "vantage-pr735-ec2-instances-multiregion-2024-04.json").data;
  const ec2Nov = readSource<Ec2Transformed>(dir, "feeds-2025/aws-price/ec2-transformed.json");
  const ec2Jun = readSource<Record<string, Record<string, string>>>(dir, "feeds-2025/aws-price-watcher/processed/ec2.json");
  const ebsFeed = readSource<Feed>(dir, "feeds-2025/ec2-shop/ebs/ebs.json");
  const elbFeed = readSource<Feed>(dir, "feeds-2025/aws-price-watcher/raw/elb.json");
  const natFeed = readSource<Feed>(dir, "feeds-2025/aws-price/natgateway.json");
  const vpcFeed = readSource<Feed>(dir, "feeds-2025/aws-price/vpc.json");
  const cwFeed = readSource<Feed>(dir, "feeds-2025/aws-price/cloudwatch.json");
  /** The feeds the charge definitions name by file (lib/charges/definitions.ts `feed`), with their source ids. */
  const feedByFile = new Map<string, { feed: Feed; source: string }>([
    ["feeds-2025/ec2-shop/ebs/ebs.json", { feed: ebsFeed, source: S.ebs }],
    ["feeds-2025/aws-price-watcher/raw/elb.json", { feed: elbFeed, source: S.elb }],
    ["feeds-2025/aws-price/natgateway.json", { feed: natFeed, source: S.nat }],
    ["feeds-2025/aws-price/vpc.json", { feed: vpcFeed, source: S.vpc }],
    ["feeds-2025/aws-price/cloudwatch.json", { feed: cwFeed, source: S.cloudwatch }],
  ]);
  const dtFeed = readSource<Record<string, Record<string, string>>>(dir, "feeds-2025/aws-price-watcher/processed/datatransfer.json");

  const sources = sourceTable({
    fgcalc: fg._meta.commit,
    karpenterPrices: kp._meta.files["pkg/providers/pricing/zz_generated.pricing_aws.go"]?.last_commit ?? "unknown",
    karpenterTypes: kt._meta.last_commit,
    karpenterVpc: kv._meta.last_commit,
    // The vendored file is the one at this commit (data/sources/README.md).
    vpcCni: "6152e01c83bb8f04fdc8690e99134ebe1445db29",
  });

  // EC2 On-Demand by region code, newest first: Karpenter 2026-07 (us-east-1, GovCloud), 2025-11 feed, 2025-06 feed, 2024-04.
  const nov = new Map<string, Map<string, number>>();
  for (const row of ec2Nov) {
    if (row.attributes.operatingSystem !== "Linux") continue;
    const usd = parsePrice(row.pricePerUnit);
    if (usd === null) continue;
    let m = nov.get(row.region);
    if (!m) nov.set(row.region, (m = new Map()));
    m.set(row.attributes.instanceType, usd);
  }
  const vantageByRegion = new Map<string, Map<string, VantageRow>>();
  for (const row of vantage) {
    let m = vantageByRegion.get(row.region);
    if (!m) vantageByRegion.set(row.region, (m = new Map()));
    m.set(row["instance-type"], row);
  }
  const vantageAnyRegion = new Map<string, VantageRow>();
  for (const row of vantage) if (!vantageAnyRegion.has(row["instance-type"]) || row.region === "us-east-1") vantageAnyRegion.set(row["instance-type"], row);
  const JUN_PREFIX = "OnDemand Linux-instancetype-";

  const locations = Object.keys(ecsFeed.regions).sort((a, b) => (REGION_BY_LOCATION[a]! < REGION_BY_LOCATION[b]! ? -1 : 1));
  for (const location of locations) if (!REGION_BY_LOCATION[location]) throw new Error(`No region code known for ECS feed location "${location}"; add it to REGION_BY_LOCATION`);

  const useast1Jun = new Map<string, number>();
  for (const [key, byLoc] of Object.entries(ec2Jun)) {
    const usd = parsePrice(byLoc["US East (N. Virginia)"]);
    if (key.startsWith(JUN_PREFIX) && usd !== null) useast1Jun.set(key.slice(JUN_PREFIX.length), usd);
  }

  const reports: BuildReport[] = [];
  const indexRows: CatalogIndex["regions"] = [];
  const tmpDir = path.join(opts.outDir, `.tmp-${CATALOG_ID}-${process.pid}`);
  rmSync(tmpDir, { recursive: true, force: true });
  mkdirSync(tmpDir, { recursive: true });

  for (const location of locations) {
    const region = REGION_BY_LOCATION[location]!;
    const prefix = billingPrefix(region);
    if (!prefix) throw new Error(`No AWS billing-code prefix known for ${region}; add it to lib/catalog/billing-codes.ts`);
    const ctx: Ctx = { region, prefix, used: new Set(), sources };
    const notes: string[] = [];

    // ------------------------------------------------------------------ Fargate: every rate the 2025 feed publishes
    const fargateRate = (key: keyof typeof ECS_FEED_KEYS, unit: string): Rate | Unavailable => {
      const usd = parsePrice(ecsFeed.regions[location]?.[ECS_FEED_KEYS[key]]?.price);
      if (usd === null) return unavailable(`AWS publishes no Fargate "${ECS_FEED_KEYS[key]}" price for ${location} (ECS pricing feed of 2025-10-27)`);
      return rate(ctx, usd, unit, S.ecsFeed, fargateUsageType(prefix, key), false);
    };
    const group = <K extends string>(parts: Record<K, Rate | Unavailable>): Record<K, Rate> | Unavailable => {
      const missing = Object.values<Rate | Unavailable>(parts).find((p): p is Unavailable => "available" in p);
      return missing ?? (parts as Record<K, Rate>);
    };
    const linuxX86 = group({ vcpuHour: fargateRate("x86VcpuHour", "vCPU-hour"), gbHour: fargateRate("x86GbHour", "GB-hour") });
    if ("available" in linuxX86) throw new Error(`${region}: the ECS feed has no Fargate Linux/x86 rate`);
    const linuxArm = group({ vcpuHour: fargateRate("armVcpuHour", "vCPU-hour"), gbHour: fargateRate("armGbHour", "GB-hour") });
    const windowsX86 = group({
      vcpuHour: fargateRate("windowsVcpuHour", "vCPU-hour"),
      gbHour: fargateRate("windowsGbHour", "GB-hour"),
      osLicenseVcpuHour: fargateRate("windowsOsLicenseVcpuHour", "vCPU-hour"),
    });
    const ephemeralStorageGbHour = fargateRate("ephemeralStorageGbHour", "GB-hour");

    // Fargate Spot: the 2026-09-29 feed where it has the region; ARM Spot published for us-east-1 only, elsewhere
    // ARM on-demand x this region's x86 Spot discount (the vCPU and GB discounts are equal across architectures).
    const fgr = fg.regions[region];
    let spotX86: ComputeRates | Unavailable;
    let spotArm: ComputeRates | Unavailable;
    if (!fgr) {
      const reason = `No Fargate Spot price for ${region} in the bundled Spot feed (read 2026-09-29, 22 regions); Fargate Spot may still be offered there: run npm run prices:refresh with a newer feed`;
      spotX86 = unavailable(reason);
      spotArm = unavailable(reason);
    } else {
      spotX86 = {
        vcpuHour: rate(ctx, fgr.spot.vcpuHour, "vCPU-hour", S.fgcalcSpot, fargateUsageType(prefix, "spotX86VcpuHour"), false),
        gbHour: rate(ctx, fgr.spot.gbHour, "GB-hour", S.fgcalcSpot, fargateUsageType(prefix, "spotX86GbHour"), false),
      };
      if ("available" in linuxArm) spotArm = unavailable(`No Fargate ARM rate for ${region}, so no ARM Spot rate`);
      else if (region === "us-east-1") {
        spotArm = {
          vcpuHour: rate(ctx, US_EAST_1_ARM_SPOT.vcpu, "vCPU-hour", S.note2026, fargateUsageType(prefix, "spotArmVcpuHour"), false),
          gbHour: rate(ctx, US_EAST_1_ARM_SPOT.gb, "GB-hour", S.note2026, fargateUsageType(prefix, "spotArmGbHour"), false),
        };
      } else {
        const dV = fgr.spot.vcpuHour / linuxX86.vcpuHour.usd;
        const dG = fgr.spot.gbHour / linuxX86.gbHour.usd;
        const note = `Derived: ARM on-demand x this region's x86 Spot/on-demand ratio (${roundTo(dV, 4)} vCPU, ${roundTo(dG, 4)} GB), rounded to 8 decimals; the Spot feed's ARM prices for this region are not in the bundled sources (in us-east-1 the x86 and ARM Spot discounts are equal). Spot floats; x86 Spot read 2026-09-29.`;
        spotArm = {
          vcpuHour: rate(ctx, roundTo(linuxArm.vcpuHour.usd * dV, 8), "vCPU-hour", S.fgcalcSpot, fargateUsageType(prefix, "spotArmVcpuHour"), note),
          gbHour: rate(ctx, roundTo(linuxArm.gbHour.usd * dG, 8), "GB-hour", S.fgcalcSpot, fargateUsageType(prefix, "spotArmGbHour"), note),
        };
      }
      if (Math.abs(fgr.onDemand.vcpuHour - linuxX86.vcpuHour.usd) > 1e-12 || Math.abs(fgr.onDemand.gbHour - linuxX86.gbHour.usd) > 1e-12) {
        notes.push(`x86 on-demand moved between the 2025-10 feed and 2026-09 (${linuxX86.vcpuHour.usd} -> ${fgr.onDemand.vcpuHour})`);
      }
    }

    // Compute Savings Plans (No Upfront) for Fargate Linux: published for us-east-1; elsewhere this region's
    // on-demand rate x (1 - the us-east-1 discount of the same term and architecture).
    const useast1X86 = { vcpu: parsePrice(ecsFeed.regions["US East (N. Virginia)"]?.[ECS_FEED_KEYS.x86VcpuHour]?.price)!, gb: parsePrice(ecsFeed.regions["US East (N. Virginia)"]?.[ECS_FEED_KEYS.x86GbHour]?.price)! };
    const useast1Arm = { vcpu: parsePrice(ecsFeed.regions["US East (N. Virginia)"]?.[ECS_FEED_KEYS.armVcpuHour]?.price)!, gb: parsePrice(ecsFeed.regions["US East (N. Virginia)"]?.[ECS_FEED_KEYS.armGbHour]?.price)! };
    const spFor = (term: "compute-1y" | "compute-3y", arch: "x86" | "arm"): ComputeRates | Unavailable => {
      const od = arch === "x86" ? linuxX86 : linuxArm;
      if ("available" in od) return unavailable(`No Fargate ${arch === "x86" ? "x86" : "ARM"} on-demand rate for ${region}`);
      const keys: [FargateUsageKey, FargateUsageKey] = arch === "x86" ? ["x86VcpuHour", "x86GbHour"] : ["armVcpuHour", "armGbHour"];
      const published = SP_US_EAST_1[term][arch];
      if (region === "us-east-1" && published) {
        return {
          vcpuHour: rate(ctx, published.vcpu, "vCPU-hour", S.computeSp2026, fargateUsageType(prefix, keys[0]), false),
          gbHour: rate(ctx, published.gb, "GB-hour", S.computeSp2026, fargateUsageType(prefix, keys[1]), false),
        };
      }
      const ref = published ?? SP_US_EAST_1[term].x86;
      const refOd = published && arch === "arm" ? useast1Arm : useast1X86;
      const dV = 1 - ref.vcpu / refOd.vcpu;
      const dG = 1 - ref.gb / refOd.gb;
      const which = published && arch === "arm" ? "ARM" : "x86";
      const note = `Derived: this region's ${arch === "x86" ? "x86" : "ARM"} on-demand rate x (1 - the us-east-1 ${which} ${term} No Upfront discount: ${roundTo(dV * 100, 2)}% vCPU, ${roundTo(dG * 100, 2)}% GB, AWSComputeSavingsPlan snapshot 2026-09), rounded to 8 decimals.`;
      return {
        vcpuHour: rate(ctx, roundTo(od.vcpuHour.usd * (1 - dV), 8), "vCPU-hour", S.computeSp2026, fargateUsageType(prefix, keys[0]), note),
        gbHour: rate(ctx, roundTo(od.gbHour.usd * (1 - dG), 8), "GB-hour", S.computeSp2026, fargateUsageType(prefix, keys[1]), note),
      };
    };

    // ------------------------------------------------------------------ EC2 On-Demand, newest source per type
    const isGov = region.startsWith("us-gov-");
    const karpenterRegion = region === "us-east-1" || isGov ? (kp.prices[region] ?? {}) : {};
    const novRegion = nov.get(region) ?? nov.get(locationSlug(location)) ?? new Map<string, number>();
    const vRegion = vantageByRegion.get(region) ?? new Map<string, VantageRow>();
    const junPrice = (type: string) => parsePrice(ec2Jun[`${JUN_PREFIX}${type}`]?.[location]);
    const candidates = new Set<string>([
      ...Object.keys(karpenterRegion),
      ...novRegion.keys(),
      ...Object.keys(ec2Jun).flatMap((k) => (k.startsWith(JUN_PREFIX) && ec2Jun[k]![location] !== undefined ? [k.slice(JUN_PREFIX.length)] : [])),
      ...vRegion.keys(),
    ]);
    const odCount: Record<string, number> = {};
    const resolved: { type: string; usd: number; source: string }[] = [];
    for (const type of [...candidates].sort()) {
      const k = karpenterRegion[type];
      const choice =
        k !== undefined && k > 0
          ? { usd: k, source: S.karpenterPrices }
          : novRegion.has(type)
            ? { usd: novRegion.get(type)!, source: S.ec2Feed202511 }
            : junPrice(type) !== null
              ? { usd: junPrice(type)!, source: S.ec2Feed202506 }
              : parsePrice(vRegion.get(type)?.ondemand) !== null
                ? { usd: parsePrice(vRegion.get(type)?.ondemand)!, source: S.vantage }
                : null;
      if (choice === null) continue;
      resolved.push({ type, ...choice });
      odCount[choice.source] = (odCount[choice.source] ?? 0) + 1;
    }
    // The region default is the source that priced the most types; the others are named per row.
    const defaultOdSource = Object.entries(odCount).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0];
    if (!defaultOdSource) throw new Error(`${region}: no EC2 On-Demand price in any source`);

    // Standard Reserved Instances, No Upfront, Linux, shared tenancy (34 regions).
    const reservedBy: Record<"1y" | "3y", Map<string, number> | null> = { "1y": null, "3y": null };
    for (const term of ["1y", "3y"] as const) {
      const file = `feeds-2025/ec2-shop/reserved/${region}-reservedinstance-${term}.json`;
      if (!existsSync(path.join(dir, `${file}.gz`)) && !existsSync(path.join(dir, file))) continue;
      const feed = readSource<ReservedFeed>(dir, file);
      const m = new Map<string, number>();
      for (const row of Object.values(feed.regions[location] ?? {})) {
        if (row["Operating System"] !== "Linux" || row.Tenancy !== "Shared" || row["Pre Installed S/W"] !== "NA" || row.PurchaseOption !== "No Upfront") continue;
        if (row.LeaseContractLength !== (term === "1y" ? "1yr" : "3yr")) continue;
        const usd = parsePrice(row.price);
        if (usd !== null) m.set(row["Instance Type"], usd);
      }
      if (m.size > 0) reservedBy[term] = m;
    }

    const rows: InstanceType[] = [];
    let noSpecs = 0;
    let spotCount = 0;
    const trunkCount = { supported: 0, unsupported: 0, "not-listed": 0 };
    for (const { type, usd, source } of resolved) {
      const spec = kt.instanceTypes[type];
      const vSpec = vRegion.get(type) ?? vantageAnyRegion.get(type);
      let vcpu: number, memoryMiB: number, architecture: "x86_64" | "arm64", gpus: number;
      if (spec) {
        vcpu = spec.vcpu;
        memoryMiB = spec.memoryMiB;
        architecture = spec.arch === "arm64" ? "arm64" : "x86_64";
        gpus = spec.gpuCount ?? 0;
      } else if (vSpec && vSpec.vCPU > 0 && vSpec.memory > 0) {
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
      const trunk = decideTrunking(trunkTable, type);
      trunkCount[trunk.trunking]++;
      const spotAvg = parsePrice(vRegion.get(type)?.spot_avg);
      if (spotAvg !== null) spotCount++;
      const gen = vRegion.get(type) ?? vantageAnyRegion.get(type);
      const row: InstanceType = {
        type,
        vcpu,
        memoryMiB,
        architecture,
        maxEnis: limits ? limits.maxENIs : null,
        ipv4PerEni: limits ? limits.ipv4PerENI : null,
        trunking: trunk.trunking,
        ecsTrunkTasks: trunk.ecsTrunkTasks,
        // Vantage's flag where the type is in the 2024-04 export; types newer than that are current.
        currentGeneration: gen ? gen["current-generation"] : true,
        gpus,
        burstable: /^t\d/.test(type),
        onDemandUSD: usd,
        spotAvgUSD: spotAvg,
        reserved1yUSD: reservedBy["1y"]?.get(type) ?? null,
        reserved3yUSD: reservedBy["3y"]?.get(type) ?? null,
      };
      // EKS nodes: max pods from the VPC CNI's table, else the same ENI formula from the ENI limits; allocatable
      // from Karpenter's reference (docs/price-catalog.md#eks-nodes).
      const maxPods = eniMaxPods.get(type) ?? (limits && limits.maxENIs > 0 && limits.ipv4PerENI > 1 ? limits.maxENIs * (limits.ipv4PerENI - 1) + 2 : null);
      if (maxPods !== null && maxPods > 0) {
        row.maxPods = maxPods;
        if (eniMaxPods.has(type)) ctx.used.add(S.vpcCniMaxPods);
      }
      const allocatable = parseAllocatable(spec?.allocatable);
      if (allocatable) row.allocatable = allocatable;
      if (source !== defaultOdSource) row.onDemandSource = source;
      const published = MANAGED_INSTANCES_PUBLISHED_FEES[region]?.[type];
      if (published !== undefined) {
        // AWS's own figure (docs/price-catalog.md#ecs-managed-instances): the type carries AWS's fee, not the derived 12%.
        row.managedFeeUSD = published;
        row.managedFeeSource = S.ecsPricingExample;
        ctx.used.add(S.ecsPricingExample);
      }
      ctx.used.add(source);
      rows.push(row);
    }
    ctx.used.add(defaultOdSource);
    if (rows.some((r) => kt.instanceTypes[r.type])) ctx.used.add(S.karpenterTypes);
    if (rows.some((r) => kv.limits[r.type])) ctx.used.add(S.karpenterVpc);
    ctx.used.add(S.ecsTrunking);
    if (spotCount > 0 || rows.some((r) => !kt.instanceTypes[r.type])) ctx.used.add(S.vantage);

    // gp3 GB-month from the EBS feed; where the feed lacks the region, us-east-1's $0.08 x the median ratio of
    // this region's EC2 On-Demand prices to us-east-1's (2025-06 feed), marked derived.
    const gp3Label = "Storage General Purpose gp3 GB Mo";
    const gp3Usage = regionalUsageType(region, prefix, "EBS:VolumeUsage.gp3");
    let gp3GbMonth: Rate | Unavailable = feedRate(ctx, ebsFeed, location, gp3Label, "GB-month", S.ebs, gp3Usage);
    if ("available" in gp3GbMonth) {
      const ratios: number[] = [];
      for (const [type, usd] of useast1Jun) {
        const here = junPrice(type) ?? novRegion.get(type) ?? null;
        if (here !== null) ratios.push(here / usd);
      }
      const base = parsePrice(ebsFeed.regions["US East (N. Virginia)"]?.[gp3Label]?.price);
      if (ratios.length > 0 && base !== null) {
        const m = median(ratios);
        gp3GbMonth = rate(
          ctx,
          roundTo(base * m, 4),
          "GB-month",
          S.ebs,
          gp3Usage,
          `Derived: the EBS feed (2024-07-18) has no gp3 price for ${location}; us-east-1's $${base} per GB-month x ${roundTo(m, 4)}, the median ratio of this region's EC2 On-Demand prices to us-east-1's over ${ratios.length} instance types (2025 EC2 feeds), rounded to 4 decimals.`,
        );
      }
    }

    const reservedProvenance = (term: "1y" | "3y") =>
      reservedBy[term]
        ? (ctx.used.add(S.reserved),
          {
            source: S.reserved,
            asOf: sources[S.reserved]!.asOf,
            usageTypePattern: ec2BoxUsagePattern(region, prefix),
            note: `Standard Reserved Instance, ${term === "1y" ? "1 year" : "3 years"}, No Upfront: the effective hourly rate AWS publishes beside the On-Demand rate (Linux, shared tenancy). Labelled as Reserved Instance rates: EC2 Instance Savings Plans have the same top discount but their per-type rates are not guaranteed identical.`,
          })
        : unavailable(`AWS's Reserved Instance feed in the bundled sources has no ${region} rates (collected 2025-04-05 for 34 regions); run npm run prices:refresh with AWS credentials`);

    const managedInstances = (ctx.used.add(S.managedFee),
    {
      feeFractionOfOnDemand: MANAGED_INSTANCES_FEE_FRACTION,
      source: S.managedFee,
      asOf: sources[S.managedFee]!.asOf,
      usageTypePattern: `${prefix}-ECS-Managed-Instances:<instanceType>-management-hours`,
      derived: true,
      note: "Derived: 12% of the instance type's On-Demand rate. AWS's published example is c6a.2xlarge at $0.03672 per hour = 12% of $0.306, and 634 of the 892 hashed us-east-1 fee prices in the 2025-10-27 ECS feed are exactly 12% of an EC2 On-Demand rate; the feed does not name the types. npm run prices:refresh replaces it with the Price List's own fees where it can read them.",
    });

    // ------------------------------------------------------------------ The rest of the bill
    const reg = (suffix: string) => regionalUsageType(region, prefix, suffix);
    const slotFeedRate = (slot: RateSlot): Rate | Unavailable => {
      const feed = slot.feed && feedByFile.get(slot.feed.file);
      if (!slot.feed || !feed) throw new Error(`charge ${slot.charge.id}: ${slot.section}.${slot.key} names no feed this build reads (lib/charges/definitions.ts)`);
      const usageType = slot.feed.withoutUsageType || !slot.priceList ? null : reg(slot.priceList.usageType);
      if (slot.feed.perUnits === undefined) return feedRate(ctx, feed.feed, location, slot.feed.key, slot.rate.unit, feed.source, usageType);
      const quoted = parsePrice(feed.feed.regions[location]?.[slot.feed.key]?.price);
      if (quoted === null) return unavailable(`AWS publishes no "${slot.feed.key}" price for ${location} in the bundled feed (${ctx.sources[feed.source]?.name ?? feed.source})`);
      const r = rate(ctx, quoted / slot.feed.perUnits, slot.rate.unit, feed.source, usageType, false, { label: slot.feed.key });
      return { ...r, note: `AWS quotes $${quoted} for ${slot.feed.perUnits} ${slot.rate.unit}s ("${slot.feed.key}"): $${quoted} / ${slot.feed.perUnits} per ${slot.rate.unit}.` };
    };
    const dtKey = (tier: string) => dtFeed[`DataTransfer External Outbound ${tier}`] ?? {};
    const dtTier = (tier: string): number | null => {
      const entry = Object.entries(dtKey(tier)).find(([k]) => k.startsWith(`${location} (StartingRange:`));
      return entry ? parsePrice(entry[1]) : null;
    };
    const tierNames: [string, number | null][] = [
      ["Next 10 TB", 10240],
      ["Next 40 TB", 51200],
      ["Next 100 TB", 153600],
      ["Greater than 150 TB", null],
    ];
    const tierPrices = tierNames.map(([name, upTo]) => ({ name, upTo, usd: dtTier(name) }));
    const dataTransferOut: NetworkRates["dataTransferOut"] = tierPrices.every((t) => t.usd !== null)
      ? {
          freeGBPerMonth: DATA_TRANSFER_FREE_GB,
          tiers: tierPrices.map((t) => ({
            upToGBPerMonth: t.upTo,
            rate: { ...rate(ctx, t.usd!, "GB", S.dataTransfer, reg("DataTransfer-Out-Bytes"), false), label: `DataTransfer External Outbound ${t.name}` },
          })),
        }
      : unavailable(`AWS's data-transfer feed in the bundled sources (2025-06-05) has no internet egress tiers for ${location}`);
    // Every single-rate slot the charge definitions (lib/charges) declare is read from the feed and key they name;
    // the egress tiers and inter-AZ (documented on AWS's pricing page, not in the feeds) are built here.
    const documentedNetwork: Partial<Record<string, NetworkRates[keyof NetworkRates]>> = {
      dataTransferOut,
      interAzGBEachDirection: rate(
        ctx,
        INTER_AZ_GB_EACH_DIRECTION,
        "GB",
        S.ec2PricingPage,
        reg("DataTransfer-Regional-Bytes"),
        "Not in the bundled machine-readable feeds: $0.01 per GB in each direction for data crossing Availability Zones in the same region, as AWS's EC2 On-Demand pricing page states (the same in every commercial region it lists).",
      ),
    };
    const network = Object.fromEntries(
      catalogSlots("network").map((slot) => [slot.key, documentedNetwork[slot.key] ?? slotFeedRate(slot)]),
    ) as NetworkRates;

    const catalog: RegionCatalog = {
      schemaVersion: 2,
      catalogId: CATALOG_ID,
      region,
      location,
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
        onDemand: { source: defaultOdSource, asOf: sources[defaultOdSource]!.asOf, usageTypePattern: ec2BoxUsagePattern(region, prefix) },
        spot:
          spotCount > 0
            ? {
                source: S.vantage,
                asOf: sources[S.vantage]!.asOf,
                note: `Average EC2 Spot price per type (Linux) from the 2024-04-04 ec2instances.info export, known for ${spotCount} of ${rows.length} types; Spot floats, treat as an estimate.`,
              }
            : unavailable(`No EC2 Spot prices for ${region} in the bundled sources`),
        gp3GbMonth,
        // Every other EC2 rate slot (lib/charges) straight from the feed key its definition names.
        ...(Object.fromEntries(rateSlots("ec2").filter((slot) => slot.key !== "gp3GbMonth").map((slot) => [slot.key, slotFeedRate(slot)])) as Omit<
          RegionCatalog["ec2"],
          "onDemand" | "spot" | "gp3GbMonth" | "savingsPlans" | "reserved" | "managedInstances" | "trunking" | "instanceTypes"
        >),
        savingsPlans: {
          "savings-plan-1y": unavailable("No EC2 Savings Plans rates in the bundled sources; use Reserved Instances (reserved-1y), on-demand or Spot"),
          "savings-plan-3y": unavailable("No EC2 Savings Plans rates in the bundled sources; use Reserved Instances (reserved-3y), on-demand or Spot"),
        },
        reserved: { "reserved-1y": reservedProvenance("1y"), "reserved-3y": reservedProvenance("3y") },
        managedInstances,
        trunking: {
          source: S.ecsTrunking,
          asOf: sources[S.ecsTrunking]!.asOf,
          note: `ECS's own awsvpcTrunking table: ${trunkCount.supported} types here trunk with a published task limit, ${trunkCount.unsupported} cannot (named as unsupported, or no positive limit), ${trunkCount["not-listed"]} are newer than the table and are planned without trunking (conservative).`,
        },
        instanceTypes: rows,
      },
      network,
      eks: {
        clusterHourStandard: rate(ctx, EKS_CLUSTER_HOUR.standard, "cluster-hour", S.eksPricing, `${prefix}-AmazonEKS-Hours:perCluster`, false),
        clusterHourExtended: rate(ctx, EKS_CLUSTER_HOUR.extended, "cluster-hour", S.eksPricing, `${prefix}-AmazonEKS-Hours:perClusterExtended`, false),
        maxPods: {
          source: S.vpcCniMaxPods,
          asOf: sources[S.vpcCniMaxPods]!.asOf,
          note: `Max pods per node with the Amazon VPC CNI (no prefix delegation) for ${rows.filter((r) => eniMaxPods.has(r.type)).length} types from eni-max-pods.txt, ${rows.filter((r) => r.maxPods !== undefined && !eniMaxPods.has(r.type)).length} more from the same formula and the ENI limits; ${rows.filter((r) => r.maxPods === undefined).length} without ENI data have none.`,
        },
        autoMode: (ctx.used.add(S.autoModeFee),
        {
          feeFractionOfOnDemand: EKS_AUTO_MODE_FEE_FRACTION,
          source: S.autoModeFee,
          asOf: sources[S.autoModeFee]!.asOf,
          usageTypePattern: `${prefix}-AmazonEKS-AutoMode:<instanceType>`,
          derived: true,
          note: "Derived: 12% of the instance type's On-Demand rate, as published comparisons of the EKS Auto Mode fee state (the ECS Managed Instances fee follows the same 12%). AWS lists the per-type fees only in the Price List (AmazonEKS, eksproducttype AutoMode, operation EKSAutoUsage), not in the bundled feeds; the usage type is written from that naming, not read from a bill. npm run prices:refresh replaces the rule with AWS's fees where it can read them.",
        }),
        allocatable: {
          source: S.karpenterTypes,
          asOf: sources[S.karpenterTypes]!.asOf,
          note: `Kubernetes allocatable CPU and memory of ${rows.filter((r) => r.allocatable).length} of ${rows.length} types (Karpenter's instance-type reference, AL2023: capacity minus kube-reserved, system-reserved and the eviction threshold, for the VPC CNI's max pods).`,
        },
      },
    };
    ctx.used.add(S.vpcCniMaxPods);
    ctx.used.add(S.karpenterTypes);
    catalog.sources = [...ctx.used].sort().map((id) => sources[id]!);

    const file = `${region}.json`;
    const text = stableJson(catalog);
    parseRegionCatalog(JSON.parse(text), `${CATALOG_ID}/${file}`, { region, catalogId: CATALOG_ID });
    writeFileSync(path.join(tmpDir, file), text);
    const bytes = Buffer.byteLength(text);
    const gzipBytes = gzipSync(text, { level: 9 }).length;
    const od = Object.entries(odCount)
      .sort()
      .map(([s, n]) => `${s}:${n}`)
      .join(" ");
    reports.push({ region, file, bytes, gzipBytes, ec2Types: rows.length, notes: [`od ${od}`, noSpecs ? `${noSpecs} without specs left out` : "", ...notes].filter(Boolean).join("; ") });
    indexRows.push(catalogIndexEntry(catalog, file, bytes, gzipBytes));
  }

  const index: CatalogIndex = {
    schemaVersion: 2,
    catalogId: CATALOG_ID,
    createdAt: CREATED_AT,
    note: "Built by scripts/build-catalog.ts from data/sources: Fargate for 36 locations from AWS's 2025-10-27 ECS feed, Fargate Spot 2026-09-29 (22 regions), EC2 On-Demand from the newest source per type (2026-07 / 2025-11 / 2025-06 / 2024-04), Reserved Instances 2025-04, load balancers, NAT, public IPv4, VPC endpoints, CloudWatch Logs, EBS and data transfer from AWS's 2024-2025 feeds, ECS's trunking table. Derived rates are flagged.",
    regions: indexRows,
  };
  parseCatalogIndex(index, `${CATALOG_ID}/index.json`);
  writeFileSync(path.join(tmpDir, "index.json"), stableJson(index));

  // Catalog list: keep the snapshots already listed (share links name them), add this one, newest last.
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
  log("region            bytes    gzip  EC2 types  notes");
  for (const r of reports) log(`${r.region.padEnd(16)} ${String(r.bytes).padStart(7)} ${String(r.gzipBytes).padStart(7)} ${String(r.ec2Types).padStart(10)}  ${r.notes}`);
  return reports;
}

/** Order catalog ids "2026-11-26" < "2026-11-26.1" < "2026-11-26.2" < "2026-11-27". */
export function compareCatalogIds(a: string, b: string): number {
  const [da = "", na = "0"] = a.split(".");
  const [db = "", nb = "0"] = b.split(".");
  return da === db ? Number(na) - Number(nb) : da < db ? -1 : 1;
}

function parseArgs(argv: string[]): { sourcesDir: string; outDir: string } {
  let sourcesDir = DEFAULT_SOURCES_DIR;
  let outDir = path.join(ROOT, "data", "catalog");
  const usage = "Usage: npm run prices:build [-- --sources DIR] [--out DIR]";
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--sources" && argv[i + 1]) sourcesDir = path.resolve(argv[++i]!);
    else if (a === "--out" && argv[i + 1]) outDir = path.resolve(argv[++i]!);
    else if (a === "--help" || a === "-h") {
      console.log(usage);
      process.exit(0);
    } else {
      console.error(`Unknown argument: ${a}. ${usage}`);
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
