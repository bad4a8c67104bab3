import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { analyzeUsageText, binaryProblem, checkUsageFileSize, classifyName, MAX_USAGE_FILE_BYTES, parseUsageText, plainDecimal, readCell, readTime } from "@/lib/rightsize/usage";

const example = (name: string) => readFileSync(path.join(import.meta.dirname, "../../../examples/usage", name), "utf8");

function parsed(text: string) {
  const r = parseUsageText(text);
  if (!r.ok) throw new Error(r.error);
  return r.usage;
}
function error(text: string) {
  const r = parseUsageText(text);
  if (r.ok) throw new Error("expected an error");
  return r.error;
}

describe("cells, names and times", () => {
  it("reads units in cells", () => {
    expect(readCell("512 MB", "mem-units")).toBe(512);
    expect(readCell("1.5 GB", "mem-units")).toBe(1536);
    expect(readCell("45%", "cpu-percent")).toBe(45);
    expect(readCell(" 45.5 % ", "cpu-percent")).toBe(45.5);
    expect(readCell("0.5 vCPU", "cpu-units")).toBe(512);
    expect(readCell("256 units", "cpu-units")).toBe(256);
    expect(readCell("1,024", "cpu-units")).toBe(1024);
    expect(readCell("", "cpu-units")).toBe("gap");
    expect(readCell("n/a", "cpu-units")).toBe("gap");
    expect(readCell("45%", "mem-units")).toMatch(/percentage/);
    expect(readCell("12 MB", "cpu-percent")).toMatch(/percent column/);
    expect(readCell("-3", "cpu-units")).toMatch(/negative/);
    expect(readCell("abc", "cpu-units")).toMatch(/not a number/);
  });
  it("the fast decimal path equals Number() (property)", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e9, noNaN: true }), fc.integer({ min: 0, max: 6 }), (x, d) => {
        const s = x.toFixed(d);
        const fast = plainDecimal(s);
        if (!Number.isNaN(fast)) expect(fast).toBe(Number(s));
      }),
      { numRuns: 5000 },
    );
    expect(plainDecimal("412.37")).toBe(412.37);
    expect(plainDecimal("7")).toBe(7);
    expect(plainDecimal("1.")).toBe(1);
    expect(plainDecimal(".5")).toBe(0.5);
    for (const s of ["", ".", "1.2.3", "-1", "1e3", " 1", "12 MB", "1234567890123456"]) expect(plainDecimal(s)).toBeNaN();
  });
  it("recognizes CloudWatch metric names", () => {
    expect(classifyName("CpuUtilized")).toBe("cpu-units");
    expect(classifyName("ECS/ContainerInsights CpuUtilized ServiceName=api (Maximum)")).toBe("cpu-units");
    expect(classifyName("CPUUtilization")).toBe("cpu-percent");
    expect(classifyName("memory_utilization")).toBe("mem-percent");
    expect(classifyName("MemoryUtilized (MB)")).toBe("mem-units");
    expect(classifyName("MemoryReserved")).toBe("mem-reserved");
    expect(classifyName("@timestamp")).toBe("time");
    expect(classifyName("Timestamp")).toBe("time");
    expect(classifyName("NetworkRxBytes")).toBeNull();
  });
  it("reads timestamps as UTC", () => {
    expect(readTime("2026-11-09T00:05:00Z")).toBe(Date.UTC(2026, 10, 9, 0, 5));
    expect(readTime("2026-11-09 13:00:00")).toBe(Date.UTC(2026, 10, 9, 13));
    expect(readTime("2024-02-29T23:59:59.250Z")).toBe(Date.UTC(2024, 1, 29, 23, 59, 59, 250));
    expect(readTime("2026-11-09T00:00:00+00:00")).toBe(Date.UTC(2026, 10, 9));
    expect(readTime(1794182400)).toBe(1794182400000);
    expect(readTime("1794182400000")).toBe(1794182400000);
    expect(readTime("Mon, 09 Nov 2026 10:00:00 GMT")).toBe(Date.UTC(2026, 10, 9, 10));
    expect(readTime("yesterday")).toBeNaN();
  });
});

describe("CSV", () => {
  it("Container Insights columns, gaps, blank lines, units, skipped rows with line numbers", () => {
    const text = [
      "Timestamp,CpuUtilized,CpuReserved,MemoryUtilized,MemoryReserved", // line 1
      "2026-11-09T00:00:00Z,100,1024,500 MB,2048", // 2
      "", // 3 blank
      "2026-11-09T00:01:00Z,,1024,,2048", // 4 gap
      "2026-11-09T00:02:00Z,oops,1024,600,2048", // 5 skipped
      "2026-11-09T00:03:00Z,300,1024,0.5 GB,2048", // 6 (0.5 GB = 512 MiB)
      "2026-11-09T00:04:00Z,200,1024,,2048", // 7 memory gap only
    ].join("\n");
    const u = parsed(text);
    expect(u.format).toBe("container-insights-csv");
    expect(u.cpu!.unit).toBe("cpu-units");
    expect(Array.from(u.cpu!.values)).toEqual([100, 300, 200]);
    expect(Array.from(u.memory!.values)).toEqual([500, 512]);
    expect(u.cpu!.times![0]).toBe(Date.UTC(2026, 10, 9, 0, 0));
    expect(u.gaps).toBe(1);
    expect(u.skippedCount).toBe(1);
    expect(u.skipped[0]).toMatchObject({ line: 5, where: "line 5" });
    expect(u.skipped[0]!.reason).toContain('"oops" is not a number');
    expect(u.reserved).toEqual({ cpuUnits: 1024, memoryMiB: 2048 });
    expect(u.rows).toBe(5);
  });

  it("service metrics in percent, CRLF, case-insensitive names, statistic preference", () => {
    const text = "time,cpuutilization (Average),CPUUtilization (Maximum),MemoryUtilization\r\n2026-11-09 00:00:00,10,20,30%\r\n2026-11-09 00:01:00,11,25,35%\r\n";
    const u = parsed(text);
    expect(u.format).toBe("service-metrics-csv");
    expect(u.cpu!.source).toBe("CPUUtilization (Maximum)");
    expect(Array.from(u.cpu!.values)).toEqual([20, 25]);
    expect(Array.from(u.memory!.values)).toEqual([30, 35]);
    expect(u.warnings.join(" ")).toContain("Ignored column(s): cpuutilization (Average)");
  });

  it("skips a console-export preamble before the header", () => {
    const u = parsed(example("spiky-batch-worker-service-metrics.csv"));
    expect(u.format).toBe("service-metrics-csv");
    expect(u.warnings[0]).toContain("header on line 5");
    expect(u.skippedCount).toBe(1);
    expect(u.skipped[0]!.line).toBe(4327);
    // 7 days x 24 h x 60 = 10080 rows, one with #ERR
    expect(u.rows).toBe(10_080);
    expect(u.cpu!.count).toBe(10_079);
  });

  it("a CPU-only file is fine; memory is then missing", () => {
    const u = parsed("Timestamp,CPUUtilization\n2026-11-09T00:00:00Z,50\n");
    expect(u.memory).toBeNull();
    expect(u.cpu!.count).toBe(1);
  });
});

describe("JSON", () => {
  it("GetMetricData output", () => {
    const doc = {
      MetricDataResults: [
        { Id: "m1", Label: "CpuUtilized", Timestamps: ["2026-11-09T00:01:00Z", "2026-11-09T00:00:00Z"], Values: [300, 100], StatusCode: "Complete" },
        { Id: "m2", Label: "MemoryUtilized", Timestamps: ["2026-11-09T00:01:00Z", "2026-11-09T00:00:00Z"], Values: [700, 650], StatusCode: "PartialData" },
        { Id: "m3", Label: "NetworkRxBytes", Timestamps: [], Values: [] },
      ],
    };
    const u = parsed(JSON.stringify(doc));
    expect(u.format).toBe("getmetricdata-json");
    expect(Array.from(u.cpu!.values)).toEqual([300, 100]);
    expect(Array.from(u.memory!.values)).toEqual([700, 650]);
    expect(u.warnings.join(" ")).toMatch(/PartialData/);
    expect(u.warnings.join(" ")).toMatch(/NetworkRxBytes.*ignored/);
  });

  it("get-metric-statistics output prefers Maximum", () => {
    const doc = { Label: "CPUUtilization", Datapoints: [{ Timestamp: "2026-11-09T00:00:00Z", Average: 10, Maximum: 40, Unit: "Percent" }, { Timestamp: "2026-11-09T00:05:00Z", Average: 12, Maximum: 60, Unit: "Percent" }] };
    const u = parsed(JSON.stringify(doc));
    expect(u.format).toBe("get-metric-statistics-json");
    expect(Array.from(u.cpu!.values)).toEqual([40, 60]);
    expect(u.memory).toBeNull();
  });

  it("performance log events: Task events only, bad lines reported with their numbers", () => {
    const lines = [
      JSON.stringify({ Type: "Task", Timestamp: 1794182400000, CpuUtilized: 100.5, CpuReserved: 1024, MemoryUtilized: 400, MemoryReserved: 4096 }),
      JSON.stringify({ Type: "Container", Timestamp: 1794182400000, CpuUtilized: 90, MemoryUtilized: 380 }),
      "{not json",
      "",
      JSON.stringify({ Type: "Task", Timestamp: 1794182460000, CpuUtilized: 200, CpuReserved: 1024, MemoryUtilized: 450, MemoryReserved: 4096 }),
    ].join("\n");
    const u = parsed(lines);
    expect(u.format).toBe("performance-log-events");
    expect(Array.from(u.cpu!.values)).toEqual([100.5, 200]);
    expect(Array.from(u.memory!.values)).toEqual([400, 450]);
    expect(u.skipped).toEqual([{ line: 3, where: "line 3", reason: "not valid JSON" }]);
    expect(u.reserved).toEqual({ cpuUnits: 1024, memoryMiB: 4096 });
    expect(u.warnings.join(" ")).toContain("ignored 1 other event");
  });

  it("filter-log-events output wraps events in message strings", () => {
    const ev = { Type: "Task", Timestamp: 1794182400000, CpuUtilized: 64, MemoryUtilized: 128 };
    const u = parsed(JSON.stringify({ events: [{ timestamp: 1794182400000, message: JSON.stringify(ev) }] }));
    expect(Array.from(u.cpu!.values)).toEqual([64]);
  });

  it("every example file parses", () => {
    for (const f of ["steady-web-container-insights.csv", "spiky-batch-worker-service-metrics.csv", "underprovisioned-api-container-insights.csv", "steady-web-getmetricdata.json", "perf-log-events.jsonl"]) {
      const r = analyzeUsageText(example(f));
      expect(r.ok, f).toBe(true);
    }
  });
});

describe("bad files get clear messages", () => {
  it("empty", () => {
    expect(error("")).toMatch(/empty/);
    expect(error(" \n\n ")).toMatch(/empty/);
    expect(checkUsageFileSize(0)).toMatch(/empty/);
  });
  it("binary", () => {
    expect(error("PK\u0003\u0004\u0014\u0000\u0006\u0000")).toMatch(/ZIP archive/);
    expect(error("\u001f\ufffd\u0008\u0000\u0000abc")).toMatch(/binary/);
    expect(binaryProblem("a,b\n1,2\n")).toBeNull();
    const png = "\ufffdPNG\r\n\u001a\n" + "\ufffd".repeat(50) + "IHDR";
    expect(error(png)).toMatch(/binary|not UTF-8/);
  });
  it("wrong columns list what was found", () => {
    const e = error("date,requests,latency_ms\n2026-11-09,10,20\n");
    expect(e).toMatch(/No utilization columns/);
    expect(e).toMatch(/CpuUtilized/);
    expect(e).toContain("found columns: date, requests, latency_ms");
  });
  it("header only, or nothing readable", () => {
    expect(error("Timestamp,CpuUtilized\n")).toMatch(/no data rows/);
    expect(error("Timestamp,CpuUtilized\nx,abc\ny,def\n")).toMatch(/all 2 data row\(s\) were unreadable \(first: line 2/);
  });
  it("unrelated JSON", () => {
    expect(error('{"version":1,"region":"us-east-1"}')).toMatch(/not a CloudWatch export.*found keys: version, region/);
    expect(error("[]")).toMatch(/empty list/);
    expect(error("{broken")).toMatch(/not valid JSON/);
    expect(error(JSON.stringify({ MetricDataResults: [{ Label: "Latency", Values: [1] }] }))).toMatch(/found Latency/);
  });
  it("oversized (> 50 MB)", () => {
    expect(checkUsageFileSize(MAX_USAGE_FILE_BYTES + 1)).toMatch(/52,428,801 bytes\), more than the 50 MB limit/);
    expect(checkUsageFileSize(MAX_USAGE_FILE_BYTES)).toBeNull();
    const big = "x".repeat(MAX_USAGE_FILE_BYTES + 1);
    expect(error(big)).toMatch(/more than the 50 MB limit/);
  });
});
