/**
 * Issue 24 "must show" 1 and 4 through the CLI and the API: the hand-computed api-web month (see
 * api-web-month.test.ts for the arithmetic: estimated $198.22055, actual $380.21471, gap +$181.99416 = 91.81%).
 */
import { closeSync, ftruncateSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { main } from "@/bin/estimate";
import { POST } from "@/app/api/actual/route";
import { MAX_ACTUAL_BODY_BYTES } from "@/app/api/actual/handler";
import { apiWebBillLines, MONTH } from "../../support/api-web-bill";
import { cur2Records, focusRecords, toCsv, toGzip, toParquet } from "../../support/bill";
import { runCli } from "../../support/cli";

const dir = mkdtempSync(path.join(tmpdir(), "actual-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const lines = apiWebBillLines();
const focusCsv = toCsv(focusRecords(lines, MONTH, "1.0"));
const files = {
  csv: path.join(dir, "focus.csv"),
  gz: path.join(dir, "focus.csv.gz"),
  parquet: path.join(dir, "cur2.parquet"),
};
writeFileSync(files.csv, focusCsv);
writeFileSync(files.gz, toGzip(focusCsv));
writeFileSync(files.parquet, toParquet(cur2Records(lines, MONTH)));

describe("npm run estimate -- INPUT --actual BILL", () => {
  it("JSON: the totals and the top gap; the same from gzip CSV and CUR 2.0 Parquet", async () => {
    const outs = [];
    for (const file of [files.csv, files.gz, files.parquet]) {
      const r = await runCli(main, ["examples/api-web.json", "--actual", file]);
      expect(r.stderr).toBe("");
      expect(r.code).toBe(0);
      outs.push(JSON.parse(r.stdout));
    }
    const report = outs[0];
    expect(report.totals.estimatedUSD).toBeCloseTo(198.22055, 6);
    expect(report.totals.actualUSD).toBeCloseTo(380.21471, 6);
    expect(report.topGap.sentence).toBe("NAT processed 3,140 GB, none estimated: +$141.30.");
    for (const o of outs) expect({ ...o, format: "" }).toEqual({ ...report, format: "" });
  });

  it("table: totals, the largest gap, the calibrated estimate and a /compare link", async () => {
    const r = await runCli(main, ["examples/api-web.json", "--actual", files.csv, "--format", "table", "--calibrate"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Estimated $198.22   actual $380.21 (billed $380.21)   gap +$181.99 (+91.8%)");
    expect(r.stdout).toContain("Largest gap: NAT processed 3,140 GB, none estimated: +$141.30.");
    expect(r.stdout).toContain("api: 4 -> 4.29 tasks");
    expect(r.stdout).toMatch(/\/compare\?old=v1\.\S+&new=v1\.\S+/);
  });

  it("--max-variance: exit 3 above the 91.8% gap, 0 below", async () => {
    const above = await runCli(main, ["examples/api-web.json", "--actual", files.csv, "--max-variance", "90"]);
    expect(above.code).toBe(3);
    expect(above.stderr).toContain("above --max-variance 90%; largest gap: NAT processed 3,140 GB");
    const below = await runCli(main, ["examples/api-web.json", "--actual", files.csv, "--max-variance", "92"]);
    expect(below.code).toBe(0);
    expect(below.stderr).toBe("");
  });

  it("exit 2 with a message: bad flag values, a missing bill, a CUR 1 file, a 2 GB file", async () => {
    const bad = await runCli(main, ["examples/api-web.json", "--actual", files.csv, "--max-variance", "ten"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--max-variance: expected a percentage >= 0, got "ten"');
    const tag = await runCli(main, ["examples/api-web.json", "--actual", files.csv, "--tag", ""]);
    expect(tag.code).toBe(2);
    expect(tag.stderr).toContain("--tag: must not be empty");
    const missing = await runCli(main, ["examples/api-web.json", "--actual", path.join(dir, "nope.csv")]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("cannot read the bill");
    expect(missing.stderr).toContain("no such file");
    const cur1 = path.join(dir, "cur1.csv");
    writeFileSync(cur1, "identity/LineItemId,bill/BillingPeriodStartDate,lineItem/UsageType,lineItem/UnblendedCost\nx,2026-11-01,BoxUsage:m5.large,1\n");
    const c1 = await runCli(main, ["examples/api-web.json", "--actual", cur1]);
    expect(c1.code).toBe(2);
    expect(c1.stderr).toContain("legacy Cost and Usage Report (CUR 1");
    // A sparse 2 GB file: refused by its size before a byte is read.
    const big = path.join(dir, "big.csv");
    const fd = openSync(big, "w");
    ftruncateSync(fd, 2 * 1024 * 1024 * 1024);
    closeSync(fd);
    const t0 = Date.now();
    const b = await runCli(main, ["examples/api-web.json", "--actual", big]);
    expect(b.code).toBe(2);
    expect(b.stderr).toContain("the file is 2.0 GB; the limit is 1.0 GB");
    expect(Date.now() - t0).toBeLessThan(5000);
  });
});

const post = (body: unknown, headers: Record<string, string> = { "content-type": "application/json" }) =>
  POST(new Request("http://127.0.0.1/api/actual", { method: "POST", body: typeof body === "string" ? body : JSON.stringify(body), headers }));
const input = JSON.parse(readFileSync(path.resolve(import.meta.dirname, "../../../examples/api-web.json"), "utf8"));

describe("POST /api/actual", () => {
  it("200: the same report from CSV text and from base64 Parquet, with exceeded and the calibrated input", async () => {
    const a = await post({ input, bill: focusCsv, maxVariancePct: 90, calibrate: true });
    expect(a.status).toBe(200);
    const ra = await a.json();
    expect(ra.totals.actualUSD).toBeCloseTo(380.21471, 6);
    expect(ra.topGap.sentence).toBe("NAT processed 3,140 GB, none estimated: +$141.30.");
    expect(ra.exceeded).toBe(true);
    expect(ra.calibrated.input.services.map((s: { tasks: number }) => s.tasks)).toEqual([4.2889, 3.0417]);
    expect(ra.calibrated.compare.new).toMatch(/^v1\./);
    const b = await post({ input, bill: { base64: Buffer.from(toParquet(cur2Records(lines, MONTH))).toString("base64") }, maxVariancePct: 92 });
    const rb = await b.json();
    expect(rb.exceeded).toBe(false);
    expect(rb.totals).toEqual(ra.totals);
    expect(rb.charges).toEqual(ra.charges);
  });

  it("400 naming the field: a bill that is not one, bad base64, unknown fields; 413 above the limit; 415", async () => {
    const notBill = await post({ input, bill: "name,value\na,1\n" });
    expect(notBill.status).toBe(400);
    const e1 = (await notBill.json()).errors;
    expect(e1[0].path).toBe("bill");
    expect(e1[0].message).toMatch(/not a FOCUS or CUR 2.0 export/);
    const b64 = await post({ input, bill: { base64: "!!!" } });
    expect((await b64.json()).errors).toEqual([{ path: "bill.base64", code: "invalid", message: "is not base64 text" }]);
    const extra = await post({ input, bill: focusCsv, budget: 3 });
    expect((await extra.json()).errors[0].path).toBe("budget");
    const noInput = await post({ bill: focusCsv });
    expect((await noInput.json()).errors[0].path).toBe("input");
    const big = await post("x".repeat(MAX_ACTUAL_BODY_BYTES + 1));
    expect(big.status).toBe(413);
    const type = await post("{}", { "content-type": "text/csv" });
    expect(type.status).toBe(415);
  });
});
