/**
 * Pure parsing of AWS Price List (Pricing API GetProducts) items into catalog rates.
 *
 * Format (docs/price-catalog.md#price-list-item-format): each PriceList element is a JSON-encoded string holding
 * { product: { sku, productFamily, attributes }, terms: { OnDemand: { "<SKU>.<term>": { effectiveDate,
 * priceDimensions: { "<SKU>.<term>.<rate>": { unit, beginRange, endRange, pricePerUnit: { USD } } } } } } }.
 * Rules applied here:
 * - match by attributes.regionCode + usage-type SUFFIX, never by a hand-built region prefix (us-east-1 EC2
 *   has no prefix, eu-west-1 is "EU", ap-south-1 is "APS3");
 * - a dimension may be tiered (beginRange/endRange): the first tier is the one with the lowest beginRange;
 * - prices are 10-decimal strings; parsed with Number() (full precision of the published string).
 */
import { z } from "../security/zod";
import { formatPath } from "../field-errors";
import { rateSlots, type AwsServiceCode } from "../charges";
import { FARGATE_USAGE_SUFFIX, type FargateUsageKey } from "./billing-codes";
import type { RegionCatalog } from "./schema";

const PriceDimensionSchema = z.object({
  unit: z.string(),
  beginRange: z.string().optional(),
  endRange: z.string().optional(),
  description: z.string().optional(),
  pricePerUnit: z.object({ USD: z.string().regex(/^\d+(?:\.\d+)?$/, "must be a decimal string such as \"0.0404800000\"") }),
});

const TermSchema = z.object({
  effectiveDate: z.string().regex(/^\d{4}-\d{2}-\d{2}/, "must start with a date YYYY-MM-DD"),
  priceDimensions: z.record(z.string(), PriceDimensionSchema).refine((d) => Object.keys(d).length > 0, "has no price dimension"),
  /** Reserved terms: { LeaseContractLength: "1yr"|"3yr", OfferingClass: "standard"|"convertible", PurchaseOption }. */
  termAttributes: z.record(z.string(), z.string()).optional(),
});

export const PriceListItemSchema = z.object({
  product: z.object({
    sku: z.string().min(1),
    productFamily: z.string().optional(),
    attributes: z
      .object({
        regionCode: z.string().min(1),
        usagetype: z.string().min(1),
        servicecode: z.string().optional(),
        location: z.string().optional(),
        instanceType: z.string().optional(),
        vcpu: z.string().optional(),
        memory: z.string().optional(),
        physicalProcessor: z.string().optional(),
        processorArchitecture: z.string().optional(),
        currentGeneration: z.string().optional(),
        gpu: z.string().optional(),
      })
      .loose(),
  }),
  terms: z.object({ OnDemand: z.record(z.string(), TermSchema).optional(), Reserved: z.record(z.string(), TermSchema).optional() }).loose(),
  publicationDate: z.string().optional(),
});
export type PriceListItem = z.infer<typeof PriceListItemSchema>;

/** An item the refresh cannot use: says where it was and which field is wrong. */
export class PriceListItemError extends Error {
  constructor(
    readonly where: string,
    readonly problems: { path: string; message: string }[],
  ) {
    super(`Unexpected Price List item shape at ${where}: ${problems.map((p) => `${p.path}: ${p.message}`).join("; ")}`);
    this.name = "PriceListItemError";
  }
}


/** Parse one PriceList element (a JSON string, or an already-decoded object). Throws PriceListItemError. */
export function parsePriceListItem(raw: unknown, where: string): PriceListItem {
  let value: unknown = raw;
  // The SDK hands PriceList entries over as strings (or String-like LazyJsonString objects): parse them again.
  if (typeof raw === "string" || raw instanceof String) {
    try {
      value = JSON.parse(String(raw)) as unknown;
    } catch (err) {
      throw new PriceListItemError(where, [{ path: "(root)", message: `not valid JSON: ${(err as Error).message}` }]);
    }
  }
  const parsed = PriceListItemSchema.safeParse(value);
  if (!parsed.success) {
    throw new PriceListItemError(
      where,
      parsed.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message })),
    );
  }
  return parsed.data;
}

export type OnDemandPrice = { usd: number; unit: string; effectiveDate: string; sku: string; usageType: string };

/**
 * The on-demand price of an item: the OnDemand term's dimension with the lowest beginRange (the first tier).
 * Returns null when the item has no OnDemand term. Several OnDemand terms: the latest effectiveDate wins.
 */
export function onDemandPrice(item: PriceListItem): OnDemandPrice | null {
  const terms = Object.values(item.terms.OnDemand ?? {});
  if (terms.length === 0) return null;
  const term = [...terms].sort((a, b) => (a.effectiveDate < b.effectiveDate ? 1 : a.effectiveDate > b.effectiveDate ? -1 : 0))[0]!;
  const dims = Object.values(term.priceDimensions).sort((a, b) => Number(a.beginRange ?? "0") - Number(b.beginRange ?? "0"));
  const first = dims[0]!;
  return {
    usd: Number(first.pricePerUnit.USD),
    unit: first.unit,
    effectiveDate: term.effectiveDate.slice(0, 10),
    sku: item.product.sku,
    usageType: item.product.attributes.usagetype,
  };
}

/**
 * Does `usageType` equal `suffix` with at most a billing-code prefix ("USE1-", "EU-") in front?
 * "USE1-Fargate-GB-Hours" matches "Fargate-GB-Hours"; "USE1-SpotUsage-Fargate-GB-Hours" and
 * "USE1-Fargate-ARM-GB-Hours" do not. "BoxUsage:m7i-flex.large" (us-east-1 EC2, no prefix) matches itself.
 */
export function matchesUsageSuffix(usageType: string, suffix: string): boolean {
  if (usageType === suffix) return true;
  if (!usageType.endsWith(suffix)) return false;
  return /^[A-Z][A-Z0-9]*-$/.test(usageType.slice(0, usageType.length - suffix.length));
}

/** Fargate on-demand rate keys the refresh looks for in AmazonECS (Spot is not in the Price List: docs/price-catalog.md#fargate-spot). */
export const FARGATE_ON_DEMAND_KEYS = [
  "x86VcpuHour",
  "x86GbHour",
  "armVcpuHour",
  "armGbHour",
  "windowsVcpuHour",
  "windowsGbHour",
  "windowsOsLicenseVcpuHour",
  "ephemeralStorageGbHour",
] as const satisfies readonly FargateUsageKey[];
export type FargateOnDemandKey = (typeof FARGATE_ON_DEMAND_KEYS)[number];

function pickOne(matches: OnDemandPrice[]): OnDemandPrice | undefined {
  // Deterministic when AWS lists the same usage type twice: newest effectiveDate, then lowest SKU.
  return [...matches].sort((a, b) => (a.effectiveDate !== b.effectiveDate ? (a.effectiveDate < b.effectiveDate ? 1 : -1) : a.sku < b.sku ? -1 : 1))[0];
}

/** Fargate on-demand prices of one region, by key; keys AWS does not list for the region are absent. */
export function fargateRatesFromItems(items: PriceListItem[], regionCode: string): Partial<Record<FargateOnDemandKey, OnDemandPrice>> {
  const out: Partial<Record<FargateOnDemandKey, OnDemandPrice>> = {};
  const regional = items.filter((i) => i.product.attributes.regionCode === regionCode);
  for (const key of FARGATE_ON_DEMAND_KEYS) {
    const suffix = FARGATE_USAGE_SUFFIX[key];
    const matches = regional
      .filter((i) => matchesUsageSuffix(i.product.attributes.usagetype, suffix))
      .map(onDemandPrice)
      .filter((p): p is OnDemandPrice => p !== null);
    const chosen = pickOne(matches);
    if (chosen) out[key] = chosen;
  }
  return out;
}

export type Ec2PriceRow = {
  type: string;
  usd: number;
  effectiveDate: string;
  vcpu: number | null;
  memoryMiB: number | null;
  /** From physicalProcessor: AWS Graviton -> arm64; null when the item does not say. */
  architecture: "x86_64" | "arm64" | null;
  currentGeneration: boolean | null;
  gpus: number | null;
  usageType: string;
  /** Standard Reserved Instance, No Upfront, hourly rate (1 and 3 years) from the item's Reserved terms; null when absent. */
  reserved1y: number | null;
  reserved3y: number | null;
};

/**
 * The hourly rate of a Standard, No Upfront Reserved Instance term of the given length, or null. Such a term has
 * one "Hrs" dimension; Partial and All Upfront terms add an "Upfront Fee" dimension and are not used.
 */
export function reservedNoUpfrontHourly(item: PriceListItem, length: "1yr" | "3yr"): number | null {
  for (const term of Object.values(item.terms.Reserved ?? {})) {
    const a = term.termAttributes ?? {};
    if (a.LeaseContractLength !== length || a.OfferingClass?.toLowerCase() !== "standard" || a.PurchaseOption !== "No Upfront") continue;
    const hourly = Object.values(term.priceDimensions).find((d) => d.unit.toLowerCase().startsWith("hr"));
    const usd = hourly ? Number(hourly.pricePerUnit.USD) : NaN;
    if (usd > 0) return usd;
  }
  return null;
}

/** "8 GiB" / "0.5 GiB" / "1,952 GiB" -> MiB; null when absent or not in GiB. */
export function memoryMiBFromAttribute(memory: string | undefined): number | null {
  if (!memory) return null;
  const m = /^([\d,]+(?:\.\d+)?)\s*GiB$/i.exec(memory.trim());
  if (!m) return null;
  return Math.round(Number(m[1]!.replace(/,/g, "")) * 1024);
}

/**
 * EC2 on-demand Linux prices of one region from AmazonEC2 items (already filtered by the query to Linux, Shared
 * tenancy, preInstalledSw NA, capacitystatus Used, OnDemand). Matches usagetype suffix "BoxUsage:<instanceType>".
 * Items with a zero price (no public on-demand price) are skipped.
 */
export function ec2PricesFromItems(items: PriceListItem[], regionCode: string): Map<string, Ec2PriceRow> {
  const byType = new Map<string, Ec2PriceRow[]>();
  for (const item of items) {
    const a = item.product.attributes;
    if (a.regionCode !== regionCode || !a.instanceType) continue;
    if (!matchesUsageSuffix(a.usagetype, `BoxUsage:${a.instanceType}`)) continue;
    const price = onDemandPrice(item);
    if (!price || !(price.usd > 0)) continue;
    const vcpu = a.vcpu !== undefined && /^\d+$/.test(a.vcpu) ? Number(a.vcpu) : null;
    const proc = a.physicalProcessor ?? "";
    const architecture = /graviton|aws\b/i.test(proc) ? "arm64" : proc ? "x86_64" : null;
    const gpus = a.gpu !== undefined && /^\d+$/.test(a.gpu) ? Number(a.gpu) : null;
    const row: Ec2PriceRow = {
      type: a.instanceType,
      usd: price.usd,
      effectiveDate: price.effectiveDate,
      vcpu: vcpu && vcpu > 0 ? vcpu : null,
      memoryMiB: memoryMiBFromAttribute(a.memory),
      architecture,
      currentGeneration: a.currentGeneration === undefined ? null : a.currentGeneration.toLowerCase() === "yes",
      gpus,
      usageType: a.usagetype,
      reserved1y: reservedNoUpfrontHourly(item, "1yr"),
      reserved3y: reservedNoUpfrontHourly(item, "3yr"),
    };
    const list = byType.get(row.type) ?? [];
    list.push(row);
    byType.set(row.type, list);
  }
  const out = new Map<string, Ec2PriceRow>();
  for (const [type, rows] of [...byType.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const chosen = [...rows].sort((x, y) => (x.effectiveDate !== y.effectiveDate ? (x.effectiveDate < y.effectiveDate ? 1 : -1) : x.usd - y.usd))[0]!;
    out.set(type, chosen);
  }
  return out;
}

/**
 * The rest of a service's bill, read from four more Price List services: every network rate slot a charge definition
 * declares (lib/charges) with the service, the item's productFamily where the usage type alone is ambiguous (ALB and
 * NLB share LoadBalancerUsage / LCUUsage) and the usage-type suffix of its Price List filter. Matching is by
 * regionCode + suffix, like the Fargate rates.
 */
export const NETWORK_PRICE_KEYS: Readonly<Record<NetworkPriceKey, { service: PriceListService; productFamily: string | undefined; suffix: string; unit: string }>> = Object.fromEntries(
  rateSlots("network").flatMap((slot) =>
    slot.priceList ? [[slot.key, { service: slot.priceList.serviceCode, productFamily: slot.priceList.productFamily, suffix: slot.priceList.usageType, unit: slot.rate.unit }]] : [],
  ),
) as Record<NetworkPriceKey, { service: PriceListService; productFamily: string | undefined; suffix: string; unit: string }>;
/** The network rates the refresh reads from the Price List (inter-AZ and the egress tiers are not there). */
export type NetworkPriceKey = Exclude<keyof RegionCatalog["network"], "dataTransferOut" | "interAzGBEachDirection">;

export type PriceListService = Exclude<AwsServiceCode, "AWSDataTransfer">;

/** Network and log prices of one region from the items of each service; keys AWS does not list are absent. */
export function networkRatesFromItems(itemsByService: Partial<Record<PriceListService, PriceListItem[]>>, regionCode: string): Partial<Record<NetworkPriceKey, OnDemandPrice>> {
  const out: Partial<Record<NetworkPriceKey, OnDemandPrice>> = {};
  for (const [key, spec] of Object.entries(NETWORK_PRICE_KEYS) as [NetworkPriceKey, (typeof NETWORK_PRICE_KEYS)[NetworkPriceKey]][]) {
    const matches = (itemsByService[spec.service] ?? [])
      .filter((i) => i.product.attributes.regionCode === regionCode)
      .filter((i) => spec.productFamily === undefined || i.product.productFamily === spec.productFamily)
      .filter((i) => matchesUsageSuffix(i.product.attributes.usagetype, spec.suffix))
      .map(onDemandPrice)
      .filter((p): p is OnDemandPrice => p !== null && p.usd > 0);
    const chosen = pickOne(matches);
    if (chosen) out[key] = chosen;
  }
  return out;
}

/** A per-type fee read from the Price List: the price, and the usage-type pattern with <instanceType>. */
export interface TypeFee extends OnDemandPrice {
  instanceType: string;
}

const INSTANCE_TYPE = /[a-z][a-z0-9-]*\.[a-z0-9-]+/;

/** The instance type of a fee item: its instanceType attribute, else the type named in its usage type. */
function feeInstanceType(attributes: PriceListItem["product"]["attributes"], fromUsage: RegExp): string | null {
  if (attributes.instanceType && INSTANCE_TYPE.test(attributes.instanceType)) return attributes.instanceType;
  const m = fromUsage.exec(attributes.usagetype);
  return m?.[1] ?? null;
}

function feesFromItems(items: PriceListItem[], regionCode: string, match: (a: PriceListItem["product"]["attributes"]) => boolean, fromUsage: RegExp): Map<string, TypeFee> {
  const out = new Map<string, TypeFee>();
  for (const item of items) {
    const a = item.product.attributes;
    if (a.regionCode !== regionCode || !match(a)) continue;
    const type = feeInstanceType(a, fromUsage);
    if (!type) continue;
    const price = onDemandPrice(item);
    if (!price || !(price.usd > 0)) continue;
    const fee: TypeFee = { ...price, instanceType: type };
    const prev = out.get(type);
    if (!prev || pickOne([prev, fee]) === fee) out.set(type, fee);
  }
  return out;
}

const attr = (a: Record<string, unknown>, key: string): string => (typeof a[key] === "string" ? (a[key] as string) : "");

/**
 * ECS Managed Instances management fees per instance type from AmazonECS items (docs/price-catalog.md#ecs-managed-instances):
 * usage type "<prefix>-ECS-Managed-Instances:<type>-management-hours", operation "ECSManagedInstancesUsage". The
 * type is the item's instanceType attribute where it has one, else the one its usage type names. Anything else
 * leaves the derived 12% rule in place.
 */
export function managedInstanceFeesFromItems(items: PriceListItem[], regionCode: string): Map<string, TypeFee> {
  return feesFromItems(
    items,
    regionCode,
    (a) => /^ECSManagedInstancesUsage$/i.test(attr(a, "operation")) || /ECS-Managed-Instances:/i.test(a.usagetype),
    /ECS-Managed-Instances:([a-z][a-z0-9-]*\.[a-z0-9-]+?)(?:-management-hours)?$/i,
  );
}

/**
 * EKS Auto Mode management fees per instance type from AmazonEKS items (docs/price-catalog.md#eks-auto-mode): product
 * attribute eksproducttype "AutoMode", operation "EKSAutoUsage". The type is the item's instanceType attribute, else
 * the type its usage type ends with.
 */
export function autoModeFeesFromItems(items: PriceListItem[], regionCode: string): Map<string, TypeFee> {
  return feesFromItems(
    items,
    regionCode,
    (a) => /^AutoMode$/i.test(attr(a, "eksproducttype")) && /^EKSAutoUsage$/i.test(attr(a, "operation")),
    /:([a-z][a-z0-9-]*\.[a-z0-9-]+?)(?:-[a-z-]*hours?)?$/i,
  );
}

/** The usage-type pattern of a fee ("USE1-ECS-Managed-Instances:<instanceType>-management-hours"), from one item. */
export function feeUsageTypePattern(fee: TypeFee): string {
  const at = fee.usageType.lastIndexOf(fee.instanceType);
  return at < 0 ? fee.usageType : `${fee.usageType.slice(0, at)}<instanceType>${fee.usageType.slice(at + fee.instanceType.length)}`;
}
