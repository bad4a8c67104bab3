import { describe, expect, it } from "vitest";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { main } from "@/bin/rightsize";
import { runCli } from "../../support/cli";


async function run(argv: string[], stdin = "") {
  const { code, stdout: out, stderr: err } = await runCli(main, argv, stdin);
  return { code, out, err, json: code === 0 ? JSON.parse(out) : null };
}

describe("rightsize CLI on the sample files", () => {
  it("steady web service: 1 vCPU / 2 GiB -> 0.5 vCPU / 1 GiB", async () => {
    const r = await run(["examples/usage/steady-web-container-insights.csv", "--current-vcpu", "1", "--current-memory", "2", "--tasks", "2"]);
    expect(r.code).toBe(0);
    expect(r.json.recommended).toEqual({ vcpu: 0.5, memoryGiB: 1, validFargateSize: true });
    expect(r.json.finding).toBe("over-provisioned");
    expect(r.json.usage.format).toBe("container-insights-csv");
    // 14 days x 288 five-minute rows = 4032, two of them gaps
    expect(r.json.usage.rows).toBe(4032);
    expect(r.json.usage.gaps).toBe(2);
    // same hand computation as recommend.test.ts: 72.0802 -> 36.0401 for 2 tasks
    expect(r.json.monthlySavingsUSD).toBeCloseTo(36.0401, 9);
    expect(r.json.estimates).toBeUndefined();
  });

  it("--catalog-dir takes data/ or data/catalog itself, as the estimate CLI's --data-dir does", async () => {
    const file = "examples/usage/steady-web-container-insights.csv";
    const size = ["--current-vcpu", "1", "--current-memory", "2", "--tasks", "2"];
    for (const dir of ["data", "data/catalog"]) {
      const r = await run([file, ...size, "--catalog-dir", dir]);
      expect(r.code, dir).toBe(0);
      expect(r.json.monthlySavingsUSD).toBeCloseTo(36.0401, 9);
    }
  });

  it("spiky worker in percent: keeps 2 vCPU, trims memory 8 -> 5 GiB", async () => {
    const r = await run(["examples/usage/spiky-batch-worker-service-metrics.csv", "--current-vcpu=2", "--current-memory=8", "--tasks=3"]);
    expect(r.code).toBe(0);
    expect(r.json.recommended).toMatchObject({ vcpu: 2, memoryGiB: 5 });
    // memory max 50% of 8 GiB = 4 GiB x 1.15 = 4.6 -> 5 GiB; saving 3 GiB x 3 tasks x 730 h x 0.004445 = 29.20365
    expect(r.json.monthlySavingsUSD).toBeCloseTo(29.20365, 9);
    expect(r.json.usage.skipped[0].line).toBe(4327);
  });

  it("under-provisioned API is flagged", async () => {
    const r = await run(["examples/usage/underprovisioned-api-container-insights.csv", "--current-vcpu", "0.5", "--current-memory", "1"]);
    expect(r.code).toBe(0);
    expect(r.json.underProvisioned.any).toBe(true);
    expect(r.json.finding).toBe("under-provisioned");
    expect(r.json.recommended).toMatchObject({ vcpu: 1, memoryGiB: 2 });
  });

  it("takes the current size from a task definition, JSON formats, options", async () => {
    const r = await run([
      "examples/usage/perf-log-events.jsonl",
      "--task-definition",
      "examples/task-definitions/describe-api-arm64.json",
      "--cpu-percentile",
      "p99",
      "--memory-percentile",
      "p95",
      "--headroom",
      "20",
      "--full",
    ]);
    expect(r.code).toBe(0);
    expect(r.json.current).toEqual({ vcpu: 1, memoryGiB: 4, os: "linux", architecture: "arm64" });
    expect(r.json.settings).toEqual({ cpuPercentile: "p99", memoryPercentile: "p95", headroomPct: 20 });
    expect(r.json.service).toBe("checkout-api");
    expect(r.json.estimates.current.options[0].lines[0].asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const g = await run(["examples/usage/steady-web-getmetricdata.json", "--current-vcpu", "1", "--current-memory", "2048 MiB", "--region", "eu-west-1"]);
    expect(g.code).toBe(0);
    expect(g.json.region).toBe("eu-west-1");
  });

  it("falls back to the file's reservation for the current size; reads stdin", async () => {
    const csv = "Timestamp,CpuUtilized,CpuReserved,MemoryUtilized,MemoryReserved\n2026-11-09T00:00:00Z,100,1024,300,2048\n";
    const r = await run(["-"], csv);
    expect(r.code).toBe(0);
    expect(r.json.current).toMatchObject({ vcpu: 1, memoryGiB: 2 });
    expect(r.json.warnings.join(" ")).toMatch(/taken from the file's CpuReserved/);
  });
});

describe("rightsize CLI errors exit 2 with a clear message", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "rightsize-cli-"));
  const file = (name: string, content: string | Buffer) => {
    const p = path.join(dir, name);
    writeFileSync(p, content);
    return p;
  };
  it.each([
    [["--current-vcpu", "1"], /missing the usage file/],
    [["nope.csv", "--current-vcpu", "1", "--current-memory", "2"], /cannot read nope.csv: no such file/],
    [["examples/usage/steady-web-container-insights.csv", "--headroom", "abc"], /--headroom: expected a number >= 0/],
    [["examples/usage/steady-web-container-insights.csv", "--cpu-percentile", "p42"], /--cpu-percentile: expected p50, p90, p95, p99 or max/],
    [["examples/usage/steady-web-container-insights.csv", "--current-vcpu", "0"], /--current-vcpu: expected a number > 0/],
    [["examples/usage/steady-web-container-insights.csv", "--current-vcpu", "500", "--current-memory", "2"], /--current-vcpu: must be <= 192/],
    [["examples/usage/steady-web-container-insights.csv", "--region", "mars-1"], /--region/],
    [["examples/usage/spiky-batch-worker-service-metrics.csv"], /--current-vcpu is required/],
    [["examples/usage/steady-web-container-insights.csv", "--bogus"], /unknown option --bogus/],
    [["examples/usage/steady-web-container-insights.csv", "--task-definition", "examples/usage/README.md"], /not a usable task definition/],
  ])("%j", async (argv, message) => {
    const r = await run(argv as string[]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message as RegExp);
    expect(r.out).toBe("");
  });
  it("bad files: empty, binary, wrong columns, over 50 MB", async () => {
    const cases: [string, RegExp][] = [
      [file("empty.csv", ""), /empty/],
      [file("book.xlsx", Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0x00, 0x00, 0x21, 0x00])), /ZIP archive/],
      [file("img.png", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52])), /binary/],
      [file("cols.csv", "date,requests\n2026-11-09,5\n"), /No utilization columns.*found columns: date, requests/],
      [file("big.csv", Buffer.alloc(50 * 1024 * 1024 + 1, 0x31)), /more than the 50 MB limit/],
    ];
    for (const [p, msg] of cases) {
      const r = await run([p, "--current-vcpu", "1", "--current-memory", "2"]);
      expect(r.code, p).toBe(2);
      expect(r.err, p).toMatch(msg);
    }
  });
});
