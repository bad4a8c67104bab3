/**
 * What a region file offers, in the words the catalog page and API use: published / derived / not available
 * per Fargate rate group, and the as-of date of each kind of price. Pure.
 */
import { isUnavailable, type Rate, type RegionCatalog, type Unavailable } from "./schema";

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
  ec2: { instanceTypes: number; withSpot: number; onDemandAsOf: string; spotAsOf: string | null; gp3: Availability };
  /** Distinct as-of dates per kind of price, oldest first. */
  asOf: { fargate: string[]; fargateSpot: string[]; ec2OnDemand: string[]; ec2Spot: string[] };
};

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
    },
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
