/**
 * The whole bill: load balancers, NAT, public IPv4, endpoints, egress, inter-AZ and logs (docs/billing-rules.md#network-lines),
 * computed by hand from the us-east-1 rates of catalog 2026-12-01 (docs/price-catalog.md#network-and-logs):
 * ALB 0.0225/h + 0.008/LCU-h; NLB 0.0225/h + 0.006/NLCU-h; NAT 0.045/h + 0.045/GB; public IPv4 0.005/address-h;
 * interface endpoint 0.01/AZ-h + 0.01/GB; Logs 0.50/GB Standard, 0.25/GB Infrequent Access, 0.03/GB-month stored;
 * egress 100 GB free, then 0.09 (10 TB), 0.085 (40 TB), 0.07 (100 TB), 0.05; inter-AZ 0.01/GB each direction.
 * Each case runs through the engine, POST /api/estimate and the CLI.
 */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { POST } from "@/app/api/estimate/route";
import { main } from "@/bin/estimate";
import { loadRegionCatalog } from "@/lib/catalog/fs-loader";
import { estimate } from "@/lib/engine";
import { presentOption } from "@/lib/present";
import { parseEstimateInput, type EstimateInputRaw, type EstimateResult } from "@/lib/schemas/estimate";
import { runCli } from "../../support/cli";

const ROOT = path.resolve(import.meta.dirname, "..", "..", "..");
const catalog = loadRegionCatalog("us-east-1", "2026-12-01", { dataDir: path.join(ROOT, "data") });

const base = (extra: Partial<EstimateInputRaw>): EstimateInputRaw => ({
  version: 1,
  region: "us-east-1",
  catalog: "2026-12-01",
  services: [{ name: "api", vcpu: 1, memoryGiB: 2, tasks: 4 }],
  ec2: { instanceTypes: ["m5.large"], networkMode: "bridge" },
  ...extra,
});

function engine(raw: EstimateInputRaw): EstimateResult {
  const p = parseEstimateInput(raw);
  if (!p.ok) throw new Error(JSON.stringify(p.errors));
  return estimate(p.value, catalog);
}
async function api(raw: EstimateInputRaw): Promise<EstimateResult> {
  const res = await POST(new Request("http://127.0.0.1/api/estimate", { method: "POST", body: JSON.stringify(raw), headers: { "content-type": "application/json" } }));
  expect(res.status).toBe(200);
  return (await res.json()) as EstimateResult;
}
async function cli(raw: EstimateInputRaw): Promise<EstimateResult> {
  const { code, stdout } = await runCli(main, ["-"], JSON.stringify(raw));
  expect(code).toBe(0);
  return JSON.parse(stdout) as EstimateResult;
}
const option = (r: EstimateResult, id: string) => r.options.find((o) => o.id === id)!;
const extraUSD = (r: EstimateResult, id: string, category: string) =>
  option(r, id)
    .lines.filter((l) => l.category === category)
    .reduce((s, l) => s + l.usd, 0);

/** Every way in: the same lines and totals from the engine, the API and the CLI. */
async function allWays(raw: EstimateInputRaw): Promise<EstimateResult> {
  const r = engine(raw);
  for (const other of [await api(raw), await cli(raw)]) {
    expect(other.options.map((o) => [o.id, o.monthlyUSD])).toEqual(r.options.map((o) => [o.id, o.monthlyUSD]));
  }
  return r;
}

const plain = engine(base({}));
const fargatePlain = option(plain, "fargate").monthlyUSD!;

describe("load balancers", () => {
  const alb = (dims: Record<string, number>) => base({ network: { loadBalancers: [{ name: "public", type: "alb", ...dims }] } });
  it.each([
    // 50 new connections/s / 25 = 2 LCU -> 2 x 730 x 0.008 = 11.68
    ["new connections", { newConnectionsPerSecond: 50 }, 11.68],
    // 6,000 active connections/min / 3,000 = 2 LCU -> 11.68
    ["active connections", { activeConnectionsPerMinute: 6000 }, 11.68],
    // 0.5 GB/h / 1 = 0.5 LCU -> 0.5 x 730 x 0.008 = 2.92
    ["processed bytes", { processedGBPerHour: 0.5 }, 2.92],
    // 3,000 rule evaluations/s / 1,000 = 3 LCU -> 3 x 730 x 0.008 = 17.52
    ["rule evaluations", { ruleEvaluationsPerSecond: 3000 }, 17.52],
  ])("ALB billed on its largest dimension: %s", async (dimension, dims, lcuUSD) => {
    const r = await allWays(alb({ ...dims, newConnectionsPerSecond: (dims as { newConnectionsPerSecond?: number }).newConnectionsPerSecond ?? 1 }));
    const lines = option(r, "fargate").lines.filter((l) => l.category === "load-balancer");
    // hour: 1 x 730 x 0.0225 = 16.425
    expect(lines[0]).toMatchObject({ quantity: 730, rateUSD: 0.0225, usageType: "LoadBalancerUsage", shared: true, asOf: "2025-06-05" });
    expect(lines[0]!.usd).toBeCloseTo(16.425, 9);
    expect(lines[1]!.usd).toBeCloseTo(lcuUSD, 9);
    expect(lines[1]!.note).toContain(`largest dimension: ${dimension}`);
    // the same lines in every option
    expect(extraUSD(r, "ec2", "load-balancer")).toBeCloseTo(16.425 + lcuUSD, 9);
    expect(option(r, "fargate").monthlyUSD!).toBeCloseTo(fargatePlain + 16.425 + lcuUSD, 9);
  });

  it("NLB: 1,600 new flows/s / 800 = 2 NLCU -> 2 x 730 x 0.006 = 8.76, plus 16.425 for the hours", async () => {
    const r = await allWays(base({ network: { loadBalancers: [{ name: "tcp", type: "nlb", count: 1, newConnectionsPerSecond: 1600, activeConnectionsPerMinute: 1000 }] } }));
    expect(extraUSD(r, "fargate", "load-balancer")).toBeCloseTo(16.425 + 8.76, 9);
  });
});

describe("NAT, endpoints, egress, inter-AZ", () => {
  it("NAT: 1 gateway x 730 x 0.045 = 32.85 + 100 GB x 0.045 = 4.50 -> 37.35", async () => {
    const r = await allWays(base({ network: { natGateways: { count: 1, processedGBPerMonth: 100 } } }));
    expect(extraUSD(r, "fargate", "nat-gateway")).toBeCloseTo(37.35, 9);
    expect(extraUSD(r, "fargate-spot", "nat-gateway")).toBeCloseTo(37.35, 9);
  });
  it("interface endpoints: 2 endpoints x 2 AZs x 730 x 0.01 = 29.20 + 50 GB x 0.01 = 0.50", async () => {
    const r = await allWays(base({ network: { vpcInterfaceEndpoints: { count: 2, azs: 2, processedGBPerMonth: 50 } } }));
    expect(extraUSD(r, "fargate", "vpc-endpoint")).toBeCloseTo(29.7, 9);
  });
  it("egress across two tiers: 15,000 GB - 100 free = 14,900: 10,240 x 0.09 = 921.60 + 4,660 x 0.085 = 396.10 -> 1,317.70", async () => {
    const r = await allWays(base({ network: { dataTransferOutGBPerMonth: 15000 } }));
    const lines = option(r, "fargate").lines.filter((l) => l.category === "data-transfer");
    expect(lines.map((l) => l.quantity)).toEqual([10240, 4660]);
    expect(lines.reduce((s, l) => s + l.usd, 0)).toBeCloseTo(1317.7, 9);
    // 300 GB: 200 x 0.09 = 18.00; 80 GB: inside the free 100 GB, no line
    expect(extraUSD(engine(base({ network: { dataTransferOutGBPerMonth: 300 } })), "fargate", "data-transfer")).toBeCloseTo(18, 9);
    expect(option(engine(base({ network: { dataTransferOutGBPerMonth: 80 } })), "fargate").lines.some((l) => l.category === "data-transfer")).toBe(false);
  });
  it("inter-AZ: 50 GB x 2 directions x 0.01 = 1.00", async () => {
    const r = await allWays(base({ network: { interAzGBPerMonth: 50 } }));
    expect(extraUSD(r, "fargate", "data-transfer")).toBeCloseTo(1, 9);
  });
});

describe("public IPv4: per task on Fargate, per instance on EC2", () => {
  it("4 Fargate tasks x 730 h x 0.005 = 14.60; EC2 instance-hours x 0.005; 2 extra addresses x 730 x 0.005 = 7.30 everywhere", async () => {
    const r = await allWays(base({ network: { publicIpv4: { fargateTasks: true, ec2Instances: true, extraAddresses: 2 } } }));
    expect(extraUSD(r, "fargate", "public-ipv4")).toBeCloseTo(14.6 + 7.3, 9);
    expect(extraUSD(r, "fargate-spot", "public-ipv4")).toBeCloseTo(14.6 + 7.3, 9);
    const ec2 = option(r, "ec2");
    const instanceHours = ec2.lines.filter((l) => l.component === "instance").reduce((s, l) => s + l.quantity, 0);
    // bridge mode on m5.large: 2 tasks per instance (CPU), 4 tasks -> 2 instances x 730 h = 1,460 h x 0.005 = 7.30
    expect(instanceHours).toBe(1460);
    expect(extraUSD(r, "ec2", "public-ipv4")).toBeCloseTo(7.3 + 7.3, 9);
    // per-option lines are not shared; the extra addresses are
    expect(option(r, "fargate").lines.filter((l) => l.category === "public-ipv4").map((l) => l.shared ?? false)).toEqual([false, true]);
  });
  it("a scheduled service holds addresses only for its billed task-hours (60 s minimum carried over)", () => {
    // 2 tasks x 24 runs/day x 30 days x max(30 s, 60 s) = 1,440 task-runs x 60 s = 24 task-hours x 0.005 = 0.12
    const r = engine(base({ services: [{ name: "job", vcpu: 1, memoryGiB: 2, tasks: 2, usage: { kind: "scheduled", runsPerDay: 24, secondsPerRun: 30, daysPerMonth: 30 } }], network: { publicIpv4: { fargateTasks: true } } }));
    const ip = option(r, "fargate").lines.find((l) => l.category === "public-ipv4")!;
    expect(ip.quantity).toBeCloseTo(24, 9);
    expect(ip.usd).toBeCloseTo(0.12, 9);
  });
});

describe("CloudWatch Logs per service", () => {
  // docs/billing-rules.md#logs-free-tier: the first 5 GB of Standard ingestion and 5 GB-months of storage are free,
  // account-wide, shown as their own $0 lines. Before that rule: 11.80 and 6.80.
  it("Standard: (20 - 5 free) GB x 0.50 = 7.50 + (20 x 3 - 5 free) GB-months x 0.03 = 1.65 -> 9.15; Infrequent Access: 20 x 0.25 = 5.00 (no free IA ingestion) + 1.65 -> 6.65", async () => {
    const standard = await allWays(base({ services: [{ name: "api", vcpu: 1, memoryGiB: 2, tasks: 4, logs: { ingestedGBPerMonth: 20, class: "standard", retentionMonths: 3 } }] }));
    expect(extraUSD(standard, "fargate", "logs")).toBeCloseTo(9.15, 9);
    const free = option(standard, "fargate").lines.filter((l) => l.label?.includes("free tier"));
    expect(free.map((l) => [l.label, l.quantity, l.usd, l.shared])).toEqual([
      ["CloudWatch Logs ingestion, free tier (first 5 GB a month)", 5, 0, true],
      ["CloudWatch Logs storage, free tier (first 5 GB-months)", 5, 0, true],
    ]);
    const ia = await allWays(base({ services: [{ name: "api", vcpu: 1, memoryGiB: 2, tasks: 4, logs: { ingestedGBPerMonth: 20, class: "infrequent-access", retentionMonths: 3 } }] }));
    expect(extraUSD(ia, "fargate", "logs")).toBeCloseTo(6.65, 9);
    // the service's own subtotal carries its logs
    const svc = option(standard, "fargate").services.find((s) => s.name === "api")!;
    expect(svc.monthlyUSD).toBeCloseTo(fargatePlain + 9.15, 9);
  });

  it("network.logsFreeTier false leaves the allowance out: 20 x 0.50 = 10.00 + 60 x 0.03 = 1.80 -> 11.80", async () => {
    const r = await allWays(base({ network: { logsFreeTier: false }, services: [{ name: "api", vcpu: 1, memoryGiB: 2, tasks: 4, logs: { ingestedGBPerMonth: 20, class: "standard", retentionMonths: 3 } }] }));
    expect(extraUSD(r, "fargate", "logs")).toBeCloseTo(11.8, 9);
    expect(option(r, "fargate").lines.some((l) => l.label?.includes("free tier"))).toBe(false);
  });

  it("the allowance is account-wide: taken once over two services in input order (3 GB from a, 2 GB from b)", async () => {
    const logs = (gb: number) => ({ ingestedGBPerMonth: gb, class: "standard" as const, retentionMonths: 0 });
    const r = await allWays(base({ services: [
      { name: "a", vcpu: 1, memoryGiB: 2, tasks: 1, logs: logs(3) },
      { name: "b", vcpu: 1, memoryGiB: 2, tasks: 1, logs: logs(10) },
    ] }));
    const ingest = option(r, "fargate").lines.filter((l) => l.label?.startsWith("CloudWatch Logs ingestion"));
    // a: 3 - 3 = 0 GB billed; b: 10 - 2 = 8 GB x 0.50 = 4.00; free line 5 GB at $0
    expect(ingest.map((l) => [l.service, l.quantity, l.usd])).toEqual([
      ["a", 0, 0],
      ["b", 8, 4],
      ["Network and shared", 5, 0],
    ]);
  });
});

describe("displayed totals add up with the shared row", () => {
  it("services plus 'Network and shared' add up to the option total to the cent", () => {
    const r = engine(
      base({
        services: [
          { name: "api", vcpu: 1, memoryGiB: 2, tasks: 4, logs: { ingestedGBPerMonth: 7, retentionMonths: 1 } },
          { name: "worker", vcpu: 0.5, memoryGiB: 1, tasks: 3 },
        ],
        network: { loadBalancers: [{ name: "public", type: "alb", newConnectionsPerSecond: 10 }], natGateways: { count: 2, processedGBPerMonth: 33 }, publicIpv4: { fargateTasks: true, ec2Instances: true }, dataTransferOutGBPerMonth: 333 },
      }),
    );
    for (const o of r.options.filter((x) => x.available)) {
      const p = presentOption(o);
      expect(p.services.reduce((s, x) => s + x.cents, 0), o.id).toBe(p.totalCents);
      expect(p.services.map((s) => s.name)).toContain("Network and shared");
      expect(p.groups.reduce((s, g) => s + g.cents, 0), o.id).toBe(p.totalCents);
    }
  });
});

describe("never $0 for a rate the region does not have", () => {
  it("New Zealand has no load balancer rate in the bundled feeds: the options say so", () => {
    const nz = loadRegionCatalog("ap-southeast-6", "2026-12-01", { dataDir: path.join(ROOT, "data") });
    const p = parseEstimateInput({ ...base({ network: { loadBalancers: [{ name: "public", type: "alb" }] } }), region: "ap-southeast-6" });
    if (!p.ok) throw new Error("input");
    const r = estimate(p.value, nz);
    const f = option(r, "fargate");
    expect(f.available).toBe(false);
    expect(f.reason).toMatch(/Application Load Balancer "public" cannot be priced in ap-southeast-6.*network\.loadBalancers\[0\]/);
  });
});
