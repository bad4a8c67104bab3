/**
 * Issue 24 "must show" 1 and 2: the hand-computed month of examples/api-web.json (as pinned to catalog 2026-11-26 by
 * examples/old-link-2026-11-26-api-web.json, whose snapshot has no NAT rates) read from every format.
 * Estimate (Fargate on-demand, catalog 2026-11-26, us-east-1): api 2920 vCPU-h x $0.04048 = $118.2016 + 5840 GB-h x
 * $0.004445 = $25.9588; web 1095 x 0.04048 = $44.3256 + 2190 x 0.004445 = $9.73455; total $198.22055.
 * Bill (tests/support/api-web-bill.ts): the same + api's extra task-week (168 x 0.04048 = $6.80064, 336 x 0.004445 =
 * $1.49352) + NAT 720 h x 0.045 = $32.40 + 3140 GB x 0.045 = $141.30:
 *   actual = 198.22055 + 6.80064 + 1.49352 + 32.40 + 141.30 = $380.21471; gap = $181.99416 = 91.814% of 198.22055.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadRegionCatalog } from "@/lib/catalog/fs-loader";
import { estimateWithLoader } from "@/lib/pipeline/estimate";
import { parseEstimateInput, type EstimateResult } from "@/lib/schemas/estimate";
import { buildVarianceReport, calibrateEstimate, exceedsVariance, readBill, tagKeysFor, type VarianceReport } from "@/lib/actual";
import { apiWebBillLines, MONTH } from "../../support/api-web-bill";
import { cur2Records, focusRecords, toCsv, toGzip, toParquet } from "../../support/bill";

const root = path.resolve(import.meta.dirname, "../../..");
const loader = (region: string, id: string | undefined) => loadRegionCatalog(region, id, { dataDir: path.join(root, "data") });

function estimate(): EstimateResult {
  const parsed = parseEstimateInput(JSON.parse(readFileSync(path.join(root, "examples/old-link-2026-11-26-api-web.json"), "utf8")));
  if (!parsed.ok) throw new Error("example invalid");
  const out = estimateWithLoader(parsed.value, loader);
  if (!out.ok) throw new Error("estimate failed");
  return out.result;
}

async function reportOf(bytes: Uint8Array | string): Promise<VarianceReport> {
  const result = estimate();
  const read = await readBill(new Blob([bytes as BlobPart]), { region: "us-east-1", tagKeys: tagKeysFor("ecs", null) });
  if (!read.ok) throw new Error(read.error);
  const report = buildVarianceReport(result, read.aggregate);
  if (!report.ok) throw new Error(report.error);
  return report.report;
}

const lines = apiWebBillLines();
const focus10 = focusRecords(lines, MONTH, "1.0");
const focus12 = focusRecords(lines, MONTH, "1.2");
const cur2 = cur2Records(lines, MONTH);

describe("examples/api-web.json against a generated November 2026 bill", () => {
  it("totals, the top gap and its sentence are the hand-computed ones", async () => {
    const r = await reportOf(toCsv(focus10));
    expect(r.period).toBe("2026-11");
    expect(r.periodHours).toBe(720);
    expect(r.option.id).toBe("fargate");
    expect(r.totals.estimatedUSD).toBeCloseTo(198.22055, 6);
    expect(r.totals.actualUSD).toBeCloseTo(380.21471, 6);
    expect(r.totals.billedUSD).toBeCloseTo(380.21471, 6);
    expect(r.totals.gapUSD).toBeCloseTo(181.99416, 6);
    expect(r.totals.gapPct).toBeCloseTo((181.99416 / 198.22055) * 100, 6);
    expect(r.totals.notModelledUSD).toBeCloseTo(50, 6); // RDS
    expect(r.totals.otherRegionsUSD).toBeCloseTo(22, 6); // eu-west-1 $10 + tax without a region $12
    expect(r.topGap?.charge).toBe("nat-gb");
    expect(r.topGap?.sentence).toBe("NAT processed 3,140 GB, none estimated: +$141.30.");
    expect(r.problems.count).toBe(0);
  });

  it("per service: api carries the extra task-week, web matches, the NAT is shared", async () => {
    const r = await reportOf(toCsv(focus10));
    const api = r.services.find((s) => s.name === "api")!;
    // 144.1604 estimated; 118.2016 + 25.9588 + 6.80064 + 1.49352 = 152.45456 actual.
    expect(api.estimatedUSD).toBeCloseTo(144.1604, 6);
    expect(api.actualUSD).toBeCloseTo(152.45456, 6);
    expect(api.lines[0]?.charge).toBe("fargate-vcpu");
    // 3088 vCPU-h / 1 vCPU / 720 h = 4.29 tasks; 2920 / 1 / 730 = 4.
    expect(api.lines[0]?.sentence).toBe("api ran 3,088 Fargate vCPU-hours against 2,920 estimated (4.29 tasks on average over the period's 720 h, against 4 estimated over 730 h): +$6.80.");
    const web = r.services.find((s) => s.name === "web")!;
    expect(web.gapUSD).toBeCloseTo(0, 6);
    const shared = r.services.find((s) => s.name === "shared")!;
    expect(shared.actualUSD).toBeCloseTo(173.7, 6); // 32.40 + 141.30
    expect(r.services[0]?.name).toBe("shared"); // largest gap first
    expect(r.missing.map((m) => [m.kind, m.what])).toEqual([
      ["not-estimated", "NAT gateway data processed"],
      ["not-estimated", "NAT gateway hours"],
      ["not-modelled", "Amazon Relational Database Service"],
    ]);
    expect(r.unmapped).toEqual([]);
  });

  it("FOCUS 1.0 and 1.2, CUR 2.0, as CSV, gzip CSV and Parquet give the same report", async () => {
    const reference = await reportOf(toCsv(focus10));
    const strip = (r: VarianceReport) => ({ ...r, format: "" });
    const variants: Array<[string, Uint8Array | string]> = [
      ["FOCUS 1.0 gzip", toGzip(toCsv(focus10))],
      ["FOCUS 1.0 Parquet", toParquet(focus10, 64)],
      ["FOCUS 1.2 CSV", toCsv(focus12)],
      ["FOCUS 1.2 gzip", toGzip(toCsv(focus12))],
      ["FOCUS 1.2 Parquet", toParquet(focus12)],
      ["CUR 2.0 CSV", toCsv(cur2)],
      ["CUR 2.0 gzip", toGzip(toCsv(cur2))],
      ["CUR 2.0 Parquet", toParquet(cur2, 50)],
    ];
    for (const [name, bytes] of variants) {
      const r = await reportOf(bytes);
      expect(JSON.parse(JSON.stringify(strip(r))), name).toEqual(JSON.parse(JSON.stringify(strip(reference))));
    }
    expect((await reportOf(toParquet(cur2))).format).toBe("CUR 2.0");
    expect((await reportOf(toCsv(focus12))).format).toBe("FOCUS 1.2 (AWS)");
  });

  it("--max-variance: the 91.8% gap exceeds 90% and not 92%", async () => {
    const r = await reportOf(toCsv(focus10));
    expect(exceedsVariance(r, 90)).toBe(true);
    expect(exceedsVariance(r, 92)).toBe(false);
  });

  it("calibrates: api 4.2889 tasks, web 3.0417, one NAT gateway with 3,140 GB, on the newest snapshot", async () => {
    const r = await reportOf(toCsv(focus10));
    const result = estimate();
    const c = calibrateEstimate(result.input, r, loader);
    if (!c.ok) throw new Error(JSON.stringify(c.errors));
    const { input, result: calibrated, catalogNote } = c.calibrated;
    // api: 4 x (3088 x 730 / 720) / 2920 = 4.28889; web: 3 x (1095 x 730 / 720) / 1095 = 3.04167 (an equal bill in a
    // 720-hour month is a higher average than the 730-hour estimate).
    expect(input.services.map((s) => s.tasks)).toEqual([4.2889, 3.0417]);
    expect(input.network?.natGateways).toEqual({ count: 1, processedGBPerMonth: 3140 });
    expect(input.catalog).toBeUndefined();
    expect(catalogNote).toMatch(/2026-11-26 cannot price/);
    const fargate = calibrated.options.find((o) => o.id === "fargate")!;
    expect(fargate.available).toBe(true);
    const nat = fargate.lines.filter((l) => l.category === "nat-gateway");
    // 730 h x 0.045 = 32.85; 3140 GB x 0.045 = 141.30.
    expect(nat.map((l) => l.usd)).toEqual([expect.closeTo(32.85, 6), expect.closeTo(141.3, 6)]);
  });
});
