/**
 * "Apply to estimate": the estimate the user came from with the right-sized service's vCPU and memory
 * replaced, or a new one-service estimate when there was none. The page turns it into `/?s=<token>`.
 */
import { HOURS_PER_MONTH, parseEstimateInput, type EstimateInput, type FieldError, type Service } from "../schemas/estimate";

/** One service with numbers already read (not the estimator form's text draft, lib/form/draft.ts). */
export interface OneService {
  name: string;
  vcpu: number;
  memoryGiB: number;
  architecture: Service["architecture"];
  os: Service["os"];
  ephemeralStorageGiB: number;
  tasks: number;
  usage?: Service["usage"];
}

/** A one-service estimate around a service row (defaults of the contract for everything else). */
export function oneServiceInput(region: string, catalogId: string | undefined, s: OneService): { ok: true; input: EstimateInput } | { ok: false; errors: FieldError[] } {
  const parsed = parseEstimateInput({
    version: 1,
    region,
    ...(catalogId ? { catalog: catalogId } : {}),
    services: [{ ...s, usage: s.usage ?? { kind: "continuous", hoursPerMonth: HOURS_PER_MONTH } }],
  });
  return parsed.ok ? { ok: true, input: parsed.value } : { ok: false, errors: parsed.errors };
}

/** Replace services[serviceIndex]'s size; everything else (other services, options, catalog id) is kept. */
export function applySize(input: EstimateInput, serviceIndex: number, size: { vcpu: number; memoryGiB: number }): EstimateInput {
  if (!input.services[serviceIndex]) throw new RangeError(`services[${serviceIndex}] does not exist`);
  return {
    ...input,
    services: input.services.map((s, i) => (i === serviceIndex ? { ...s, vcpu: size.vcpu, memoryGiB: size.memoryGiB } : s)),
  };
}
