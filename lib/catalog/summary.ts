/**
 * What a region file offers, in the words the catalog page and API use: published / derived / not available
 * per Fargate rate group, and the as-of date of each kind of price. Pure.
 */
import { catalogSlots, CATALOG_GROUPS, type CatalogGroup } from "../charges";
import { isUnavailable, type DataTransferOut, type InstanceType, type Rate, type RegionCatalog, type Unavailable } from "./schema";

export type Availability = "published" | "derived" | "unavailable";

export function availabilityOf(group: Rate | Record<string, Rate> | Unavailable): Availability {
  if (isUnavailable(group)) return "unavailable";
  const rates: Rate[] = "usd" in group ? [group as Rate] : Object.values(group as Record<string, Rate>);
  return rates.some((r) => r.derived) ? "derived" : "published";
}

function datesOf(group: Rate | Record<string, Rate> | Unavailable): string[] {
  if (isUnavailable(group)) return [];
  const rates: Rate[] = "usd" in group ? [group as Rate] : Object.values(group as Record<string, Rate>);
  return [...new Set(rates.map((r) => r.asOf))].sort();
}

/** One kind of line of the rest of the bill: published, derived or not available, and as of when. */
export type KindSummary = { availability: Availability | "partial"; asOf: string[] };

function kindOf(...groups: (Rate | Record<string, Rate> | Unavailable)[]): KindSummary {
  const each = groups.map(availabilityOf);
  const availability: KindSummary["availability"] = each.every((a) => a === "unavailable")
    ? "unavailable"
    : each.includes("derived")
      ? "derived"
      : each.includes("unavailable")
        ? "partial"
        : "published";
  return { availability, asOf: [...new Set(groups.flatMap(datesOf))].sort() };
}

/** Kinds of line of the rest of a service's bill, in the order the catalog page shows them: the charge definitions' groups. */
export const BILL_KINDS = Object.keys(CATALOG_GROUPS) as CatalogGroup[];
export type BillKind = CatalogGroup;

/** The rates of a group's slots in a region file (the egress tiers as one rate each). */
function groupRates(c: RegionCatalog, kind: BillKind): (Rate | Record<string, Rate> | Unavailable)[] {
  return (["network", "ec2"] as const).flatMap((section) =>
    catalogSlots(section)
      .filter((slot) => slot.charge.catalogGroup === kind)
      .map((slot) => {
        const value = (c[section] as Record<string, unknown>)[slot.key] as Rate | Unavailable | DataTransferOut;
        if (isUnavailable(value) || !("tiers" in value)) return value;
        return Object.fromEntries(value.tiers.map((t, i) => [`tier${i}`, t.rate]));
      }),
  );
}

export type RegionSummary = {
  region: string;
  location: string;
  billingPrefix: string;
  x86: { vcpuHourUSD: number; gbHourUSD: number; asOf: string };
  arm: Availability;
  windows: Availability;
  spotX86: Availability;
  spotArm: Availability;
  ephemeralStorage: Availability;
  savingsPlans: Availability;
  ec2: {
    instanceTypes: number;
    withSpot: number;
    onDemandAsOf: string;
    spotAsOf: string | null;
    gp3: Availability;
    reserved: KindSummary & { types: number };
    /** Types with AWS's own fee (published, named in awsTypes when few) and types on the derived rule. */
    managedInstances: FeeSummary;
    /** EKS Auto Mode fee: the same split (docs/price-catalog.md#eks-auto-mode). */
    autoMode: FeeSummary;
    trunking: { asOf: string; supported: number; unsupported: number; notListed: number };
  };
  bill: Record<BillKind, KindSummary>;
  /** Distinct as-of dates per kind of price, oldest first. */
  asOf: { fargate: string[]; fargateSpot: string[]; ec2OnDemand: string[]; ec2Spot: string[] };
};

/** A per-type management fee: which types carry AWS's own fee, how many use the derived share of On-Demand. */
export type FeeSummary = KindSummary & { awsTypes: number; awsTypeNames: string[]; derivedTypes: number; derivedPct: number | null };

function feeSummary(rule: { derived: boolean; asOf: string; feeFractionOfOnDemand: number } | Unavailable | undefined, published: (t: InstanceType) => boolean, c: RegionCatalog): FeeSummary {
  if (rule === undefined || isUnavailable(rule)) return { availability: "unavailable", asOf: [], awsTypes: 0, awsTypeNames: [], derivedTypes: 0, derivedPct: null };
  const priced = c.ec2.instanceTypes.filter((t) => t.onDemandUSD !== null || published(t));
  const aws = priced.filter(published);
  const derivedTypes = priced.length - aws.length;
  return {
    availability: derivedTypes === 0 ? "published" : aws.length > 0 ? "partial" : rule.derived ? "derived" : "published",
    asOf: [rule.asOf],
    awsTypes: aws.length,
    awsTypeNames: aws.length <= 3 ? aws.map((t) => t.type) : [],
    derivedTypes,
    derivedPct: rule.derived ? rule.feeFractionOfOnDemand * 100 : null,
  };
}

function reservedKind(c: RegionCatalog): KindSummary {
  const terms = [c.ec2.reserved["reserved-1y"], c.ec2.reserved["reserved-3y"]];
  const present = terms.filter((t) => !isUnavailable(t)) as { asOf: string }[];
  return {
    availability: present.length === 0 ? "unavailable" : present.length < terms.length ? "partial" : "published",
    asOf: [...new Set(present.map((t) => t.asOf))].sort(),
  };
}

export function summarizeRegion(c: RegionCatalog): RegionSummary {
  const f = c.fargate;
  const sp = [f.savingsPlans["compute-1y"].x86, f.savingsPlans["compute-1y"].arm, f.savingsPlans["compute-3y"].x86, f.savingsPlans["compute-3y"].arm];
  const spAvail = sp.map(availabilityOf);
  const savingsPlans: Availability = spAvail.every((a) => a === "unavailable")
    ? "unavailable"
    : spAvail.some((a) => a !== "published")
      ? "derived"
      : "published";
  const rowOverrides = new Set(c.ec2.instanceTypes.flatMap((t) => (t.onDemandSource ? [t.onDemandSource] : [])));
  const odDates = [c.ec2.onDemand.asOf, ...[...rowOverrides].map((id) => c.sources.find((s) => s.id === id)?.asOf ?? "")].filter(Boolean);
  const spotAsOf = isUnavailable(c.ec2.spot) ? null : c.ec2.spot.asOf;
  return {
    region: c.region,
    location: c.location,
    billingPrefix: c.billingPrefix,
    x86: { vcpuHourUSD: f.linuxX86.vcpuHour.usd, gbHourUSD: f.linuxX86.gbHour.usd, asOf: f.linuxX86.vcpuHour.asOf },
    arm: availabilityOf(f.linuxArm),
    windows: availabilityOf(f.windowsX86),
    spotX86: availabilityOf(f.spotX86),
    spotArm: availabilityOf(f.spotArm),
    ephemeralStorage: availabilityOf(f.ephemeralStorageGbHour),
    savingsPlans,
    ec2: {
      instanceTypes: c.ec2.instanceTypes.length,
      withSpot: c.ec2.instanceTypes.filter((t) => t.spotAvgUSD !== null).length,
      onDemandAsOf: c.ec2.onDemand.asOf,
      spotAsOf,
      gp3: availabilityOf(c.ec2.gp3GbMonth),
      reserved: {
        ...reservedKind(c),
        types: c.ec2.instanceTypes.filter((t) => t.reserved1yUSD !== null || t.reserved3yUSD !== null).length,
      },
      managedInstances: feeSummary(c.ec2.managedInstances, (t) => t.managedFeeUSD !== undefined, c),
      autoMode: feeSummary(c.eks?.autoMode, (t) => t.autoModeFeeUSD !== undefined, c),
      trunking: {
        asOf: c.ec2.trunking.asOf,
        supported: c.ec2.instanceTypes.filter((t) => t.trunking === "supported").length,
        unsupported: c.ec2.instanceTypes.filter((t) => t.trunking === "unsupported").length,
        notListed: c.ec2.instanceTypes.filter((t) => t.trunking === "not-listed").length,
      },
    },
    bill: Object.fromEntries(BILL_KINDS.map((kind) => [kind, kindOf(...groupRates(c, kind))])) as Record<BillKind, KindSummary>,
    asOf: {
      fargate: [...new Set([...datesOf(f.linuxX86), ...datesOf(f.linuxArm), ...datesOf(f.windowsX86), ...datesOf(f.ephemeralStorageGbHour)])].sort(),
      fargateSpot: [...new Set([...datesOf(f.spotX86), ...datesOf(f.spotArm)])].sort(),
      ec2OnDemand: [...new Set(odDates)].sort(),
      ec2Spot: spotAsOf ? [spotAsOf] : [],
    },
  };
}

/** The snapshot index.json entry of a region file (sizes are measured by the caller, which has the bytes). */
export function catalogIndexEntry(c: RegionCatalog, file: string, bytes: number, gzipBytes: number) {
  return {
    region: c.region,
    location: c.location,
    file,
    fargate: {
      x86: true,
      arm: !isUnavailable(c.fargate.linuxArm),
      windows: !isUnavailable(c.fargate.windowsX86),
      spot: !isUnavailable(c.fargate.spotX86),
      spotArm: !isUnavailable(c.fargate.spotArm),
    },
    ec2InstanceTypes: c.ec2.instanceTypes.length,
    networkRates: Object.values(c.network).filter((r) => !isUnavailable(r)).length,
    sources: c.sources.map((s) => ({ name: s.name, asOf: s.asOf })),
    bytes,
    gzipBytes,
  };
}
