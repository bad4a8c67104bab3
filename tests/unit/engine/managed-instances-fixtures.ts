/**
 * The two Managed Instances golden workloads, shared by the engine, API and CLI tests (their hand arithmetic is in
 * tests/unit/engine/managed-instances.test.ts): on the bundled 2026-12-01 us-east-1 catalog the memory-bound one
 * costs $210.8352/month (2 x r6i.large: 183.96 instance + 22.0752 fee + 4.80 volume) and the ENI-bound one
 * $373.73/month (5 x c6i.large: 310.25 instance + 37.23 fee + 8 volume + 18.25 public IPv4).
 */
import type { EstimateInputRaw } from "@/lib/schemas/estimate";

/** 6 tasks of 0.25 vCPU / 3 GiB: memory binds on both allowed types (trunking on, so ENIs do not). */
export const MEMORY_BOUND = {
  services: [{ name: "cache", vcpu: 0.25, memoryGiB: 3, tasks: 6 }],
  ec2: { instanceTypes: ["m6i.large", "r6i.large"], eniTrunking: true },
} satisfies Omit<EstimateInputRaw, "version" | "region">;

/** 10 tasks of 0.25 vCPU / 0.5 GiB in awsvpc without trunking: ENIs bind; public IPv4 per instance. */
export const ENI_BOUND = {
  services: [{ name: "api", vcpu: 0.25, memoryGiB: 0.5, tasks: 10 }],
  network: { publicIpv4: { ec2Instances: true } },
  ec2: { instanceTypes: ["m6i.xlarge", "c6i.large"], rootVolumeGiB: 20 },
} satisfies Omit<EstimateInputRaw, "version" | "region">;

/** As complete inputs (version, region, pinned catalog). */
export const withHeader = (raw: Omit<EstimateInputRaw, "version" | "region">): EstimateInputRaw => ({ version: 1, region: "us-east-1", catalog: "2026-12-01", ...raw });
