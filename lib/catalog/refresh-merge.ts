/**
 * Pure merge of freshly read Price List rates into the previous snapshot of a region (npm run prices:refresh).
 *
 * What is replaced: Fargate on-demand rates (Linux x86, ARM, Windows, ephemeral storage), EC2 on-demand Linux
 * prices and Standard No Upfront Reserved Instance rates, load balancer, NAT gateway, public IPv4, VPC endpoint
 * and CloudWatch Logs rates, and ECS Managed Instances fees where the Price List lists them per type, all dated
 * with the read date and labelled with the usage type AWS returned.
 * What is kept from the previous snapshot with its own dates: Fargate Spot and EC2 Spot (not in the Price
 * List, docs/price-catalog.md#fargate-spot), ENI and trunking data, gp3, data transfer and any rate the Price
 * List did not return. Savings Plans rates are kept too, except that one whose on-demand rate changed keeps its
 * discount (scaled, flagged derived).
 */
import type { Ec2PriceRow, FargateOnDemandKey, NetworkPriceKey, OnDemandPrice, TypeFee } from "./price-list";
import { rateSlots } from "../charges";
import { feeUsageTypePattern, NETWORK_PRICE_KEYS } from "./price-list";
import { FARGATE_USAGE_SUFFIX } from "./billing-codes";
import { referencedSourceIds } from "./parse";
import { isUnavailable, type CatalogSource, type ComputeRates, type InstanceType, type Rate, type RegionCatalog, type Unavailable } from "./schema";

/** What each network rate is, in the refresh's change report: its rate label in the charge definitions (lib/charges). */
const NETWORK_LABELS = Object.fromEntries(rateSlots("network").map((slot) => [slot.key, slot.rate.label])) as Record<NetworkPriceKey, string>;

export class RefreshDataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "RefreshDataError";
  }
}

export type RateChange = { region: string; what: string; from: number | null; to: number | null };

export type RegionRefreshInput = {
  catalogId: string;
  /** Date the Price List was read (YYYY-MM-DD, UTC). */
  readOn: string;
  source: CatalogSource;
  fargate: Partial<Record<FargateOnDemandKey, OnDemandPrice>>;
  ec2: Map<string, Ec2PriceRow>;
  /** Load balancers, NAT, public IPv4, VPC endpoints, CloudWatch Logs (absent key = keep the previous rate). */
  network?: Partial<Record<NetworkPriceKey, OnDemandPrice>>;
  /** ECS Managed Instances fee per instance type, where the Price List lists it. */
  managedFees?: Map<string, OnDemandPrice | TypeFee>;
  /** EKS Auto Mode fee per instance type, where the Price List lists it (AmazonEKS, AutoMode, EKSAutoUsage). */
  autoModeFees?: Map<string, OnDemandPrice | TypeFee>;
};

export type RegionRefreshResult = {
  catalog: RegionCatalog;
  changes: RateChange[];
  ec2: { changed: number; added: number; removed: number; unchanged: number; withoutSpecs: number };
};

function rateOf(p: OnDemandPrice, unit: string, input: RegionRefreshInput): Rate {
  return {
    usd: p.usd,
    unit,
    source: input.source.id,
    asOf: input.readOn,
    usageType: p.usageType,
    derived: false,
    note: `AWS Price List SKU ${p.sku}, effective ${p.effectiveDate}.`,
  };
}

function missing(region: string, what: string, suffix: string, readOn: string): Unavailable {
  return { available: false, reason: `The AWS Price List read on ${readOn} has no ${what} rate for ${region} (usage type *-${suffix})` };
}

function usdOf(v: Rate | Unavailable | undefined): number | null {
  return v === undefined || isUnavailable(v) ? null : v.usd;
}

/** Build the refreshed region file from the previous one and the rates just read. Throws RefreshDataError. */
export function applyRegionRefresh(prev: RegionCatalog, input: RegionRefreshInput): RegionRefreshResult {
  const region = prev.region;
  const f = input.fargate;
  if (!f.x86VcpuHour || !f.x86GbHour) {
    throw new RefreshDataError(
      `The AWS Price List returned no Fargate Linux/x86 rates for region "${region}" (usage types *-${FARGATE_USAGE_SUFFIX.x86VcpuHour} and *-${FARGATE_USAGE_SUFFIX.x86GbHour}). Check the region code; if it is right, the Price List format may have changed.`,
    );
  }
  if (input.ec2.size === 0) {
    throw new RefreshDataError(
      `The AWS Price List returned no EC2 on-demand Linux prices for region "${region}" (usage types *BoxUsage:<type>). Check the region code.`,
    );
  }
  const linuxX86 = { vcpuHour: rateOf(f.x86VcpuHour, "vCPU-hour", input), gbHour: rateOf(f.x86GbHour, "GB-hour", input) };
  const linuxArm =
    f.armVcpuHour && f.armGbHour
      ? { vcpuHour: rateOf(f.armVcpuHour, "vCPU-hour", input), gbHour: rateOf(f.armGbHour, "GB-hour", input) }
      : missing(region, "Fargate ARM", FARGATE_USAGE_SUFFIX.armVcpuHour, input.readOn);
  const windowsX86 =
    f.windowsVcpuHour && f.windowsGbHour && f.windowsOsLicenseVcpuHour
      ? {
          vcpuHour: rateOf(f.windowsVcpuHour, "vCPU-hour", input),
          gbHour: rateOf(f.windowsGbHour, "GB-hour", input),
          osLicenseVcpuHour: rateOf(f.windowsOsLicenseVcpuHour, "vCPU-hour", input),
        }
      : missing(region, "Fargate Windows (vCPU, GB and OS licence)", FARGATE_USAGE_SUFFIX.windowsVcpuHour, input.readOn);
  const ephemeralStorageGbHour = f.ephemeralStorageGbHour
    ? rateOf(f.ephemeralStorageGbHour, "GB-hour", input)
    : missing(region, "Fargate ephemeral storage", FARGATE_USAGE_SUFFIX.ephemeralStorageGbHour, input.readOn);

  // EC2: API price and specs; ENI data, Spot and anything the API lacks come from the previous row.
  const prevRows = new Map(prev.ec2.instanceTypes.map((r) => [r.type, r]));
  // Reserved rates come with the EC2 items' Reserved terms; when the answer carries none at all, keep the old ones.
  const readReserved = { "1y": [...input.ec2.values()].some((p) => p.reserved1y !== null), "3y": [...input.ec2.values()].some((p) => p.reserved3y !== null) };
  const managedFees = input.managedFees ?? new Map<string, OnDemandPrice>();
  const autoModeFees = input.autoModeFees ?? new Map<string, OnDemandPrice>();
  const rows: InstanceType[] = [];
  let changed = 0;
  let added = 0;
  let unchanged = 0;
  let withoutSpecs = 0;
  for (const [type, p] of input.ec2) {
    const old = prevRows.get(type);
    const vcpu = p.vcpu ?? old?.vcpu ?? null;
    const memoryMiB = p.memoryMiB ?? old?.memoryMiB ?? null;
    const architecture = old?.architecture ?? p.architecture;
    if (vcpu === null || memoryMiB === null || architecture === null) {
      withoutSpecs++;
      continue;
    }
    const row: InstanceType = {
      type,
      vcpu,
      memoryMiB,
      architecture,
      maxEnis: old?.maxEnis ?? null,
      ipv4PerEni: old?.ipv4PerEni ?? null,
      // ECS's trunking table is not in the Price List: a type the previous snapshot did not know is "not-listed".
      trunking: old?.trunking ?? "not-listed",
      ecsTrunkTasks: old?.ecsTrunkTasks ?? null,
      currentGeneration: p.currentGeneration ?? old?.currentGeneration ?? true,
      gpus: p.gpus ?? old?.gpus ?? 0,
      burstable: /^t\d/.test(type),
      onDemandUSD: p.usd,
      spotAvgUSD: old?.spotAvgUSD ?? null,
      reserved1yUSD: readReserved["1y"] ? p.reserved1y : (old?.reserved1yUSD ?? null),
      reserved3yUSD: readReserved["3y"] ? p.reserved3y : (old?.reserved3yUSD ?? null),
    };
    const fee = managedFees.get(type);
    if (fee) row.managedFeeUSD = fee.usd;
    else if (old?.managedFeeUSD !== undefined && old.managedFeeSource !== undefined) {
      // AWS's own figure from another source (its pricing-page example): kept until the Price List lists the type.
      row.managedFeeUSD = old.managedFeeUSD;
      row.managedFeeSource = old.managedFeeSource;
    }
    const autoFee = autoModeFees.get(type);
    if (autoFee) row.autoModeFeeUSD = autoFee.usd;
    // EKS node figures are not in the Price List: carried from the previous snapshot (docs/price-catalog.md#eks-nodes).
    if (old?.maxPods !== undefined) row.maxPods = old.maxPods;
    if (old?.allocatable) row.allocatable = old.allocatable;
    if (old?.spotSource) row.spotSource = old.spotSource;
    if (!old) added++;
    else if (old.onDemandUSD !== p.usd) changed++;
    else unchanged++;
    rows.push(row);
  }
  const removed = prev.ec2.instanceTypes.filter((r) => !input.ec2.has(r.type)).length;

  // Compute Savings Plans are not read by the refresh (separate AWSComputeSavingsPlan offer). Keep each SP
  // rate while its on-demand rate is unchanged; when the on-demand rate moved, keep the discount instead
  // (SP = previous SP x new / previous on-demand, 8 dp, derived) so an SP rate never drifts above on-demand.
  const scaleSp = (
    sp: ComputeRates | Unavailable,
    prevOd: ComputeRates | Unavailable,
    newOd: ComputeRates | Unavailable,
    what: string,
  ): ComputeRates | Unavailable => {
    if (isUnavailable(sp)) return sp;
    if (isUnavailable(newOd)) return { available: false, reason: `No ${what} on-demand rate in the AWS Price List read on ${input.readOn}, so no Savings Plan rate either` };
    if (isUnavailable(prevOd)) return { available: false, reason: `No previous ${what} on-demand rate to carry the Savings Plan discount from` };
    const one = (k: "vcpuHour" | "gbHour"): Rate => {
      if (prevOd[k].usd === newOd[k].usd) return sp[k];
      const factor = newOd[k].usd / prevOd[k].usd;
      return {
        ...sp[k],
        usd: Math.round(Number((sp[k].usd * factor * 1e8).toPrecision(12))) / 1e8,
        derived: true,
        note: `Derived: the ${sp[k].asOf} Savings Plan rate ${sp[k].usd} x (new on-demand ${newOd[k].usd} / previous ${prevOd[k].usd}), rounded to 8 decimals: the discount is kept because the refresh does not read the AWSComputeSavingsPlan offer.`,
      };
    };
    return { vcpuHour: one("vcpuHour"), gbHour: one("gbHour") };
  };
  const psp = prev.fargate.savingsPlans;
  const savingsPlans = {
    "compute-1y": {
      x86: scaleSp(psp["compute-1y"].x86, prev.fargate.linuxX86, linuxX86, "Fargate x86"),
      arm: scaleSp(psp["compute-1y"].arm, prev.fargate.linuxArm, linuxArm, "Fargate ARM"),
    },
    "compute-3y": {
      x86: scaleSp(psp["compute-3y"].x86, prev.fargate.linuxX86, linuxX86, "Fargate x86"),
      arm: scaleSp(psp["compute-3y"].arm, prev.fargate.linuxArm, linuxArm, "Fargate ARM"),
    },
  };

  const reservedProvenance = (term: "1y" | "3y") => {
    const key = term === "1y" ? "reserved-1y" : "reserved-3y";
    if (!readReserved[term]) return prev.ec2.reserved[key];
    return {
      source: input.source.id,
      asOf: input.readOn,
      usageTypePattern: prev.ec2.onDemand.usageTypePattern,
      note: `Standard Reserved Instance, ${term === "1y" ? "1 year" : "3 years"}, No Upfront, Linux, shared tenancy: the Reserved term AWS lists beside the On-Demand price (read ${input.readOn}).`,
    };
  };
  // The usage-type pattern as AWS names the fee ("USE1-ECS-Managed-Instances:<instanceType>-management-hours").
  const patternOf = (fees: Map<string, OnDemandPrice | TypeFee>): string | null => {
    const first = [...fees.values()].find((f): f is TypeFee => "instanceType" in f);
    return first ? feeUsageTypePattern(first) : null;
  };
  const pm = prev.ec2.managedInstances;
  const managedInstances =
    managedFees.size === 0 || isUnavailable(pm)
      ? pm
      : {
          ...pm,
          usageTypePattern: patternOf(managedFees) ?? pm.usageTypePattern,
          note: `${managedFees.size} types carry the management fee the Price List lists (read ${input.readOn}); for the others: ${pm.note}`,
        };
  const pa = prev.eks?.autoMode;
  const autoMode =
    pa === undefined || autoModeFees.size === 0 || isUnavailable(pa)
      ? pa
      : {
          ...pa,
          usageTypePattern: patternOf(autoModeFees) ?? pa.usageTypePattern,
          note: `${autoModeFees.size} types carry the EKS Auto Mode fee the Price List lists (read ${input.readOn}); for the others: ${pa.note}`,
        };
  const network = { ...prev.network };
  const networkRead = input.network ?? {};
  for (const key of Object.keys(NETWORK_PRICE_KEYS) as NetworkPriceKey[]) {
    const p = networkRead[key];
    if (p) network[key] = rateOf(p, NETWORK_PRICE_KEYS[key].unit, input);
  }

  const catalog: RegionCatalog = {
    ...prev,
    catalogId: input.catalogId,
    fargate: { ...prev.fargate, linuxX86, linuxArm, windowsX86, ephemeralStorageGbHour, savingsPlans },
    ec2: {
      ...prev.ec2,
      onDemand: { ...prev.ec2.onDemand, source: input.source.id, asOf: input.readOn },
      reserved: { "reserved-1y": reservedProvenance("1y"), "reserved-3y": reservedProvenance("3y") },
      managedInstances,
      instanceTypes: rows.sort((a, b) => (a.type < b.type ? -1 : a.type > b.type ? 1 : 0)),
    },
    network,
  };
  if (prev.eks && autoMode !== undefined) catalog.eks = { ...prev.eks, autoMode };
  const allSources = new Map(prev.sources.map((s) => [s.id, s]));
  allSources.set(input.source.id, input.source);
  const used = referencedSourceIds(catalog);
  catalog.sources = [...used].sort().map((id) => {
    const s = allSources.get(id);
    if (!s) throw new RefreshDataError(`internal: source ${id} is referenced but not declared`);
    return s;
  });

  const changes: RateChange[] = [];
  const cmp = (what: string, a: Rate | Unavailable | undefined, b: Rate | Unavailable | undefined) => {
    const from = usdOf(a);
    const to = usdOf(b);
    if (from !== to) changes.push({ region, what, from, to });
  };
  const pf = prev.fargate;
  cmp("Fargate Linux x86 per vCPU-hour", pf.linuxX86.vcpuHour, linuxX86.vcpuHour);
  cmp("Fargate Linux x86 per GB-hour", pf.linuxX86.gbHour, linuxX86.gbHour);
  cmp("Fargate ARM per vCPU-hour", isUnavailable(pf.linuxArm) ? pf.linuxArm : pf.linuxArm.vcpuHour, isUnavailable(linuxArm) ? linuxArm : linuxArm.vcpuHour);
  cmp("Fargate ARM per GB-hour", isUnavailable(pf.linuxArm) ? pf.linuxArm : pf.linuxArm.gbHour, isUnavailable(linuxArm) ? linuxArm : linuxArm.gbHour);
  const win = (w: typeof windowsX86, k: "vcpuHour" | "gbHour" | "osLicenseVcpuHour") => (isUnavailable(w) ? w : w[k]);
  cmp("Fargate Windows per vCPU-hour", win(pf.windowsX86, "vcpuHour"), win(windowsX86, "vcpuHour"));
  cmp("Fargate Windows per GB-hour", win(pf.windowsX86, "gbHour"), win(windowsX86, "gbHour"));
  cmp("Fargate Windows OS licence per vCPU-hour", win(pf.windowsX86, "osLicenseVcpuHour"), win(windowsX86, "osLicenseVcpuHour"));
  cmp("Fargate ephemeral storage per GB-hour", pf.ephemeralStorageGbHour, ephemeralStorageGbHour);
  for (const key of Object.keys(NETWORK_PRICE_KEYS) as NetworkPriceKey[]) {
    if (networkRead[key]) cmp(`${NETWORK_LABELS[key]} per ${NETWORK_PRICE_KEYS[key].unit}`, prev.network[key], network[key]);
  }
  return { catalog, changes, ec2: { changed, added, removed, unchanged, withoutSpecs } };
}
