/**
 * A small hand-made us-east-1 catalog with the published us-east-1 rates (Fargate x86/ARM/Spot/Savings Plans
 * 2026-09, Windows 2022-11 Price List rows, storage $0.000111/GB-h, gp3 $0.08/GB-month) and a dozen EC2 rows
 * from the public price data the bundled catalog was built from (Karpenter on-demand Linux prices 2026-07-20,
 * instance types and VPC limits, vantage 2024-04 spot_avg). Rules: docs/billing-rules.md. Golden numbers in
 * the tests are computed by hand from these rates.
 */
import type { InstanceType, Rate, RegionCatalog } from "@/lib/catalog/schema";
import { parseEstimateInput, type EstimateInput, type EstimateInputRaw } from "@/lib/schemas/estimate";

const r = (usd: number, unit: string, usageType: string | null, source = "fixture-2026-09", asOf = "2026-09-29"): Rate => ({
  usd,
  unit,
  source,
  asOf,
  usageType,
  derived: false,
});

type Row = [type: string, vcpu: number, memoryMiB: number, arch: "x86_64" | "arm64", maxEnis: number, trunk: number | null, onDemand: number, spot: number | null];
const ROWS: Row[] = [
  ["c5.large", 2, 4096, "x86_64", 3, 9, 0.085, 0.0391],
  ["m5.large", 2, 8192, "x86_64", 3, 9, 0.096, 0.0384],
  ["m6i.large", 2, 8192, "x86_64", 3, 9, 0.096, 0.03936],
  ["m6i.xlarge", 4, 16384, "x86_64", 4, 18, 0.192, 0.0768],
  ["r6i.large", 2, 16384, "x86_64", 3, 9, 0.126, 0.05166],
  ["t3.medium", 2, 4096, "x86_64", 3, null, 0.0416, 0.017472],
  ["c7g.large", 2, 4096, "arm64", 3, 9, 0.0725, 0.0319],
  ["m7g.large", 2, 8192, "arm64", 3, 9, 0.0816, 0.034272],
  ["m7g.xlarge", 4, 16384, "arm64", 4, 18, 0.1632, 0.062016],
  ["r7g.large", 2, 16384, "arm64", 3, 9, 0.1071, 0.039627],
  ["r7g.xlarge", 4, 32768, "arm64", 4, 18, 0.2142, 0.092106],
];

export const FIXTURE_INSTANCE_TYPES: InstanceType[] = ROWS.map(([type, vcpu, memoryMiB, architecture, maxEnis, trunk, onDemandUSD, spotAvgUSD]) => ({
  type,
  vcpu,
  memoryMiB,
  architecture,
  maxEnis,
  ipv4PerEni: maxEnis === 4 ? 15 : 10,
  trunkBranchEnis: trunk,
  trunkingCompatible: trunk !== null,
  currentGeneration: true,
  gpus: 0,
  burstable: type.startsWith("t"),
  onDemandUSD,
  spotAvgUSD,
}));

export function fixtureCatalog(): RegionCatalog {
  return {
    schemaVersion: 1,
    catalogId: "2026-11-26",
    region: "us-east-1",
    location: "US East (N. Virginia)",
    billingPrefix: "USE1",
    currency: "USD",
    sources: [
      { id: "fixture-2026-09", name: "Documented us-east-1 Fargate rates (test fixture)", asOf: "2026-09-29", origin: "test fixture: published us-east-1 Fargate rates, 2026-09" },
      { id: "fixture-windows-2022", name: "Fargate Windows GetProducts rows (test fixture)", asOf: "2022-11-21", origin: "test fixture: AWS Price List Fargate Windows rows, 2022-11" },
      { id: "fixture-ec2-2026-07", name: "Karpenter on-demand Linux prices (test fixture)", asOf: "2026-07-20", origin: "test fixture: aws/karpenter-provider-aws on-demand Linux prices, 2026-07-20" },
      { id: "fixture-spot-2024-04", name: "vantage 2024-04 spot_avg (test fixture)", asOf: "2024-04-04", origin: "test fixture: ec2instances.info export (vantage), 2024-04" },
    ],
    fargate: {
      linuxX86: { vcpuHour: r(0.04048, "vCPU-hour", "USE1-Fargate-vCPU-Hours:perCPU"), gbHour: r(0.004445, "GB-hour", "USE1-Fargate-GB-Hours") },
      linuxArm: { vcpuHour: r(0.03238, "vCPU-hour", "USE1-Fargate-ARM-vCPU-Hours:perCPU"), gbHour: r(0.00356, "GB-hour", "USE1-Fargate-ARM-GB-Hours") },
      windowsX86: {
        vcpuHour: r(0.09148, "vCPU-hour", "USE1-Fargate-Windows-vCPU-Hours:perCPU", "fixture-windows-2022", "2022-11-21"),
        gbHour: r(0.01005, "GB-hour", "USE1-Fargate-Windows-GB-Hours", "fixture-windows-2022", "2022-11-21"),
        osLicenseVcpuHour: r(0.046, "vCPU-hour", "USE1-Fargate-Windows-OS-Hours:perCPU", "fixture-windows-2022", "2022-11-21"),
      },
      ephemeralStorageGbHour: r(0.000111, "GB-hour", "USE1-Fargate-EphemeralStorage-GB-Hours"),
      spotX86: { vcpuHour: r(0.01288561, "vCPU-hour", "USE1-SpotUsage-Fargate-vCPU-Hours:perCPU"), gbHour: r(0.00141493, "GB-hour", "USE1-SpotUsage-Fargate-GB-Hours") },
      spotArm: { vcpuHour: r(0.01030969, "vCPU-hour", "USE1-SpotUsage-Fargate-ARM-vCPU-Hours:perCPU"), gbHour: r(0.00113349, "GB-hour", "USE1-SpotUsage-Fargate-ARM-GB-Hours") },
      savingsPlans: {
        "compute-1y": {
          x86: { vcpuHour: r(0.032384, "vCPU-hour", "USE1-Fargate-vCPU-Hours:perCPU"), gbHour: r(0.003556, "GB-hour", "USE1-Fargate-GB-Hours") },
          arm: { available: false, reason: "No 1-year Compute Savings Plan rate for Fargate ARM in the fixture" },
        },
        "compute-3y": {
          x86: { vcpuHour: r(0.022264, "vCPU-hour", "USE1-Fargate-vCPU-Hours:perCPU"), gbHour: r(0.00244475, "GB-hour", "USE1-Fargate-GB-Hours") },
          arm: { vcpuHour: r(0.01749, "vCPU-hour", "USE1-Fargate-ARM-vCPU-Hours:perCPU"), gbHour: r(0.00192, "GB-hour", "USE1-Fargate-ARM-GB-Hours") },
        },
      },
    },
    ec2: {
      onDemand: { source: "fixture-ec2-2026-07", asOf: "2026-07-20", usageTypePattern: "BoxUsage:<instanceType>" },
      spot: { source: "fixture-spot-2024-04", asOf: "2024-04-04", note: "Average Spot price (2024-04 export)." },
      gp3GbMonth: r(0.08, "GB-month", "EBS:VolumeUsage.gp3"),
      savingsPlans: {
        "savings-plan-1y": { available: false, reason: "No EC2 Savings Plans rates in the bundled sources" },
        "savings-plan-3y": { available: false, reason: "No EC2 Savings Plans rates in the bundled sources" },
      },
      instanceTypes: FIXTURE_INSTANCE_TYPES,
    },
  };
}

/** Parse a raw input (defaults filled) or fail the test loudly. */
export function input(raw: Omit<EstimateInputRaw, "version" | "region"> & Partial<Pick<EstimateInputRaw, "version" | "region">>): EstimateInput {
  const parsed = parseEstimateInput({ version: 1, region: "us-east-1", ...raw });
  if (!parsed.ok) throw new Error(`fixture input invalid: ${JSON.stringify(parsed.errors)}`);
  return parsed.value;
}
