/**
 * The inputs behind "Load an example" (titles: ./titles.ts). Most are the repository's own examples/*.json,
 * so the page, the README and the CLI show the same cases; "api-and-worker" is the estimator's former start
 * page (an always-on x86 API and a Graviton worker, EC2 with 10% headroom across at least 2 instances).
 * An example loads on the newest bundled snapshot: its catalog pin, if any, is dropped.
 */
import apiWeb from "../../examples/api-web.json";
import batchScheduled from "../../examples/batch-scheduled.json";
import eksPods from "../../examples/eks-pods-with-sidecars.json";
import environments from "../../examples/environments.json";
import gravitonArm from "../../examples/graviton-arm.json";
import wholeBill from "../../examples/public-api-whole-bill.json";
import type { EstimateInputRaw } from "../schemas/estimate";
import type { ExampleId } from "./titles";

const apiAndWorker = {
  version: 1,
  region: "us-east-1",
  services: [
    { name: "api", vcpu: 1, memoryGiB: 2, architecture: "x86_64", os: "linux", ephemeralStorageGiB: 20, tasks: 4, usage: { kind: "continuous", hoursPerMonth: 730 } },
    { name: "worker", vcpu: 0.5, memoryGiB: 1, architecture: "arm64", os: "linux", ephemeralStorageGiB: 20, tasks: 2, usage: { kind: "continuous", hoursPerMonth: 730 } },
  ],
  fargate: { savingsPlan: "none" },
  ec2: { purchase: "on-demand", instanceTypes: [], targetUtilizationPct: 90, minInstances: 2, networkMode: "awsvpc", eniTrunking: false, rootVolumeGiB: 30 },
} satisfies EstimateInputRaw;

const RAW: Record<ExampleId, unknown> = {
  "api-and-worker": apiAndWorker,
  "api-web": apiWeb,
  "public-api-whole-bill": wholeBill,
  "batch-scheduled": batchScheduled,
  environments,
  "eks-pods-with-sidecars": eksPods,
  "graviton-arm": gravitonArm,
};

/** The example's raw input (to be validated like any imported file), without a catalog pin. */
export function exampleInput(id: ExampleId): unknown {
  const raw = RAW[id] as Record<string, unknown>;
  const copy = { ...raw };
  delete copy.catalog;
  return copy;
}
