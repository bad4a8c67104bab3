/**
 * The note under a service's size fields: "Billed as 1 vCPU / 2 GiB on Fargate (requested 0.9 vCPU / 2 GiB;
 * $3.21/month for the unused difference)", shown only when the engine snapped the request to a valid size.
 */
import { num } from "../format";
import { formatUSD, toCents } from "../money";
import type { EstimateResult } from "../schemas/estimate";
import { EKS_FARGATE_POD_OVERHEAD_GIB } from "../units";

export interface BilledSizeNote {
  text: string;
  /** Whether the snapping costs at least a displayed cent a month. */
  loss: boolean;
}

const size = (vcpu: number, memoryGiB: number) => `${num(vcpu)} vCPU / ${num(memoryGiB)} GiB`;

export function billedSizeNote(result: EstimateResult, serviceIndex: number): BilledSizeNote | null {
  const fargate = result.options.find((o) => o.id === "fargate");
  const billed = fargate?.available ? fargate.services[serviceIndex] : undefined;
  if (!billed) return null;
  if (result.input.orchestrator === "eks") {
    // A pod always differs from its requests (+256 MiB for the Kubernetes components): always say what it is billed as.
    const lossUSD = billed.roundingLossUSD ?? 0;
    const loss = toCents(lossUSD) > 0;
    return {
      text:
        `Pod billed as ${size(billed.vcpu, billed.memoryGiB)} on Fargate ` +
        `(requests ${size(billed.requested.vcpu, billed.requested.memoryGiB)} + ${num(EKS_FARGATE_POD_OVERHEAD_GIB)} GiB for the Kubernetes components` +
        (loss ? `; ${formatUSD(lossUSD)}/month for the unused difference)` : ")"),
      loss,
    };
  }
  const snapped = billed.vcpu !== billed.requested.vcpu || billed.memoryGiB !== billed.requested.memoryGiB;
  if (!snapped) return null;
  const lossUSD = billed.roundingLossUSD ?? 0;
  const loss = toCents(lossUSD) > 0;
  return {
    text:
      `Billed as ${size(billed.vcpu, billed.memoryGiB)} on Fargate ` +
      `(requested ${size(billed.requested.vcpu, billed.requested.memoryGiB)}` +
      (loss ? `; ${formatUSD(lossUSD)}/month for the unused difference)` : ")"),
    loss,
  };
}
