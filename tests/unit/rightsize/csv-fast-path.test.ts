/**
 * The in-place CSV reader (quote-free CSV, "\n" / "\r\n" line breaks) must give exactly what papaparse gives:
 * same samples, times, gaps, skipped rows with their line numbers, reserved medians and warnings. Checked on
 * generated files with every delimiter papaparse guesses, both line breaks, blank and whitespace-only lines,
 * preambles, short rows, units, gap tokens, bad values and bad times, and on the examples.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseUsageText } from "@/lib/rightsize/usage";

function both(text: string) {
  return { fast: parseUsageText(text), reference: parseUsageText(text, undefined, { csvReader: "papaparse" }) };
}

const cellValue = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: 0, max: 99_999 }).map((n) => (n / 100).toFixed(n % 3)) },
  { weight: 1, arbitrary: fc.constantFrom("", " ", "-", "n/a", "NaN", "512 MB", "1.5 GB", "0.5 vCPU", "45%", "abc", "-3", "1e3", " 7 ", "1,024", "12.", ".5", "1234567890123456") },
);
const timeValue = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 10_000_000 }).map((m) => new Date(Date.UTC(2026, 9, 1) + m * 60_000).toISOString()) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 10_000_000 }).map((m) => new Date(Date.UTC(2026, 9, 1) + m * 60_000).toISOString().replace("T", " ").replace(".000Z", "")) },
  { weight: 1, arbitrary: fc.constantFrom("", "not a time", "2026-13-01T00:00:00Z", "2026-10-01T00:00:00+02:00", "1759276800", "2026-10-01T00:00:00.5Z") },
);

const csvFile = fc
  .record({
    delimiter: fc.constantFrom(",", ";", "\t", "|"),
    linebreak: fc.constantFrom("\n", "\r\n"),
    header: fc.constantFrom(
      ["Timestamp", "CpuUtilized", "CpuReserved", "MemoryUtilized", "MemoryReserved"],
      ["@timestamp", "CpuUtilized", "MemoryUtilized"],
      ["Time", "CPUUtilization", "MemoryUtilization"],
      ["CpuUtilized (Maximum)", "MemoryUtilized (Maximum)", "CpuUtilized (Average)"],
    ),
    preamble: fc.array(fc.constantFrom("Exported from CloudWatch", "", "   ", "period: 60"), { maxLength: 3 }),
    rows: fc.array(
      fc.oneof(
        { weight: 10, arbitrary: fc.tuple(timeValue, fc.array(cellValue, { minLength: 2, maxLength: 4 })).map(([t, cells]) => [t, ...cells]) },
        { weight: 1, arbitrary: fc.constantFrom<string[]>([""], ["   "], ["2026-10-01T00:00:00Z"]) },
      ),
      { maxLength: 60 },
    ),
    trailingBreak: fc.boolean(),
  })
  .map(({ delimiter, linebreak, header, preamble, rows, trailingBreak }) => {
    const lines = [...preamble, header.join(delimiter), ...rows.map((r) => r.join(delimiter))];
    return lines.join(linebreak) + (trailingBreak ? linebreak : "");
  });

describe("fast CSV reader = papaparse", () => {
  it("on generated quote-free files (every guessed delimiter, both line breaks)", () => {
    fc.assert(
      fc.property(csvFile, (text) => {
        const { fast, reference } = both(text);
        expect(fast).toEqual(reference);
      }),
      { numRuns: 400 },
    );
  });

  it("on the bundled example exports", () => {
    const dir = path.join(__dirname, "..", "..", "..", "examples", "usage");
    const files = readdirSync(dir).filter((f) => f.endsWith(".csv"));
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) {
      const { fast, reference } = both(readFileSync(path.join(dir, f), "utf8"));
      expect(fast, f).toEqual(reference);
    }
  });

  it("reads lone \\r inside a \\n-separated file the way papaparse does (kept in the last cell)", () => {
    const text = "Timestamp,CpuUtilized,MemoryUtilized\n2026-10-01T00:00:00Z,100,200\r\n2026-10-01T00:01:00Z,110,210\n";
    const { fast, reference } = both(text);
    expect(fast).toEqual(reference);
    expect(fast.ok && fast.usage.memory?.count).toBe(2); // "200\r" reads as 200 through the general path
  });

  it("leaves files with quotes to papaparse (quoted cells may hold delimiters and line breaks)", () => {
    const text = 'Timestamp,CpuUtilized,MemoryUtilized\n"2026-10-01T00:00:00Z","1,024","2,048"\n';
    const r = parseUsageText(text);
    expect(r.ok && [r.usage.cpu?.values[0], r.usage.memory?.values[0]]).toEqual([1024, 2048]);
  });

  it("reports progress rising to 1 on a 60,000-row file", () => {
    const lines = ["Timestamp,CpuUtilized,CpuReserved,MemoryUtilized,MemoryReserved"];
    for (let i = 0; i < 60_000; i++) lines.push(`${new Date(Date.UTC(2026, 9, 1) + i * 60_000).toISOString()},${100 + (i % 400)}.5,1024,${800 + (i % 200)},2048`);
    const text = lines.join("\n");
    const seen: number[] = [];
    const r = parseUsageText(text, (f) => seen.push(f));
    expect(r.ok && r.usage.cpu?.count).toBe(60_000);
    expect(seen.length).toBeGreaterThanOrEqual(3); // ~3.1 MB: at 1 and 2 MB, then 1
    for (let i = 1; i < seen.length; i++) expect(seen[i]!).toBeGreaterThanOrEqual(seen[i - 1]!);
    expect(seen.at(-1)).toBe(1);
    expect(r).toEqual(parseUsageText(text, undefined, { csvReader: "papaparse" }));
  });
});
