/**
 * npm run prices:refresh -- --spot --region us-east-1[,...] [--days 30] [--endpoint URL] [--data-dir DIR]
 *
 * Reads EC2 DescribeSpotPriceHistory (Linux/UNIX, every Availability Zone of the region, the last --days days,
 * paginated with NextToken) with the SDK's default credential chain, and writes a NEW dated snapshot in which the
 * refreshed regions' EC2 Spot averages are the time-weighted averages of the window (lib/catalog/spot-history.ts:
 * how they are averaged), with the cheapest AZ's average and the window recorded; everything else is copied from
 * the newest snapshot. The Pricing API has no Spot prices: this is the only way to refresh them.
 *
 * Same guarantees as the Pricing refresh: composed and validated in a temp directory, published atomically
 * (scripts/support/publish-snapshot.ts), nothing written on failure (exit 1 with what to do), progress per page,
 * credentials never printed (redacted from any error text). Needs ec2:DescribeSpotPriceHistory.
 */
import { EC2Client, paginateDescribeSpotPriceHistory, type SpotPrice } from "@aws-sdk/client-ec2";
import { clearCatalogCache, listSnapshotDirs, loadRegionCatalog } from "../lib/catalog/fs-loader";
import { CatalogLookupError } from "../lib/catalog/errors";
import { RefreshDataError } from "../lib/catalog/refresh-merge";
import { CatalogFileError, type CatalogList, type CatalogSource, type RegionCatalog } from "../lib/catalog/schema";
import { applySpotRefresh, averageSpotPrices, SPOT_PRODUCT_DESCRIPTION, type SpotPricePoint } from "../lib/catalog/spot-history";
import { newestSnapshotFor, publishSnapshot } from "./support/publish-snapshot";
import type { Args, Io } from "./refresh-prices";

export const SPOT_USAGE = "npm run prices:refresh -- --spot --region us-east-1[,...] [--days 30] [--endpoint URL] [--data-dir DIR]";
const MAX_ATTEMPTS = 4;
/** The most a page may hold (DescribeSpotPriceHistory MaxResults 1-1000). */
const PAGE_SIZE = 1000;

/** Where a failure happened, for the message. */
export class SpotHistoryError extends Error {
  constructor(
    readonly region: string,
    readonly page: number,
    readonly cause: unknown,
  ) {
    super(String((cause as Error)?.message ?? cause));
  }
}

type AwsError = Error & { $metadata?: { httpStatusCode?: number; attempts?: number }; Code?: string; code?: string };

function explainSpot(err: unknown, endpoint: string | undefined): string {
  const where = err instanceof SpotHistoryError ? ` while reading the Spot price history of ${err.region} (page ${err.page})` : "";
  const e = (err instanceof SpotHistoryError ? err.cause : err) as AwsError;
  const name = e?.name ?? "Error";
  const status = e?.$metadata?.httpStatusCode;
  const attempts = e?.$metadata?.attempts ?? MAX_ATTEMPTS;
  const causeCode = (e as { cause?: { code?: string } })?.cause?.code ?? e?.code;
  if (e instanceof RefreshDataError || e instanceof CatalogFileError || e instanceof CatalogLookupError) return e.message;
  if (name === "CredentialsProviderError" || /Could not load credentials/i.test(e?.message ?? "")) {
    return "No AWS credentials found. prices:refresh --spot uses the AWS SDK default credential chain: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (plus AWS_SESSION_TOKEN for temporary credentials), or AWS_PROFILE for a profile in ~/.aws, or run where an IAM role is available. The identity needs the ec2:DescribeSpotPriceHistory permission.";
  }
  if (name === "RequestLimitExceeded" || name === "Throttling" || status === 429) {
    return `EC2 throttled the requests${where} (${name}, gave up after ${attempts} attempts with backoff). Wait a minute and run the command again, or refresh fewer regions at a time.`;
  }
  if (name === "UnauthorizedOperation" || name === "AuthFailure" || status === 403) {
    return `The AWS credentials were refused${where} (${name}). Give the identity the ec2:DescribeSpotPriceHistory permission, or check that the keys are current.`;
  }
  if (name === "InvalidParameterValue" || name === "InvalidNextToken" || name === "InvalidParameterCombination") {
    return `EC2 rejected the query${where} (${name}): ${e.message}`;
  }
  if (status !== undefined && status >= 500) return `EC2 failed with HTTP ${status} (${name})${where}, after ${attempts} attempts. This is on AWS's side; try again later.`;
  if (causeCode === "ECONNREFUSED" || causeCode === "ENOTFOUND" || causeCode === "ECONNRESET" || causeCode === "ETIMEDOUT" || name === "TimeoutError") {
    return `Could not reach the EC2 API${endpoint ? ` at ${endpoint}` : ""}${where} (${causeCode ?? name}). Check the network connection${endpoint ? " and the --endpoint / EC2_ENDPOINT value" : ""}.`;
  }
  if (status !== undefined) return `EC2 answered HTTP ${status} (${name})${where}: ${e.message}`;
  return `Spot refresh failed${where}: ${e?.message ?? String(err)}`;
}

/** Every Linux/UNIX Spot price change of the region in the window (and the one in effect at its start). */
async function readHistory(client: EC2Client, region: string, window: { start: Date; end: Date }, io: Io): Promise<SpotPricePoint[]> {
  const points: SpotPricePoint[] = [];
  let page = 1;
  try {
    const pages = paginateDescribeSpotPriceHistory(
      { client, pageSize: PAGE_SIZE },
      { StartTime: window.start, EndTime: window.end, ProductDescriptions: [SPOT_PRODUCT_DESCRIPTION] },
    );
    for await (const answer of pages) {
      const list: SpotPrice[] = answer.SpotPriceHistory ?? [];
      list.forEach((p, i) => {
        const price = Number(p.SpotPrice);
        if (!p.InstanceType || !p.AvailabilityZone || !p.Timestamp || !Number.isFinite(price)) {
          throw new RefreshDataError(`EC2 DescribeSpotPriceHistory page ${page} item ${i + 1} for ${region} lacks an instance type, AZ, timestamp or price (${JSON.stringify(p).slice(0, 200)}); nothing was written.`);
        }
        points.push({ instanceType: p.InstanceType, availabilityZone: p.AvailabilityZone, productDescription: p.ProductDescription ?? "", spotPrice: price, timestamp: p.Timestamp });
      });
      io.out(`[${region}] Spot price history page ${page}: ${points.length} price changes so far`);
      page++;
    }
  } catch (err) {
    if (err instanceof RefreshDataError) throw err;
    throw new SpotHistoryError(region, page, err);
  }
  return points;
}

export async function refreshSpot(args: Args, io: Io, helpers: { redact: (text: string, env: NodeJS.ProcessEnv) => string; nextCatalogId: (today: string, list: CatalogList, dirs: string[]) => string }): Promise<number> {
  try {
    const start = newestSnapshotFor(args.dataDir, args.regions);
    if (!start.ok) {
      io.err(start.message);
      return 2;
    }
    const { list, prevId, prevIndex } = start;
    const end = new Date(Math.floor(io.now.getTime() / 1000) * 1000);
    const window = { start: new Date(end.getTime() - args.days * 86_400_000), end };
    const today = end.toISOString().slice(0, 10);
    const newId = helpers.nextCatalogId(today, list, listSnapshotDirs(args.dataDir));
    const source: CatalogSource = {
      id: `aws-ec2-spot-history-${today}`,
      name: `EC2 DescribeSpotPriceHistory (${SPOT_PRODUCT_DESCRIPTION}, every AZ), ${args.days} days to ${end.toISOString()}, time-weighted averages, read ${today}`,
      asOf: today,
      origin: args.endpoint ? `ec2:DescribeSpotPriceHistory via ${args.endpoint} (npm run prices:refresh -- --spot)` : "ec2:DescribeSpotPriceHistory, ec2.<region>.amazonaws.com (npm run prices:refresh -- --spot)",
    };
    io.out(`Refreshing EC2 Spot prices of ${args.regions.join(", ")} (${SPOT_PRODUCT_DESCRIPTION}, ${args.days} days to ${end.toISOString()}) into new snapshot ${newId} (previous: ${prevId}).`);

    const refreshed = new Map<string, RegionCatalog>();
    const summary: string[] = [];
    for (const region of args.regions) {
      // The Spot price history is regional: one client per region (the endpoint override is for tests and proxies).
      const client = new EC2Client({ region, ...(args.endpoint ? { endpoint: args.endpoint } : {}), maxAttempts: MAX_ATTEMPTS });
      // Resolve credentials first so a missing chain is reported before any request.
      await client.config.credentials();
      const prev = loadRegionCatalog(region, prevId, { dataDir: args.dataDir });
      const points = await readHistory(client, region, window, io);
      const averages = averageSpotPrices(points, window);
      const result = applySpotRefresh(prev, { catalogId: newId, readOn: today, source, window, averages });
      refreshed.set(region, result.catalog);
      const azs = new Set(points.map((p) => p.availabilityZone)).size;
      summary.push(`[${region}] ${points.length} price changes in ${azs} AZs: ${result.updated} types with a new Spot average (${result.changes.length} changed), ${result.kept.length} kept from ${prevId} (no Spot price in the window)`);
      if (result.unknown.length > 0) {
        const shown = result.unknown.slice(0, 10).join(", ") + (result.unknown.length > 10 ? ` and ${result.unknown.length - 10} more` : "");
        summary.push(`[${region}] ${result.unknown.length} instance type${result.unknown.length === 1 ? "" : "s"} with Spot prices ${result.unknown.length === 1 ? "is" : "are"} not in the catalog (no specs to plan with) and ${result.unknown.length === 1 ? "was" : "were"} left out: ${shown}. Refresh the Pricing data (npm run prices:refresh -- --region ${region}) to add new types.`);
      }
      for (const c of result.changes.slice(0, 5)) summary.push(`  ${c.type}: ${c.from === null ? "none" : `$${c.from}`} -> $${c.to}`);
      if (result.changes.length > 5) summary.push(`  ... and ${result.changes.length - 5} more`);
    }
    const note = `EC2 Spot averages refreshed from DescribeSpotPriceHistory on ${today} (${args.days} days) for ${args.regions.join(", ")}; everything else copied from ${prevId}.`;
    const published = publishSnapshot({ dataDir: args.dataDir, list, prevId, prevIndex, newId, today, refreshed, note });
    clearCatalogCache();
    io.out("");
    io.out(`Wrote price catalog ${newId} (${published.regions} regions; ${args.regions.length} with new Spot prices) and made it the newest.`);
    for (const line of summary) io.out(line);
    return 0;
  } catch (err) {
    io.err(helpers.redact(`prices:refresh --spot failed: ${explainSpot(err, args.endpoint)} No files were changed.`, io.env));
    return 1;
  }
}
