import { EstimateResultSchema, type EstimateResult } from "@/lib/schemas/estimate";

/**
 * A small hand-made result (not engine output): one continuous service, 1 vCPU / 2 GiB x 1 task.
 * Fargate us-east-1: vCPU 1 x 730 h = 730 vCPU-h x 0.04048 = 29.5504; memory 2 x 730 = 1460 GB-h x 0.004445 = 6.4897.
 */
export function handMadeResult(serviceName = "api"): EstimateResult {
  return EstimateResultSchema.parse({
    version: 1,
    input: { version: 1, region: "us-east-1", catalog: "2026-11-26", services: [{ name: serviceName, vcpu: 1, memoryGiB: 2, tasks: 1 }] },
    catalog: { id: "2026-11-26", region: "us-east-1", currency: "USD", sources: [{ name: "fgcalc", asOf: "2026-09-29" }] },
    hoursPerMonth: 730,
    options: [
      {
        id: "fargate",
        label: "Fargate (on-demand)",
        available: true,
        reason: null,
        monthlyUSD: 29.5504 + 6.4897,
        lines: [
          { service: serviceName, component: "vcpu", quantity: 730, unit: "vCPU-hours", rateUSD: 0.04048, usd: 29.5504, usageType: "USE1-Fargate-vCPU-Hours:perCPU", asOf: "2026-09-29", derived: false },
          { service: serviceName, component: "memory", quantity: 1460, unit: "GB-hours", rateUSD: 0.004445, usd: 6.4897, usageType: "USE1-Fargate-GB-Hours", asOf: "2026-09-29", derived: true, note: 'derived, "x0.8", of x86' },
        ],
        services: [{ name: serviceName, vcpu: 1, memoryGiB: 2, requested: { vcpu: 1, memoryGiB: 2 }, monthlyUSD: 36.0401 }],
        plan: null,
      },
      { id: "fargate-spot", label: "Fargate Spot", available: false, reason: "Fargate Spot does not run Windows tasks", monthlyUSD: null, lines: [], services: [], plan: null },
    ],
    recommendation: { optionId: "fargate", monthlyUSD: 36.0401, savingsUSD: 0, why: "only option" },
    warnings: [],
  });
}
