/**
 * npm run prices:refresh -- --region us-east-1[,eu-west-1,...] [--endpoint URL] [--data-dir DIR]
 *
 * Reads current rates from the AWS Price List Query API (pricing:GetProducts, paginated) with the SDK's default
 * credential chain: AmazonECS (Fargate, Managed Instances fees), AmazonEC2 (On-Demand and Reserved Linux
 * instances; NAT gateways), AWSELB, AmazonVPC (public IPv4, interface endpoints) and AmazonCloudWatch (Logs).
 * Writes a NEW dated catalog snapshot: id = today's UTC date (or date.N when taken), refreshed regions rebuilt,
 * all other regions copied from the newest snapshot. Fargate Spot, EC2 Spot, ENI/trunking data, gp3 and data
 * transfer are kept from the previous snapshot with their own dates.
 *
 * Safety: everything is written into a temp directory, every file is validated, then the directory is renamed
 * into place and data/catalog/index.json is replaced atomically (temp file + rename). On any failure the
 * existing files stay byte-identical, the command exits non-zero and says what to do. Credentials are never
 * printed (and redacted from any error text).
 */
import { PricingClient, paginateGetProducts, type Filter } from "@aws-sdk/client-pricing";
import path from "node:path";
import { CatalogLookupError } from "../lib/catalog/errors";
import { clearCatalogCache, loadRegionCatalog, listSnapshotDirs } from "../lib/catalog/fs-loader";
import {
  PriceListItemError,
  ec2PricesFromItems,
  fargateRatesFromItems,
  managedInstanceFeesFromItems,
  autoModeFeesFromItems,
  networkRatesFromItems,
  parsePriceListItem,
  type PriceListItem,
  type PriceListService,
} from "../lib/catalog/price-list";
import { RefreshDataError, applyRegionRefresh, type RateChange } from "../lib/catalog/refresh-merge";
import { CatalogFileError, type CatalogList, type CatalogSource, type RegionCatalog } from "../lib/catalog/schema";
import { newestSnapshotFor, publishSnapshot } from "./support/publish-snapshot";
import { refreshSpot, SPOT_USAGE } from "./refresh-spot";

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const USAGE = `Usage: npm run prices:refresh -- --region us-east-1[,eu-west-1,...] [--endpoint URL] [--data-dir DIR]\n       ${SPOT_USAGE}`;
const MAX_ATTEMPTS = 4;

export type Io = { out: (line: string) => void; err: (line: string) => void; env: NodeJS.ProcessEnv; now: Date };

export class UsageError extends Error {}

export type Args = { regions: string[]; endpoint: string | undefined; dataDir: string; spot: boolean; days: number };

function parseArgs(argv: string[], env: NodeJS.ProcessEnv): Args {
  let regions: string[] | undefined;
  const spot = argv.includes("--spot");
  let endpoint = (spot ? env.EC2_ENDPOINT : env.PRICING_ENDPOINT) || undefined;
  let days = 30;
  let dataDir = path.join(ROOT, "data");
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const [flag, inlineValue] = a.startsWith("--") && a.includes("=") ? [a.slice(0, a.indexOf("=")), a.slice(a.indexOf("=") + 1)] : [a, undefined];
    const value = () => {
      const v = inlineValue ?? argv[++i];
      if (v === undefined || v === "") throw new UsageError(`${flag} needs a value. ${USAGE}`);
      return v;
    };
    if (flag === "--region" || flag === "--regions") regions = value().split(",").map((r) => r.trim()).filter(Boolean);
    else if (flag === "--endpoint") endpoint = value();
    else if (flag === "--data-dir") dataDir = path.resolve(value());
    else if (flag === "--spot" && inlineValue === undefined) continue;
    else if (flag === "--days" && spot) {
      const v = value();
      const n = Number(v);
      if (!/^\d+$/.test(v) || !Number.isInteger(n) || n < 1 || n > 90) throw new UsageError(`--days must be a whole number of days from 1 to 90 (EC2 keeps 90 days of Spot price history), got "${v}"`);
      days = n;
    }
    else throw new UsageError(`Unknown argument "${a}". ${USAGE}`);
  }
  if (!regions || regions.length === 0) throw new UsageError(`--region is required. ${USAGE}`);
  const bad = regions.filter((r) => !/^[a-z]{2}(?:-[a-z]+)+-\d$/.test(r));
  if (bad.length > 0) throw new UsageError(`Not an AWS region code: ${bad.join(", ")} (expected e.g. us-east-1). ${USAGE}`);
  if (endpoint !== undefined) {
    try {
      new URL(endpoint);
    } catch {
      throw new UsageError(`--endpoint must be a URL such as http://127.0.0.1:4599, got "${endpoint}"`);
    }
  }
  return { regions: [...new Set(regions)], endpoint, dataDir, spot, days };
}

/** The AWS Price List filters (TERM_MATCH, case-insensitive), docs/price-catalog.md#price-list-item-format. */
function ecsFilters(region: string): Filter[] {
  return [{ Type: "TERM_MATCH", Field: "regionCode", Value: region }];
}
function ec2Filters(region: string): Filter[] {
  // Karpenter's on-demand query (2026): Linux, Shared tenancy, no pre-installed software, capacity Used, OnDemand.
  return [
    { Type: "TERM_MATCH", Field: "regionCode", Value: region },
    { Type: "TERM_MATCH", Field: "operatingSystem", Value: "Linux" },
    { Type: "TERM_MATCH", Field: "tenancy", Value: "Shared" },
    { Type: "TERM_MATCH", Field: "preInstalledSw", Value: "NA" },
    { Type: "TERM_MATCH", Field: "capacitystatus", Value: "Used" },
    { Type: "TERM_MATCH", Field: "marketoption", Value: "OnDemand" },
    { Type: "TERM_MATCH", Field: "licenseModel", Value: "No License required" },
  ];
}
function natFilters(region: string): Filter[] {
  return [
    { Type: "TERM_MATCH", Field: "regionCode", Value: region },
    { Type: "TERM_MATCH", Field: "productFamily", Value: "NAT Gateway" },
  ];
}
/** EKS Auto Mode management fees (docs/price-catalog.md#eks-auto-mode): the AutoMode products of AmazonEKS. */
function eksAutoModeFilters(region: string): Filter[] {
  return [
    { Type: "TERM_MATCH", Field: "regionCode", Value: region },
    { Type: "TERM_MATCH", Field: "eksproducttype", Value: "AutoMode" },
  ];
}
function regionOnly(region: string): Filter[] {
  return [{ Type: "TERM_MATCH", Field: "regionCode", Value: region }];
}

/** Where a failure happened, for the message. */
type Stage = { region: string; service: string; page: number };

class StageError extends Error {
  constructor(
    readonly stage: Stage,
    readonly cause: unknown,
  ) {
    super(String((cause as Error)?.message ?? cause));
  }
}

async function fetchAll(client: PricingClient, service: PriceListService, region: string, filters: Filter[], io: Io, total: { n: number }): Promise<PriceListItem[]> {
  const items: PriceListItem[] = [];
  const stage: Stage = { region, service, page: 1 };
  try {
    const pages = paginateGetProducts({ client, pageSize: 100 }, { ServiceCode: service, Filters: filters, FormatVersion: "aws_v1" });
    for await (const page of pages) {
      const list: unknown[] = (page.PriceList as unknown[] | undefined) ?? [];
      list.forEach((raw: unknown, i: number) => items.push(parsePriceListItem(raw, `${service} ${region} page ${stage.page} item ${i + 1}`)));
      total.n += list.length;
      io.out(`[${region}] ${service} page ${stage.page}: ${items.length} products (${total.n} so far)`);
      stage.page++;
    }
  } catch (err) {
    throw new StageError(stage, err);
  }
  return items;
}

export function nextCatalogId(today: string, list: CatalogList, dirs: string[]): string {
  const taken = new Set([...list.catalogs.map((c) => c.id), ...dirs]);
  if (!taken.has(today)) return today;
  for (let n = 1; ; n++) if (!taken.has(`${today}.${n}`)) return `${today}.${n}`;
}

export function redact(text: string, env: NodeJS.ProcessEnv): string {
  let out = text;
  for (const key of ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_SECURITY_TOKEN"]) {
    const secret = env[key];
    if (secret && secret.length >= 4) out = out.split(secret).join("[redacted]");
  }
  return out;
}

type AwsError = Error & { $metadata?: { httpStatusCode?: number; attempts?: number }; code?: string; $fault?: string };

/** Turn any failure into one message a user can act on. */
function explain(err: unknown, endpoint: string | undefined): string {
  const stage = err instanceof StageError ? err.stage : undefined;
  const e = (err instanceof StageError ? err.cause : err) as AwsError;
  const where = stage ? ` while reading ${stage.service} prices for ${stage.region} (page ${stage.page})` : "";
  const attempts = e?.$metadata?.attempts ?? MAX_ATTEMPTS;
  const status = e?.$metadata?.httpStatusCode;
  const name = e?.name ?? "Error";
  const causeCode = (e as { cause?: { code?: string } })?.cause?.code ?? e?.code;
  if (e instanceof UsageError) return e.message;
  if (e instanceof PriceListItemError) return `${e.message}. The AWS Price List format may have changed; the catalog needs a parser update in lib/catalog/price-list.ts.`;
  if (e instanceof RefreshDataError || e instanceof CatalogFileError || e instanceof CatalogLookupError) return e.message;
  if (name === "CredentialsProviderError" || /Could not load credentials/i.test(e?.message ?? "")) {
    return "No AWS credentials found. prices:refresh uses the AWS SDK default credential chain: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (plus AWS_SESSION_TOKEN for temporary credentials), or AWS_PROFILE for a profile in ~/.aws, or run where an IAM role is available. The identity needs the pricing:GetProducts permission.";
  }
  if (name === "ThrottlingException" || status === 429) {
    return `The AWS Pricing API throttled the requests${where} (ThrottlingException, gave up after ${attempts} attempts with backoff). Wait a minute and run the command again, or refresh fewer regions at a time.`;
  }
  if (name === "AccessDeniedException" || status === 403) {
    return `The AWS credentials were refused${where} (${name}, HTTP ${status ?? 403}). Give the identity the pricing:GetProducts permission, or check that the keys are current.`;
  }
  if (name === "InvalidParameterException" || name === "InvalidNextTokenException") {
    return `The AWS Pricing API rejected the query${where}: ${e.message}`;
  }
  if (status !== undefined && status >= 500) {
    return `The AWS Pricing API failed with HTTP ${status} (${name})${where}, after ${attempts} attempts. This is on AWS's side; try again later.`;
  }
  if (causeCode === "ECONNREFUSED" || causeCode === "ENOTFOUND" || causeCode === "ECONNRESET" || causeCode === "ETIMEDOUT" || e?.name === "TimeoutError") {
    return `Could not reach the AWS Pricing API${endpoint ? ` at ${endpoint}` : ""}${where} (${causeCode ?? e?.name}). Check the network connection${endpoint ? " and the --endpoint / PRICING_ENDPOINT value" : ""}.`;
  }
  if (status !== undefined) return `The AWS Pricing API answered HTTP ${status} (${name})${where}: ${e.message}`;
  return `Refresh failed${where}: ${e?.message ?? String(err)}`;
}

function fmt(n: number | null): string {
  return n === null ? "not available" : `$${n}`;
}

/** Run the command; returns the process exit code (0 ok, 1 failure, 2 usage). */
export async function main(argv: string[], io: Io): Promise<number> {
  let args: Args;
  try {
    args = parseArgs(argv, io.env);
  } catch (err) {
    io.err(redact(explain(err, undefined), io.env));
    return 2;
  }
  if (args.spot) return refreshSpot(args, io, { redact, nextCatalogId });
  try {
    const start = newestSnapshotFor(args.dataDir, args.regions);
    if (!start.ok) {
      io.err(start.message);
      return 2;
    }
    const { list, prevId, prevIndex } = start;

    const client = new PricingClient({
      region: "us-east-1", // the Price List Query API lives in us-east-1 (and ap-south-1); it serves every region's prices
      ...(args.endpoint ? { endpoint: args.endpoint } : {}),
      maxAttempts: MAX_ATTEMPTS,
    });
    // Resolve credentials first so a missing chain is reported before any request.
    await client.config.credentials();

    const today = io.now.toISOString().slice(0, 10);
    const newId = nextCatalogId(today, list, listSnapshotDirs(args.dataDir));
    const source: CatalogSource = {
      id: `aws-pricing-api-${today}`,
      name: `AWS Price List Query API (GetProducts AmazonECS, AmazonEC2 On-Demand and Reserved, AWSELB, AmazonVPC, AmazonCloudWatch, AmazonEKS Auto Mode), read ${today}`,
      asOf: today,
      origin: args.endpoint ? `pricing:GetProducts via ${args.endpoint} (npm run prices:refresh)` : "pricing:GetProducts, api.pricing.us-east-1.amazonaws.com (npm run prices:refresh)",
    };
    io.out(`Refreshing ${args.regions.join(", ")} from the AWS Pricing API into new snapshot ${newId} (previous: ${prevId}).`);

    const total = { n: 0 };
    const refreshed = new Map<string, RegionCatalog>();
    const changes: RateChange[] = [];
    const ec2Lines: string[] = [];
    for (const region of args.regions) {
      const prev = loadRegionCatalog(region, prevId, { dataDir: args.dataDir });
      const ecsItems = await fetchAll(client, "AmazonECS", region, ecsFilters(region), io, total);
      const ec2Items = await fetchAll(client, "AmazonEC2", region, ec2Filters(region), io, total);
      const natItems = await fetchAll(client, "AmazonEC2", region, natFilters(region), io, total);
      const elbItems = await fetchAll(client, "AWSELB", region, regionOnly(region), io, total);
      const vpcItems = await fetchAll(client, "AmazonVPC", region, regionOnly(region), io, total);
      const logItems = await fetchAll(client, "AmazonCloudWatch", region, regionOnly(region), io, total);
      const eksItems = await fetchAll(client, "AmazonEKS", region, eksAutoModeFilters(region), io, total);
      const network = networkRatesFromItems({ AmazonEC2: natItems, AWSELB: elbItems, AmazonVPC: vpcItems, AmazonCloudWatch: logItems }, region);
      const result = applyRegionRefresh(prev, {
        catalogId: newId,
        readOn: today,
        source,
        fargate: fargateRatesFromItems(ecsItems, region),
        ec2: ec2PricesFromItems(ec2Items, region),
        network,
        managedFees: managedInstanceFeesFromItems(ecsItems, region),
        autoModeFees: autoModeFeesFromItems(eksItems, region),
      });
      refreshed.set(region, result.catalog);
      changes.push(...result.changes);
      const x = result.ec2;
      ec2Lines.push(`[${region}] EC2: ${x.changed} prices changed, ${x.added} types added, ${x.removed} removed, ${x.unchanged} unchanged${x.withoutSpecs ? `, ${x.withoutSpecs} left out (no vCPU/memory/architecture)` : ""}`);
      const reservedTypes = result.catalog.ec2.instanceTypes.filter((t) => t.reserved1yUSD !== null || t.reserved3yUSD !== null).length;
      const managed = result.catalog.ec2.instanceTypes.filter((t) => t.managedFeeUSD !== undefined).length;
      const autoMode = result.catalog.ec2.instanceTypes.filter((t) => t.autoModeFeeUSD !== undefined).length;
      ec2Lines.push(`[${region}] read ${Object.keys(network).length} of 12 load balancer / NAT / IPv4 / endpoint / log rates; Reserved Instance rates for ${reservedTypes} types; Managed Instances fees for ${managed} types, EKS Auto Mode fees for ${autoMode} types (the rest keep the 12% rule)`);
    }

    // Compose, validate and publish the whole new snapshot (atomic; nothing left behind on failure).
    const note = `Refreshed from the AWS Pricing API on ${today} for ${args.regions.join(", ")}; other regions copied from ${prevId}. Spot, ENI, trunking, gp3 and data-transfer data kept from ${prevId} with their own dates.`;
    const published = publishSnapshot({ dataDir: args.dataDir, list, prevId, prevIndex, newId, today, refreshed, note });
    clearCatalogCache();

    io.out("");
    io.out(`Wrote price catalog ${newId} (${published.regions} regions; ${args.regions.length} refreshed) and made it the newest.`);
    if (changes.length === 0) io.out(`Fargate and network rates: no change vs ${prevId}.`);
    else {
      io.out(`Rates changed vs ${prevId}: ${changes.length}`);
      for (const c of changes) io.out(`  [${c.region}] ${c.what}: ${fmt(c.from)} -> ${fmt(c.to)}`);
    }
    for (const line of ec2Lines) io.out(line);
    io.out("Fargate Spot, EC2 Spot, gp3, data transfer, ENI and trunking data (and any rate the Price List did not return) were kept from the previous snapshot with their own dates; Savings Plan rates keep their discount where the on-demand rate moved.");
    return 0;
  } catch (err) {
    io.err(redact(`prices:refresh failed: ${explain(err, args.endpoint)} No files were changed.`, io.env));
    return 1;
  }
}

const isMain = process.argv[1] !== undefined && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname);
if (isMain) {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
  main(process.argv.slice(2), {
    out: (l) => console.log(l),
    err: (l) => console.error(l),
    env: process.env,
    now: new Date(),
  }).then(
    (code) => process.exit(code),
    (err: unknown) => {
      console.error(redact(`prices:refresh failed unexpectedly: ${(err as Error)?.message ?? String(err)}`, process.env));
      process.exit(1);
    },
  );
}
