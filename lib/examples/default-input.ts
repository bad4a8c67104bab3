/**
 * The estimate a first visit starts with: ONE always-on Linux/x86 service of 1 vCPU / 2 GiB, one task, in
 * us-east-1. Everything else is left out on purpose, so the contract's own defaults (lib/schemas/estimate.ts:
 * EC2 at 100% target utilization and 0 minimum instances, no Savings Plan, 20 GiB storage, 730 h) are the
 * form's starting values: the page, POST /api/estimate and the CLI give the same answer for the same input.
 * The old two-service start is an example (lib/examples/catalog.ts, "api-and-worker").
 */
import type { EstimateInputRaw } from "../schemas/estimate";

export const DEFAULT_REGION = "us-east-1";

export function defaultInputRaw(catalogId: string): EstimateInputRaw {
  return {
    version: 1,
    region: DEFAULT_REGION,
    catalog: catalogId,
    services: [{ name: "app", vcpu: 1, memoryGiB: 2, tasks: 1 }],
  };
}
