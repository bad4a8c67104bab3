/**
 * The note under a service's size when Fargate bills a larger size than requested: "Billed as 1 vCPU / 2 GiB on
 * Fargate (requested 0.75 vCPU / 2 GiB; $5.47/month for the unused difference)". Read from the engine's result.
 */
import { formatQuantity, formatUSD } from "@/lib/format";
import type { EstimateResult } from "@/lib/schemas/estimate";

export interface BilledNote {
  text: string;
  /** The difference costs at least a cent a month. */
  loss: boolean;
}

const vcpuLabel = (v: number) => `${formatQuantity(v)} vCPU`;

export function billedNote(result: EstimateResult, index: number): BilledNote | null {
  const fargate = result.options.find((o) => o.id === "fargate");
  const billed = fargate?.available ? fargate.services[index] : undefined;
  if (!billed) return null;
  const snapped = billed.vcpu !== billed.requested.vcpu || billed.memoryGiB !== billed.requested.memoryGiB;
  if (!snapped) return null;
  const loss = billed.roundingLossUSD ?? 0;
  return {
    text:
      `Billed as ${vcpuLabel(billed.vcpu)} / ${formatQuantity(billed.memoryGiB)} GiB on Fargate ` +
      `(requested ${vcpuLabel(billed.requested.vcpu)} / ${formatQuantity(billed.requested.memoryGiB)} GiB` +
      (loss > 0.005 ? `; ${formatUSD(loss)}/month for the unused difference)` : ")"),
    loss: loss > 0.005,
  };
}
