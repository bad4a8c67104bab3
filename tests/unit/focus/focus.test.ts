/**
 * FOCUS export: every row's ListCost = PricingQuantity x ListUnitPrice, the rows of an option sum to its
 * total to the cent, discounted lines carry the On-Demand list price, and the CSV reads back.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { loadRegionCatalog } from "@/lib/catalog/fs-loader";
import { FOCUS_COLUMNS, focusRows, focusRowsToCsv, focusRowsToJson, estimateIdOf, monthPeriod, type FocusRow } from "@/lib/export/focus";
import { toCents } from "@/lib/money";
import { estimateWithLoader } from "@/lib/pipeline/estimate";
import { presentOption } from "@/lib/present/estimate";
import { parseEstimateInput, type EstimateInputRaw, type EstimateResult } from "@/lib/schemas/estimate";

const root = path.resolve(import.meta.dirname, "../../..");
const load = (region: string, id: string | undefined) => loadRegionCatalog(region, id);

function estimate(raw: unknown): EstimateResult {
  const parsed = parseEstimateInput(raw);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  const out = estimateWithLoader(parsed.value, load);
  if (!out.ok) throw new Error(JSON.stringify(out.errors));
  return out.result;
}

function rowsOf(result: EstimateResult, option = "all"): FocusRow[] {
  const out = focusRows(result, { month: "2026-12", option, catalog: load(result.catalog.region, result.catalog.id) });
  if (!out.ok) throw new Error(out.error);
  return out.rows;
}

/** The CSV read back as numbers: what a FinOps tool sees. */
function csvBack(rows: FocusRow[]): Array<Record<string, string>> {
  const parsed = Papa.parse<Record<string, string>>(focusRowsToCsv(rows), { header: true, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  expect(parsed.meta.fields).toEqual([...FOCUS_COLUMNS]);
  return parsed.data;
}

/** A printed decimal ("279.745", "1e-7") as an exact integer of 1e-10 units: sums without float error. */
function scaled(text: string): bigint {
  const n = Number(text);
  const fixed = n.toFixed(10); // the CSV holds at most 10 decimals, so this is exact
  const [int, frac = ""] = fixed.split(".");
  const sign = int!.startsWith("-") ? -1n : 1n;
  return sign * (BigInt(int!.replace("-", "")) * 10_000_000_000n + BigInt(frac.padEnd(10, "0")));
}

/** HALF-UP cents of an exact 1e-10-unit sum (the rounding rule of lib/money.ts). */
function centsOfScaled(sum: bigint): number {
  const unitsPerCent = 100_000_000n;
  const negative = sum < 0n;
  const abs = negative ? -sum : sum;
  const cents = (abs + unitsPerCent / 2n) / unitsPerCent;
  return Number(negative ? -cents : cents);
}

const examples = readdirSync(path.join(root, "examples")).filter((f) => f.endsWith(".json"));

describe("FOCUS rows: ListCost = PricingQuantity x ListUnitPrice, and rows sum to the total to the cent", () => {
  it.each(examples)("examples/%s, every available option", (name) => {
    const result = estimate(JSON.parse(readFileSync(path.join(root, "examples", name), "utf8")));
    const rows = csvBack(rowsOf(result, "all"));
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      const q = Number(row.PricingQuantity);
      const p = Number(row.ListUnitPrice);
      const listCost = Number(row.ListCost);
      expect(Math.abs(q * p - listCost), `${row.x_Option} ${row.ChargeDescription}`).toBeLessThanOrEqual(1e-9 * Math.max(1, listCost));
      expect(Number(row.ContractedCost)).toBe(listCost);
      expect(Number(row.EffectiveCost)).toBe(Number(row.BilledCost));
      // A discount never makes the list price lower than what is paid.
      expect(Number(row.EffectiveCost)).toBeLessThanOrEqual(listCost + 1e-9);
    }
    for (const option of result.options.filter((o) => o.available)) {
      // Summed as decimals (what a spreadsheet or a FinOps tool with decimal columns does), not as binary floats:
      // 279.745 must not become 279.74499999.
      const sum = rows.filter((r) => r.x_Option === option.id).reduce((s, r) => s + scaled(r.EffectiveCost!), 0n);
      expect(centsOfScaled(sum), option.id).toBe(toCents(option.monthlyUSD as number));
      expect(centsOfScaled(sum), option.id).toBe(presentOption(option).totalCents);
    }
  });
});

describe("FOCUS rows by hand", () => {
  // us-east-1, snapshot 2026-12-01: 1 vCPU / 2 GiB x 2 tasks x 730 h = 1460 vCPU-hours and 2920 GB-hours.
  // Fargate On-Demand: $0.04048 per vCPU-hour, $0.004445 per GB-hour.
  // Compute Savings Plan 1y (Fargate x86, us-east-1): vCPU $0.032384 (0.04048 x 0.8), GB $0.003556.
  const raw: EstimateInputRaw = {
    version: 1,
    region: "us-east-1",
    catalog: "2026-12-01",
    services: [{ name: "api", vcpu: 1, memoryGiB: 2, tasks: 2, interruptible: true }],
    fargate: { savingsPlan: "compute-1y" },
    ec2: { purchase: "reserved-1y", instanceTypes: ["m5.large"] },
  };
  const result = estimate(raw);
  const rows = rowsOf(result);
  const row = (option: string, component: string) => rows.find((r) => r.x_Option === option && String(r.ChargeDescription).toLowerCase().includes(component))!;

  it("On-Demand: list = contracted = effective", () => {
    // 1460 x 0.04048 = 59.1008
    expect(row("fargate", "vcpu")).toMatchObject({ PricingCategory: "Standard", PricingQuantity: 1460, PricingUnit: "vCPU-hours", ListUnitPrice: 0.04048, ListCost: 59.1008, ContractedCost: 59.1008, EffectiveCost: 59.1008, BilledCost: 59.1008, ServiceName: "Amazon Elastic Container Service", ServiceCategory: "Compute", ServiceSubcategory: "Containers", ResourceType: "Fargate task", ChargeCategory: "Usage", BillingCurrency: "USD", RegionId: "us-east-1", x_Service: "api", x_PriceSnapshot: "2026-12-01" });
  });

  it("Savings Plan: list is the On-Demand rate, effective the plan's", () => {
    // list 1460 x 0.04048 = 59.1008; effective 1460 x 0.032384 = 47.28064
    expect(row("fargate-savings-plan", "vcpu")).toMatchObject({ PricingCategory: "Committed", CommitmentDiscountCategory: "Spend", CommitmentDiscountType: "Compute Savings Plan", CommitmentDiscountStatus: "Used", ListUnitPrice: 0.04048, ListCost: 59.1008, EffectiveCost: 47.28064 });
  });

  it("Spot: Dynamic, list is the On-Demand rate", () => {
    // Fargate Spot us-east-1 x86 vCPU $0.01288561 (2026-09-29): 1460 x 0.01288561 = 18.8129906
    expect(row("fargate-spot", "vcpu")).toMatchObject({ PricingCategory: "Dynamic", ListUnitPrice: 0.04048, ListCost: 59.1008, EffectiveCost: 18.8129906 });
  });

  it("Reserved Instance: Committed (Usage), Recurring, list is the type's On-Demand rate", () => {
    // m5.large us-east-1: On-Demand $0.096/h, RI 1y No Upfront $0.06/h; 1 instance x 730 h (2 tasks, ENI limit 2 per m5.large)
    const ri = rows.find((r) => r.x_Option === "ec2" && r.ResourceType === "EC2 instance")!;
    const catalog = load("us-east-1", "2026-12-01");
    const m5 = catalog.ec2.instanceTypes.find((t) => t.type === "m5.large")!;
    expect(ri).toMatchObject({ PricingCategory: "Committed", CommitmentDiscountCategory: "Usage", CommitmentDiscountType: "Reserved Instance", ChargeFrequency: "Recurring", ListUnitPrice: m5.onDemandUSD, ServiceName: "Amazon Elastic Compute Cloud", ServiceSubcategory: "Virtual Machines" });
    expect(ri.EffectiveCost).toBeCloseTo(Number(ri.PricingQuantity) * (m5.reserved1yUSD as number), 9);
    expect(rows.find((r) => r.x_Option === "ec2" && r.ResourceType === "EBS gp3 volume")).toMatchObject({ ServiceCategory: "Storage", ServiceSubcategory: "Disk", PricingCategory: "Standard" });
  });

  it("the recommended option by default; one option by id; a clear error otherwise", () => {
    const catalog = load("us-east-1", "2026-12-01");
    const rec = focusRows(result, { month: "2026-12", option: "recommended", catalog });
    expect(rec.ok && rec.options).toEqual([result.recommendation!.optionId]);
    expect(focusRows(result, { month: "2026-13", option: "all", catalog })).toMatchObject({ ok: false, error: expect.stringContaining("month") });
    expect(focusRows(result, { month: "2026-12", option: "nope", catalog })).toMatchObject({ ok: false, error: expect.stringContaining('option "nope" is not in this estimate') });
    expect(focusRows(result, { month: "2026-12", option: "all", catalog: load("eu-west-1", "2026-12-01") })).toMatchObject({ ok: false });
  });

  it("charge period is the month; the estimate id is stable for the same input", () => {
    expect(monthPeriod("2026-12")).toEqual({ start: "2026-12-01T00:00:00Z", end: "2027-01-01T00:00:00Z" });
    expect(rows[0]).toMatchObject({ ChargePeriodStart: "2026-12-01T00:00:00Z", ChargePeriodEnd: "2027-01-01T00:00:00Z", BillingPeriodStart: "2026-12-01T00:00:00Z" });
    expect(rows[0]!.x_EstimateId).toBe(estimateIdOf(result.input));
    expect(estimateIdOf(estimate(raw).input)).toBe(rows[0]!.x_EstimateId);
    expect(estimateIdOf(estimate({ ...raw, region: "eu-west-1" }).input)).not.toBe(rows[0]!.x_EstimateId);
  });

  it("network and logs lines land in their FOCUS services", () => {
    const whole = estimate(JSON.parse(readFileSync(path.join(root, "examples/public-api-whole-bill.json"), "utf8")));
    const all = rowsOf(whole, "fargate");
    const by = (type: string) => all.find((r) => r.ResourceType === type);
    expect(by("Application Load Balancer")).toMatchObject({ ServiceName: "Elastic Load Balancing", ServiceCategory: "Networking", ServiceSubcategory: "Load Balancing" });
    expect(by("NAT gateway")).toMatchObject({ ServiceCategory: "Networking" });
    expect(by("Data transfer")).toMatchObject({ ServiceName: "AWS Data Transfer", ServiceSubcategory: "Data Transfer" });
    expect(by("CloudWatch Logs log group")).toMatchObject({ ServiceName: "Amazon CloudWatch", ServiceCategory: "Management and Governance", ServiceSubcategory: "Observability" });
  });

  it("CSV neutralises formulas in user text; JSON carries version, columns and rows", () => {
    const evil = estimate({ version: 1, region: "us-east-1", services: [{ name: "=HYPERLINK(\"x\")", vcpu: 1, memoryGiB: 2, tasks: 1 }] });
    const csv = focusRowsToCsv(rowsOf(evil, "fargate"));
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
    const out = focusRows(result, { month: "2026-12", option: "all", catalog: load("us-east-1", "2026-12-01") });
    if (!out.ok) throw new Error(out.error);
    const json = JSON.parse(focusRowsToJson(out, "2026-12"));
    expect(json).toMatchObject({ focusVersion: "1.2", chargePeriod: "2026-12", columns: [...FOCUS_COLUMNS] });
    expect(json.rows).toHaveLength(out.rows.length);
  });
});

describe("POST /api/export/focus", () => {
  const body = JSON.stringify({ version: 1, region: "us-east-1", catalog: "2026-12-01", services: [{ name: "api", vcpu: 1, memoryGiB: 2, tasks: 2 }] });
  const post = async (query: string, text = body) => {
    const { POST } = await import("@/app/api/export/focus/route");
    return POST(new Request(`http://127.0.0.1/api/export/focus${query}`, { method: "POST", body: text, headers: { "content-type": "application/json" } }));
  };
  it("200 CSV of the recommended option; JSON on request", async () => {
    const res = await post("?month=2026-12");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/csv");
    const text = await res.text();
    expect(text.split("\r\n")[0]).toBe(FOCUS_COLUMNS.join(","));
    // Recommended: ECS on EC2, 1 x m5a.large (us-east-1 On-Demand $0.086/h) x 730 h = 62.78, and its 30 GiB gp3 root
    // volume at $0.08 per GB-month = 2.4 ($65.18 against Fargate's 1460 x 0.04048 + 2920 x 0.004445 = 72.0802).
    const lines = text.trim().split("\r\n");
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/^62\.78,USD,2026-12-01T00:00:00Z,2027-01-01T00:00:00Z,Usage,,/);
    expect(lines[2]).toMatch(/^2\.4,USD,2026-12-01T00:00:00Z/);
    const fargate = await (await post("?month=2026-12&option=fargate")).text();
    expect(fargate).toContain("\r\n59.1008,USD,2026-12-01T00:00:00Z");
    expect(fargate).toContain("\r\n12.9794,USD,2026-12-01T00:00:00Z");
    const json = await (await post("?format=json&option=all&month=2026-12")).json();
    expect(json.focusVersion).toBe("1.2");
  });
  it("400 names the parameter or field", async () => {
    const cases: Array<[string, string | undefined, string]> = [
      ["?format=xml", undefined, "(query).format"],
      ["?month=2026-13", undefined, "(query).month"],
      ["?option=nope", undefined, "(query).option"],
      ["", "{", "(body)"],
      ["", JSON.stringify({ version: 1, region: "us-east-1", services: [] }), "services"],
    ];
    for (const [query, text, pathName] of cases) {
      const res = await post(query, text);
      expect(res.status, query + (text ?? "")).toBe(400);
      expect((await res.json()).errors[0].path).toBe(pathName);
    }
  });
});

describe("the column list is documented", () => {
  it("README and docs/focus-export.md name every column", () => {
    const readme = readFileSync(path.join(root, "README.md"), "utf8");
    const doc = readFileSync(path.join(root, "docs/focus-export.md"), "utf8");
    for (const column of FOCUS_COLUMNS) {
      expect(readme, column).toContain(column);
      expect(doc, column).toContain(column);
    }
  });
});
