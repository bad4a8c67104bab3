/**
 * examples/public-api-whole-bill.json (Fargate + Fargate Spot, an ALB, a NAT gateway, egress, inter-AZ, logs)
 * against a bill that ran exactly its usage in November 2026 (720 h): every estimate line meets a bill charge,
 * and calibrating from that bill gives back the original inputs. Also: tags as AWS writes them in each export.
 */
import path from "node:path";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadRegionCatalog } from "@/lib/catalog/fs-loader";
import { estimateWithLoader } from "@/lib/pipeline/estimate";
import { parseEstimateInput } from "@/lib/schemas/estimate";
import { buildVarianceReport, calibrateEstimate, readBill, tagKeysFor } from "@/lib/actual";
import { chargeOfLine } from "@/lib/actual/charges";
import { normalizeTagKey, readTag, EKS_TAG_KEYS, ECS_TAG_KEYS } from "@/lib/actual/tags";
import { cur2Records, toCsv, type BillLine } from "../../support/bill";

const root = path.resolve(import.meta.dirname, "../../..");
const loader = (region: string, id: string | undefined) => loadRegionCatalog(region, id, { dataDir: path.join(root, "data") });
const HOUR_SCALE = 720 / 730; // November has 720 hours; the estimate 730.
const USAGE_TYPE: Record<string, { serviceCode: string; usageType?: string; operation: string }> = {
  "alb-hours": { serviceCode: "AWSELB", operation: "LoadBalancing:Application" },
  "alb-lcu": { serviceCode: "AWSELB", operation: "LoadBalancing:Application" },
  "nat-hours": { serviceCode: "AmazonEC2", operation: "NatGateway" },
  "nat-gb": { serviceCode: "AmazonEC2", operation: "NatGateway" },
  egress: { serviceCode: "AWSDataTransfer", operation: "" },
  "inter-az": { serviceCode: "AWSDataTransfer", operation: "InterZone-Out" },
  "logs-ingest": { serviceCode: "AmazonCloudWatch", usageType: "USE1-DataProcessing-Bytes", operation: "PutLogEvents" },
  "logs-ingest-ia": { serviceCode: "AmazonCloudWatch", usageType: "USE1-DataProcessingIA-Bytes", operation: "PutLogEvents" },
  "logs-storage": { serviceCode: "AmazonCloudWatch", usageType: "USE1-TimedStorage-ByteHrs", operation: "" },
};
const HOURLY = new Set(["hours", "vCPU-hours", "GB-hours", "load-balancer-hours", "LCU-hours", "gateway-hours"]);

describe("a bill that ran exactly the estimate's usage", () => {
  const parsed = parseEstimateInput(JSON.parse(readFileSync(path.join(root, "examples/public-api-whole-bill.json"), "utf8")));
  if (!parsed.ok) throw new Error("example invalid");
  const estimate = estimateWithLoader(parsed.value, loader);
  if (!estimate.ok) throw new Error("estimate failed");
  const result = estimate.result;
  const option = result.options.find((o) => o.id === result.recommendation!.optionId)!;
  const services = new Set(result.input.services.map((s) => s.name));
  const lines: BillLine[] = option.lines.map((l) => {
    const def = chargeOfLine(l)!;
    const ids = USAGE_TYPE[def.id] ?? { serviceCode: "AmazonECS", operation: "FargateTask" };
    const scale = HOURLY.has(l.unit) ? HOUR_SCALE : 1;
    return {
      serviceCode: ids.serviceCode,
      serviceName: ids.serviceCode,
      usageType: ids.usageType ?? (l.usageType as string),
      operation: ids.operation,
      region: "us-east-1",
      quantity: l.quantity * scale,
      unit: l.unit,
      billedUSD: l.usd * scale,
      tags: services.has(l.service) ? { "aws:ecs:serviceName": l.service } : ({} as Record<string, string>),
    };
  });
  // The first 100 GB out each month are free: on the bill at $0 (the estimate leaves them out).
  lines.push({ serviceCode: "AWSDataTransfer", serviceName: "AWS Data Transfer", usageType: "DataTransfer-Out-Bytes", operation: "", region: "us-east-1", quantity: 100, unit: "GB", billedUSD: 0 });

  it("every estimate line meets a bill charge; the gap is only the 720-hour month", async () => {
    expect(option.lines.every((l) => chargeOfLine(l) !== null)).toBe(true);
    const read = await readBill(new Blob([toCsv(cur2Records(lines, "2026-11"))]), { region: "us-east-1", tagKeys: tagKeysFor("ecs", null) });
    if (!read.ok) throw new Error(read.error);
    expect(read.aggregate.rowsRecognised).toBe(lines.length);
    const r = buildVarianceReport(result, read.aggregate);
    if (!r.ok) throw new Error(r.error);
    expect(r.report.notes.some((n) => n.includes("matches no bill charge"))).toBe(false);
    expect(r.report.unmapped).toEqual([]);
    const hourly = option.lines.filter((l) => HOURLY.has(l.unit)).reduce((s, l) => s + l.usd, 0);
    expect(r.report.totals.gapUSD).toBeCloseTo(hourly * (HOUR_SCALE - 1), 6);
    expect(r.report.services.find((s) => s.name === "worker")!.lines.map((l) => l.charge).sort()).toEqual(["fargate-spot-memory", "fargate-spot-vcpu", "logs-ingest-ia", "logs-storage"]);

    const c = calibrateEstimate(result.input, r.report, loader);
    if (!c.ok) throw new Error(JSON.stringify(c.errors));
    const input = c.calibrated.input;
    expect(input.services.map((s) => s.tasks)).toEqual([4, 3]);
    expect(input.services.map((s) => [s.logs?.ingestedGBPerMonth, s.logs?.class])).toEqual([[20, "standard"], [5, "infrequent-access"]]);
    expect(input.network?.natGateways).toEqual({ count: 1, processedGBPerMonth: 100 });
    expect(input.network?.dataTransferOutGBPerMonth).toBe(300);
    expect(input.network?.interAzGBPerMonth).toBe(50);
    // 365 LCU-hours over 730 h = 0.5 LCU an hour, entered as 0.5 GB/h processed.
    expect(input.network?.loadBalancers).toEqual([{ name: "public", type: "alb", count: 1, newConnectionsPerSecond: 0, activeConnectionsPerMinute: 0, processedGBPerHour: 0.5, ruleEvaluationsPerSecond: 0 }]);
  });
});

describe("tags as AWS writes them", () => {
  it("FOCUS Tags JSON, CUR 2.0 resource_tags keys, Parquet maps and pairs all find aws:ecs:serviceName", () => {
    expect(normalizeTagKey("aws:ecs:serviceName")).toBe(normalizeTagKey("aws_ecs_service_name"));
    expect(normalizeTagKey("resourceTags/aws:ecs:serviceName")).toBe(normalizeTagKey("aws:ecs:serviceName"));
    expect(normalizeTagKey("user:Team")).toBe(normalizeTagKey("user_team"));
    expect(readTag('{"aws:ecs:serviceName":"api","aws:ecs:clusterName":"prod"}', ECS_TAG_KEYS)).toEqual({ service: "api", cluster: "prod" });
    expect(readTag('{"aws_ecs_service_name":"api"}', ECS_TAG_KEYS)).toEqual({ service: "api", cluster: null });
    expect(readTag(new Map([["aws_ecs_cluster_name", "prod"]]), ECS_TAG_KEYS)).toEqual({ service: null, cluster: "prod" });
    expect(readTag([{ key: "aws_ecs_service_name", value: "web" }], ECS_TAG_KEYS)).toEqual({ service: "web", cluster: null });
    expect(readTag({ "aws:eks:workload-name": "checkout", "aws:eks:cluster-name": "c1" }, EKS_TAG_KEYS)).toEqual({ service: "checkout", cluster: "c1" });
    expect(readTag('{"user:team":"payments"}', tagKeysFor("ecs", "team"))).toEqual({ service: "payments", cluster: null });
    expect(readTag("not json", ECS_TAG_KEYS)).toEqual({ service: null, cluster: null });
    expect(readTag('{"aws:ecs:serviceName": ["x"]}', ECS_TAG_KEYS)).toEqual({ service: null, cluster: null });
  });
});
