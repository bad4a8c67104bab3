/**
 * npm run prices:refresh reads the per-type management fees (docs/price-catalog.md#ecs-managed-instances,
 * #eks-auto-mode) from the local fake Pricing API (127.0.0.1, real awsJson1_1 protocol), on a temp copy of data/:
 * - ECS Managed Instances: AmazonECS items, usage type "<prefix>-ECS-Managed-Instances:<type>-management-hours",
 *   operation "ECSManagedInstancesUsage" (with and without an instanceType attribute);
 * - EKS Auto Mode: AmazonEKS items, eksproducttype "AutoMode", operation "EKSAutoUsage".
 * Types the Price List lists carry AWS's fee (not derived); the others keep the 12% rule; c6a.2xlarge keeps AWS's
 * published example when the answer does not list it.
 */
import { spawn } from "node:child_process";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { clearCatalogCache, loadCatalogList, loadRegionCatalog } from "@/lib/catalog/fs-loader";
import { isUnavailable } from "@/lib/catalog/schema";
import { estimate } from "@/lib/engine";
import { parseEstimateInput } from "@/lib/schemas/estimate";
import { ec2Item, ecsItem, serviceItem, startFakePricing, type FakeServer } from "./fake-pricing-server";

const ROOT = path.resolve(import.meta.dirname, "..", "..", "..");
const TSX = path.join(ROOT, "node_modules", "tsx", "dist", "cli.mjs");
const SCRIPT = path.join(ROOT, "scripts", "refresh-prices.ts");
const INTEL = { physicalProcessor: "Intel Xeon Platinum 8175 (Skylake)" };
const AMD = { physicalProcessor: "AMD EPYC 7R13 Processor" };

const DATA = {
  AmazonECS: {
    "us-east-1": [
      ecsItem("us-east-1", "USE1-Fargate-vCPU-Hours:perCPU", "0.0404800000"),
      ecsItem("us-east-1", "USE1-Fargate-GB-Hours", "0.0044450000"),
      // Managed Instances fees: one with an instanceType attribute, one with the type only in its usage type
      serviceItem("AmazonECS", "us-east-1", "Compute", "USE1-ECS-Managed-Instances:m5.large-management-hours", "0.0115200000", { operation: "ECSManagedInstancesUsage", instanceType: "m5.large" }),
      serviceItem("AmazonECS", "us-east-1", "Compute", "USE1-ECS-Managed-Instances:r6i.large-management-hours", "0.0151200000", { operation: "ECSManagedInstancesUsage" }),
      // another region's fee must be ignored
      serviceItem("AmazonECS", "us-west-2", "Compute", "USW2-ECS-Managed-Instances:m5.large-management-hours", "0.9900000000", { operation: "ECSManagedInstancesUsage", instanceType: "m5.large" }),
    ],
  },
  AmazonEC2: {
    "us-east-1": [
      ec2Item("us-east-1", "BoxUsage:m5.large", "m5.large", "0.0960000000", { vcpu: "2", memory: "8 GiB", ...INTEL }),
      ec2Item("us-east-1", "BoxUsage:r6i.large", "r6i.large", "0.1260000000", { vcpu: "2", memory: "16 GiB", ...INTEL }),
      ec2Item("us-east-1", "BoxUsage:c6a.2xlarge", "c6a.2xlarge", "0.3060000000", { vcpu: "8", memory: "16 GiB", ...AMD }),
    ],
  },
  AmazonEKS: {
    "us-east-1": [
      // EKS Auto Mode fee per instance-hour of r6i.large: AWS's own figure (here 0.0150000000, not 12% x 0.126 = 0.01512)
      serviceItem("AmazonEKS", "us-east-1", "Compute", "USE1-AmazonEKS-AutoMode:r6i.large", "0.0150000000", { operation: "EKSAutoUsage", eksproducttype: "AutoMode", instanceType: "r6i.large" }),
      // another EKS product (the control plane) in the answer is not a fee per type
      serviceItem("AmazonEKS", "us-east-1", "Compute", "USE1-AmazonEKS-Hours:perCluster", "0.1000000000", { operation: "CreateOperation", eksproducttype: "Cluster" }),
    ],
  },
};

let work: string;
let dataDir: string;
let server: FakeServer | undefined;

function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? "",
    HOME: work,
    AWS_EC2_METADATA_DISABLED: "true",
    AWS_CONFIG_FILE: path.join(work, "no-aws-config"),
    AWS_SHARED_CREDENTIALS_FILE: path.join(work, "no-aws-credentials"),
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
    AWS_ACCESS_KEY_ID: "AKIAFAKEKEY0EXAMPLE2",
    AWS_SECRET_ACCESS_KEY: "fAkE/SecretKey+ThatMustNeverBePrinted0002",
  };
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [TSX, SCRIPT, "--data-dir", dataDir, ...args], { cwd: ROOT, env: env as NodeJS.ProcessEnv, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c: Buffer) => (stdout += c.toString()));
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

beforeEach(() => {
  work = mkdtempSync(path.join(tmpdir(), "ecs-refresh-fees-"));
  dataDir = path.join(work, "data");
  cpSync(path.join(ROOT, "data"), dataDir, { recursive: true });
  clearCatalogCache();
});

afterEach(async () => {
  await server?.close();
  server = undefined;
  rmSync(work, { recursive: true, force: true });
});

describe("prices:refresh reads the Managed Instances and EKS Auto Mode fees per type", () => {
  it("writes AWS's fees on the types the Price List lists, keeps the 12% rule for the rest, and the estimate uses them", async () => {
    server = await startFakePricing(DATA, { pageSize: 100 });
    const r = await run(["--region", "us-east-1", "--endpoint", server.url]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    // The Auto Mode query asks AmazonEKS for its AutoMode products of the region.
    const eksQuery = server.requests.find((q) => q.body.ServiceCode === "AmazonEKS");
    expect(eksQuery?.body.Filters).toEqual([
      { Type: "TERM_MATCH", Field: "regionCode", Value: "us-east-1" },
      { Type: "TERM_MATCH", Field: "eksproducttype", Value: "AutoMode" },
    ]);
    expect(r.stdout).toContain("Managed Instances fees for 3 types, EKS Auto Mode fees for 1 types (the rest keep the 12% rule)");

    const id = loadCatalogList(dataDir).newest;
    const us = loadRegionCatalog("us-east-1", id, { dataDir });
    const row = (type: string) => us.ec2.instanceTypes.find((t) => t.type === type)!;
    expect(row("m5.large")).toMatchObject({ managedFeeUSD: 0.01152 });
    expect(row("m5.large").managedFeeSource).toBeUndefined();
    expect(row("r6i.large")).toMatchObject({ managedFeeUSD: 0.01512, autoModeFeeUSD: 0.015 });
    // not listed in this answer: AWS's published pricing-page example stays, with its own source
    expect(row("c6a.2xlarge")).toMatchObject({ managedFeeUSD: 0.03672, managedFeeSource: "aws-ecs-pricing-page-managed-instances-example" });
    expect(row("m5.large").autoModeFeeUSD).toBeUndefined();
    const mi = us.ec2.managedInstances;
    expect(!isUnavailable(mi) && mi.usageTypePattern).toBe("USE1-ECS-Managed-Instances:<instanceType>-management-hours");
    expect(!isUnavailable(mi) && mi.note).toMatch(/^2 types carry the management fee the Price List lists/);
    const am = us.eks?.autoMode;
    expect(am && !isUnavailable(am) && am.usageTypePattern).toBe("USE1-AmazonEKS-AutoMode:<instanceType>");
    expect(am && !isUnavailable(am) && am.note).toMatch(/^1 types carry the EKS Auto Mode fee the Price List lists/);

    // The estimate: r6i.large's Auto Mode fee is AWS's (not derived): 2 nodes x 730 h x 0.015 = 21.90 (12% would be 22.0752)
    const p = parseEstimateInput({ version: 1, region: "us-east-1", orchestrator: "eks", eks: { clusters: 0 }, services: [{ name: "cache", vcpu: 0.25, memoryGiB: 3, tasks: 8 }], ec2: { instanceTypes: ["r6i.large"] } });
    if (!p.ok) throw new Error("bad input");
    const result = estimate(p.value, us);
    const fee = result.options.find((o) => o.id === "eks-auto-mode")?.lines.find((l) => l.label === "EKS Auto Mode management fee (r6i.large)");
    expect(fee).toMatchObject({ quantity: 1460, derived: false, usageType: "USE1-AmazonEKS-AutoMode:r6i.large" });
    expect(fee?.usd).toBeCloseTo(21.9, 9);
    // Managed Instances on r6i.large: AWS's listed 0.01512 per hour, not derived
    const ecs = parseEstimateInput({ version: 1, region: "us-east-1", services: [{ name: "cache", vcpu: 0.5, memoryGiB: 6, tasks: 4 }], ec2: { instanceTypes: ["r6i.large"], networkMode: "host" } });
    if (!ecs.ok) throw new Error("bad input");
    const miFee = estimate(ecs.value, us).options.find((o) => o.id === "ecs-managed-instances")?.lines.find((l) => l.label?.startsWith("ECS Managed Instances management fee"));
    expect(miFee).toMatchObject({ derived: false, usageType: "USE1-ECS-Managed-Instances:r6i.large-management-hours", rateUSD: 0.01512 });
  }, 60_000);
});
