/**
 * FOCUS-aligned export of an estimate (FinOps Open Cost and Usage Specification, version 1.2): one row per
 * cost line, with the FOCUS columns that apply to an estimate and `x_` columns for what FOCUS has none for.
 * Which columns, why the others are absent, and how each value is chosen: docs/focus-export.md.
 *
 * Money rules of the rows (docs/billing-rules.md#focus-export):
 * - ListUnitPrice is the On-Demand rate of the same usage (the public price before any discount); for Spot,
 *   Savings Plan and Reserved lines it is looked up in the estimate's own price snapshot (AWS's FOCUS data
 *   does the same: ListCost is the public On-Demand cost). ListCost = PricingQuantity x ListUnitPrice.
 * - No negotiated discounts: ContractedUnitPrice = ListUnitPrice, ContractedCost = ListCost.
 * - EffectiveCost = BilledCost = the line's own amount (Spot price, Savings Plan or Reserved rate: No Upfront,
 *   so nothing is amortized). The EffectiveCost of an option's rows sums to the option's monthly total.
 * Amounts keep full precision (rounded to 10 decimals only to drop float noise), like the JSON/CSV exports.
 */
import type { RegionCatalog } from "../catalog/schema";
import { chargeById, findCharge, type FocusMapping } from "../charges";
import { csvNumberCell, csvTextCell } from "./csv";
import type { CostLine, EstimateInput, EstimateOption, EstimateResult } from "../schemas/estimate";

export const FOCUS_VERSION = "1.2";

/** FOCUS columns first (the spec's names), then the x_ extensions. The order is the CSV's. */
export const FOCUS_COLUMNS = [
  "BilledCost",
  "BillingCurrency",
  "BillingPeriodStart",
  "BillingPeriodEnd",
  "ChargeCategory",
  "ChargeClass",
  "ChargeDescription",
  "ChargeFrequency",
  "ChargePeriodStart",
  "ChargePeriodEnd",
  "CommitmentDiscountCategory",
  "CommitmentDiscountStatus",
  "CommitmentDiscountType",
  "ConsumedQuantity",
  "ConsumedUnit",
  "ContractedCost",
  "ContractedUnitPrice",
  "EffectiveCost",
  "InvoiceIssuerName",
  "ListCost",
  "ListUnitPrice",
  "PricingCategory",
  "PricingQuantity",
  "PricingUnit",
  "ProviderName",
  "PublisherName",
  "RegionId",
  "RegionName",
  "ResourceType",
  "ServiceCategory",
  "ServiceName",
  "ServiceSubcategory",
  "x_EstimateId",
  "x_Option",
  "x_OptionLabel",
  "x_Service",
  "x_Environment",
  "x_PriceSnapshot",
  "x_UsageType",
  "x_RateAsOf",
  "x_RateDerived",
  "x_ListPriceSource",
] as const;
export type FocusColumn = (typeof FOCUS_COLUMNS)[number];
export type FocusRow = Record<FocusColumn, string | number | boolean | null>;

/** Which options to export: the recommended one (default), one by id, or all (told apart by x_Option). */
export type FocusOptionChoice = "recommended" | "all" | string;

export interface FocusExportOptions {
  /** The charge period: a calendar month "YYYY-MM" (the estimate is a 730-hour month; amounts are not rescaled). */
  month: string;
  option: FocusOptionChoice;
  /** The estimate's price snapshot for the region: where the On-Demand list price of discounted lines comes from. */
  catalog: RegionCatalog;
  /** Overrides the estimate id (default: a hash of the input, so the same estimate always has the same id). */
  estimateId?: string;
}

export type FocusOutcome = { ok: true; rows: FocusRow[]; options: string[]; estimateId: string } | { ok: false; error: string };

// ------------------------------------------------------------------ classification

interface ServiceClass {
  serviceName: string;
  category: string;
  subcategory: string;
  resourceType: string;
}

/** A line from before charges were named (an old export): the FOCUS columns say only that AWS billed it. */
const UNKNOWN_CHARGE: Pick<FocusMapping, "ServiceName" | "ServiceCategory" | "ServiceSubcategory"> = { ServiceName: "Amazon Web Services", ServiceCategory: "Other", ServiceSubcategory: "Other (Other)" };

/** What AWS service a line belongs to, with FOCUS 1.2's ServiceCategory / ServiceSubcategory: its charge's mapping (lib/charges). */
export function classifyLine(line: CostLine): ServiceClass {
  const focus = findCharge(line.charge)?.focus;
  if (!focus) return { serviceName: UNKNOWN_CHARGE.ServiceName, category: UNKNOWN_CHARGE.ServiceCategory, subcategory: UNKNOWN_CHARGE.ServiceSubcategory, resourceType: line.label ?? line.component };
  return { serviceName: focus.ServiceName, category: focus.ServiceCategory, subcategory: focus.ServiceSubcategory, resourceType: focus.ResourceType };
}

interface Pricing {
  category: "Standard" | "Dynamic" | "Committed";
  commitmentCategory: "Spend" | "Usage" | null;
  commitmentType: string | null;
  frequency: "Usage-Based" | "Recurring";
}

/** Spot (Dynamic), Savings Plan / Reserved Instance (Committed) or On-Demand (Standard): the line's charge says which. */
export function pricingOf(line: CostLine): Pricing {
  const focus = findCharge(line.charge)?.focus;
  if (!focus || focus.PricingCategory === null) return { category: "Standard", commitmentCategory: null, commitmentType: null, frequency: "Usage-Based" };
  return { category: focus.PricingCategory, commitmentCategory: focus.CommitmentDiscountCategory, commitmentType: focus.CommitmentDiscountType, frequency: focus.ChargeFrequency };
}

/** On-Demand rates by AWS usage type (Fargate) and by instance type (EC2), from the snapshot. */
function onDemandIndex(catalog: RegionCatalog): { byUsageType: Map<string, number>; byInstanceType: Map<string, number> } {
  const byUsageType = new Map<string, number>();
  const add = (rate: { usd: number; usageType: string | null } | undefined) => {
    if (rate?.usageType) byUsageType.set(rate.usageType, rate.usd);
  };
  const f = catalog.fargate;
  add(f.linuxX86.vcpuHour);
  add(f.linuxX86.gbHour);
  if (!("available" in f.linuxArm)) {
    add(f.linuxArm.vcpuHour);
    add(f.linuxArm.gbHour);
  }
  if (!("available" in f.windowsX86)) {
    add(f.windowsX86.vcpuHour);
    add(f.windowsX86.gbHour);
    add(f.windowsX86.osLicenseVcpuHour);
  }
  if (!("available" in f.ephemeralStorageGbHour)) add(f.ephemeralStorageGbHour);
  const byInstanceType = new Map<string, number>();
  for (const t of catalog.ec2.instanceTypes) if (t.onDemandUSD !== null) byInstanceType.set(t.type, t.onDemandUSD);
  return { byUsageType, byInstanceType };
}

/** The list (On-Demand) unit price of a line, and where it came from. */
function listPrice(line: CostLine, pricing: Pricing, index: ReturnType<typeof onDemandIndex>): { price: number; source: string } {
  if (pricing.category === "Standard") return { price: line.rateUSD, source: "line rate (On-Demand)" };
  if (line.component === "instance") {
    // The instance type is the end of the line's usage type ("BoxUsage:m5.large", "EU-SpotUsage:c6g.xlarge").
    const type = /:([a-z0-9][a-z0-9-]*\.[a-z0-9-]+)$/.exec(line.usageType ?? "")?.[1];
    const od = type ? index.byInstanceType.get(type) : undefined;
    if (od !== undefined) return { price: od, source: `On-Demand rate of ${type} in the snapshot` };
  } else if (line.usageType) {
    const odType = line.usageType.replace("SpotUsage-", "");
    const od = index.byUsageType.get(odType);
    if (od !== undefined) return { price: od, source: `On-Demand rate of ${odType} in the snapshot` };
  }
  return { price: line.rateUSD, source: "line rate (no On-Demand rate in the snapshot)" };
}

// ------------------------------------------------------------------ rows

/** Drop binary float noise (118.20160000000001 -> 118.2016) without losing a digit a rate or amount has. */
export function clean(value: number): number {
  return Number(value.toFixed(10));
}

/** FNV-1a 64-bit over the input's JSON: a stable id for the same estimate ("est-" + 16 hex digits). */
export function estimateIdOf(input: EstimateInput): string {
  const text = JSON.stringify(input);
  let hash = 0xcbf29ce484222325n;
  const prime = 0x100000001b3n;
  const mask = 0xffffffffffffffffn;
  for (let i = 0; i < text.length; i++) {
    hash ^= BigInt(text.charCodeAt(i));
    hash = (hash * prime) & mask;
  }
  return `est-${hash.toString(16).padStart(16, "0")}`;
}

/** "2026-12" -> the month's first instant and the next month's (FOCUS periods: inclusive start, exclusive end). */
export function monthPeriod(month: string): { start: string; end: string } | null {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  if (!m) return null;
  const year = Number(m[1]);
  const mon = Number(m[2]);
  if (mon < 1 || mon > 12 || year < 2000 || year > 2999) return null;
  const next = mon === 12 ? { y: year + 1, m: 1 } : { y: year, m: mon + 1 };
  const fmt = (y: number, mm: number) => `${y}-${String(mm).padStart(2, "0")}-01T00:00:00Z`;
  return { start: fmt(year, mon), end: fmt(next.y, next.m) };
}

function chosenOptions(result: EstimateResult, choice: FocusOptionChoice): EstimateOption[] | string {
  const available = result.options.filter((o) => o.available && o.monthlyUSD !== null);
  if (choice === "all") return available.length > 0 ? available : "no option can run this workload, so there is nothing to export";
  const id = choice === "recommended" ? result.recommendation?.optionId : choice;
  if (!id) return "no option can run this workload, so there is no recommended option to export";
  const option = result.options.find((o) => o.id === id);
  if (!option) return `option "${id}" is not in this estimate; options: ${result.options.map((o) => o.id).join(", ")}, or "recommended" or "all"`;
  if (!option.available || option.monthlyUSD === null) return `option "${id}" is not available: ${option.reason ?? "no reason given"}`;
  return [option];
}

export function focusRows(result: EstimateResult, opts: FocusExportOptions): FocusOutcome {
  const period = monthPeriod(opts.month);
  if (!period) return { ok: false, error: `month: expected a calendar month YYYY-MM (e.g. 2026-12), got ${JSON.stringify(opts.month)}` };
  if (opts.catalog.region !== result.catalog.region || opts.catalog.catalogId !== result.catalog.id) {
    return { ok: false, error: `the price snapshot given (${opts.catalog.catalogId}/${opts.catalog.region}) is not the estimate's (${result.catalog.id}/${result.catalog.region})` };
  }
  const options = chosenOptions(result, opts.option);
  if (typeof options === "string") return { ok: false, error: options };
  const estimateId = opts.estimateId ?? estimateIdOf(result.input);
  const index = onDemandIndex(opts.catalog);
  const rows: FocusRow[] = [];
  for (const option of options) {
    for (const line of option.lines) {
      if (line.category === "discount") {
        rows.push(discountRow(line, option, result, opts, period, estimateId));
        continue;
      }
      const service = classifyLine(line);
      const pricing = pricingOf(line);
      const list = listPrice(line, pricing, index);
      const listCost = clean(line.quantity * list.price);
      const cost = clean(line.usd);
      const environment = (line as CostLine & { environment?: string }).environment ?? null;
      rows.push({
        BilledCost: cost,
        BillingCurrency: result.catalog.currency,
        BillingPeriodStart: period.start,
        BillingPeriodEnd: period.end,
        ChargeCategory: findCharge(line.charge)?.focus.ChargeCategory ?? "Usage",
        ChargeClass: null,
        ChargeDescription: line.note ? `${line.label ?? line.component}: ${line.note}` : (line.label ?? line.component),
        ChargeFrequency: pricing.frequency,
        ChargePeriodStart: period.start,
        ChargePeriodEnd: period.end,
        CommitmentDiscountCategory: pricing.commitmentCategory,
        CommitmentDiscountStatus: pricing.commitmentCategory ? "Used" : null,
        CommitmentDiscountType: pricing.commitmentType,
        ConsumedQuantity: clean(line.quantity),
        ConsumedUnit: line.unit,
        ContractedCost: listCost,
        ContractedUnitPrice: clean(list.price),
        EffectiveCost: cost,
        InvoiceIssuerName: "Amazon Web Services",
        ListCost: listCost,
        ListUnitPrice: clean(list.price),
        PricingCategory: pricing.category,
        PricingQuantity: clean(line.quantity),
        PricingUnit: line.unit,
        ProviderName: "Amazon Web Services",
        PublisherName: "Amazon Web Services",
        RegionId: result.catalog.region,
        RegionName: opts.catalog.location,
        ResourceType: service.resourceType,
        ServiceCategory: service.category,
        ServiceName: service.serviceName,
        ServiceSubcategory: service.subcategory,
        x_EstimateId: estimateId,
        x_Option: option.id,
        x_OptionLabel: option.label,
        x_Service: line.service,
        x_Environment: environment,
        x_PriceSnapshot: result.catalog.id,
        x_UsageType: line.usageType,
        x_RateAsOf: line.asOf,
        x_RateDerived: line.derived,
        x_ListPriceSource: list.source,
      });
    }
  }
  return { ok: true, rows, options: options.map((o) => o.id), estimateId };
}

/**
 * A price book's discount line (docs/billing-rules.md#private-pricing-discounts): a Credit row with a negative
 * BilledCost and EffectiveCost, so an option's EffectiveCost still adds up to its total. It has no usage: pricing
 * and consumed quantities are null, ListCost 0.
 */
function discountRow(line: CostLine, option: EstimateOption, result: EstimateResult, opts: FocusExportOptions, period: { start: string; end: string }, estimateId: string): FocusRow {
  const cost = clean(line.usd);
  const focus = chargeById("discount").focus;
  return {
    BilledCost: cost,
    BillingCurrency: result.catalog.currency,
    BillingPeriodStart: period.start,
    BillingPeriodEnd: period.end,
    ChargeCategory: focus.ChargeCategory,
    ChargeClass: null,
    ChargeDescription: line.note ? `${line.label ?? "Negotiated discount"}: ${line.note}` : (line.label ?? "Negotiated discount"),
    ChargeFrequency: focus.ChargeFrequency,
    ChargePeriodStart: period.start,
    ChargePeriodEnd: period.end,
    CommitmentDiscountCategory: null,
    CommitmentDiscountStatus: null,
    CommitmentDiscountType: null,
    ConsumedQuantity: null,
    ConsumedUnit: null,
    ContractedCost: cost,
    ContractedUnitPrice: null,
    EffectiveCost: cost,
    InvoiceIssuerName: "Amazon Web Services",
    ListCost: 0,
    ListUnitPrice: null,
    PricingCategory: focus.PricingCategory,
    PricingQuantity: null,
    PricingUnit: null,
    ProviderName: "Amazon Web Services",
    PublisherName: "Amazon Web Services",
    RegionId: result.catalog.region,
    RegionName: opts.catalog.location,
    ResourceType: focus.ResourceType,
    ServiceCategory: focus.ServiceCategory,
    ServiceName: focus.ServiceName,
    ServiceSubcategory: focus.ServiceSubcategory,
    x_EstimateId: estimateId,
    x_Option: option.id,
    x_OptionLabel: option.label,
    x_Service: line.service,
    x_Environment: null,
    x_PriceSnapshot: result.catalog.id,
    x_UsageType: null,
    x_RateAsOf: line.asOf,
    x_RateDerived: false,
    x_ListPriceSource: `price book: ${line.rateUSD * -100}% of ${clean(line.quantity)} USD`,
  };
}

/** RFC 4180 CSV (CRLF), with the same formula-injection guard as the CSV export; null is an empty cell. */
export function focusRowsToCsv(rows: ReadonlyArray<FocusRow>): string {
  const out = [FOCUS_COLUMNS.join(",")];
  for (const row of rows) {
    out.push(
      FOCUS_COLUMNS.map((c) => {
        const v = row[c];
        if (v === null) return "";
        if (typeof v === "number") return csvNumberCell(v);
        if (typeof v === "boolean") return v ? "true" : "false";
        return csvTextCell(v);
      }).join(","),
    );
  }
  return out.join("\r\n") + "\r\n";
}

/** The JSON export: the dataset's metadata and its rows (each row an object with every column, nulls included). */
export function focusRowsToJson(outcome: Extract<FocusOutcome, { ok: true }>, month: string): string {
  return (
    JSON.stringify(
      {
        focusVersion: FOCUS_VERSION,
        dataGenerator: "ECS Cost Estimator",
        estimateId: outcome.estimateId,
        chargePeriod: month,
        options: outcome.options,
        columns: FOCUS_COLUMNS,
        rows: outcome.rows,
      },
      null,
      2,
    ) + "\n"
  );
}

export function focusFilename(month: string, extension: "csv" | "json"): string {
  return `ecs-estimate-focus-${month}.${extension}`;
}
