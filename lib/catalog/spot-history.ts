/**
 * EC2 Spot price history -> per-type averages (npm run prices:refresh -- --spot; docs/price-catalog.md#spot-refresh).
 * Pure: the script reads DescribeSpotPriceHistory and passes the points here.
 *
 * DescribeSpotPriceHistory returns price CHANGES: each point is the price that took effect in one Availability
 * Zone at its timestamp and holds until the next point of the same (type, AZ). With a start time, EC2 also returns
 * the last change before it: the price in effect when the window opens. So the average is TIME-WEIGHTED:
 *
 *   average(type, AZ) = sum over segments of price x (segment end - segment start) / (covered time)
 *
 * where each segment runs from a point (or the window start, whichever is later) to the next point of the same
 * (type, AZ) (or the window end), and the covered time is the window from the first known price on. A simple mean
 * of the points would over-weight prices that changed often and ignore how long each held.
 * The type's average is the mean of its AZs' averages (each AZ counts once: a task may land in any of them);
 * the cheapest AZ's average is the lowest of them, with the AZ.
 */
import { RefreshDataError } from "./refresh-merge";
import type { CatalogSource, InstanceType, RegionCatalog } from "./schema";
import { referencedSourceIds } from "./parse";

export type SpotPricePoint = { instanceType: string; availabilityZone: string; productDescription: string; spotPrice: number; timestamp: Date };

export type SpotWindow = { start: Date; end: Date };

export type SpotTypeAverage = {
  type: string;
  /** Mean of the AZ averages. */
  averageUSD: number;
  cheapestAz: string;
  cheapestAzUSD: number;
  azs: number;
  /** Share of the window with a known price, 0-1 (below 1: the type appeared in the window). */
  coverage: number;
};

/** The product description the catalog prices (Linux, shared tenancy, no VPC distinction since 2020). */
export const SPOT_PRODUCT_DESCRIPTION = "Linux/UNIX";

/** Time-weighted average of one (type, AZ) over the window; null when no price is known inside it. */
export function timeWeightedAverage(points: ReadonlyArray<{ spotPrice: number; timestamp: Date }>, window: SpotWindow): { averageUSD: number; coveredMs: number } | null {
  const start = window.start.getTime();
  const end = window.end.getTime();
  const sorted = [...points].sort((a, b) => a.timestamp.getTime() - b.timestamp.getTime());
  let weighted = 0;
  let covered = 0;
  for (let i = 0; i < sorted.length; i++) {
    const p = sorted[i]!;
    const from = Math.max(p.timestamp.getTime(), start);
    const next = sorted[i + 1];
    const to = Math.min(next ? next.timestamp.getTime() : end, end);
    if (to <= from) continue;
    weighted += p.spotPrice * (to - from);
    covered += to - from;
  }
  return covered > 0 ? { averageUSD: weighted / covered, coveredMs: covered } : null;
}

/** Per type: the average over its AZs and the cheapest AZ. Points of another product description are ignored. */
export function averageSpotPrices(points: ReadonlyArray<SpotPricePoint>, window: SpotWindow): SpotTypeAverage[] {
  const byTypeAz = new Map<string, Map<string, SpotPricePoint[]>>();
  for (const p of points) {
    if (p.productDescription !== SPOT_PRODUCT_DESCRIPTION) continue;
    if (!Number.isFinite(p.spotPrice) || p.spotPrice < 0) throw new RefreshDataError(`Spot price history: ${p.instanceType} in ${p.availabilityZone} at ${p.timestamp.toISOString()} has price ${p.spotPrice}, not a price.`);
    const azs = byTypeAz.get(p.instanceType) ?? new Map<string, SpotPricePoint[]>();
    const list = azs.get(p.availabilityZone) ?? [];
    list.push(p);
    azs.set(p.availabilityZone, list);
    byTypeAz.set(p.instanceType, azs);
  }
  const windowMs = window.end.getTime() - window.start.getTime();
  const out: SpotTypeAverage[] = [];
  for (const [type, azs] of byTypeAz) {
    const perAz: { az: string; usd: number; covered: number }[] = [];
    for (const [az, list] of azs) {
      const avg = timeWeightedAverage(list, window);
      if (avg) perAz.push({ az, usd: avg.averageUSD, covered: avg.coveredMs });
    }
    if (perAz.length === 0) continue;
    perAz.sort((a, b) => a.usd - b.usd || (a.az < b.az ? -1 : 1));
    const cheapest = perAz[0]!;
    out.push({
      type,
      averageUSD: perAz.reduce((s, a) => s + a.usd, 0) / perAz.length,
      cheapestAz: cheapest.az,
      cheapestAzUSD: cheapest.usd,
      azs: perAz.length,
      coverage: Math.min(1, Math.max(...perAz.map((a) => a.covered)) / windowMs),
    });
  }
  return out.sort((a, b) => (a.type < b.type ? -1 : a.type > b.type ? 1 : 0));
}

/** Round a USD average to 8 decimals (AWS quotes Spot prices to 6; 8 keeps the average's digits without float noise). */
const round8 = (usd: number) => Number(usd.toFixed(8));

export type SpotRefreshResult = {
  catalog: RegionCatalog;
  /** Catalog types with a new average. */
  updated: number;
  /** Catalog types with no Spot price in the window: keep their previous average and its source. */
  kept: string[];
  /** Types the history has but the catalog does not: left out (the catalog has no specs for them). */
  unknown: string[];
  changes: { type: string; from: number | null; to: number }[];
};

/**
 * A region's snapshot with the new Spot averages: every type with history gets spotAvgUSD (mean of the AZ
 * averages), spotCheapestAzUSD and spotCheapestAz from `source`; a type without history keeps its previous
 * average with its previous source (row-level spotSource). ec2.spot names the new source, date and window.
 */
export function applySpotRefresh(prev: RegionCatalog, input: { catalogId: string; readOn: string; source: CatalogSource; window: SpotWindow; averages: SpotTypeAverage[] }): SpotRefreshResult {
  const byType = new Map(input.averages.map((a) => [a.type, a]));
  if (input.averages.length === 0) {
    throw new RefreshDataError(`EC2 DescribeSpotPriceHistory returned no ${SPOT_PRODUCT_DESCRIPTION} Spot prices for ${prev.region} in the window ${input.window.start.toISOString()} - ${input.window.end.toISOString()}: nothing to refresh. Check the region and that the account can see Spot prices there.`);
  }
  const prevDefault = "available" in prev.ec2.spot ? null : prev.ec2.spot.source;
  const known = new Set(prev.ec2.instanceTypes.map((t) => t.type));
  const kept: string[] = [];
  const changes: SpotRefreshResult["changes"] = [];
  let updated = 0;
  const rows: InstanceType[] = prev.ec2.instanceTypes.map((row) => {
    const avg = byType.get(row.type);
    if (!avg) {
      if (row.spotAvgUSD !== null) kept.push(row.type);
      const rest: InstanceType = { ...row };
      delete rest.spotCheapestAz;
      delete rest.spotCheapestAzUSD;
      // Keep the old figure with the source it came from, not under the new source's name.
      const source = row.spotSource ?? prevDefault;
      return row.spotAvgUSD !== null && source ? { ...rest, spotSource: source } : rest;
    }
    updated++;
    const to = round8(avg.averageUSD);
    if (row.spotAvgUSD !== to) changes.push({ type: row.type, from: row.spotAvgUSD, to });
    const rest: InstanceType = { ...row };
    delete rest.spotSource;
    return { ...rest, spotAvgUSD: to, spotCheapestAzUSD: round8(avg.cheapestAzUSD), spotCheapestAz: avg.cheapestAz };
  });
  const days = (input.window.end.getTime() - input.window.start.getTime()) / 86_400_000;
  const catalog: RegionCatalog = {
    ...prev,
    catalogId: input.catalogId,
    ec2: {
      ...prev.ec2,
      spot: {
        source: input.source.id,
        asOf: input.readOn,
        note: `Time-weighted average EC2 Spot price per type (${SPOT_PRODUCT_DESCRIPTION}) over ${Number(days.toFixed(3))} days (${input.window.start.toISOString()} - ${input.window.end.toISOString()}), mean of the Availability Zones' averages; spotCheapestAzUSD is the cheapest AZ's average. Spot floats: treat as an estimate.`,
        window: { start: input.window.start.toISOString(), end: input.window.end.toISOString(), days: Number(days.toFixed(6)) },
      },
      instanceTypes: rows,
    },
  };
  const allSources = new Map(prev.sources.map((s) => [s.id, s]));
  allSources.set(input.source.id, input.source);
  catalog.sources = [...referencedSourceIds(catalog)].sort().map((id) => {
    const s = allSources.get(id);
    if (!s) throw new RefreshDataError(`internal: source ${id} is referenced but not declared`);
    return s;
  });
  const unknown = input.averages.filter((a) => !known.has(a.type)).map((a) => a.type);
  return { catalog, updated, kept, unknown, changes };
}
