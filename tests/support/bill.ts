/**
 * Generated AWS bills for tests, the bench and the e2e spec: rows written as AWS Data Exports writes them.
 * - FOCUS 1.0 with AWS columns (48 columns: the 43 FOCUS 1.0 columns + x_CostCategories, x_Discounts, x_Operation,
 *   x_ServiceCode, x_UsageType) and FOCUS 1.2 with AWS columns (usage type in SkuMeter; x_Discounts, x_Operation,
 *   x_ServiceCode), column names from AWS's table dictionaries "FOCUS 1.0 with AWS columns" / "FOCUS 1.2 with AWS
 *   columns"; Tags as a JSON object.
 * - CUR 2.0 (the dictionary's column names, resource_tags and product as JSON maps in CSV).
 * Written as CSV, gzip CSV or Parquet (hyparquet-writer), so one bill can be read in every format.
 */
import { gzipSync } from "node:zlib";
import { parquetWriteBuffer } from "hyparquet-writer";

export interface BillLine {
  serviceCode: string;
  serviceName: string;
  usageType: string;
  operation: string;
  region: string;
  quantity: number;
  unit: string;
  billedUSD: number;
  effectiveUSD?: number;
  /** FOCUS ChargeCategory; CUR 2.0 line item type is derived (Usage, Credit, Tax). */
  category?: "Usage" | "Credit" | "Tax" | "Purchase";
  curLineType?: string;
  tags?: Record<string, string>;
  resourceId?: string;
  description?: string;
}

export const FOCUS_10_AWS_COLUMNS = [
  "AvailabilityZone", "BilledCost", "BillingAccountId", "BillingAccountName", "BillingCurrency", "BillingPeriodEnd", "BillingPeriodStart",
  "ChargeCategory", "ChargeClass", "ChargeDescription", "ChargeFrequency", "ChargePeriodEnd", "ChargePeriodStart", "CommitmentDiscountCategory",
  "CommitmentDiscountId", "CommitmentDiscountName", "CommitmentDiscountStatus", "CommitmentDiscountType", "ConsumedQuantity", "ConsumedUnit",
  "ContractedCost", "ContractedUnitPrice", "EffectiveCost", "InvoiceIssuerName", "ListCost", "ListUnitPrice", "PricingCategory", "PricingQuantity",
  "PricingUnit", "ProviderName", "PublisherName", "RegionId", "RegionName", "ResourceId", "ResourceName", "ResourceType", "ServiceCategory",
  "ServiceName", "SkuId", "SkuPriceId", "SubAccountId", "SubAccountName", "Tags", "x_CostCategories", "x_Discounts", "x_Operation", "x_ServiceCode",
  "x_UsageType",
] as const;

export const FOCUS_12_AWS_COLUMNS = [
  "AvailabilityZone", "BilledCost", "BillingAccountId", "BillingAccountName", "BillingAccountType", "BillingCurrency", "BillingPeriodEnd",
  "BillingPeriodStart", "CapacityReservationId", "CapacityReservationStatus", "ChargeCategory", "ChargeClass", "ChargeDescription", "ChargeFrequency",
  "ChargePeriodEnd", "ChargePeriodStart", "CommitmentDiscountCategory", "CommitmentDiscountId", "CommitmentDiscountName", "CommitmentDiscountQuantity",
  "CommitmentDiscountStatus", "CommitmentDiscountType", "CommitmentDiscountUnit", "ConsumedQuantity", "ConsumedUnit", "ContractedCost",
  "ContractedUnitPrice", "EffectiveCost", "InvoiceId", "InvoiceIssuerName", "ListCost", "ListUnitPrice", "PricingCategory", "PricingCurrency",
  "PricingCurrencyContractedUnitPrice", "PricingCurrencyEffectiveCost", "PricingCurrencyListUnitPrice", "PricingQuantity", "PricingUnit", "ProviderName",
  "PublisherName", "RegionId", "RegionName", "ResourceId", "ResourceName", "ResourceType", "ServiceCategory", "ServiceName", "ServiceSubcategory",
  "SkuId", "SkuMeter", "SkuPriceDetails", "SkuPriceId", "SubAccountId", "SubAccountName", "SubAccountType", "Tags", "x_Discounts", "x_Operation",
  "x_ServiceCode",
] as const;

export const CUR2_COLUMNS = [
  "bill_bill_type", "bill_billing_entity", "bill_billing_period_end_date", "bill_billing_period_start_date", "bill_invoice_id", "bill_invoicing_entity",
  "bill_payer_account_id", "bill_payer_account_name", "cost_category", "discount", "identity_line_item_id", "identity_time_interval",
  "line_item_availability_zone", "line_item_blended_cost", "line_item_blended_rate", "line_item_currency_code", "line_item_legal_entity",
  "line_item_line_item_description", "line_item_line_item_type", "line_item_net_unblended_cost", "line_item_normalization_factor",
  "line_item_normalized_usage_amount", "line_item_operation", "line_item_product_code", "line_item_resource_id", "line_item_tax_type",
  "line_item_unblended_cost", "line_item_unblended_rate", "line_item_usage_account_id", "line_item_usage_account_name", "line_item_usage_amount",
  "line_item_usage_end_date", "line_item_usage_start_date", "line_item_usage_type", "pricing_currency", "pricing_public_on_demand_cost",
  "pricing_public_on_demand_rate", "pricing_term", "pricing_unit", "product", "product_comment", "product_fee_code", "product_fee_description",
  "product_from_location", "product_from_location_type", "product_from_region_code", "product_instance_family", "product_instance_type",
  "product_location", "product_location_type", "product_operation", "product_pricing_unit", "product_product_family", "product_region_code",
  "product_servicecode", "product_sku", "product_to_location", "product_to_location_type", "product_to_region_code", "product_usagetype",
  "reservation_amortized_upfront_cost_for_usage", "reservation_effective_cost", "reservation_reservation_a_r_n", "resource_tags",
  "savings_plan_savings_plan_a_r_n", "savings_plan_savings_plan_effective_cost", "savings_plan_savings_plan_rate", "split_line_item_split_cost",
] as const;

export interface Period {
  /** "2026-11" */
  month: string;
}

export function periodBounds(month: string): { start: string; end: string; days: number } {
  const [y, m] = month.split("-").map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, "0")}`;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { start: `${month}-01T00:00:00Z`, end: `${next}-01T00:00:00Z`, days };
}

type Cell = string | number;

export function focusRecords(lines: BillLine[], month: string, version: "1.0" | "1.2"): Array<Record<string, Cell>> {
  const p = periodBounds(month);
  return lines.map((l, i) => {
    const effective = l.effectiveUSD ?? l.billedUSD;
    const rec: Record<string, Cell> = {
      AvailabilityZone: l.region ? `${l.region}a` : "",
      BilledCost: l.billedUSD,
      BillingAccountId: "111122223333",
      BillingAccountName: "example-payer",
      BillingAccountType: "Billing Account",
      BillingCurrency: "USD",
      BillingPeriodEnd: p.end,
      BillingPeriodStart: p.start,
      ChargeCategory: l.category ?? "Usage",
      ChargeClass: "",
      ChargeDescription: l.description ?? `${l.usageType} usage`,
      ChargeFrequency: "Usage-Based",
      ChargePeriodEnd: p.end,
      ChargePeriodStart: p.start,
      ConsumedQuantity: l.category === "Usage" || l.category === undefined ? l.quantity : "",
      ConsumedUnit: l.unit,
      ContractedCost: l.billedUSD,
      ContractedUnitPrice: l.quantity ? l.billedUSD / l.quantity : 0,
      EffectiveCost: effective,
      InvoiceIssuerName: "Amazon Web Services, Inc.",
      InvoiceId: "EUINUS26-000001",
      ListCost: l.billedUSD,
      ListUnitPrice: l.quantity ? l.billedUSD / l.quantity : 0,
      PricingCategory: "Standard",
      PricingQuantity: l.quantity,
      PricingUnit: l.unit,
      ProviderName: "AWS",
      PublisherName: "AWS",
      RegionId: l.region,
      RegionName: l.region === "us-east-1" ? "US East (N. Virginia)" : l.region,
      ResourceId: l.resourceId ?? `arn:aws:ecs:${l.region}:111122223333:task/${i}`,
      ResourceName: "",
      ResourceType: "",
      ServiceCategory: "Compute",
      ServiceName: l.serviceName,
      ServiceSubcategory: "Containers",
      SkuId: "ABCD1234EFGH",
      SkuMeter: l.usageType,
      SkuPriceId: "ABCD1234EFGH.JRTCKXETXF.6YS6EN2CT7",
      SubAccountId: "444455556666",
      SubAccountName: "workloads",
      SubAccountType: "Account",
      Tags: JSON.stringify(l.tags ?? {}),
      x_CostCategories: "{}",
      x_Discounts: "{}",
      x_Operation: l.operation,
      x_ServiceCode: l.serviceCode,
      x_UsageType: l.usageType,
    };
    const cols = version === "1.0" ? FOCUS_10_AWS_COLUMNS : FOCUS_12_AWS_COLUMNS;
    return Object.fromEntries(cols.map((c) => [c, rec[c] ?? ""]));
  });
}

export function cur2Records(lines: BillLine[], month: string): Array<Record<string, Cell>> {
  const p = periodBounds(month);
  return lines.map((l, i) => {
    const type = l.curLineType ?? (l.category === "Credit" ? "Credit" : l.category === "Tax" ? "Tax" : "Usage");
    const rec: Record<string, Cell> = {
      bill_bill_type: "Anniversary",
      bill_billing_entity: "AWS",
      bill_billing_period_end_date: p.end.replace("Z", ".000Z"),
      bill_billing_period_start_date: p.start.replace("Z", ".000Z"),
      bill_payer_account_id: "111122223333",
      identity_line_item_id: `li-${i}`,
      identity_time_interval: `${p.start}/${p.end}`,
      line_item_availability_zone: `${l.region}a`,
      line_item_currency_code: "USD",
      line_item_line_item_description: l.description ?? `${l.usageType} usage`,
      line_item_line_item_type: type,
      line_item_net_unblended_cost: l.billedUSD,
      line_item_operation: l.operation,
      line_item_product_code: l.serviceCode,
      line_item_resource_id: l.resourceId ?? `arn:aws:ecs:${l.region}:111122223333:task/${i}`,
      line_item_unblended_cost: l.billedUSD,
      line_item_unblended_rate: l.quantity ? l.billedUSD / l.quantity : 0,
      line_item_usage_account_id: "444455556666",
      line_item_usage_amount: l.quantity,
      line_item_usage_type: l.usageType,
      pricing_public_on_demand_cost: l.billedUSD,
      pricing_term: "OnDemand",
      pricing_unit: l.unit,
      product: JSON.stringify({ region: l.region, product_name: l.serviceName }),
      product_region_code: l.region,
      product_servicecode: l.serviceCode,
      product_usagetype: l.usageType,
      reservation_effective_cost: type === "DiscountedUsage" ? (l.effectiveUSD ?? 0) : 0,
      resource_tags: JSON.stringify(Object.fromEntries(Object.entries(l.tags ?? {}).map(([k, v]) => [k.replace(/[:\-]/g, "_").replace(/([a-z])([A-Z])/g, "$1_$2").toLowerCase(), v]))),
      savings_plan_savings_plan_effective_cost: type === "SavingsPlanCoveredUsage" ? (l.effectiveUSD ?? 0) : 0,
    };
    return Object.fromEntries(CUR2_COLUMNS.map((c) => [c, rec[c] ?? ""]));
  });
}

function csvCell(v: Cell): string {
  const s = typeof v === "number" ? String(v) : v;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(records: Array<Record<string, Cell>>): string {
  const cols = Object.keys(records[0] ?? {});
  const out = [cols.join(",")];
  for (const r of records) out.push(cols.map((c) => csvCell(r[c] ?? "")).join(","));
  return out.join("\n") + "\n";
}

export function toGzip(text: string): Uint8Array {
  return new Uint8Array(gzipSync(Buffer.from(text, "utf8")));
}

const NUMERIC = /Cost$|Quantity$|UnitPrice$|_cost$|_amount$|_rate$/;

export function toParquet(records: Array<Record<string, Cell>>, rowGroupSize = 1000): Uint8Array {
  const cols = Object.keys(records[0] ?? {});
  const columnData = cols.map((name) => {
    const numeric = NUMERIC.test(name) && records.every((r) => typeof r[name] === "number" || r[name] === "");
    return numeric
      ? { name, data: records.map((r) => (r[name] === "" ? null : (r[name] as number))), type: "DOUBLE" as const, nullable: true }
      : { name, data: records.map((r) => String(r[name] ?? "")), type: "STRING" as const };
  });
  return new Uint8Array(parquetWriteBuffer({ columnData, rowGroupSize }));
}

/** One line split into daily rows of the month (AWS's DAILY granularity). */
export function daily(line: BillLine, days: number): BillLine[] {
  return Array.from({ length: days }, () => ({ ...line, quantity: line.quantity / days, billedUSD: line.billedUSD / days, effectiveUSD: line.effectiveUSD === undefined ? undefined : line.effectiveUSD / days }));
}
