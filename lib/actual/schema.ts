/**
 * Which bill a file is, from its column names: AWS FOCUS 1.0 / 1.2 (with the AWS columns x_ServiceCode,
 * x_Operation and x_UsageType or, in 1.2, SkuMeter), or CUR 2.0 (AWS Data Exports: line_item_product_code,
 * line_item_usage_type, line_item_operation). A legacy CUR 1 file (lineItem/UsageType), another cloud's FOCUS and
 * anything else get a message that says what the file is and what to export instead.
 *
 * Column definitions: FOCUS specification `specification/columns/*.md`; AWS "FOCUS 1.0 with AWS columns",
 * "FOCUS 1.2 with AWS columns" and "CUR 2.0" table dictionaries (AWS Data Exports user guide).
 */

/** The logical fields the reader needs, whatever the file calls them. */
export type BillField =
  | "period"
  | "periodEnd"
  | "category"
  | "lineType"
  | "serviceCode"
  | "usageType"
  | "operation"
  | "region"
  | "quantity"
  | "pricingQuantity"
  | "billed"
  | "effective"
  | "spEffective"
  | "riEffective"
  | "serviceName"
  | "currency"
  | "provider"
  | "tags"
  | "product";

/** Every field, in the order of a row's cells array (the reader fills it; the aggregator reads cells[F.billed]). */
export const BILL_FIELDS = [
  "period", "periodEnd", "category", "lineType", "serviceCode", "usageType", "operation", "region", "quantity", "pricingQuantity",
  "billed", "effective", "spEffective", "riEffective", "serviceName", "currency", "provider", "tags", "product",
] as const satisfies ReadonlyArray<BillField>;

/** A field's index in the cells array (a literal object: the hot loop reads these as constants). */
export const F = {
  period: 0, periodEnd: 1, category: 2, lineType: 3, serviceCode: 4, usageType: 5, operation: 6, region: 7, quantity: 8, pricingQuantity: 9,
  billed: 10, effective: 11, spEffective: 12, riEffective: 13, serviceName: 14, currency: 15, provider: 16, tags: 17, product: 18,
} as const satisfies { readonly [K in BillField]: number };

export type BillKind = "focus" | "cur2";

export interface BillSchema {
  kind: BillKind;
  /** "FOCUS 1.0 (AWS)", "FOCUS 1.2 (AWS)", "CUR 2.0". */
  label: string;
  /** Column name of each field the file has. */
  columns: Partial<Record<BillField, string>>;
  /** Said once in the report: a column the file lacks that limits what can be matched. */
  notes: string[];
}

export type SchemaOutcome = { ok: true; schema: BillSchema } | { ok: false; error: string };

const FOCUS_COLUMNS: Partial<Record<BillField, string[]>> = {
  period: ["BillingPeriodStart"],
  periodEnd: ["BillingPeriodEnd"],
  category: ["ChargeCategory"],
  serviceCode: ["x_ServiceCode"],
  usageType: ["x_UsageType", "SkuMeter"],
  operation: ["x_Operation"],
  region: ["RegionId", "Region"],
  quantity: ["ConsumedQuantity"],
  pricingQuantity: ["PricingQuantity", "UsageQuantity"],
  billed: ["BilledCost"],
  effective: ["EffectiveCost", "AmortizedCost"],
  serviceName: ["ServiceName"],
  currency: ["BillingCurrency"],
  provider: ["ProviderName", "ServiceProviderName", "Provider"],
  tags: ["Tags"],
};

const CUR2_COLUMNS: Partial<Record<BillField, string[]>> = {
  period: ["bill_billing_period_start_date"],
  periodEnd: ["bill_billing_period_end_date"],
  lineType: ["line_item_line_item_type"],
  serviceCode: ["line_item_product_code"],
  usageType: ["line_item_usage_type"],
  operation: ["line_item_operation"],
  region: ["product_region_code", "product_region"],
  quantity: ["line_item_usage_amount"],
  billed: ["line_item_unblended_cost"],
  spEffective: ["savings_plan_savings_plan_effective_cost"],
  riEffective: ["reservation_effective_cost"],
  serviceName: ["product_servicename", "product_product_name"],
  product: ["product"],
  currency: ["line_item_currency_code"],
  tags: ["resource_tags", "tags"],
};

function pick(present: Set<string>, wanted: Partial<Record<BillField, string[]>>): Partial<Record<BillField, string>> {
  const out: Partial<Record<BillField, string>> = {};
  for (const [field, names] of Object.entries(wanted) as [BillField, string[]][]) {
    const found = names.find((n) => present.has(n));
    if (found) out[field] = found;
  }
  return out;
}

const list = (names: string[]) => names.join(", ");

/** Detect the bill's kind from its header; every refusal names what was found and what to export. */
export function detectSchema(header: ReadonlyArray<string>, firstProvider?: string): SchemaOutcome {
  const present = new Set(header.map((h) => h.trim()));
  if (present.size === 0 || (present.size === 1 && present.has(""))) return { ok: false, error: "the file has no header row: expected the column names of a FOCUS or CUR 2.0 export" };
  if ([...present].some((h) => /^(lineItem|identity|bill|product|pricing|reservation|savingsPlan)\//.test(h))) {
    return {
      ok: false,
      error:
        "this is a legacy Cost and Usage Report (CUR 1: columns such as lineItem/UsageType). Export the bill from AWS Data Exports as CUR 2.0 or FOCUS 1.0/1.2 with AWS columns and read that file instead",
    };
  }
  if (present.has("line_item_usage_type") || present.has("line_item_product_code")) {
    const columns = pick(present, CUR2_COLUMNS);
    const missing = (["period", "serviceCode", "usageType", "quantity", "billed"] as const).filter((f) => !columns[f]).map((f) => CUR2_COLUMNS[f]![0]!);
    if (missing.length > 0) return { ok: false, error: `this CUR 2.0 file lacks the column${missing.length === 1 ? "" : "s"} ${list(missing)}; export the whole CUR 2.0 table` };
    const notes: string[] = [];
    if (!columns.region) notes.push("the file has no product_region_code column, so rows cannot be told apart by region: every row is taken as the estimate's region");
    if (!columns.operation) notes.push("the file has no line_item_operation column: Application and Network Load Balancer rows cannot be told apart");
    if (!columns.tags) notes.push("the file has no resource_tags column: no row can be mapped to a service");
    return { ok: true, schema: { kind: "cur2", label: "CUR 2.0", columns, notes } };
  }
  if (present.has("BilledCost") && (present.has("BillingPeriodStart") || present.has("ChargePeriodStart"))) {
    const columns = pick(present, FOCUS_COLUMNS);
    if (!columns.period) columns.period = "ChargePeriodStart";
    const provider = (firstProvider ?? "").trim();
    if (provider !== "" && !/amazon|aws/i.test(provider)) {
      return { ok: false, error: `this FOCUS file is from ${provider.slice(0, 80)} (ProviderName), not Amazon Web Services: only an AWS bill can be held against an AWS estimate` };
    }
    const hasAwsColumns = !!columns.serviceCode || !!columns.usageType;
    if (!hasAwsColumns && provider === "") {
      return { ok: false, error: "this FOCUS file names no provider and has none of AWS's columns (x_ServiceCode, x_UsageType or SkuMeter): export FOCUS with AWS columns from AWS Data Exports" };
    }
    const missing = (["billed", "region"] as const).filter((f) => !columns[f]).map((f) => FOCUS_COLUMNS[f]![0]!);
    if (missing.length > 0) return { ok: false, error: `this FOCUS file lacks the column${missing.length === 1 ? "" : "s"} ${list(missing)}` };
    const notes: string[] = [];
    if (!columns.usageType) notes.push("the file has neither x_UsageType (FOCUS 1.0 with AWS columns) nor SkuMeter (FOCUS 1.2 with AWS columns): no row can be matched to a charge the estimator models; export FOCUS with AWS columns");
    if (!columns.serviceCode) notes.push("the file has no x_ServiceCode column: charges are recognised by usage type and operation only");
    if (!columns.tags) notes.push("the file has no Tags column: no row can be mapped to a service");
    if (!columns.effective) notes.push("the file has no EffectiveCost column: the billed cost is used for both");
    const version = present.has("SkuMeter") || present.has("InvoiceId") || present.has("ServiceSubcategory") ? "1.2" : present.has("x_UsageType") || present.has("RegionId") ? "1.0" : "";
    return { ok: true, schema: { kind: "focus", label: `FOCUS${version ? ` ${version}` : ""} (AWS)`, columns, notes } };
  }
  if (present.has("ProviderName") || present.has("ServiceProviderName") || present.has("ChargeCategory")) {
    return { ok: false, error: "this looks like FOCUS data but has no BilledCost and BillingPeriodStart columns: it cannot be read as a bill" };
  }
  if (present.has("MeterCategory") || present.has("ResourceGroup") || present.has("SubscriptionId")) {
    return { ok: false, error: "this is an Azure cost export, not an AWS bill: export FOCUS or CUR 2.0 from AWS Data Exports" };
  }
  if (present.has("billing_account_id") && present.has("sku_description")) {
    return { ok: false, error: "this is a Google Cloud billing export, not an AWS bill: export FOCUS or CUR 2.0 from AWS Data Exports" };
  }
  const shown = [...present].slice(0, 6).map((h) => JSON.stringify(h.slice(0, 40))).join(", ");
  return {
    ok: false,
    error: `the columns (${shown}${present.size > 6 ? ", ..." : ""}) are not a FOCUS or CUR 2.0 export: expected BilledCost and BillingPeriodStart (FOCUS) or line_item_usage_type (CUR 2.0)`,
  };
}
