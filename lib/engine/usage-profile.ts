/**
 * The estimate's Savings-Plan-eligible compute usage over the week, per quarter-hour, at On-Demand rates: what a
 * commitment sizer needs (docs/billing-rules.md#weekly-schedules, "Usage over the week"). Pure.
 */
import type { RegionCatalog } from "../catalog/schema";
import type { EstimateInput } from "../schemas/estimate";
import { SLOTS_PER_HOUR, SLOTS_PER_WEEK } from "../schedule/week";
import { estimateWithWeek } from "./estimate";
import { lineWeek, type UsageProfileSeries, type WeeklyUsageProfile } from "./environments";

export type { UsageProfileSeries, WeeklyUsageProfile };

/**
 * `weeklyUsageProfile(input, catalog, "fargate" | "ec2")`: the option's compute lines a Compute Savings Plan can
 * cover, each as On-Demand dollars per quarter-hour of one week (UTC; a month is 730 / 168 weeks, so
 * sum(slots) x WEEKS_PER_MONTH = the line's monthly On-Demand cost).
 * - "fargate": the Fargate (on-demand) option's vCPU and memory lines (Windows OS licence, storage excluded).
 * - "ec2": the fleet's instance lines at the type's On-Demand rate, whatever ec2.purchase is (volumes excluded).
 * With environments each line follows its environment's schedule and the fleet its instances per quarter-hour
 * (scale-in rule applied); without environments the week is flat. Returns `{ reason }` when the option is
 * unavailable.
 */
export function weeklyUsageProfile(input: EstimateInput, catalog: RegionCatalog, optionId: "fargate" | "ec2"): WeeklyUsageProfile | { reason: string } {
  const { result, week } = estimateWithWeek(input, catalog);
  const option = result.options.find((o) => o.id === optionId);
  if (!option) return { reason: `the estimate has no ${optionId} option` };
  if (!option.available) return { reason: option.reason ?? `${option.label} is not available` };
  const eligible: UsageProfileSeries[] = [];
  const total = new Float64Array(SLOTS_PER_WEEK);
  for (const line of option.lines) {
    const compute = optionId === "fargate" ? line.component === "vcpu" || line.component === "memory" : line.component === "instance";
    if (!compute || line.usd <= 0) continue;
    let onDemandRate = line.rateUSD;
    if (optionId === "ec2") {
      const type = /, ([^,()]+)\)$/.exec(line.label ?? "")?.[1];
      const od = catalog.ec2.instanceTypes.find((t) => t.type === type)?.onDemandUSD;
      if (od === null || od === undefined) continue;
      onDemandRate = od;
    }
    const scale = line.rateUSD > 0 ? onDemandRate / line.rateUSD : 0;
    const slots = lineWeek(line, optionId, week);
    for (let q = 0; q < SLOTS_PER_WEEK; q++) {
      slots[q] = (slots[q] as number) * scale;
      total[q]! += slots[q] as number;
    }
    const series: UsageProfileSeries = {
      service: line.service,
      component: line.component,
      label: line.label ?? line.component,
      usageType: line.usageType,
      onDemandRateUSD: onDemandRate,
      onDemandUSDPerSlot: slots,
    };
    if (line.environment) series.environment = line.environment;
    eligible.push(series);
  }
  return { optionId, slotsPerHour: SLOTS_PER_HOUR, eligible, totalUSDPerSlot: total };
}
