/**
 * Cost per 1M requests (docs/billing-rules.md#cost-per-requests) and load balancer dimensions derived from requests
 * (docs/billing-rules.md#lb-from-requests), by hand from the us-east-1 rates of catalog 2026-12-01:
 * Fargate x86 0.04048/vCPU-h, 0.004445/GB-h; Fargate Spot 0.01288561/vCPU-h, 0.00141493/GB-h; ALB 0.0225/h + 0.008/LCU-h.
 *
 * Workload:
 * - web    0.5 vCPU / 1 GiB x 2 tasks, always on (730 h), 100 requests/s -> 100 x 3600 x 730 = 262,800,000 requests
 * - cron   0.25 vCPU / 0.5 GiB x 1 task, 24 runs/day x 300 s x 30 days, 5 requests/s while it runs:
 *          serving hours = min(24, 24 x 300 / 3600 = 2) x 30 = 60 h -> 5 x 3600 x 60 = 1,080,000 requests
 * - worker 1 vCPU / 2 GiB x 1 task, always on, no requests given (a backend: its cost is in the total)
 * - idle   1 vCPU / 2 GiB x 0 tasks, 50 requests/s given: no task runs, so 0 serving hours, 0 requests
 * Requests a month: 262,800,000 + 1,080,000 = 263,880,000 = 263.88 M.
 */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "@/bin/estimate";
import { loadRegionCatalog } from "@/lib/catalog/fs-loader";
import { estimate } from "@/lib/engine/estimate";
import { monthlyRequests, servingHoursPerMonth } from "@/lib/engine/unit-cost";
import { formatCostPer1M } from "@/lib/regions/table";
import { EstimateResultSchema, parseEstimateInput, type EstimateInputRaw, type EstimateResult } from "@/lib/schemas/estimate";

const ROOT = path.resolve(import.meta.dirname, "..", "..", "..");
const catalog = loadRegionCatalog("us-east-1", "2026-12-01", { dataDir: path.join(ROOT, "data") });

const SERVICES: EstimateInputRaw["services"] = [
  { name: "web", vcpu: 0.5, memoryGiB: 1, tasks: 2, requestsPerSecond: 100 },
  { name: "cron", vcpu: 0.25, memoryGiB: 0.5, tasks: 1, requestsPerSecond: 5, usage: { kind: "scheduled", runsPerDay: 24, secondsPerRun: 300, daysPerMonth: 30 } },
  { name: "worker", vcpu: 1, memoryGiB: 2, tasks: 1 },
  { name: "idle", vcpu: 1, memoryGiB: 2, tasks: 0, requestsPerSecond: 50 },
];
const M_REQUESTS = 263.88;

function run(extra: Partial<EstimateInputRaw> = {}): EstimateResult {
  const parsed = parseEstimateInput({ version: 1, region: "us-east-1", catalog: "2026-12-01", services: SERVICES, ...extra });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return EstimateResultSchema.parse(estimate(parsed.value, catalog));
}
const option = (r: EstimateResult, id: string) => r.options.find((o) => o.id === id)!;

describe("requests served in a month", () => {
  it("serving hours: continuous = hoursPerMonth, scheduled = runs x duration (at most the day) x days, no tasks = 0", () => {
    const parsed = parseEstimateInput({ version: 1, region: "us-east-1", services: SERVICES });
    if (!parsed.ok) throw new Error("invalid");
    const [web, cron, , idle] = parsed.value.services;
    expect(servingHoursPerMonth(web!)).toBe(730);
    expect(servingHoursPerMonth(cron!)).toBeCloseTo(60, 12);
    expect(servingHoursPerMonth(idle!)).toBe(0);
    // 48 runs of 1 h a day overlap: the service is up at most 24 h a day -> 24 x 30 = 720 h
    expect(servingHoursPerMonth({ tasks: 1, usage: { kind: "scheduled", runsPerDay: 48, secondsPerRun: 3600, daysPerMonth: 30 } })).toBe(720);
    const requests = monthlyRequests(parsed.value);
    expect(requests?.total).toBeCloseTo(263_880_000, 3);
    expect(requests?.services.map((s) => s.name)).toEqual(["web", "cron", "idle"]);
  });
});

describe("costPer1MRequests on every option", () => {
  const result = run();

  it("Fargate: (36.0401 + 0.74055 + 36.0401) / 263.88 M", () => {
    // web 1460 task-h x (0.5 x 0.04048 + 1 x 0.004445 = 0.024685) = 36.0401
    // cron 60 task-h x (0.25 x 0.04048 + 0.5 x 0.004445 = 0.0123425) = 0.74055 (300 s runs: above the 1-minute minimum)
    // worker 730 task-h x (0.04048 + 2 x 0.004445 = 0.04937) = 36.0401; idle 0
    const total = 36.0401 + 0.74055 + 36.0401; // 72.82075
    expect(option(result, "fargate").monthlyUSD).toBeCloseTo(total, 9);
    expect(option(result, "fargate").costPer1MRequests).toBeCloseTo(total / M_REQUESTS, 12); // 0.27596...
  });

  it("Fargate Spot: (11.4722931 + 0.23573205 + 11.4722931) / 263.88 M", () => {
    // web 1460 x (0.5 x 0.01288561 + 0.00141493 = 0.007857735) = 11.4722931
    // cron 60 x (0.25 x 0.01288561 + 0.5 x 0.00141493 = 0.0039288675) = 0.23573205
    // worker 730 x (0.01288561 + 2 x 0.00141493 = 0.01571547) = 11.4722931
    const total = 11.4722931 + 0.23573205 + 11.4722931; // 23.18031825
    expect(option(result, "fargate-spot").monthlyUSD).toBeCloseTo(total, 9);
    expect(option(result, "fargate-spot").costPer1MRequests).toBeCloseTo(total / M_REQUESTS, 12);
  });

  it("EC2 and every other option: its own total / 263.88 M; unavailable -> null", () => {
    for (const o of result.options) {
      if (o.available) expect(o.costPer1MRequests).toBeCloseTo(o.monthlyUSD! / M_REQUESTS, 12);
      else expect(o.costPer1MRequests).toBeNull();
    }
    expect(result.options.map((o) => o.id)).toContain("ec2");
  });

  it("the whole bill is in the numerator: an ALB adds 730 x 0.0225 = 16.425 to every option", () => {
    const withAlb = run({ network: { loadBalancers: [{ name: "public", type: "alb" }] } });
    for (const id of ["fargate", "fargate-spot"]) {
      expect(option(withAlb, id).costPer1MRequests).toBeCloseTo((option(result, id).monthlyUSD! + 16.425) / M_REQUESTS, 12);
    }
  });

  it("requests given but none served (only tasks: 0 services) -> null; no requests anywhere -> absent (old results unchanged)", () => {
    const none = run({ services: [{ name: "idle", vcpu: 1, memoryGiB: 2, tasks: 0, requestsPerSecond: 50 }, { name: "w", vcpu: 1, memoryGiB: 2, tasks: 1 }] });
    expect(option(none, "fargate").costPer1MRequests).toBeNull();
    const plain = run({ services: [{ name: "w", vcpu: 1, memoryGiB: 2, tasks: 1 }] });
    for (const o of plain.options) expect("costPer1MRequests" in o).toBe(false);
  });

  it("the CLI's JSON carries it and its table shows a 'Per 1M req' column", async () => {
    let stdout = "";
    const raw = JSON.stringify({ version: 1, region: "us-east-1", catalog: "2026-12-01", services: SERVICES });
    const io = { stdout: (t: string) => void (stdout += t), stderr: () => {}, readStdin: async () => raw, cwd: ROOT };
    expect(await main(["-"], io)).toBe(0);
    const json = JSON.parse(stdout) as EstimateResult;
    expect(option(json, "fargate").costPer1MRequests).toBeCloseTo(72.82075 / M_REQUESTS, 12);
    stdout = "";
    expect(await main(["-", "--format", "table"], io)).toBe(0);
    expect(stdout).toMatch(/Per 1M req/);
    // 72.82075 / 263.88 = 0.275962...: below a dollar, 4 significant digits
    expect(stdout).toContain(formatCostPer1M(72.82075 / M_REQUESTS));
    expect(formatCostPer1M(72.82075 / M_REQUESTS)).toBe("$0.276");
    expect(stdout).toMatch(/263\.88 M requests a month/);
  });
});

describe("load balancer dimensions from requests", () => {
  const lbLines = (r: EstimateResult) => option(r, "fargate").lines.filter((l) => l.category === "load-balancer");

  it("processed bytes: 263.88 M requests x 20,000 bytes = 5,277.6 GB a month = 5,277.6 LCU-hours", () => {
    // average 263,880,000 / (730 x 3600) = 100.41 requests/s -> 4.016 LCU of new connections;
    // 100.41 x 20,000 x 3600 / 1e9 = 7.22959 GB/h -> 7.22959 LCU (largest) x 730 h = 5,277.6 LCU-hours x 0.008 = 42.2208
    const r = run({ network: { loadBalancers: [{ name: "public", type: "alb", fromRequests: { bytesPerRequest: 20_000 } }] } });
    const [hours, lcu] = lbLines(r);
    expect(hours?.usd).toBeCloseTo(16.425, 9); // 730 x 0.0225
    expect(lcu?.quantity).toBeCloseTo(5277.6, 6);
    expect(lcu?.usd).toBeCloseTo(42.2208, 9);
    expect(lcu?.note).toMatch(/Derived from requests \(every service with requestsPerSecond\).*20000 bytes per request/);
  });

  it("keep-alive: 4 requests per connection -> 263,880,000 / 4 / 3600 / 25 = 733 LCU-hours (new connections)", () => {
    const r = run({ network: { loadBalancers: [{ name: "public", type: "alb", fromRequests: { requestsPerConnection: 4 } }] } });
    const lcu = lbLines(r)[1];
    expect(lcu?.quantity).toBeCloseTo(733, 9);
    expect(lcu?.usd).toBeCloseTo(5.864, 9); // 733 x 0.008
    expect(lcu?.note).toMatch(/largest dimension: new connections/);
  });

  it("only the named services, split over the group's load balancers: web 100/s over 2 ALBs = 50/s = 2 LCU each", () => {
    // 2 ALBs x 730 h x 2 LCU = 2,920 LCU-hours x 0.008 = 23.36; hours 2 x 730 x 0.0225 = 32.85
    const r = run({ network: { loadBalancers: [{ name: "public", type: "alb", count: 2, fromRequests: { services: ["web"] } }] } });
    const [hours, lcu] = lbLines(r);
    expect(hours?.usd).toBeCloseTo(32.85, 9);
    expect(lcu?.quantity).toBeCloseTo(2920, 9);
    expect(lcu?.usd).toBeCloseTo(23.36, 9);
  });

  it("NLB: 100 new flows/s from web / 800 per NLCU = 0.125 NLCU x 730 = 91.25 NLCU-hours x 0.006 = 0.5475", () => {
    const r = run({ network: { loadBalancers: [{ name: "tcp", type: "nlb", fromRequests: { services: ["web"] } }] } });
    expect(lbLines(r)[1]?.usd).toBeCloseTo(0.5475, 9);
  });

  it("an input without fromRequests keeps its dimensions as typed", () => {
    const r = run({ network: { loadBalancers: [{ name: "public", type: "alb", newConnectionsPerSecond: 50 }] } });
    expect(lbLines(r)[1]?.quantity).toBeCloseTo(1460, 9); // 50 / 25 = 2 LCU x 730 h
    expect(lbLines(r)[1]?.note ?? "").not.toMatch(/Derived from requests/);
  });
});

describe("CSV", () => {
  it("appends the option's cost per 1M requests to each of its lines only when requests are given", async () => {
    const { estimateToCsv, CSV_COLUMNS, CSV_COST_PER_1M_COLUMN } = await import("@/lib/export/csv");
    const withRequests = estimateToCsv(run()).split("\r\n");
    expect(withRequests[0]).toBe([...CSV_COLUMNS, CSV_COST_PER_1M_COLUMN].join(","));
    const fargateLine = withRequests.find((l) => l.startsWith("fargate,web,"))!;
    // 72.82075 / 263.88 = 0.27596... (full precision in the CSV)
    expect(Number(fargateLine.split(",").at(-1))).toBeCloseTo(72.82075 / M_REQUESTS, 12);
    const plain = estimateToCsv(run({ services: [{ name: "w", vcpu: 1, memoryGiB: 2, tasks: 1 }] })).split("\r\n");
    expect(plain[0]).toBe(CSV_COLUMNS.join(","));
    expect(plain[1]?.replace(/"[^"]*"/g, "quoted").split(",").length).toBe(CSV_COLUMNS.length);
  });
});
