/**
 * Issue 24 "must show" 6: 200 hostile bill files -> a clear message (or a report), never a crash or a hang, each
 * read in under a second. "Crash" = readBill rejecting; every refusal must be one plain sentence.
 */
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { readBill, tagKeysFor } from "@/lib/actual";
import { apiWebBillLines, MONTH } from "../../support/api-web-bill";
import { cur2Records, focusRecords, toCsv, toParquet } from "../../support/bill";
import { mulberry32 } from "@/scripts/support/prng";

const opts = { region: "us-east-1", tagKeys: tagKeysFor("ecs", null) };
const lines = apiWebBillLines();
const goodCsv = toCsv(focusRecords(lines, MONTH, "1.0"));
const goodParquet = toParquet(cur2Records(lines, MONTH), 40);
const goodGzip = new Uint8Array(gzipSync(goodCsv));
const header = goodCsv.slice(0, goodCsv.indexOf("\n"));
const firstRow = goodCsv.split("\n")[1]!;

/** A deterministic PRNG (mulberry32): the same 200 files on every run. */
const rng = mulberry32;

type Case = { name: string; bytes: Uint8Array | string; expect?: RegExp | "ok" | "any" };
const cases: Case[] = [];
const add = (name: string, bytes: Uint8Array | string, expectation: Case["expect"] = undefined) => cases.push({ name, bytes, expect: expectation });
const enc = (s: string) => new TextEncoder().encode(s);

add("empty", "", /the file is empty/);
add("whitespace", "   \n\n  ", /not a FOCUS or CUR 2.0 export|no header/);
add("header only", `${header}\n`, /header but no rows/);
add("CUR 1 csv", "identity/LineItemId,identity/TimeInterval,bill/BillingPeriodStartDate,lineItem/UsageType,lineItem/UnblendedCost\n1,x,2026-11-01,BoxUsage:m5.large,1\n", /legacy Cost and Usage Report \(CUR 1/);
add("CUR 1 gzip", gzipSync("lineItem/UsageType,lineItem/UnblendedCost\nBoxUsage,1\n"), /CUR 1/);
add("Azure FOCUS", "BilledCost,BillingPeriodStart,ProviderName,RegionId,EffectiveCost\n1,2026-11-01,Microsoft,eastus,1\n", /from Microsoft \(ProviderName\)/);
add("Google FOCUS", "BilledCost,BillingPeriodStart,ProviderName,RegionId\n1,2026-11-01,Google Cloud,us-east1\n", /from Google Cloud/);
add("Azure cost export", "SubscriptionId,MeterCategory,ResourceGroup,Cost\nx,y,z,1\n", /Azure cost export/);
add("GCP billing export", "billing_account_id,sku_description,cost\nx,y,1\n", /Google Cloud billing export/);
add("FOCUS without provider or AWS columns", "BilledCost,BillingPeriodStart,RegionId\n1,2026-11-01,us-east-1\n", /names no provider/);
add("JSON", '{"version":1,"region":"us-east-1"}', /not a FOCUS or CUR 2.0 export/);
add("XML", "<?xml version='1.0'?><bill/>", /not a FOCUS or CUR 2.0 export/);
add("zip", new Uint8Array([0x50, 0x4b, 3, 4, 0, 0, 0, 0]), /zip archive/);
add("zstd", new Uint8Array([0x28, 0xb5, 0x2f, 0xfd, 0, 0, 0, 0]), /zstd/);
add("UTF-16", new Uint8Array([0xff, 0xfe, ...enc("B\0i\0l\0l\0")]), /not UTF-8|binary/);
add("latin-1 bytes", new Uint8Array([...enc("BilledCost,"), 0xe9, 0xe8, 10]), /not UTF-8/);
add("binary NULs", new Uint8Array(4096), /binary file/);
add("unterminated quote", `${header}\n"${"x".repeat(100)}`, /never closed/);
add("5 MB line", `${header}\n${"a".repeat(5 * 1024 * 1024)}\n`, /longer than 4 MB/);
add("5 MB quoted field", `${header}\n"${"a".repeat(5 * 1024 * 1024)}`, /never closed|longer than 4 MB/);
add("3000 columns", `${Array.from({ length: 3000 }, (_, i) => `c${i}`).join(",")}\n1\n`, /more than 2000 columns/);
add("two billing periods", goodCsv + firstRow.replace(/2026-11-01T00:00:00Z/g, "2026-12-01T00:00:00Z") + "\n", /2 billing periods \(2026-11, 2026-12\)/);
add("euros", goodCsv.replace(/,USD,/g, ",EUR,"), /the bill is in EUR/);
add("formula injection in tags and service names", goodCsv.replace(/""aws:ecs:serviceName"":""api""/g, '""aws:ecs:serviceName"":""=HYPERLINK(evil)""').replace(/Amazon Relational Database Service/g, "=cmd|' /C calc'!A0"), "ok");
add("formula in BilledCost", goodCsv.replace(/\n([^,]*),([0-9.]+),/, "\n$1,=1+1,"), "ok");
add("NaN, Infinity and hex amounts", `${goodCsv}${firstRow.replace(/^([^,]*),([0-9.e-]+),/, "$1,NaN,")}\n${firstRow.replace(/^([^,]*),([0-9.e-]+),/, "$1,Infinity,")}\n${firstRow.replace(/^([^,]*),([0-9.e-]+),/, "$1,0x10,")}\n`, "ok");
add("1e999 amount", `${header}\n${firstRow.replace(/^([^,]*),([0-9.e-]+),/, "$1,1e999,")}\n`, /the file's only row could not be read: row 1: BilledCost: "1e999" is not a number/);
add("bad dates", `${header}\n${firstRow.replace(/2026-11-01T00:00:00Z/g, "yesterday")}\n`, "any");
add("PAR1 only", "PAR1", /truncated/);
add("PAR1 twice", "PAR1PAR1", /truncated|damaged/);
add("PAR1 garbage PAR1", new Uint8Array([...enc("PAR1"), ...new Uint8Array(64).fill(7), ...enc("PAR1")]), /damaged/);
add("gzip header only", new Uint8Array([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3]), /truncated or damaged/);
add("gzip of binary", gzipSync(Buffer.alloc(100_000)), /binary file/);
add("gzip of CUR 1", gzipSync("lineItem/UsageType\nx\n"), /CUR 1/);

// Truncated Parquet at 40 cut points, corrupted Parquet at 30 flipped positions.
const r1 = rng(1);
for (let i = 0; i < 40; i++) add(`parquet cut ${i}`, goodParquet.slice(0, Math.max(1, Math.floor(r1() * (goodParquet.length - 1)))), /truncated|damaged|PAR1/);
for (let i = 0; i < 30; i++) {
  const copy = goodParquet.slice();
  const at = Math.floor(r1() * copy.length);
  copy[at] = (copy[at]! ^ 0xff) & 0xff;
  add(`parquet flip ${at}`, copy, "any");
}
// Truncated gzip at 30 cut points.
for (let i = 0; i < 30; i++) add(`gzip cut ${i}`, goodGzip.slice(0, 10 + Math.floor(r1() * (goodGzip.length - 20))), /truncated or damaged|never closed|header but no rows|not UTF-8/);
// Random bytes.
for (let i = 0; i < 20; i++) add(`random ${i}`, Uint8Array.from({ length: 1 + Math.floor(r1() * 20_000) }, () => Math.floor(r1() * 256)), "any");
// Mutated CSV: characters deleted, quotes and commas inserted.
while (cases.length < 200) {
  const chars = [...goodCsv.slice(0, 30_000)];
  for (let k = 0; k < 20; k++) {
    const at = Math.floor(r1() * chars.length);
    const op = r1();
    if (op < 0.4) chars.splice(at, 1);
    else if (op < 0.7) chars.splice(at, 0, '"');
    else chars.splice(at, 0, ",");
  }
  add(`mutated ${cases.length}`, chars.join(""), "any");
}

describe("200 hostile bill files", () => {
  it("has 200 cases", () => expect(cases.length).toBe(200));
  for (const c of cases) {
    it(c.name, async () => {
      const t0 = performance.now();
      const out = await readBill(new Blob([c.bytes as BlobPart]), opts);
      const ms = performance.now() - t0;
      expect(ms).toBeLessThan(1000);
      if (!out.ok) {
        expect(out.error.length).toBeGreaterThan(10);
        expect(out.error.length).toBeLessThan(600);
        expect(out.error).not.toMatch(/undefined|\[object|at .*\.ts:\d+/);
      }
      if (c.expect === "ok") {
        expect(out.ok).toBe(true);
        if (out.ok) expect(out.aggregate.problemCount + out.aggregate.formulaLikeCells).toBeGreaterThan(0);
      } else if (c.expect instanceof RegExp) {
        expect(out.ok ? "(read)" : out.error).toMatch(c.expect);
      }
    });
  }

  it("a 2 GB file is refused by its size before a byte is read", async () => {
    const huge = { size: 2 * 1024 * 1024 * 1024, slice: () => { throw new Error("read"); }, stream: () => { throw new Error("read"); } } as unknown as Blob;
    const out = await readBill(huge, opts);
    expect(out).toEqual({ ok: false, error: expect.stringMatching(/^the file is 2\.0 GB; the limit is 1\.0 GB/) });
  });

  it("formula-like tag values are shown as text with a leading ' and said in a note", async () => {
    const out = await readBill(new Blob([cases.find((c) => c.name.startsWith("formula injection"))!.bytes as BlobPart]), opts);
    if (!out.ok) throw new Error(out.error);
    expect(out.aggregate.groups.some((g) => g.serviceTag === "'=HYPERLINK(evil)")).toBe(true);
    expect(out.aggregate.notModelled.some((s) => s.service.startsWith("'=cmd"))).toBe(true);
    expect(out.aggregate.notes.join(" ")).toMatch(/spreadsheet formula/);
  });
});
