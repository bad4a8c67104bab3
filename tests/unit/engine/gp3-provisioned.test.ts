/**
 * gp3 provisioned IOPS and throughput above the included 3,000 IOPS / 125 MiB/s (docs/billing-rules.md#gp3-iops-throughput):
 * issue 20's proof that a new AWS charge is one definition (lib/charges), one input field and its quantity rule.
 * Rates of snapshot 2026-12-01, us-east-1, from AWS's EBS feed (2024-07-18): gp3 $0.08 per GB-month, "Provisioned
 * EBS IOPS gp3 Volumes per IOPS Mo" $0.005, "Provisioned Throughput gp3 per GiBps mo" $40.96 = $0.04 per MiBps-month.
 */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "@/bin/estimate";
import { POST } from "@/app/api/estimate/route";
import { recognizeCharge } from "@/lib/actual/charges";
import { loadRegionCatalog } from "@/lib/catalog/fs-loader";
import { summarizeRegion } from "@/lib/catalog/summary";
import { focusRows } from "@/lib/export/focus";
import { estimateToCsv } from "@/lib/export/csv";
import { estimateFromRaw } from "@/lib/pipeline/estimate";
import type { EstimateInputRaw, EstimateResult } from "@/lib/schemas/estimate";
import { runCli } from "../../support/cli";

const DATA = path.resolve(import.meta.dirname, "../../../data");
const loader = (region: string, id: string | undefined) => loadRegionCatalog(region, id, { dataDir: DATA });

const input = (ec2: Record<string, unknown>, extra: Partial<EstimateInputRaw> = {}): EstimateInputRaw => ({
  version: 1,
  region: "us-east-1",
  catalog: "2026-12-01",
  services: [{ name: "api", vcpu: 1, memoryGiB: 2, tasks: 4 }],
  ec2: { instanceTypes: ["m6i.large"], ...ec2 },
  ...extra,
});

function estimated(raw: EstimateInputRaw): EstimateResult {
  const out = estimateFromRaw(raw, loader);
  if (!out.ok) throw new Error(JSON.stringify(out.errors));
  return out.result;
}

const ec2Of = (r: EstimateResult) => r.options.find((o) => o.id === "ec2")!;

describe("gp3 provisioned IOPS and throughput on EC2 instance volumes", () => {
  it("bills IOPS above 3,000 and MiB/s above 125 per instance volume, and the fleet total includes them", () => {
    const r = estimated(input({ gp3Iops: 6000, gp3ThroughputMiBps: 250 }));
    const ec2 = ec2Of(r);
    const line = (charge: string) => ec2.lines.find((l) => l.charge === charge)!;
    // 4 tasks of 1 vCPU / 2 GiB, awsvpc: m6i.large has 3 ENIs = 2 task ENIs -> 2 instances x 730 h = 1,460 instance-hours
    expect(line("ec2-instance").quantity).toBe(1460);
    expect(line("ec2-instance").usd).toBeCloseTo(140.16, 9); // 1,460 x $0.096
    expect(line("ebs-volume").usd).toBeCloseTo(4.8, 9); // 30 GiB x 1,460 / 730 = 60 GB-months x $0.08
    // (6,000 - 3,000) IOPS x 1,460 / 730 = 6,000 IOPS-months x $0.005 = $30
    expect(line("ebs-gp3-iops")).toMatchObject({ component: "ebs", quantity: 6000, unit: "IOPS-months", rateUSD: 0.005, usageType: "EBS:VolumeP-IOPS.gp3" });
    expect(line("ebs-gp3-iops").usd).toBeCloseTo(30, 9);
    // (250 - 125) MiB/s x 1,460 / 730 = 250 MiBps-months x $0.04 = $10
    expect(line("ebs-gp3-throughput")).toMatchObject({ component: "ebs", quantity: 250, unit: "MiBps-months", usageType: "EBS:VolumeP-Throughput.gp3" });
    expect(line("ebs-gp3-throughput").rateUSD).toBeCloseTo(0.04, 12); // 40.96 / 1,024
    expect(line("ebs-gp3-throughput").usd).toBeCloseTo(10, 9);
    expect(ec2.monthlyUSD).toBeCloseTo(184.96, 9); // 140.16 + 4.80 + 30 + 10
  });

  it("asks nothing extra at or below the included 3,000 IOPS and 125 MiB/s: the same answer as without the fields", () => {
    const plain = ec2Of(estimated(input({})));
    const included = ec2Of(estimated(input({ gp3Iops: 3000, gp3ThroughputMiBps: 125 })));
    expect(included.lines.map((l) => l.charge)).toEqual(plain.lines.map((l) => l.charge));
    expect(included.monthlyUSD).toBe(plain.monthlyUSD);
  });

  it("follows the running hours: a Reserved fleet pays the reservation all month but IOPS only while instances run", () => {
    const r = estimated({ ...input({ gp3Iops: 4000, purchase: "reserved-1y" }), services: [{ name: "job", vcpu: 1, memoryGiB: 2, tasks: 2, usage: { kind: "continuous", hoursPerMonth: 365 } }] });
    const ec2 = ec2Of(r);
    const iops = ec2.lines.find((l) => l.charge === "ebs-gp3-iops")!;
    // 2 tasks fit one m6i.large for 365 h: (4,000 - 3,000) x 365 / 730 = 500 IOPS-months x $0.005 = $2.50
    expect(iops.quantity).toBeCloseTo(500, 9);
    expect(iops.usd).toBeCloseTo(2.5, 9);
    expect(ec2.lines.find((l) => l.charge === "ec2-reserved-instance")!.quantity).toBe(730);
  });

  it("rejects sizes gp3 does not allow, naming the field", () => {
    const errors = (raw: EstimateInputRaw) => {
      const out = estimateFromRaw(raw, loader);
      return out.ok ? [] : out.errors;
    };
    expect(errors(input({ gp3Iops: 2000 }))).toEqual([{ path: "ec2.gp3Iops", message: "must be >= 3000 (gp3 includes 3000)" }]);
    expect(errors(input({ gp3Iops: 90000 }))).toContainEqual({ path: "ec2.gp3Iops", message: "must be <= 80000 (gp3 maximum)" });
    // 500 IOPS per GiB: a 30 GiB root volume takes at most 15,000
    expect(errors(input({ gp3Iops: 16000 }))).toEqual([{ path: "ec2.gp3Iops", message: "must be <= 500 per GiB of rootVolumeGiB (30 GiB allows 15000)" }]);
    // 0.25 MiB/s per provisioned IOPS: the included 3,000 IOPS allow 750 MiB/s
    expect(errors(input({ gp3ThroughputMiBps: 1000 }))).toEqual([{ path: "ec2.gp3ThroughputMiBps", message: "must be <= 0.25 MiB/s per provisioned IOPS (3000 IOPS allow 750)" }]);
    expect(errors(input({ gp3ThroughputMiBps: 100.5 }))[0]?.path).toBe("ec2.gp3ThroughputMiBps");
  });

  it("an EKS node volume too small for the IOPS makes the node-group option unavailable, saying why", () => {
    const r = estimated(input({ gp3Iops: 12000 }, { orchestrator: "eks", eks: { nodeVolumeGiB: 20 } }));
    const nodes = ec2Of(r);
    expect(nodes.available).toBe(false);
    expect(nodes.reasonCode).toBe("gp3-volume-too-small");
    expect(nodes.reason).toContain("needs a gp3 volume of at least 24 GiB"); // 12,000 / 500
  });

  it("snapshot 2026-11-26 has no gp3 IOPS rate: the EC2 option says so instead of pricing $0", () => {
    const r = estimated({ ...input({ gp3Iops: 6000 }), catalog: "2026-11-26" });
    expect(ec2Of(r).available).toBe(false);
    expect(ec2Of(r).reasonCode).toBe("gp3-provisioned-unavailable");
    expect(ec2Of(r).reason).toBe("gp3 IOPS above the 3000 included cannot be priced in us-east-1: EBS gp3 provisioned IOPS rates are not in price snapshot 2026-11-26; use a newer snapshot");
  });

  it("reaches the API, the CLI, the CSV and FOCUS exports, /catalog's summary and the bill comparison", async () => {
    const raw = input({ gp3Iops: 6000, gp3ThroughputMiBps: 250 });
    const res = await POST(new Request("http://127.0.0.1/api/estimate", { method: "POST", body: JSON.stringify(raw), headers: { "content-type": "application/json" } }));
    expect(res.status).toBe(200);
    const api = (await res.json()) as EstimateResult;
    expect(ec2Of(api).monthlyUSD).toBeCloseTo(184.96, 9);

    const cli = await runCli(main, ["-", "--format", "json"], JSON.stringify(raw));
    expect(cli.code).toBe(0);
    expect(ec2Of(JSON.parse(cli.stdout) as EstimateResult).monthlyUSD).toBeCloseTo(184.96, 9);
    const bad = await runCli(main, ["-"], JSON.stringify(input({ gp3Iops: 16000 })));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("ec2.gp3Iops");

    const csv = estimateToCsv(api);
    expect(csv).toContain("EBS gp3 IOPS above the 3000 included (3000 IOPS per instance)");
    const catalog = loader("us-east-1", "2026-12-01");
    const focus = focusRows(api, { month: "2026-12", option: "ec2", catalog });
    if (!focus.ok) throw new Error(focus.error);
    const iopsRow = focus.rows.find((row) => row.x_UsageType === "EBS:VolumeP-IOPS.gp3")!;
    expect(iopsRow).toMatchObject({ ServiceName: "Amazon Elastic Block Store", ServiceCategory: "Storage", ResourceType: "EBS gp3 volume", PricingCategory: "Standard", BilledCost: 30, ConsumedUnit: "IOPS-months" });

    const summary = summarizeRegion(catalog);
    expect(summary.bill.gp3).toEqual({ availability: "published", asOf: ["2024-07-18"] });

    expect(recognizeCharge("AmazonEC2", "USE1-EBS:VolumeP-IOPS.gp3", "CreateVolume-Gp3")?.id).toBe("ebs-gp3-iops");
    expect(recognizeCharge("AmazonEC2", "EU-EBS:VolumeP-Throughput.gp3", "CreateVolume-Gp3")?.id).toBe("ebs-gp3-throughput");
  });
});
