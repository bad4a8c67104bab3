/**
 * The estimate shown on first visit: a small, realistic mix so the first paint is already a real
 * comparison (an always-on x86 API and a Graviton worker; EC2 with 10% headroom across 2 instances).
 */
import type { EstimateInputRaw } from "@/lib/schemas/estimate";

export const DEFAULT_REGION = "us-east-1";

export function defaultInputRaw(catalogId: string): EstimateInputRaw {
  return {
    version: 1,
    region: DEFAULT_REGION,
    catalog: catalogId,
    services: [
      { name: "api", vcpu: 1, memoryGiB: 2, architecture: "x86_64", os: "linux", ephemeralStorageGiB: 20, tasks: 4, usage: { kind: "continuous", hoursPerMonth: 730 } },
      { name: "worker", vcpu: 0.5, memoryGiB: 1, architecture: "arm64", os: "linux", ephemeralStorageGiB: 20, tasks: 2, usage: { kind: "continuous", hoursPerMonth: 730 } },
    ],
    fargate: { savingsPlan: "none" },
    ec2: { purchase: "on-demand", instanceTypes: [], targetUtilizationPct: 90, minInstances: 2, networkMode: "awsvpc", eniTrunking: false, rootVolumeGiB: 30 },
  };
}
