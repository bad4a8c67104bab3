/**
 * Small pure helpers over a parsed RegionCatalog: provenance lookup and human-readable rate descriptions.
 */
import { isUnavailable, type CatalogSource, type InstanceType, type Rate, type RegionCatalog, type Unavailable } from "./schema";

/** The declared source with this id (parseRegionCatalog guarantees every referenced id exists). */
export function sourceById(catalog: RegionCatalog, id: string): CatalogSource | undefined {
  return catalog.sources.find((s) => s.id === id);
}

const usdFormat = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", minimumFractionDigits: 2, maximumFractionDigits: 9 });

/**
 * One line describing a rate and where it comes from, e.g.
 * "$0.04048 per vCPU-hour (USE1-Fargate-vCPU-Hours:perCPU; AWS AmazonECS Price List ..., as of 2026-09-29)".
 * Derived rates append "derived: <note>"; unavailable slots give "not available: <reason>".
 */
export function describeRate(rate: Rate | Unavailable, catalog?: RegionCatalog): string {
  if (isUnavailable(rate)) return `not available: ${rate.reason}`;
  const source = catalog ? (sourceById(catalog, rate.source)?.name ?? rate.source) : rate.source;
  const parts = [rate.usageType, `${source}, as of ${rate.asOf}`].filter((p): p is string => p !== null);
  const head = `${usdFormat.format(rate.usd)} per ${rate.unit} (${parts.join("; ")})`;
  return rate.derived ? `${head}; derived: ${rate.note ?? "inferred"}` : head;
}

/** Look up an instance type row by name. */
export function findInstanceType(catalog: RegionCatalog, type: string): InstanceType | undefined {
  return catalog.ec2.instanceTypes.find((t) => t.type === type);
}

export type Ec2Provenance = {
  onDemand: { source: string; asOf: string; usageType: string } | null;
  spot: { source: string; asOf: string } | null;
};

/** Source id, as-of date and usage type of an instance row's on-demand and Spot prices (row overrides region default). */
export function ec2Provenance(catalog: RegionCatalog, row: InstanceType): Ec2Provenance {
  const odId = row.onDemandSource ?? catalog.ec2.onDemand.source;
  const odSource = sourceById(catalog, odId);
  const spotDefault = isUnavailable(catalog.ec2.spot) ? undefined : catalog.ec2.spot.source;
  const spotId = row.spotSource ?? spotDefault;
  const spotSource = spotId === undefined ? undefined : sourceById(catalog, spotId);
  return {
    onDemand:
      row.onDemandUSD === null
        ? null
        : {
            source: odId,
            asOf: row.onDemandSource === undefined ? catalog.ec2.onDemand.asOf : (odSource?.asOf ?? catalog.ec2.onDemand.asOf),
            usageType: catalog.ec2.onDemand.usageTypePattern.replace("<instanceType>", row.type),
          },
    spot: row.spotAvgUSD === null || spotId === undefined || !spotSource ? null : { source: spotId, asOf: spotSource.asOf },
  };
}

/** Is the rate (or rate group) present, i.e. not an { available: false } slot? */
export function isAvailable<T extends object>(value: T | Unavailable): value is T {
  return !isUnavailable(value);
}

/** Any derived rate inside a compute/windows group. */
export function anyDerived(group: Record<string, Rate> | Unavailable): boolean {
  if (isUnavailable(group)) return false;
  return Object.values(group).some((r) => r.derived);
}
