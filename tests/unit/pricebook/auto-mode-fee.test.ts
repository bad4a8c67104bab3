/**
 * The EKS Auto Mode fee (issue 22) meets the price book and the bill (issues 25 and 24): it is an Amazon EKS charge,
 * known by its usage type (<REGION>-AmazonEKS-AutoMode:<type>), not by its label.
 * Catalog 2026-12-01, us-east-1: r6i.large On-Demand $0.126/h, Auto Mode fee 12% = $0.01512/h, gp3 $0.08/GB-month.
 */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { chargeOfLine, recognizeCharge } from "@/lib/actual/charges";
import { loadRegionCatalog } from "@/lib/catalog/fs-loader";
import { estimate } from "@/lib/engine";
import { lineAwsService } from "@/lib/engine/discounts";
import { parseEstimateInput, type EstimateInputRaw } from "@/lib/schemas/estimate";

const catalog = loadRegionCatalog("us-east-1", "2026-12-01", { dataDir: path.resolve(import.meta.dirname, "../../../data") });
const run = (extra: Partial<EstimateInputRaw> = {}) => {
  const raw: EstimateInputRaw = {
    version: 1,
    region: "us-east-1",
    catalog: "2026-12-01",
    orchestrator: "eks",
    eks: { clusters: 0 },
    ec2: { instanceTypes: ["r6i.large"] },
    services: [{ name: "cache", vcpu: 0.25, memoryGiB: 3, tasks: 8 }],
    ...extra,
  };
  const p = parseEstimateInput(raw);
  if (!p.ok) throw new Error(JSON.stringify(p.errors));
  const auto = estimate(p.value, catalog).options.find((o) => o.id === "eks-auto-mode")!;
  expect(auto.available).toBe(true);
  return auto;
};

describe("the EKS Auto Mode fee", () => {
  const auto = run();
  const fee = auto.lines.find((l) => l.usageType === "USE1-AmazonEKS-AutoMode:r6i.large")!;

  it("is billed under Amazon EKS, so a price book's AmazonEKS rate applies to it", () => {
    expect(lineAwsService(fee, "eks")).toBe("AmazonEKS");
    // 2 x r6i.large all month: instances 1460 h x 0.126 = 183.96 and volumes 12.80 (AmazonEC2, 10%),
    // fee 1460 h x 0.01512 = 22.0752 (AmazonEKS, 20%): 18.396 + 1.28 + 4.41504 = 24.09104 off 218.8352 = 194.74416.
    expect(auto.monthlyUSD).toBeCloseTo(218.8352, 9);
    const discounted = run({ discounts: { percent: 10, byService: { AmazonEKS: 20 } } });
    expect(discounted.monthlyUSD).toBeCloseTo(194.74416, 9);
  });

  it("is one charge of the bill, from the estimate's line and from a bill row alike", () => {
    expect(chargeOfLine(fee)?.id).toBe("eks-auto-mode-fee");
    expect(recognizeCharge("AmazonEKS", "USE1-AmazonEKS-AutoMode:r6i.large", "EKSAutoUsage")?.id).toBe("eks-auto-mode-fee");
    // Not the cluster fee, and not an EC2 instance of the same type.
    expect(recognizeCharge("AmazonEKS", "USE1-AmazonEKS-Hours:perCluster", "CreateOperation")?.id).toBe("eks-cluster");
    expect(recognizeCharge("AmazonEC2", "BoxUsage:r6i.large", "RunInstances")?.id).toBe("ec2-instance");
  });
});
